/**
 * The Local server form: profiles, port, host, exposure and CORS, with Start and Stop. While
 * the server runs the fields show what it was started with (from main), read-only.
 */
import type { Ref } from 'react';
import type { ProfileView } from '../../../../shared/contract/index.js';
import { Field } from '../../components/Field.js';
import type { ServerDraft } from '../../state/server-context.js';
import { ExposureChoice } from './ExposureChoice.js';
import { ProfileChoice } from './ProfileChoice.js';

export interface ServerFormValues {
  chosen: string[];
  port: string;
  host: string;
  cors: string;
}

export interface ServerFormProps {
  profiles: readonly ProfileView[];
  values: ServerFormValues;
  draft: ServerDraft;
  listening: boolean;
  busy: boolean;
  exposed: boolean;
  errors: { port?: string | undefined; host?: string | undefined; profileIds?: string | undefined };
  blocker: string | undefined;
  onEdit(change: Partial<ServerDraft>): void;
  onStart(): void;
  onStop(): void;
  formRef: Ref<HTMLFormElement>;
  startRef: Ref<HTMLButtonElement>;
  stopRef: Ref<HTMLButtonElement>;
}

export function ServerForm({
  profiles,
  values,
  draft,
  listening,
  busy,
  exposed,
  errors,
  blocker,
  onEdit,
  onStart,
  onStop,
  formRef,
  startRef,
  stopRef,
}: ServerFormProps) {
  const blocked = blocker !== undefined && !listening;
  return (
    <form
      className="card"
      aria-label="Server settings"
      noValidate
      ref={formRef}
      onSubmit={(event) => {
        event.preventDefault();
        onStart();
      }}
    >
      <ProfileChoice
        profiles={profiles}
        chosen={values.chosen}
        disabled={listening}
        error={errors.profileIds}
        onChange={(chosen) => onEdit({ chosen })}
      />
      <div className="row">
        <Field
          label="Port"
          inputMode="numeric"
          value={values.port}
          disabled={listening}
          error={errors.port}
          hint="0: any free port"
          onChange={(event) => onEdit({ port: event.target.value })}
        />
        <Field
          label="Host"
          value={values.host}
          disabled={listening}
          error={errors.host}
          hint="127.0.0.1: this machine only"
          onChange={(event) => onEdit({ host: event.target.value })}
        />
      </div>
      {exposed ? (
        <>
          <div className="notice notice-warn" role="status">
            Host {values.host} makes the server reachable from other machines on your network: anyone who can reach it
            gets tokens signed with the certificates of the profiles served.
          </div>
          <ExposureChoice
            mode={draft.mode}
            confirmed={draft.confirmed}
            disabled={listening}
            onMode={(mode) => onEdit({ mode })}
            onConfirmed={(confirmed) => onEdit({ confirmed })}
          />
        </>
      ) : null}
      <Field
        label="CORS origins"
        value={values.cors}
        disabled={listening}
        placeholder="none"
        hint="Empty: no browser origins; * for any; or a comma-separated list like http://localhost:3000"
        onChange={(event) => onEdit({ cors: event.target.value })}
      />
      <div className="row">
        <button
          type="submit"
          className="primary"
          ref={startRef}
          disabled={busy || listening || blocker !== undefined}
          aria-describedby={blocked ? 'start-blocker' : undefined}
        >
          Start server
        </button>
        <button type="button" ref={stopRef} disabled={busy || !listening} onClick={onStop}>
          Stop server
        </button>
      </div>
      {blocked ? (
        <p className="field-hint" id="start-blocker">
          {blocker}
        </p>
      ) : null}
    </form>
  );
}
