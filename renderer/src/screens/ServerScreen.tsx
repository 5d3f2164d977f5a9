/**
 * Local server: the agora-token-service API on this machine, started with a saved
 * profile. Status and the request log arrive as events from main, so they stay live.
 */
import { useEffect, useRef, useState } from 'react';
import type { IpcRequest, RequestLogEntry, ServerStatus } from '../../../shared/contract/index.js';
import { PORT_MESSAGE, parsePort } from '../../../shared/contract/fields.js';
import { ApiError, call, errorMessage, subscribe } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Field } from '../components/Field.js';
import { appendLogEntry } from '../logic/request-log.js';
import { isLoopbackHost } from '../logic/server-routes.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { ApiKeyNotice } from './server/ApiKeyNotice.js';
import { ExposureChoice, type ExposureMode } from './server/ExposureChoice.js';
import { ProfileChoice } from './server/ProfileChoice.js';
import { RequestLog } from './server/RequestLog.js';
import { ServerStatusCard } from './server/ServerStatusCard.js';
import './server.css';

function useServerState() {
  const [status, setStatus] = useState<ServerStatus>({ state: 'stopped' });
  const [log, setLog] = useState<RequestLogEntry[]>([]);
  useEffect(() => {
    call('server:status', undefined).then(setStatus, () => undefined);
    const offStatus = subscribe('server:status', setStatus);
    const offRequest = subscribe('server:request', (entry) => setLog((current) => appendLogEntry(current, entry)));
    return () => {
      offStatus();
      offRequest();
    };
  }, []);
  return { status, setStatus, log };
}

/** Why Start is disabled, if it is: the first thing still missing. */
function startBlocker(
  profileIds: readonly string[],
  exposed: boolean,
  mode: ExposureMode,
  confirmed: boolean,
): string | undefined {
  if (profileIds.length === 0) return 'Choose at least one profile to serve.';
  if (exposed && mode === undefined) return 'Choose how to protect the server before starting it on this host.';
  if (exposed && mode === 'no-auth' && !confirmed) return 'Confirm that the server runs without authentication.';
  return undefined;
}

function exposureRequest(exposed: boolean, mode: ExposureMode): Pick<IpcRequest<'server:start'>, 'exposure'> {
  if (!exposed || mode === undefined) return {};
  return { exposure: mode === 'api-key' ? { mode } : { mode, confirmed: true } };
}

export function ServerScreen() {
  const { profiles } = useProfiles();
  const { status, setStatus, log } = useServerState();
  const [chosen, setChosen] = useState<string[] | undefined>();
  const [port, setPort] = useState('8080');
  const [host, setHost] = useState('127.0.0.1');
  const [cors, setCors] = useState('');
  const [mode, setMode] = useState<ExposureMode>();
  const [confirmed, setConfirmed] = useState(false);
  const [apiKey, setApiKey] = useState<string | undefined>();
  const [failure, setFailure] = useState<{ message: string; field: string | undefined } | undefined>();
  const [busy, setBusy] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const keyRef = useRef<HTMLDivElement>(null);
  const profileIds = chosen ?? [initialProfileId(profiles)].filter((id) => id !== '');
  const portNumber = parsePort(port);
  const portError = portNumber === undefined ? PORT_MESSAGE : undefined;
  const listening = status.state === 'listening';
  const exposed = !isLoopbackHost(host);
  const blocker = startBlocker(profileIds, exposed, mode, confirmed);
  const fieldError = (field: string) => (failure?.field === field ? failure.message : undefined);

  // Focus follows the action (the button pressed becomes disabled): to the key to copy, or
  // Stop, after a start; to Start after a stop.
  const focusNext = useRef<'after-start' | 'after-stop' | undefined>(undefined);
  useEffect(() => {
    const next = focusNext.current;
    if (next === undefined || busy) return;
    const target = next === 'after-stop' ? startRef.current : (keyRef.current ?? stopRef.current);
    focusNext.current = undefined;
    if (target !== null && !(target instanceof HTMLButtonElement && target.disabled)) target.focus();
  });

  async function act(action: () => Promise<ServerStatus & { apiKey?: string | undefined }>, after: () => void) {
    setFailure(undefined);
    setBusy(true);
    try {
      const { apiKey: key, ...next } = await action();
      setApiKey(key);
      setStatus(next);
      after();
    } catch (error) {
      const field = error instanceof ApiError ? error.field : undefined;
      setFailure({ message: errorMessage(error), field });
    } finally {
      setBusy(false);
    }
  }

  const start = () => {
    if (portError !== undefined || blocker !== undefined) return;
    const request = {
      profileIds,
      port: portNumber ?? 0,
      host: host.trim(),
      corsOrigins: cors.trim(),
      ...exposureRequest(exposed, mode),
    };
    void act(
      () => call('server:start', request),
      () => (focusNext.current = 'after-start'),
    );
  };
  const stop = (): void =>
    void act(
      () => call('server:stop', undefined),
      () => (focusNext.current = 'after-stop'),
    );
  const unplaced =
    failure !== undefined && !['port', 'host', 'profileIds'].includes(failure.field ?? '')
      ? failure.message
      : undefined;

  return (
    <section>
      <h1 id="screen-title">Local server</h1>
      <p className="muted">
        Serves the agora-token-service API, so apps and UIKits that fetch tokens from it work unchanged.
      </p>
      <form
        className="card"
        aria-label="Server settings"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <ProfileChoice
          profiles={profiles}
          chosen={profileIds}
          disabled={listening}
          error={fieldError('profileIds')}
          onChange={setChosen}
        />
        <div className="row">
          <Field
            label="Port"
            inputMode="numeric"
            value={port}
            disabled={listening}
            error={portError ?? fieldError('port')}
            onChange={(event) => setPort(event.target.value)}
          />
          <Field
            label="Host"
            value={host}
            disabled={listening}
            error={fieldError('host')}
            hint="127.0.0.1: this machine only"
            onChange={(event) => setHost(event.target.value)}
          />
        </div>
        {exposed ? (
          <>
            <div className="notice notice-warn" role="status">
              Host {host || '(empty)'} makes the server reachable from other machines on your network: anyone who can
              reach it gets tokens signed with the certificates of the profiles served.
            </div>
            <ExposureChoice
              mode={mode}
              confirmed={confirmed}
              disabled={listening}
              onMode={setMode}
              onConfirmed={setConfirmed}
            />
          </>
        ) : null}
        <Field
          label="CORS origins"
          value={cors}
          disabled={listening}
          placeholder="none"
          hint="Empty: no browser origins; * for any; or a comma-separated list like http://localhost:3000"
          onChange={(event) => setCors(event.target.value)}
        />
        <div className="row">
          <button
            type="submit"
            className="primary"
            ref={startRef}
            disabled={busy || listening || profiles.length === 0 || blocker !== undefined}
            aria-describedby={blocker !== undefined && !listening ? 'start-blocker' : undefined}
          >
            Start server
          </button>
          <button type="button" ref={stopRef} disabled={busy || !listening} onClick={stop}>
            Stop server
          </button>
        </div>
        {blocker !== undefined && !listening ? (
          <p className="field-hint" id="start-blocker">
            {blocker}
          </p>
        ) : null}
      </form>
      <ErrorNotice
        message={unplaced ?? (status.state === 'error' && failure === undefined ? status.error?.message : undefined)}
      />
      {apiKey !== undefined && listening ? (
        <ApiKeyNotice
          ref={keyRef}
          apiKey={apiKey}
          onDismiss={() => {
            setApiKey(undefined);
            stopRef.current?.focus();
          }}
        />
      ) : null}
      <ServerStatusCard status={status} />
      <RequestLog entries={log} />
    </section>
  );
}
