/** Adds a profile; the certificate goes to main once and the field is cleared after. */
import { useState } from 'react';
import { ApiError, call, errorMessage } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { validateProfileDraft, type ProfileDraft, type ProfileErrors } from '../../logic/profile-form.js';

const EMPTY: ProfileDraft = { name: '', appId: '', appCertificate: '' };

export function AddProfileForm({
  disabledReason,
  onAdded,
  autoFocus,
}: {
  disabledReason: string | undefined;
  onAdded(): Promise<void>;
  autoFocus: boolean;
}) {
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<ProfileErrors>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const errors = touched ? { ...validateProfileDraft(draft), ...serverErrors } : {};

  const update = (patch: Partial<ProfileDraft>) => {
    setTouched(true);
    setServerErrors({});
    setSaved(undefined);
    setDraft((current) => ({ ...current, ...patch }));
  };

  async function submit() {
    setTouched(true);
    setFailure(undefined);
    if (Object.keys(validateProfileDraft(draft)).length > 0) return;
    try {
      const profile = await call('profiles:add', draft);
      setDraft(EMPTY);
      setTouched(false);
      setSaved(`Saved profile “${profile.name}”; its App Certificate is in the OS keychain.`);
      await onAdded();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'profile_exists') setServerErrors({ name: error.message });
      else if (error instanceof ApiError && error.field !== undefined && error.field in draft)
        setServerErrors({ [error.field]: error.message });
      else setFailure(errorMessage(error));
    }
  }

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
        <Field
          label="Profile name"
          autoFocus={autoFocus}
          value={draft.name}
          error={errors.name}
          onChange={(event) => update({ name: event.target.value })}
        />
        <Field
          label="App ID"
          value={draft.appId}
          error={errors.appId}
          spellCheck={false}
          onChange={(event) => update({ appId: event.target.value })}
        />
        <Field
          label="App Certificate"
          type="password"
          autoComplete="off"
          value={draft.appCertificate}
          error={errors.appCertificate}
          hint="Stored only in the OS keychain; it is never shown again."
          onChange={(event) => update({ appCertificate: event.target.value })}
        />
        <button type="submit" className="primary">
          Save profile
        </button>
      </fieldset>
      {disabledReason ? <p className="muted">{disabledReason}</p> : null}
      <ErrorNotice message={failure} />
      {saved ? (
        <div className="notice notice-ok" role="status">
          {saved}
        </div>
      ) : null}
    </form>
  );
}
