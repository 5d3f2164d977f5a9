/**
 * A profile's secondary App Certificate and rotation. Agora Console lets a project hold two
 * certificates while it changes them; here the user saves the second one, and after switching
 * it in the console, rotates: the secondary becomes the primary and the old primary is kept
 * as the secondary. Escape closes an open step; focus goes back to the button that fits next.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ProfileView } from '../../../../shared/contract/index.js';
import { ApiError, call, errorMessage } from '../../api.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import { checkCertificate } from '../../logic/profile-form.js';

type Step = 'idle' | 'add' | 'rotate';
type FocusTarget = 'add' | 'rotate';

interface Props {
  profile: ProfileView;
  keychainReason: string | undefined;
  onChanged(): Promise<void>;
}

export function SecondaryCertificate({ profile, keychainReason, onChanged }: Props) {
  const [step, setStep] = useState<Step>('idle');
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverError, setServerError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [focus, setFocus] = useState<FocusTarget | undefined>();
  const addButton = useRef<HTMLButtonElement>(null);
  const rotateButton = useRef<HTMLButtonElement>(null);
  const has = profile.hasSecondaryCertificate;

  // Runs after the list refreshed, when the button to focus may only now exist.
  useEffect(() => {
    const target = focus === 'add' ? addButton.current : focus === 'rotate' ? rotateButton.current : null;
    if (target === null) return;
    target.focus();
    setFocus(undefined);
  }, [focus, has, step]);

  const open = (next: Step) => {
    setStep(next);
    setText('');
    setTouched(false);
    setServerError(undefined);
    setFailure(undefined);
    setDone(undefined);
  };
  const close = (returnTo: FocusTarget) => {
    setStep('idle');
    setText('');
    setFocus(returnTo);
  };
  const cancelOnEscape = (returnTo: FocusTarget) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    close(returnTo);
  };

  async function run(action: () => Promise<unknown>, message: string, returnTo: FocusTarget) {
    setFailure(undefined);
    setDone(undefined);
    try {
      await action();
      await onChanged();
      setDone(message);
      close(returnTo);
    } catch (error) {
      if (step === 'add' && error instanceof ApiError && error.field === 'appCertificate')
        setServerError(error.message);
      else setFailure(errorMessage(error));
    }
  }

  const save = () => {
    setTouched(true);
    if (checkCertificate(text) !== undefined) return;
    void run(
      () => call('profiles:set-secondary-certificate', { id: profile.id, appCertificate: text }),
      'Secondary certificate saved in the OS keychain.',
      'rotate',
    );
  };
  const rotate = () =>
    void run(
      () => call('profiles:rotate', { id: profile.id }),
      'Rotated: the secondary certificate is now the primary; the former primary is kept as the secondary.',
      'rotate',
    );
  const remove = () =>
    void run(
      () => call('profiles:remove-secondary-certificate', { id: profile.id }),
      'Secondary certificate removed from the OS keychain.',
      'add',
    );
  const fieldError = touched ? (checkCertificate(text) ?? serverError) : undefined;
  const disabled = keychainReason !== undefined;

  return (
    <div className="secondary-certificate">
      <div className="row">
        {has ? (
          <span className="badge badge-ok">Secondary certificate saved</span>
        ) : (
          <span className="muted">No secondary certificate</span>
        )}
        {has ? (
          <>
            <button
              type="button"
              ref={rotateButton}
              disabled={disabled}
              title={keychainReason}
              onClick={() => open('rotate')}
            >
              Rotate
            </button>
            <button type="button" className="danger" disabled={disabled} title={keychainReason} onClick={remove}>
              Remove secondary
            </button>
          </>
        ) : (
          <button type="button" ref={addButton} disabled={disabled} title={keychainReason} onClick={() => open('add')}>
            Add secondary certificate
          </button>
        )}
      </div>
      {step === 'add' ? (
        <form
          className="row"
          aria-label={`Add a secondary certificate to ${profile.name}`}
          noValidate
          onKeyDown={cancelOnEscape('add')}
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <Field
            label={`Secondary App Certificate for ${profile.name}`}
            type="password"
            autoComplete="off"
            autoFocus
            value={text}
            error={fieldError}
            hint="From Agora Console; stored only in the OS keychain."
            onChange={(event) => {
              setTouched(true);
              setServerError(undefined);
              setText(event.target.value);
            }}
          />
          <button type="submit" className="primary">
            Save secondary certificate
          </button>
          <button type="button" onClick={() => close('add')}>
            Cancel
          </button>
        </form>
      ) : null}
      {step === 'rotate' ? (
        <div
          className="notice notice-warn"
          role="group"
          aria-label={`Confirm rotating the certificates of ${profile.name}`}
          onKeyDown={cancelOnEscape('rotate')}
        >
          <p>
            Do this after you switched to the secondary certificate in Agora Console. The secondary certificate becomes
            the primary one and signs new tokens; the current primary becomes the secondary, so tokens it signed keep
            verifying until you remove it.
          </p>
          <button type="button" className="primary" autoFocus onClick={rotate}>
            Confirm rotation
          </button>{' '}
          <button type="button" onClick={() => close('rotate')}>
            Cancel
          </button>
        </div>
      ) : null}
      <ErrorNotice message={failure} />
      {done ? (
        <div className="notice notice-ok" role="status">
          {done}
        </div>
      ) : null}
    </div>
  );
}
