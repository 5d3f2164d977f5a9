/**
 * Local server: the agora-token-service API on this machine, started with a saved profile.
 * Its status, request log and this form live in the server provider (state from main), so
 * leaving the screen and coming back shows the same server.
 */
import { useEffect, useRef, useState } from 'react';
import type { IpcRequest, ServerStartResponse } from '../../../shared/contract/index.js';
import { PORT_MESSAGE, parsePort } from '../../../shared/contract/fields.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import { ApiError, call, errorMessage } from '../api.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { hostProblem, startBlocker, startFailureMessage } from '../logic/server-form.js';
import { isLoopbackHost } from '../logic/server-routes.js';
import { initialProfileId, useProfiles } from '../state/profiles-context.js';
import { useServer, type ExposureMode } from '../state/server-context.js';
import { ApiKeyNotice } from './server/ApiKeyNotice.js';
import { RequestLog } from './server/RequestLog.js';
import { RouteList } from './server/RouteList.js';
import { ServerForm, type ServerFormValues } from './server/ServerForm.js';
import { ServerStatusCard } from './server/ServerStatusCard.js';
import './server.css';

/** What the port field shows until the user types: Settings may change it (default 8080). */
export const DEFAULT_SERVER_PORT = 8080;

function exposureRequest(exposed: boolean, mode: ExposureMode): Pick<IpcRequest<'server:start'>, 'exposure'> {
  if (!exposed || mode === undefined) return {};
  return { exposure: mode === 'api-key' ? { mode } : { mode, confirmed: true } };
}

const PLACED_FIELDS = ['port', 'host', 'profileIds'];

function failureInfo(error: unknown): ErrorInfo {
  if (!(error instanceof ApiError)) return { code: 'internal', message: errorMessage(error) };
  return error.field === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, message: error.message, field: error.field };
}

export function ServerScreen({ defaultPort = DEFAULT_SERVER_PORT }: { defaultPort?: number }) {
  const { profiles } = useProfiles();
  const { status, setStatus, draft, editDraft, failure, setFailure } = useServer();
  const [apiKey, setApiKey] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const stopRef = useRef<HTMLButtonElement>(null);
  const keyRef = useRef<HTMLDivElement>(null);
  const listening = status.state === 'listening';
  // While it runs, the form shows what main started it with, not what was typed before.
  const values: ServerFormValues = listening
    ? {
        chosen: status.profileIds ?? [],
        port: String(status.port ?? ''),
        host: status.host ?? '',
        cors: status.corsOrigins ?? '',
      }
    : {
        chosen: draft.chosen ?? [initialProfileId(profiles)].filter((id) => id !== ''),
        port: draft.port ?? String(defaultPort),
        host: draft.host,
        cors: draft.cors,
      };
  const portNumber = parsePort(values.port);
  const hostError = listening ? undefined : hostProblem(values.host);
  const exposed = hostError === undefined && !isLoopbackHost(values.host);
  const blocker = startBlocker({
    profileCount: profiles.length,
    chosenCount: values.chosen.length,
    portValid: portNumber !== undefined,
    hostValid: hostError === undefined,
    exposed,
    mode: draft.mode,
    confirmed: draft.confirmed,
  });
  const failedAt = (field: string) =>
    failure?.field === field ? startFailureMessage(failure, status.port ?? portNumber) : undefined;
  const errors = {
    port: (portNumber === undefined ? PORT_MESSAGE : undefined) ?? failedAt('port'),
    host: hostError ?? failedAt('host'),
    profileIds: failedAt('profileIds'),
  };

  // Focus follows the action, since the button pressed becomes disabled: after a start to
  // the key to copy or Stop; after a stop to Start; after a failure to the field at fault.
  const focusNext = useRef<'after-start' | 'after-stop' | 'after-failure' | undefined>(undefined);
  useEffect(() => {
    const next = focusNext.current;
    if (next === undefined || busy) return;
    focusNext.current = undefined;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const candidates: Array<HTMLElement | null | undefined> =
      next === 'after-start'
        ? [keyRef.current, stopRef.current]
        : next === 'after-stop'
          ? [startRef.current, formRef.current?.querySelector('input')]
          : [invalid, startRef.current];
    const target = candidates.find((element) => element && !(element as HTMLButtonElement).disabled);
    target?.focus();
  });

  async function act(action: () => Promise<ServerStartResponse>, after: typeof focusNext.current) {
    setFailure(undefined);
    setBusy(true);
    try {
      const { apiKey: key, ...next } = await action();
      setApiKey(key);
      setStatus(next);
      focusNext.current = after;
    } catch (error) {
      setFailure(failureInfo(error));
      focusNext.current = 'after-failure';
    } finally {
      setBusy(false);
    }
  }

  const start = () => {
    if (portNumber === undefined || blocker !== undefined) return;
    const request = {
      profileIds: values.chosen,
      port: portNumber,
      host: values.host.trim(),
      corsOrigins: values.cors.trim(),
      ...exposureRequest(exposed, draft.mode),
    };
    void act(() => call('server:start', request), 'after-start');
  };
  const stop = (): void => void act(() => call('server:stop', undefined), 'after-stop');
  const unplaced = failure !== undefined && !PLACED_FIELDS.includes(failure.field ?? '') ? failure.message : undefined;

  return (
    <section>
      <h1 id="screen-title">Local server</h1>
      <p className="muted">
        Serves the agora-token-service API, so apps and UIKits that fetch tokens from it work unchanged.
      </p>
      <ServerForm
        profiles={profiles}
        values={values}
        draft={draft}
        listening={listening}
        busy={busy}
        exposed={exposed}
        errors={errors}
        blocker={blocker}
        onEdit={editDraft}
        onStart={start}
        onStop={stop}
        formRef={formRef}
        startRef={startRef}
        stopRef={stopRef}
      />
      <ErrorNotice message={unplaced} />
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
      <RequestLog />
      {listening && status.url ? <RouteList status={{ ...status, url: status.url }} /> : null}
    </section>
  );
}
