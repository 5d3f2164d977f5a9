/**
 * Local server: the agora-token-service API on this machine, started with a saved
 * profile. Status and the request log arrive as events from main, so they stay live.
 */
import { useEffect, useState } from 'react';
import type { RequestLogEntry, ServerStatus } from '../../../shared/contract/index.js';
import { PORT_MESSAGE, parsePort } from '../../../shared/contract/fields.js';
import { call, errorMessage, subscribe } from '../api.js';
import { CopyButton } from '../components/CopyButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Field } from '../components/Field.js';
import { appendLogEntry } from '../logic/request-log.js';
import { isLoopbackHost, routeExamples } from '../logic/server-routes.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { RequestLog } from './server/RequestLog.js';
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

export function ServerScreen() {
  const { profiles } = useProfiles();
  const { status, setStatus, log } = useServerState();
  const [profileId, setProfileId] = useState(() => initialProfileId(profiles));
  const [port, setPort] = useState('8080');
  const [host, setHost] = useState('127.0.0.1');
  const [cors, setCors] = useState('');
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const portNumber = parsePort(port);
  const portError = portNumber === undefined ? PORT_MESSAGE : undefined;
  const listening = status.state === 'listening';

  async function act(action: () => Promise<ServerStatus>) {
    setFailure(undefined);
    setBusy(true);
    try {
      setStatus(await action());
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const start = () => {
    if (portError !== undefined) return;
    void act(() => call('server:start', { profileId: profileId || initialProfileId(profiles), port: portNumber ?? 0, host: host.trim(), corsOrigins: cors.trim() }));
  };

  return (
    <section>
      <h1 id="screen-title">Local server</h1>
      <p className="muted">Serves the agora-token-service API, so apps and UIKits that fetch tokens from it work unchanged.</p>
      <form
        className="card"
        aria-label="Server settings"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <div className="field">
          <label htmlFor="server-profile">Profile</label>
          <select id="server-profile" value={profileId} disabled={listening} onChange={(event) => setProfileId(event.target.value)}>
            {[...profiles].sort((a, b) => Number(b.isDefault) - Number(a.isDefault)).map((profile) => (
              <option key={profile.id} value={profile.id}>
                {profile.name} ({profile.appId})
              </option>
            ))}
          </select>
        </div>
        <div className="row">
          <Field label="Port" inputMode="numeric" value={port} disabled={listening} error={portError} onChange={(event) => setPort(event.target.value)} />
          <Field label="Host" value={host} disabled={listening} hint="127.0.0.1: this machine only" onChange={(event) => setHost(event.target.value)} />
        </div>
        {!isLoopbackHost(host) ? (
          <div className="notice notice-warn" role="status">
            Host {host || '(empty)'} makes the server reachable from other machines on your network: anyone who can reach it gets tokens signed
            with this profile's certificate.
          </div>
        ) : null}
        <Field label="CORS origins" value={cors} disabled={listening} placeholder="none" hint="Empty: no browser origins; * for any; or a comma-separated list like http://localhost:3000" onChange={(event) => setCors(event.target.value)} />
        <div className="row">
          <button type="submit" className="primary" disabled={busy || listening || profiles.length === 0}>
            Start server
          </button>
          <button type="button" disabled={busy || !listening} onClick={() => void act(() => call('server:stop', undefined))}>
            Stop server
          </button>
        </div>
      </form>
      <ErrorNotice message={failure ?? (status.state === 'error' ? status.error?.message : undefined)} />
      <section className="card" aria-label="Server status">
        {listening && status.url ? (
          <>
            <p role="status">
              Listening on <code aria-label="Server URL">{status.url}</code> <CopyButton text={status.url} what="server URL" />
            </p>
            <h2>Try it</h2>
            <ul className="route-list">
              {routeExamples(status.url).map((route) => (
                <li key={route.label}>
                  <span className="label">{route.label}</span>
                  <div className="command-line">
                    <code>{route.command}</code>
                    <CopyButton text={route.command} what={`curl for ${route.label}`} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p role="status">Stopped.</p>
        )}
      </section>
      <RequestLog entries={log} />
    </section>
  );
}
