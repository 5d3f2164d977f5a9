/**
 * One saved profile and what can be done to it. Rename and certificate replacement open
 * inline; removal asks for confirmation in place (no confirm() dialog). The secondary
 * certificate and rotation have their own part (SecondaryCertificate).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProfileView } from '../../../../shared/contract/index.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { checkCertificate, checkProfileName } from '../../logic/profile-form.js';
import { SecondaryCertificate } from './SecondaryCertificate.js';

type Mode = 'view' | 'rename' | 'certificate' | 'remove';

export function ProfileRow({
  profile,
  keychainReason,
  onChanged,
}: {
  profile: ProfileView;
  keychainReason: string | undefined;
  onChanged(): Promise<void>;
}) {
  const [mode, setMode] = useState<Mode>('view');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // A refusal about the new name (e.g. another profile has it) belongs at the name field.
  const [nameError, setNameError] = useState<string | undefined>();

  // The buttons that open each editor: closing one (Escape, Cancel, Keep it, Save) puts the
  // keyboard focus back where the user was, instead of on <body>.
  const openers = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});
  const returnFocusTo = useRef<Mode | undefined>(undefined);
  useEffect(() => {
    if (mode !== 'view' || returnFocusTo.current === undefined) return;
    openers.current[returnFocusTo.current]?.focus();
    returnFocusTo.current = undefined;
  }, [mode]);

  const open = (next: Mode) => {
    setMode(next);
    setText(next === 'rename' ? profile.name : '');
    setTouched(false);
    setFailure(undefined);
    setNameError(undefined);
  };
  const close = () => {
    returnFocusTo.current = mode;
    open('view');
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  async function run(action: () => Promise<unknown>) {
    setFailure(undefined);
    try {
      await action();
      returnFocusTo.current = mode;
      setMode('view');
      await onChanged();
    } catch (error) {
      const aboutName = error instanceof ApiError && (error.code === 'profile_exists' || error.field === 'name');
      if (mode === 'rename' && aboutName) setNameError(error.message);
      else setFailure(errorMessage(error));
    }
  }

  const fieldError = !touched
    ? undefined
    : mode === 'rename'
      ? (checkProfileName(text) ?? nameError)
      : mode === 'certificate'
        ? checkCertificate(text)
        : undefined;
  const submitEdit = () => {
    setTouched(true);
    if ((mode === 'rename' ? checkProfileName(text) : checkCertificate(text)) !== undefined) return;
    void run(() =>
      mode === 'rename'
        ? call('profiles:rename', { id: profile.id, name: text })
        : call('profiles:update-certificate', { id: profile.id, appCertificate: text }),
    );
  };

  return (
    <li className="card profile-row" aria-label={`Profile ${profile.name}`}>
      <div>
        <strong>{profile.name}</strong> {profile.isDefault ? <span className="badge badge-ok">default</span> : null}
        <div className="muted">
          App ID <code>{profile.appId}</code> · added {new Date(profile.createdAt).toLocaleDateString()}
        </div>
      </div>
      {/* The same place for every profile's buttons, default or not, at any width. */}
      <div className="row profile-actions">
        {!profile.isDefault ? (
          <button type="button" onClick={() => void run(() => call('profiles:set-default', { id: profile.id }))}>
            Set as default
          </button>
        ) : null}
        <button type="button" ref={(button) => void (openers.current.rename = button)} onClick={() => open('rename')}>
          Rename
        </button>
        <button
          type="button"
          disabled={keychainReason !== undefined}
          title={keychainReason}
          ref={(button) => void (openers.current.certificate = button)}
          onClick={() => open('certificate')}
        >
          Replace certificate
        </button>
        <button
          type="button"
          className="danger"
          ref={(button) => void (openers.current.remove = button)}
          onClick={() => open('remove')}
        >
          Remove
        </button>
      </div>
      {mode === 'rename' || mode === 'certificate' ? (
        <form
          className="row"
          noValidate
          onKeyDown={closeOnEscape}
          onSubmit={(event) => {
            event.preventDefault();
            submitEdit();
          }}
        >
          <Field
            label={mode === 'rename' ? `New name for ${profile.name}` : `New App Certificate for ${profile.name}`}
            type={mode === 'certificate' ? 'password' : 'text'}
            autoComplete="off"
            autoFocus
            value={text}
            error={fieldError}
            onChange={(event) => {
              setTouched(true);
              setNameError(undefined);
              setText(event.target.value);
            }}
          />
          <button type="submit" className="primary">
            {mode === 'rename' ? 'Save name' : 'Save certificate'}
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </form>
      ) : null}
      {mode === 'remove' ? (
        <div
          className="notice notice-warn"
          role="group"
          aria-label={`Confirm removing ${profile.name}`}
          onKeyDown={closeOnEscape}
        >
          Remove “{profile.name}” and delete its App Certificate from the keychain?{' '}
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => void run(() => call('profiles:remove', { id: profile.id }))}
          >
            Yes, remove {profile.name}
          </button>{' '}
          <button type="button" onClick={close}>
            Keep it
          </button>
        </div>
      ) : null}
      <ErrorNotice message={failure} />
      <SecondaryCertificate profile={profile} keychainReason={keychainReason} onChanged={onChanged} />
    </li>
  );
}
