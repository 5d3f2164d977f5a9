/**
 * One saved profile and what can be done to it. Rename and certificate replacement open
 * inline; removal asks for confirmation in place (no confirm() dialog). The secondary
 * certificate and rotation have their own part (SecondaryCertificate).
 */
import { useState } from 'react';
import type { ProfileView } from '../../../../shared/contract/index.js';
import { call, errorMessage } from '../../api.js';
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

  const open = (next: Mode) => {
    setMode(next);
    setText(next === 'rename' ? profile.name : '');
    setTouched(false);
    setFailure(undefined);
  };

  async function run(action: () => Promise<unknown>) {
    setFailure(undefined);
    try {
      await action();
      setMode('view');
      await onChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const fieldError = !touched
    ? undefined
    : mode === 'rename'
      ? checkProfileName(text)
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
      <div className="row spread">
        <div>
          <strong>{profile.name}</strong> {profile.isDefault ? <span className="badge badge-ok">default</span> : null}
          <div className="muted">
            App ID <code>{profile.appId}</code> · added {new Date(profile.createdAt).toLocaleDateString()}
          </div>
        </div>
        <div className="row">
          {!profile.isDefault ? (
            <button type="button" onClick={() => void run(() => call('profiles:set-default', { id: profile.id }))}>
              Set as default
            </button>
          ) : null}
          <button type="button" onClick={() => open('rename')}>
            Rename
          </button>
          <button
            type="button"
            disabled={keychainReason !== undefined}
            title={keychainReason}
            onClick={() => open('certificate')}
          >
            Replace certificate
          </button>
          <button type="button" className="danger" onClick={() => open('remove')}>
            Remove
          </button>
        </div>
      </div>
      {mode === 'rename' || mode === 'certificate' ? (
        <form
          className="row"
          noValidate
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
              setText(event.target.value);
            }}
          />
          <button type="submit" className="primary">
            {mode === 'rename' ? 'Save name' : 'Save certificate'}
          </button>
          <button type="button" onClick={() => open('view')}>
            Cancel
          </button>
        </form>
      ) : null}
      {mode === 'remove' ? (
        <div className="notice notice-warn" role="group" aria-label={`Confirm removing ${profile.name}`}>
          Remove “{profile.name}” and delete its App Certificate from the keychain?{' '}
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => void run(() => call('profiles:remove', { id: profile.id }))}
          >
            Yes, remove {profile.name}
          </button>{' '}
          <button type="button" onClick={() => open('view')}>
            Keep it
          </button>
        </div>
      ) : null}
      <ErrorNotice message={failure} />
      <SecondaryCertificate profile={profile} keychainReason={keychainReason} onChanged={onChanged} />
    </li>
  );
}
