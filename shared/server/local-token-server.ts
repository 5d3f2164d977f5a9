import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { RequestLogEntry } from '../contract/index.js';
import { TokenDeskError } from '../errors.js';
import { resolveServerOptions, type LocalServerOptions } from './server-options.js';
import { createTokenApp } from './token-app.js';

export { createTokenApp } from './token-app.js';
export { DEFAULT_HOST, DEFAULT_PORT, type LocalServerOptions } from './server-options.js';

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
  private readonly app: FastifyInstance;

  private constructor(app: FastifyInstance, host: string, port: number) {
    super();
    this.app = app;
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
    server = new LocalTokenServer(app, resolved.host, address.port);
    return server;
  }

  /** Stops accepting connections and resolves once in-flight requests have been answered. */
  async close(): Promise<void> {
    await this.app.close();
  }
}

function listenError(error: unknown, host: string, port: number): TokenDeskError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new TokenDeskError('port_in_use', `port ${port} on ${host} is already in use: choose another with --port or SERVER_PORT`, 'port');
  }
  if (code === 'EADDRNOTAVAIL') {
    return new TokenDeskError('invalid_input', `host ${host} is not an address of this machine`, 'host');
  }
  if (code === 'EACCES') {
    return new TokenDeskError('server_error', `not allowed to listen on port ${port} (ports below 1024 need privileges)`, 'port');
  }
  return new TokenDeskError('server_error', `could not listen on ${host}:${port}: ${(error as Error).message}`);
}
