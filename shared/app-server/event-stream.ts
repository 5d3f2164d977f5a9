import type { ServerResponse } from 'node:http';
import type { IpcEvent, IpcEvents, RequestLogEntry } from '../contract/index.js';

/** How often an idle stream gets a comment, so proxies and the browser keep it open. */
const KEEP_ALIVE_MS = 20_000;

/**
 * What one event may carry to the page: the contract's fields and nothing else. A request
 * log entry is rebuilt field by field, so whatever a future server attaches to it (a
 * token, a query string) never reaches the browser.
 */
export function publicPayload<E extends IpcEvent>(event: E, payload: IpcEvents[E]): IpcEvents[E] {
  if (event === 'server:request') {
    const entry = payload as RequestLogEntry;
    const { time, method, path, status, ms, id, kind, error } = entry;
    return {
      time,
      method,
      path: path.split('?')[0] ?? '',
      status,
      ms,
      ...(typeof id === 'number' ? { id } : {}),
      ...(typeof kind === 'string' ? { kind } : {}),
      ...(typeof error === 'string' ? { error } : {}),
    } as IpcEvents[E];
  }
  return payload;
}

/** One Server-Sent Events frame. JSON never contains a raw newline, so one data line suffices. */
export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The open event streams of browser mode's pages; every contract event goes to all. */
export class EventStreamHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  /** Takes over a response as an event stream until the page goes away. */
  attach(response: ServerResponse, headers: Record<string, string>): void {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    // A first comment flushes the headers, so the page knows the stream is open.
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  send<E extends IpcEvent>(event: E, payload: IpcEvents[E]): void {
    this.write(sseFrame(event, publicPayload(event, payload)));
  }

  get size(): number {
    return this.clients.size;
  }

  /** Ends every stream (server shutdown) and stops the keep-alive timer. */
  close(): void {
    clearInterval(this.keepAlive);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(chunk: string): void {
    for (const client of this.clients) client.write(chunk);
  }
}
