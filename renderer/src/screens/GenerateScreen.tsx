/**
 * Generate: one form per token kind on a saved profile. The form and each kind's last
 * result live in GenerateProvider, so leaving the screen loses nothing. A field shows its
 * error once the user left it (or after Generate); Ctrl/Cmd+Enter generates; a new result
 * is scrolled into view and announced in a polite live region.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ApiError, call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { cliCommand, curlCommand } from '../logic/equivalent-commands.js';
import {
  formField,
  formVariant,
  getKind,
  sameInput,
  toRequest,
  validateForm,
  type GenerateForm,
} from '../logic/generate-form.js';
import { useServer } from '../state/server-context.js';
import { useGenerateState, visibleErrors } from '../state/generate-context.js';
import { useNavigation } from '../state/navigation.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { KindFields, type KindFieldsProps } from './generate/KindFields.js';
import { KIND_PANEL_ID, KindTabs, tabId } from './generate/KindTabs.js';
import { TokenResult } from './generate/TokenResult.js';
import './generate.css';

/** The running local server's address; undefined while it is not listening. */
function useServerUrl(): string | undefined {
  const { status } = useServer();
  return status.state === 'listening' ? status.url : undefined;
}

/** Said in the polite live region once a result no longer matches the form. */
export const STALE_ANNOUNCEMENT = 'The token shown was made from earlier inputs.';

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
  // A result belongs to the inputs (and profile) that made it, and to no failed Generate since.
  const matches = (made: GenerateForm, profileName: string | undefined) =>
    result !== undefined && sameInput(result.form, made) && result.profileName === profileName;
  const stale = result !== undefined && (!matches(form, profile?.name) || state.failure !== undefined);
  // Said in the event that changed the inputs (not in an effect, which could run after a later
  // Generate's own announcement), and only when the result stops matching.
  const announceIfStale = (made: GenerateForm, profileName: string | undefined) => {
    if (matches(form, profile?.name) && !matches(made, profileName)) setAnnouncement(STALE_ANNOUNCEMENT);
  };

  const edit = (change: (current: GenerateForm) => GenerateForm) => {
    announceIfStale(change(form), profile?.name);
    update((current) => ({ ...current, form: change(current.form), serverErrors: {} }));
  };

  async function submit() {
    const made = form;
    update((current) => ({ ...current, submitted: true, failure: undefined }));
    if (Object.keys(validateForm(made)).length > 0 || profile === undefined) {
      setAnnouncement('No token generated: correct the fields marked in the form.');
      return;
    }
    setBusy(true);
    try {
      const value = await call('token:build', toRequest(made, profile.id));
      const entry = { value, form: made, profileName: profile.name, appId: profile.appId };
      update((current) => ({ ...current, results: { ...current.results, [made.kind]: entry } }));
      // A changed text is what makes a screen reader speak again: vary it for a repeat.
      const variant = formVariant(made);
      const text = `${getKind(made.kind).label} ${variant ?? 'token'} generated.`;
      setAnnouncement((previous) => (previous === text ? `${text}\u00a0` : text));
      // After React drew the result: bring it into view (at 800×600 it is below the fold).
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest' }));
    } catch (error) {
      const field = error instanceof ApiError ? formField(made, error.field) : undefined;
      const message = errorMessage(error);
      setAnnouncement(`No token generated: ${message}`);
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
  const variant = formVariant(form);
  return (
    <section onKeyDown={onKeyDown}>
      <h1 id="screen-title">Generate</h1>
      <div className="field">
        <label htmlFor="gen-profile">Profile</label>
        <select
          id="gen-profile"
          value={profile?.id ?? ''}
          onChange={(event) => {
            const chosen = profiles.find((candidate) => candidate.id === event.target.value);
            announceIfStale(form, chosen?.name);
            update((current) => ({ ...current, profileId: event.target.value }));
          }}
        >
          {profiles.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.appId})
            </option>
          ))}
        </select>
      </div>
      <KindTabs
        selected={form.kind}
        select={(kind) => {
          // Another kind's tab: what was said about the previous kind no longer applies.
          if (kind !== form.kind) setAnnouncement('');
          selectKind(kind);
        }}
      />
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
          {variant !== undefined ? (
            <p className="muted" id="gen-variant">
              This form builds a {label} {variant}.
            </p>
          ) : null}
          <div className="row">
            <button
              type="submit"
              className="primary"
              disabled={busy}
              // Pressing the button would blur the field being edited, whose error then shows and
              // moves the button before the release: the click would miss. Focus stays put; the
              // submit checks every field anyway.
              onMouseDown={(event) => event.preventDefault()}
            >
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
            stale={stale}
            variant={formVariant(result.form)}
            cli={cliCommand(result.form, result.profileName)}
            curl={serverUrl === undefined ? undefined : curlCommand(result.form, serverUrl)}
          />
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
