/**
 * HTTP requests with exactly the headers a test names (fetch would add or refuse some, such
 * as Host and Origin): what an attacking page, a rebinding DNS name or curl sends.
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A JSON POST to one browser-mode channel, with the key unless told otherwise. */
export function postChannel(
  base: string,
  channel: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<RawResponse> {
  return rawRequest(`${base}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body ?? null),
  });
}

/** An open Server-Sent Events stream: the raw text so far, and its parsed frames. */
export interface EventStream {
  status: number;
  text(): string;
  frames(): Array<{ event: string; data: unknown }>;
  close(): void;
}

export function openEventStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (response: IncomingMessage) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      resolve({
        status: response.statusCode ?? 0,
        text: () => text,
        frames: () =>
          text
            .split('\n\n')
            .slice(0, -1)
            .map((frame) => ({
              event: /^event: (.*)$/m.exec(frame)?.[1] ?? '',
              data: /^data: (.*)$/m.exec(frame)?.[1],
            }))
            .filter((frame) => frame.data !== undefined)
            .map((frame) => ({ event: frame.event, data: JSON.parse(frame.data ?? 'null') as unknown })),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
