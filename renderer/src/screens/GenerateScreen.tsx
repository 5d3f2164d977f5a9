/**
 * Generate: one form per token kind on a saved profile. The form and each kind's last
 * result live in GenerateProvider, so leaving the screen loses nothing. A field shows its
 * error once the user left it (or after Generate); Ctrl/Cmd+Enter generates; a new result
 * is scrolled into view and announced in a polite live region.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { cliCommand, curlCommand, DEFAULT_SERVER_URL } from '../logic/equivalent-commands.js';
import { formField, getKind, toRequest, validateForm, type GenerateForm } from '../logic/generate-form.js';
import { useGenerateState, visibleErrors } from '../state/generate-context.js';
import { useNavigation } from '../state/navigation.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { KindFields, type KindFieldsProps } from './generate/KindFields.js';
import { KIND_PANEL_ID, KindTabs, tabId } from './generate/KindTabs.js';
import { TokenResult } from './generate/TokenResult.js';
import './generate.css';

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
  const { state, update, selectKind } = useGenerateState();
  const { form } = state;
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const resultRef = useRef<HTMLElement>(null);
  const serverUrl = useServerUrl();
  const errors = useMemo(() => visibleErrors(state, validateForm(form)), [state, form]);
  // A profile added or removed elsewhere: fall back to the default one.
  const profile =
    profiles.find((candidate) => candidate.id === state.profileId) ??
    profiles.find((candidate) => candidate.id === initialProfileId(profiles));
  const result = state.results[form.kind];

  const edit = (change: (current: GenerateForm) => GenerateForm) =>
    update((current) => ({ ...current, form: change(current.form), serverErrors: {} }));

  async function submit() {
    const made = form;
    update((current) => ({ ...current, submitted: true, failure: undefined }));
    if (Object.keys(validateForm(made)).length > 0 || profile === undefined) return;
    setBusy(true);
    try {
      const value = await call('token:build', toRequest(made, profile.id));
      const entry = { value, form: made, profileName: profile.name, appId: profile.appId };
      update((current) => ({ ...current, results: { ...current.results, [made.kind]: entry } }));
      // A changed text is what makes a screen reader speak again: vary it for a repeat.
      const text = `${getKind(made.kind).label} token generated.`;
      setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
      // After React drew the result: bring it into view (at 800×600 it is below the fold).
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest' }));
    } catch (error) {
      const field = error instanceof ApiError ? formField(made, error.field) : undefined;
      const message = errorMessage(error);
      update((current) =>
        field !== undefined ? { ...current, serverErrors: { [field]: message } } : { ...current, failure: message },
      );
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
    setValue: (key, value) => edit((current) => ({ ...current, values: { ...current.values, [key]: value } })),
    choose: (group, key) => edit((current) => ({ ...current, choices: { ...current.choices, [group]: key } })),
    touch: (key) =>
      update((current) =>
        current.touched[key] ? current : { ...current, touched: { ...current.touched, [key]: true } },
      ),
  };
  const label = getKind(form.kind).label;
  return (
    <section onKeyDown={onKeyDown}>
      <h1 id="screen-title">Generate</h1>
      <div className="field">
        <label htmlFor="gen-profile">Profile</label>
        <select
          id="gen-profile"
          value={profile?.id ?? ''}
          onChange={(event) => update((current) => ({ ...current, profileId: event.target.value }))}
        >
          {profiles.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.appId})
            </option>
          ))}
        </select>
      </div>
      <KindTabs selected={form.kind} select={selectKind} />
      <div role="tabpanel" id={KIND_PANEL_ID} aria-labelledby={tabId(form.kind)}>
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
        <ErrorNotice message={state.failure} />
        {result !== undefined ? (
          <TokenResult
            ref={resultRef}
            result={result}
            cli={cliCommand(result.form, result.profileName)}
            curl={curlCommand(result.form, serverUrl)}
          />
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
