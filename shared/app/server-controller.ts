import { EventEmitter } from 'node:events';
import type { RequestLogEntry, ServerStartRequest, ServerStatus } from '../contract/index.js';
import { TokenDeskError, toErrorInfo } from '../errors.js';
import { LocalTokenServer, type LocalServerOptions } from '../server/local-token-server.js';
import { isLoopbackHost } from '../server/request-guards.js';
import type { Credentials } from '../token/validation.js';

/**
 * Settings beyond the contract's ServerStartRequest, for the Local server screen: several
 * profiles, bearer API keys (the GUI generates one with generateApiKey and shows it once,
 * or the user confirms "no authentication" before exposing), rate limit and metrics.
 */
export interface ServerStartExtras {
  /** Ids of every profile served, in the order of the credentials (the first is the default). */
  profileIds?: string[];
  apiKeys?: string[];
  rateLimit?: LocalServerOptions['rateLimit'];
  metrics?: boolean;
  shutdownDeadlineMs?: number;
  /** Must be true to listen off loopback without API keys: the UI asks the user first. */
  allowUnauthenticatedExposure?: boolean;
}

/** Where and how to listen: the contract's start request without its profile and exposure choices. */
export type ServerListenSettings = Pick<ServerStartRequest, 'port' | 'host' | 'corsOrigins'>;

/** The status, with the profiles, App IDs and authentication the UI shows (all in the contract's view). */
export type ControllerStatus = ServerStatus;

export interface ServerControllerOptions {
  /** On app quit, how long requests in flight may take before their connections are cut. */
  quitDeadlineMs?: number;
}

/** How many served requests are kept for a renderer that (re)opens the log. */
export const REQUEST_LOG_LIMIT = 500;

export interface ServerControllerEvents {
  'server:request': [RequestLogEntry];
  'server:status': [ServerStatus];
}

/**
 * The desktop app's one local token server: starts, restarts and stops it on request from
 * the UI, turns its failures into a status the UI can show, and relays its request log.
 * Calls are serialized, so a Start clicked twice never leaves two servers listening.
 */
export class ServerController extends EventEmitter<ServerControllerEvents> {
  private server: LocalTokenServer | undefined;
  private current: ControllerStatus = { state: 'stopped' };
  private readonly quitDeadlineMs: number;
  private readonly log: RequestLogEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** Numbers every request served by this controller, whatever server answered it. */
  private requestCount = 0;
  private readonly onRequest = (served: RequestLogEntry): void => {
    const entry = { ...served, id: ++this.requestCount };
    this.log.push(entry);
    if (this.log.length > REQUEST_LOG_LIMIT) this.log.splice(0, this.log.length - REQUEST_LOG_LIMIT);
    this.emit('server:request', entry);
  };

  constructor(options: ServerControllerOptions = {}) {
    super();
    this.quitDeadlineMs = options.quitDeadlineMs ?? 5_000;
  }

  status(): ControllerStatus {
    return { ...this.current };
  }

  /** The latest requests served, oldest first. */
  recentRequests(): RequestLogEntry[] {
    return [...this.log];
  }

  /** Empties the request log (the server, if running, keeps serving). */
  clearRequests(): void {
    this.log.length = 0;
  }

  /**
   * Starts the server with these settings, replacing a running one. On failure the status
   * becomes `error` (and is emitted) and the error is thrown for the caller to report.
   */
  start(
    request: ServerListenSettings,
    credentials: Credentials | Credentials[],
    extras: ServerStartExtras = {},
  ): Promise<ControllerStatus> {
    return this.serialize(async () => {
      await this.closeServer();
      const apiKeys = extras.apiKeys ?? [];
      const settings = {
        corsOrigins: request.corsOrigins,
        ...(extras.profileIds === undefined ? {} : { profileIds: extras.profileIds }),
        authentication: apiKeys.length > 0 ? ('api-keys' as const) : ('none' as const),
      };
      try {
        if (!isLoopbackHost(request.host) && apiKeys.length === 0 && extras.allowUnauthenticatedExposure !== true) {
          throw new TokenDeskError(
            'invalid_input',
            'serving other machines needs an API key or an explicit choice of no authentication',
            'host',
          );
        }
        const server = await LocalTokenServer.start({
          credentials,
          port: request.port,
          host: request.host,
          corsOrigins: request.corsOrigins,
          ...(apiKeys.length > 0 ? { auth: { apiKeys } } : {}),
          ...(extras.rateLimit === undefined ? {} : { rateLimit: extras.rateLimit }),
          ...(extras.metrics === undefined ? {} : { metrics: extras.metrics }),
          ...(extras.shutdownDeadlineMs === undefined ? {} : { shutdownDeadlineMs: extras.shutdownDeadlineMs }),
        });
        server.on('request', this.onRequest);
        this.server = server;
        this.setStatus({
          state: 'listening',
          url: server.url,
          host: server.host,
          port: server.port,
          appIds: server.appIds,
          ...settings,
        });
        return this.status();
      } catch (error) {
        this.setStatus({
          state: 'error',
          host: request.host,
          port: request.port,
          ...settings,
          error: toErrorInfo(error),
        });
        throw error;
      }
    });
  }

  stop(): Promise<ControllerStatus> {
    return this.serialize(async () => {
      await this.closeServer();
      this.setStatus({ state: 'stopped' });
      return this.status();
    });
  }

  /**
   * For app quit: closes the server, giving requests in flight at most the quit deadline
   * (a stalled client cannot hold the quit), and drops every listener.
   */
  async dispose(): Promise<void> {
    await this.serialize(() => this.closeServer(this.quitDeadlineMs));
    this.removeAllListeners();
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async closeServer(deadlineMs?: number): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    server.off('request', this.onRequest);
    await server.close(deadlineMs);
  }

  private setStatus(status: ControllerStatus): void {
    this.current = status;
    this.emit('server:status', this.status());
  }
}
