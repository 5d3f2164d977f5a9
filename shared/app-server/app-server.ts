/**
 * Browser mode: the desktop app's page and its IPC channels over HTTP on a loopback port
 * (`agora-token-desk ui`). The channels are answered by the very handler map Electron's
 * main process registers; this module only carries requests, results and events.
 *
 * Fastify rather than node:http: it is already the local token server's framework, and it
 * gives body limits, strict JSON parsing and one place (hooks) where every request, routed
 * or not, passes the guards before anything else runs.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IPC_CHANNELS, type IpcChannel, type IpcResult } from '../contract/index.js';
import type { EventSink } from '../app/event-subscriptions.js';
import type { IpcHandlerMap } from '../app/result.js';
import { TokenDeskError } from '../errors.js';
import { EventStreamHub } from './event-stream.js';
import { checkRequest, newAccessKey } from './guards.js';
import { ACCESS_KEY_FRAGMENT, ACCESS_KEY_HEADER, API_PREFIX, EVENTS_PATH } from './protocol.js';
import { loadRenderer, type StaticFile } from './static-files.js';

/** Every channel of the contract as a plain function (shared/app's createIpcHandlers). */
export type ChannelHandlers = IpcHandlerMap;
export type { EventSink };

export interface AppServerOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  handlers: ChannelHandlers;
  /** Starts forwarding the contract's events to `send`; returns the function that stops it. */
  subscribeEvents(send: EventSink): () => void;
  /** The Electron window's policy, sent with every response. */
  contentSecurityPolicy: string;
  host: string;
  port: number;
  /** Refused requests, one line each (never a key, a token or a query string). */
  log?: (line: string) => void;
}

export interface AppServer {
  /** The page's address without the key. */
  readonly url: string;
  /** The address that opens the app: the key rides in the fragment, which no request carries. */
  readonly launchUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The only channels whose request may carry an App Certificate. */
const CERTIFICATE_CHANNELS: ReadonlySet<string> = new Set<IpcChannel>([
  'profiles:add',
  'profiles:update-certificate',
  'profiles:set-secondary-certificate',
]);
const CHANNELS: ReadonlySet<string> = new Set(IPC_CHANNELS);
const BODY_LIMIT = 256 * 1024;

function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** The local token server's error shape (HttpErrorBody), for failures outside the handlers. */
function errorBody(status: number, message: string) {
  return { status, error: STATUS_CODES[status] ?? 'Error', message };
}

function carriesCertificate(body: unknown, depth = 0): boolean {
  // Token requests nest the kind's input one level down ({kind, profileId, input}); look a few levels deep.
  if (typeof body !== 'object' || body === null || depth > 4) return false;
  return Object.entries(body).some(([key, value]) => /certificate/i.test(key) || carriesCertificate(value, depth + 1));
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listenError(error: unknown, host: string, port: number): TokenDeskError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return new TokenDeskError('port_in_use', `port ${port} is already in use: choose another with --port`, 'port');
  if (code === 'EADDRNOTAVAIL')
    return new TokenDeskError('invalid_input', `host ${host} is not an address of this machine`, 'host');
  if (code === 'EACCES') return new TokenDeskError('server_error', `not allowed to listen on port ${port}`, 'port');
  return new TokenDeskError('server_error', `could not listen on ${host}:${port}: ${(error as Error).message}`);
}

function registerGuards(app: FastifyInstance, options: AppServerOptions, accessKey: string): void {
  const headers = securityHeaders(options.contentSecurityPolicy);
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const verdict = checkRequest(
      {
        host: header(request, 'host'),
        origin: header(request, 'origin'),
        fetchSite: header(request, 'sec-fetch-site'),
        isApi: path.startsWith(API_PREFIX),
        accessKey: header(request, ACCESS_KEY_HEADER),
      },
      accessKey,
    );
    if (verdict.allowed) return;
    options.log?.(
      `refused ${request.method} ${JSON.stringify(path.slice(0, 200))}: ${verdict.reason} (${verdict.status})`,
    );
    return reply.code(verdict.status).send(errorBody(verdict.status, verdict.reason));
  });
  // No CORS headers are ever added: another origin's page gets nothing it may read.
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(headers);
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(errorBody(404, 'no such page or channel')));
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status =
      error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return reply.code(status).send(errorBody(status, error.message));
  });
}

function registerRoutes(
  app: FastifyInstance,
  options: AppServerOptions,
  site: Map<string, StaticFile>,
  hub: EventStreamHub,
): void {
  const headers = securityHeaders(options.contentSecurityPolicy);

  app.get(EVENTS_PATH, (request, reply) => {
    reply.hijack();
    hub.attach(reply.raw, headers);
    request.raw.on('close', () => reply.raw.end());
  });

  app.post<{ Params: { channel: string } }>(`${API_PREFIX}:channel`, async (request, reply) => {
    const channel = request.params.channel;
    if (!CHANNELS.has(channel))
      return reply.code(404).send(errorBody(404, `unknown IPC channel: ${channel.slice(0, 100)}`));
    if (!CERTIFICATE_CHANNELS.has(channel) && carriesCertificate(request.body)) {
      const message =
        'an App Certificate is accepted only when adding a profile, replacing its certificate or saving a secondary one';
      return { ok: false, error: { code: 'invalid_input', message } } satisfies IpcResult<never>;
    }
    return options.handlers[channel as IpcChannel](request.body);
  });

  app.get('/*', (request, reply) => {
    const file = site.get(request.url.split('?')[0] ?? '');
    if (file === undefined) return reply.code(404).send(errorBody(404, 'no such page or channel'));
    return reply.type(file.type).send(file.body);
  });
}

/** Starts browser mode's server; rejects with a TokenDeskError (port in use, UI not built). */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const site = loadRenderer(options.rendererDir);
  const accessKey = newAccessKey();
  const hub = new EventStreamHub();
  const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT, return503OnClosing: true });
  // JSON only: a form or a text/plain request (what another page can send without a
  // preflight) is refused before any handler runs.
  app.removeContentTypeParser('text/plain');
  registerGuards(app, options, accessKey);
  registerRoutes(app, options, site, hub);
  const unsubscribe = options.subscribeEvents((event, payload) => hub.send(event, payload));
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    unsubscribe();
    hub.close();
    await app.close().catch(() => undefined);
    throw error instanceof TokenDeskError ? error : listenError(error, options.host, options.port);
  }
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${urlHost(options.host)}:${port}/`;
  return {
    url,
    launchUrl: `${url}#${ACCESS_KEY_FRAGMENT}=${accessKey}`,
    port,
    async close() {
      unsubscribe();
      hub.close();
      await app.close();
    },
  };
}
