/**
 * What the request log says about a response beyond its status: the error message an
 * error reply carried and the token kind the route serves. Notes are kept per response
 * object in a WeakMap, so a request nobody logs costs nothing and nothing needs cleaning up.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

const errorMessages = new WeakMap<object, string>();

export function noteErrorMessage(reply: FastifyReply, message: string): void {
  errorMessages.set(reply.raw, message);
}

export function notedErrorMessage(reply: FastifyReply): string | undefined {
  return errorMessages.get(reply.raw);
}

/** A /getToken body's tokenType, if it is a plain word (any key case, as the route parses it). */
function bodyTokenType(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === 'tokentype' && typeof value === 'string' && /^[\w-]{1,32}$/.test(value)) return value;
  }
  return undefined;
}

/** The token kind a request asked for: the route's kind, or for /getToken the body's tokenType. */
export function requestKind(request: FastifyRequest): string | undefined {
  // Optional chaining: a URL the router could not decode reaches the log without a route.
  const config = request.routeOptions as { config?: { kind?: string } } | undefined;
  const kind = config?.config?.kind;
  if (kind === 'getToken') return bodyTokenType(request.body) ?? kind;
  return kind;
}
