import { EventEmitter } from 'node:events';
import type { RequestLogEntry, ServerStartRequest, ServerStatus } from '../../shared/contract/index.js';
import { toErrorInfo } from '../../shared/errors.js';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import type { Credentials } from '../../shared/token/validation.js';

/** How many served requests are kept for a renderer that (re)opens the log. */
export const REQUEST_LOG_LIMIT = 200;

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
  private current: ServerStatus = { state: 'stopped' };
  private readonly log: RequestLogEntry[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly onRequest = (entry: RequestLogEntry): void => {
    this.log.push(entry);
    if (this.log.length > REQUEST_LOG_LIMIT) this.log.splice(0, this.log.length - REQUEST_LOG_LIMIT);
    this.emit('server:request', entry);
  };

  status(): ServerStatus {
    return { ...this.current };
  }

  /** The latest requests served, oldest first. */
  recentRequests(): RequestLogEntry[] {
    return [...this.log];
  }

  /**
   * Starts the server with these settings, replacing a running one. On failure the status
   * becomes `error` (and is emitted) and the error is thrown for the caller to report.
   */
  start(request: ServerStartRequest, credentials: Credentials): Promise<ServerStatus> {
    return this.serialize(async () => {
      await this.closeServer();
      const settings = { profileId: request.profileId, corsOrigins: request.corsOrigins };
      try {
        const server = await LocalTokenServer.start({
          credentials,
          port: request.port,
          host: request.host,
          corsOrigins: request.corsOrigins,
        });
        server.on('request', this.onRequest);
        this.server = server;
        this.setStatus({ state: 'listening', url: server.url, host: server.host, port: server.port, ...settings });
        return this.status();
      } catch (error) {
        this.setStatus({ state: 'error', host: request.host, port: request.port, ...settings, error: toErrorInfo(error) });
        throw error;
      }
    });
  }

  stop(): Promise<ServerStatus> {
    return this.serialize(async () => {
      await this.closeServer();
      this.setStatus({ state: 'stopped' });
      return this.status();
    });
  }

  /** For app quit: closes the server and drops every listener. */
  async dispose(): Promise<void> {
    await this.serialize(() => this.closeServer());
    this.removeAllListeners();
  }

  private serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async closeServer(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    server.off('request', this.onRequest);
    await server.close();
  }

  private setStatus(status: ServerStatus): void {
    this.current = status;
    this.emit('server:status', this.status());
  }
}
