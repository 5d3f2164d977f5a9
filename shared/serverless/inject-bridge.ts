import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/**
 * Converts between the Fetch API and Fastify's `inject` (light-my-request), so a Request is
 * answered by the very app `serve` listens with, minus the socket.
 */

/** Methods whose requests carry no body (the Fetch API refuses one on them). */
const BODYLESS = new Set(['GET', 'HEAD']);
/** Statuses whose responses carry no body (the Response constructor refuses one). */
const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

export async function toInjectOptions(request: Request, clientAddress: string | undefined): Promise<InjectOptions> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // A Request built from a URL has no Host header; the server's Host rule wants one.
  headers['host'] ??= url.host;
  const method = request.method.toUpperCase() as NonNullable<InjectOptions['method']>;
  const body = BODYLESS.has(method) ? undefined : Buffer.from(await request.arrayBuffer());
  return {
    method,
    url: `${url.pathname}${url.search}`,
    headers,
    ...(body === undefined ? {} : { payload: body }),
    ...(clientAddress === undefined ? {} : { remoteAddress: clientAddress }),
  };
}

export function toResponse(reply: LightMyRequestResponse, method: string): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    if (value === undefined) continue;
    // Several Set-Cookie (or other repeated) headers stay several, not one joined line.
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, String(item));
  }
  // Content-Length is the runtime's to set from the body it actually sends.
  headers.delete('content-length');
  const bodyless = NULL_BODY_STATUS.has(reply.statusCode) || method.toUpperCase() === 'HEAD';
  return new Response(bodyless ? null : new Uint8Array(reply.rawPayload), { status: reply.statusCode, headers });
}
