/**
 * Generate: one form per token kind on a saved profile. Fields are checked as the user
 * types (after first touching the form), Ctrl/Cmd+Enter generates, and the result offers
 * the token, its expiry, and the same request from the CLI and the local server.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ApiError, call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { cliCommand, curlCommand, DEFAULT_SERVER_URL } from '../logic/equivalent-commands.js';
import { EMPTY_FORM, KIND_LABELS, TOKEN_KINDS, toRequest, validateForm, type FieldErrors, type GenerateForm, type TokenKind } from '../logic/generate-form.js';
import { useNavigation } from '../state/navigation.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { ChatFields, RteFields, RtcFields, RtmFields, type KindFieldsProps } from './generate/KindFields.js';
import { TokenResult, type GenerateResult } from './generate/TokenResult.js';
import './generate.css';

async function generate(form: GenerateForm, profileId: string): Promise<GenerateResult> {
  const next = toRequest(form, profileId);
  switch (next.channel) {
    case 'token:rte':
      return { kind: 'pair', pair: await call('token:rte', next.request) };
    case 'token:rtc':
      return { kind: 'single', token: await call('token:rtc', next.request) };
    case 'token:rtm':
      return { kind: 'single', token: await call('token:rtm', next.request) };
    case 'token:chat':
      return { kind: 'single', token: await call('token:chat', next.request) };
  }
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
  const [result, setResult] = useState<{ value: GenerateResult; form: GenerateForm } | undefined>();
  const serverUrl = useServerUrl();
  const errors = useMemo(() => (touched ? { ...validateForm(form), ...serverErrors } : {}), [touched, form, serverErrors]);
  // A profile added or removed elsewhere: fall back to the default one.
  const profile = profiles.find((candidate) => candidate.id === profileId) ?? profiles.find((candidate) => candidate.id === initialProfileId(profiles));

  const update = (patch: Partial<GenerateForm>) => {
    setTouched(true);
    setServerErrors({});
    setForm((current) => ({ ...current, ...patch }));
  };

  async function submit() {
    setTouched(true);
    setFailure(undefined);
    if (Object.keys(validateForm(form)).length > 0 || profile === undefined) return;
    setBusy(true);
    try {
      setResult({ value: await generate(form, profile.id), form });
    } catch (error) {
      if (error instanceof ApiError && error.field !== undefined && error.field in form) setServerErrors({ [error.field]: error.message });
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
          Tokens are signed with a project's App Certificate. <button type="button" onClick={() => navigate('profiles')}>Add a profile</button>
        </div>
      </section>
    );
  }

  const fields: KindFieldsProps = { form, errors, update };
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
        {TOKEN_KINDS.map((kind: TokenKind) => (
          <button key={kind} type="button" role="tab" aria-selected={form.kind === kind} onClick={() => setForm((current) => ({ ...current, kind }))}>
            {KIND_LABELS[kind]}
          </button>
        ))}
      </div>
      <form
        className="card"
        aria-label={`${KIND_LABELS[form.kind]} token`}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {form.kind === 'rtc' ? <RtcFields {...fields} /> : form.kind === 'rtm' ? <RtmFields {...fields} /> : form.kind === 'rte' ? <RteFields {...fields} /> : <ChatFields {...fields} />}
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            Generate
          </button>
          <span className="muted">Ctrl+Enter (⌘+Enter)</span>
        </div>
      </form>
      <ErrorNotice message={failure} />
      {result !== undefined ? (
        <TokenResult result={result.value} cli={cliCommand(result.form, profile?.name ?? '')} curl={curlCommand(result.form, serverUrl)} />
      ) : null}
    </section>
  );
}
