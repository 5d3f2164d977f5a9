/**
 * "Check against my app": what the client does (App ID, action, channel, uid or account and
 * the SDK call, error code) checked against the token by main's doctor, which also verifies
 * the signature with the saved profile for the token's App ID. One polite live region
 * announces each completed check, not each keystroke.
 */
import { useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Field } from '../../components/Field.js';
import {
  ACTION_CHOICES,
  EMPTY_DOCTOR_FORM,
  IDENTITY_CALLS,
  doctorContext,
  type DoctorFormValues,
} from '../../logic/doctor-form.js';
import { findingsSummary } from '../../logic/findings-summary.js';
import { Findings } from './Findings.js';
import { useDiagnosis } from './useDiagnosis.js';

export function DoctorPanel({ token, profileName }: { token: string; profileName: string | null }) {
  const id = useId();
  const [values, setValues] = useState<DoctorFormValues>(EMPTY_DOCTOR_FORM);
  const set = <K extends keyof DoctorFormValues>(key: K, value: DoctorFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const parsed = useMemo(() => doctorContext(values), [values]);
  const { diagnosis, failure } = useDiagnosis(token, parsed.ok ? parsed.context : undefined);
  const fieldError = (key: keyof DoctorFormValues) => (!parsed.ok && parsed.field === key ? parsed.message : undefined);
  const identityBox = IDENTITY_CALLS.find((c) => c.value === values.identityCall)?.box ?? 'UID';

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Check against my app</h2>
      <p className="muted">
        {profileName === null
          ? 'No saved profile has this token’s App ID, so its signature cannot be checked.'
          : `The signature is checked with the App Certificate of profile “${profileName}”.`}{' '}
        Fill in what your client does; empty boxes are not checked.
      </p>
      <form onSubmit={(event) => event.preventDefault()}>
        <Field
          label="Client App ID"
          value={values.appId}
          error={fieldError('appId')}
          spellCheck={false}
          onChange={(e) => set('appId', e.target.value)}
        />
        <div className="field">
          <label htmlFor={`${id}-action`}>Action</label>
          <select
            id={`${id}-action`}
            value={values.action}
            onChange={(e) => set('action', e.target.value as DoctorFormValues['action'])}
          >
            <option value="">Not said</option>
            {ACTION_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Client channel"
          value={values.channel}
          error={fieldError('channel')}
          spellCheck={false}
          onChange={(e) => set('channel', e.target.value)}
        />
        <fieldset className="field doctor-calls">
          <legend className="label">SDK call</legend>
          {IDENTITY_CALLS.map((choice) => (
            <label key={choice.value}>
              <input
                type="radio"
                name={`${id}-call`}
                value={choice.value}
                checked={values.identityCall === choice.value}
                onChange={() => set('identityCall', choice.value)}
              />{' '}
              {choice.label}
            </label>
          ))}
        </fieldset>
        <Field
          label={identityBox}
          value={values.identity}
          error={fieldError('identity')}
          spellCheck={false}
          onChange={(e) => set('identity', e.target.value)}
        />
        <Field
          label="SDK error code"
          value={values.errorCode}
          error={fieldError('errorCode')}
          hint="e.g. 110, 109 or ERR_INVALID_TOKEN"
          onChange={(e) => set('errorCode', e.target.value)}
        />
      </form>
      <ErrorNotice message={failure} />
      <h3>Findings</h3>
      <p role="status" aria-live="polite" className="findings-summary">
        {diagnosis === undefined ? '' : findingsSummary(diagnosis)}
      </p>
      {diagnosis !== undefined ? <Findings findings={diagnosis.findings} /> : null}
    </section>
  );
}
