import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { RequestLogEntry } from '../contract/index.js';
import { TokenDeskError } from '../errors.js';
import { resolveServerOptions, type LocalServerOptions } from './server-options.js';
import { createTokenApp } from './token-app.js';

export { createTokenApp } from './token-app.js';
export { DEFAULT_HOST, DEFAULT_PORT, type LocalServerOptions } from './server-options.js';
export { credentialSource, type CredentialSource } from './credential-source.js';

export interface LocalTokenServerEvents {
  /** One entry per response sent (never a token or a secret). */
  request: [entry: RequestLogEntry];
}

/**
 * The agora-token-service compatible server, listening. The desktop app starts and stops
 * it from the UI; `agora-token-desk serve` runs it headless.
 */
export class LocalTokenServer extends EventEmitter<LocalTokenServerEvents> {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The App IDs served; the first answers requests without `appId`. */
  readonly appIds: string[];
  private readonly app: FastifyInstance;
  private readonly shutdownDeadlineMs: number;
  private closing: Promise<void> | undefined;

  private constructor(app: FastifyInstance, host: string, port: number, appIds: string[], shutdownDeadlineMs: number) {
    super();
    this.app = app;
    this.appIds = appIds;
    this.shutdownDeadlineMs = shutdownDeadlineMs;
    this.host = host;
    this.port = port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  /** Validates everything, then listens; rejects with a TokenDeskError naming the problem. */
  static async start(options: LocalServerOptions): Promise<LocalTokenServer> {
    const resolved = resolveServerOptions(options);
    let server: LocalTokenServer | undefined;
    const app = createTokenApp(resolved, {
      active: () => server !== undefined && server.listenerCount('request') > 0,
      sent: (entry) => server?.emit('request', entry),
    });
    try {
      await app.listen({ port: resolved.port, host: resolved.host });
    } catch (error) {
      await app.close().catch(() => undefined);
      throw listenError(error, resolved.host, resolved.port);
    }
    const address = app.server.address() as AddressInfo;
    server = new LocalTokenServer(
      app,
      resolved.host,
      address.port,
      resolved.credentials.map((c) => c.appId),
      resolved.shutdownDeadlineMs,
    );
    return server;
  }

  /** Connections open right now (requests in flight and idle keep-alive ones). */
  openConnections(): Promise<number> {
    return new Promise((resolve) => this.app.server.getConnections((error, count) => resolve(error ? 0 : count)));
  }

  /**
   * Stops accepting connections, lets requests in flight finish, and resolves once every
   * connection is closed. Connections still open at the deadline (a stalled client) are
   * cut then, so a close never waits on a client; `deadlineMs` 0 cuts them at once.
   */
  close(deadlineMs = this.shutdownDeadlineMs): Promise<void> {
    this.closing ??= this.shutDown(deadlineMs);
    return this.closing;
  }

  /** Cuts every connection now (a second Ctrl-C) and resolves once closed. */
  closeNow(): Promise<void> {
    this.app.server.closeAllConnections();
    return this.close(0);
  }

  private async shutDown(deadlineMs: number): Promise<void> {
    const server = this.app.server;
    // Idle keep-alive connections, and those whose last request just finished, are closed
    // as soon as they are idle; node:http would otherwise keep them for keepAliveTimeout.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), deadlineMs);
    try {
      await this.app.close();
    } finally {
      clearInterval(sweep);
      clearTimeout(deadline);
    }
  }
}

function listenError(error: unknown, host: string, port: number): TokenDeskError {
  // Raised while starting (the shared rate-limit store unreachable): already in our words.
  if (error instanceof TokenDeskError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new TokenDeskError(
      'port_in_use',
      `port ${port} on ${host} is already in use: choose another with --port or SERVER_PORT`,
      'port',
    );
  }
  if (code === 'EADDRNOTAVAIL') {
    return new TokenDeskError('invalid_input', `host ${host} is not an address of this machine`, 'host');
  }
  if (code === 'EACCES') {
    return new TokenDeskError(
      'server_error',
      `not allowed to listen on port ${port} (ports below 1024 need privileges)`,
      'port',
    );
  }
  return new TokenDeskError('server_error', `could not listen on ${host}:${port}: ${(error as Error).message}`);
}
