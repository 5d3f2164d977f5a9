/**
 * Adds a profile; the certificate goes to main once and the field is cleared after. A field
 * shows its error once the user left it with something in it, or after a submit: emptying the
 * form does not turn every field red. A submit with problems says so once, politely.
 */
import { useState } from 'react';
import { ApiError, call, errorMessage } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { validateProfileDraft, type ProfileDraft, type ProfileErrors } from '../../logic/profile-form.js';

const EMPTY: ProfileDraft = { name: '', appId: '', appCertificate: '' };
type Key = keyof ProfileDraft;

export function AddProfileForm({
  disabledReason,
  onAdded,
  autoFocus,
  firstProfile,
}: {
  disabledReason: string | undefined;
  onAdded(): Promise<void>;
  autoFocus: boolean;
  /** No profile saved yet: after saving, point to the next step. */
  firstProfile: boolean;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY);
  const [left, setLeft] = useState<Partial<Record<Key, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ProfileErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [summary, setSummary] = useState<string | undefined>();
  const [saved, setSaved] = useState<{ name: string; first: boolean } | undefined>();
  const checked = validateProfileDraft(draft);
  const errorFor = (key: Key) =>
    serverErrors[key] ?? (submitted || (left[key] === true && draft[key] !== '') ? checked[key] : undefined);

  const update = (key: Key, value: string) => {
    setServerErrors((current) => ({ ...current, [key]: undefined }));
    setSaved(undefined);
    setDraft((current) => ({ ...current, [key]: value }));
  };

  async function submit() {
    setSubmitted(true);
    setFailure(undefined);
    const problems = Object.keys(validateProfileDraft(draft)).length;
    setSummary(problems > 0 ? `Check the ${problems === 1 ? 'field' : `${problems} fields`} marked below.` : undefined);
    if (problems > 0) return;
    try {
      const profile = await call('profiles:add', draft);
      setDraft(EMPTY);
      setLeft({});
      setSubmitted(false);
      // The list is refreshed first, so "Saved" never shows beside an empty list and the welcome.
      await onAdded();
      setSaved({ name: profile.name, first: firstProfile });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'profile_exists') setServerErrors({ name: error.message });
      else if (error instanceof ApiError && error.field !== undefined && error.field in draft)
        setServerErrors({ [error.field]: error.message });
      else setFailure(errorMessage(error));
    }
  }

  const field = (key: Key) => ({
    value: draft[key],
    error: errorFor(key),
    onChange: (event: { target: { value: string } }) => update(key, event.target.value),
    onBlur: () => setLeft((current) => ({ ...current, [key]: true })),
  });

  return (
    <form
      className="card"
      aria-label="Add a profile"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h2>Add a profile</h2>
      <fieldset disabled={disabledReason !== undefined} className="plain">
        <Field label="Profile name" autoFocus={autoFocus} {...field('name')} />
        <Field label="App ID" spellCheck={false} {...field('appId')} />
        <Field
          label="App Certificate"
          type="password"
          autoComplete="off"
          hint="Stored only in the OS keychain; it is never shown again."
          {...field('appCertificate')}
        />
        <button type="submit" className="primary">
          Save profile
        </button>
      </fieldset>
      {disabledReason ? <p className="muted">{disabledReason}</p> : null}
      <p className="muted" role="status">
        {summary}
      </p>
      <ErrorNotice message={failure} />
      {saved ? (
        <div className="notice notice-ok" role="status">
          Saved profile “{saved.name}”; its App Certificate is in the OS keychain.
          {saved.first ? (
            <>
              {' '}
              Next: <a href="#/generate">Generate a token →</a>
            </>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
