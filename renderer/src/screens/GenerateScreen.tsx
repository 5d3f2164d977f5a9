/**
 * Generate: one form per token kind on a saved profile. Fields are checked as the user
 * types (after first touching the form), Ctrl/Cmd+Enter generates, and the result offers
 * the token, its expiry, and the same request from the CLI and the local server.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ApiError, call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { Generated } from '../../../shared/contract/views.js';
import { cliCommand, curlCommand, DEFAULT_SERVER_URL } from '../logic/equivalent-commands.js';
import {
  EMPTY_FORM,
  TOKEN_KINDS,
  formField,
  getKind,
  toRequest,
  validateForm,
  type FieldErrors,
  type GenerateForm,
} from '../logic/generate-form.js';
import { useNavigation } from '../state/navigation.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { KindFields, type KindFieldsProps } from './generate/KindFields.js';
import { TokenResult } from './generate/TokenResult.js';
import './generate.css';

function generate(form: GenerateForm, profileId: string): Promise<Generated> {
  return call('token:build', toRequest(form, profileId));
}

function useServerUrl(): string {
  const [url, setUrl] = useState(DEFAULT_SERVER_URL);
  useEffect(() => {
    call('server:status', undefined).then(
      (status) => setUrl(status.state === 'listening' && status.url ? status.url : DEFAULT_SERVER_URL),
      () => undefined,
    );
  }, []);
  return url;
}

export function GenerateScreen() {
  const { profiles } = useProfiles();
  const { navigate } = useNavigation();
  const [profileId, setProfileId] = useState(() => initialProfileId(profiles));
  const [form, setForm] = useState<GenerateForm>(EMPTY_FORM);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ value: Generated; form: GenerateForm } | undefined>();
  const serverUrl = useServerUrl();
  const errors = useMemo(
    () => (touched ? { ...validateForm(form), ...serverErrors } : {}),
    [touched, form, serverErrors],
  );
  // A profile added or removed elsewhere: fall back to the default one.
  const profile =
    profiles.find((candidate) => candidate.id === profileId) ??
    profiles.find((candidate) => candidate.id === initialProfileId(profiles));

  const update = (change: (current: GenerateForm) => GenerateForm) => {
    setTouched(true);
    setServerErrors({});
    setForm(change);
  };

  async function submit() {
    setTouched(true);
    setFailure(undefined);
    if (Object.keys(validateForm(form)).length > 0 || profile === undefined) return;
    setBusy(true);
    try {
      setResult({ value: await generate(form, profile.id), form });
    } catch (error) {
      const field = error instanceof ApiError ? formField(form, error.field) : undefined;
      if (field !== undefined) setServerErrors({ [field]: (error as ApiError).message });
      else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  }

  if (profiles.length === 0) {
    return (
      <section>
        <h1 id="screen-title">Generate</h1>
        <div className="notice notice-info">
          Tokens are signed with a project's App Certificate.{' '}
          <button type="button" onClick={() => navigate('profiles')}>
            Add a profile
          </button>
        </div>
      </section>
    );
  }

  const fields: KindFieldsProps = {
    form,
    errors,
    setValue: (key, value) => update((current) => ({ ...current, values: { ...current.values, [key]: value } })),
    choose: (group, key) => update((current) => ({ ...current, choices: { ...current.choices, [group]: key } })),
  };
  const label = getKind(form.kind).label;
  return (
    <section onKeyDown={onKeyDown}>
      <h1 id="screen-title">Generate</h1>
      <div className="field">
        <label htmlFor="gen-profile">Profile</label>
        <select id="gen-profile" value={profile?.id ?? ''} onChange={(event) => setProfileId(event.target.value)}>
          {profiles.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.appId})
            </option>
          ))}
        </select>
      </div>
      <div className="tabs" role="tablist" aria-label="Token kind">
        {TOKEN_KINDS.map((kind) => (
          <button
            key={kind.id}
            type="button"
            role="tab"
            aria-selected={form.kind === kind.id}
            onClick={() => setForm((current) => ({ ...current, kind: kind.id as GenerateForm['kind'] }))}
          >
            {kind.label}
          </button>
        ))}
      </div>
      <form
        className="card"
        aria-label={`${label} token`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <KindFields {...fields} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Generate
          </button>
          <span className="muted">Ctrl+Enter (⌘+Enter)</span>
        </div>
      </form>
      <ErrorNotice message={failure} />
      {result !== undefined ? (
        <TokenResult
          result={result.value}
          cli={cliCommand(result.form, profile?.name ?? '')}
          curl={curlCommand(result.form, serverUrl)}
        />
      ) : null}
    </section>
  );
}
