/**
 * The local server as the whole window sees it: its status and request log, read from main
 * when the window opens and kept current by main's events, plus the Local server form as the
 * user left it. It lives above the screens, so leaving Local server loses nothing and the
 * rail can show the server's state on every screen.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { RequestLogEntry, ServerStatus } from '../../../shared/contract/index.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import { call, subscribe } from '../api.js';
import { appendLogEntry, mergeLog } from '../logic/request-log.js';

export type ExposureMode = 'api-key' | 'no-auth' | undefined;

/** The form as typed; `port` stays undefined until edited, so the default port applies. */
export interface ServerDraft {
  chosen: string[] | undefined;
  port: string | undefined;
  host: string;
  cors: string;
  mode: ExposureMode;
  confirmed: boolean;
}

export interface ServerState {
  status: ServerStatus;
  setStatus(status: ServerStatus): void;
  /** Newest first. */
  log: RequestLogEntry[];
  clearLog(): Promise<void>;
  draft: ServerDraft;
  editDraft(change: Partial<ServerDraft>): void;
  /** The last failed start, until the field it names is edited or the server starts. */
  failure: ErrorInfo | undefined;
  setFailure(failure: ErrorInfo | undefined): void;
}

const INITIAL_DRAFT: ServerDraft = {
  chosen: undefined,
  port: undefined,
  host: '127.0.0.1',
  cors: '',
  mode: undefined,
  confirmed: false,
};

/** The start request's field names (errors name these) for the draft's. */
const FIELD_OF_DRAFT: Record<string, string> = { chosen: 'profileIds', cors: 'corsOrigins' };

const ServerContext = createContext<ServerState | undefined>(undefined);

function useMainServerState() {
  const [status, setStatus] = useState<ServerStatus>({ state: 'stopped' });
  const [log, setLog] = useState<RequestLogEntry[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | undefined>();
  useEffect(() => {
    // Listen first, then read: a request served in between is in both, and merged once.
    const showStatus = (next: ServerStatus) => {
      setStatus(next);
      // A start that failed anywhere (this screen, the tray, before a reload) is explained in the form.
      if (next.state === 'error' && next.error !== undefined) setFailure(next.error);
      if (next.state === 'listening') setFailure(undefined);
    };
    const offStatus = subscribe('server:status', showStatus);
    const offRequest = subscribe('server:request', (entry) => setLog((current) => appendLogEntry(current, entry)));
    call('server:status', undefined).then(showStatus, () => undefined);
    call('server:log', undefined).then(
      (entries) => setLog((live) => mergeLog(entries, live)),
      () => undefined,
    );
    return () => {
      offStatus();
      offRequest();
    };
  }, []);
  return { status, setStatus, log, setLog, failure, setFailure };
}

export function ServerProvider({ children }: { children: ReactNode }) {
  const { status, setStatus, log, setLog, failure, setFailure } = useMainServerState();
  const [draft, setDraft] = useState<ServerDraft>(INITIAL_DRAFT);
  const editDraft = useCallback(
    (change: Partial<ServerDraft>) => {
      setDraft((current) => ({ ...current, ...change }));
      // An error at a field is answered by editing that field.
      const edited = Object.keys(change).map((key) => FIELD_OF_DRAFT[key] ?? key);
      setFailure((current) => (current?.field !== undefined && edited.includes(current.field) ? undefined : current));
    },
    [setFailure],
  );
  const clearLog = useCallback(async () => {
    await call('server:log-clear', undefined);
    setLog([]);
  }, [setLog]);
  const value = useMemo(
    () => ({ status, setStatus, log, clearLog, draft, editDraft, failure, setFailure }),
    [status, setStatus, log, clearLog, draft, editDraft, failure, setFailure],
  );
  return <ServerContext.Provider value={value}>{children}</ServerContext.Provider>;
}

export function useServer(): ServerState {
  const state = useContext(ServerContext);
  if (state === undefined) throw new Error('useServer must be used inside ServerProvider');
  return state;
}
