import type { PlatformEnv } from './env-options.js';
import { createFetchHandler, type FetchHandler, type FetchHandlerOptions } from './fetch-handler.js';
import { fetchHandlerFromEnv } from './handler-from-env.js';

/**
 * AWS Lambda: API Gateway HTTP API events and Lambda function URL events (both payload
 * format 2.0) in, the 2.0 result out. Only the fields this adapter reads are typed.
 */
export interface LambdaHttpEvent {
  version?: string;
  rawPath: string;
  rawQueryString?: string;
  /** Lower-cased names; repeated headers arrive joined with commas. */
  headers?: Record<string, string | undefined>;
  /** The Cookie header, split: payload 2.0 moves it out of `headers`. */
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
  requestContext: { domainName?: string; http: { method: string; sourceIp?: string } };
}

export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  /** Each Set-Cookie on its own: payload 2.0 has no other way to send several. */
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

export type LambdaHandler = (event: LambdaHttpEvent) => Promise<LambdaHttpResult>;

const BODYLESS = new Set(['GET', 'HEAD']);

export function requestFromEvent(event: LambdaHttpEvent): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  if (event.cookies !== undefined && event.cookies.length > 0) headers.set('cookie', event.cookies.join('; '));
  const host = headers.get('host') ?? event.requestContext.domainName ?? 'localhost';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const method = event.requestContext.http.method.toUpperCase();
  const body =
    BODYLESS.has(method) || event.body === undefined
      ? undefined
      : Buffer.from(event.body, event.isBase64Encoded === true ? 'base64' : 'utf8');
  return new Request(`https://${host}${event.rawPath}${query}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

/** Bodies this server sends are JSON; anything not textual goes base64, as Lambda requires. */
const TEXTUAL = /^(application\/(json|problem\+json)|text\/)/i;

export async function resultFromResponse(response: Response): Promise<LambdaHttpResult> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  const bytes = Buffer.from(await response.arrayBuffer());
  const textual = bytes.length === 0 || TEXTUAL.test(response.headers.get('content-type') ?? '');
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length === 0 ? {} : { cookies }),
    body: bytes.toString(textual ? 'utf8' : 'base64'),
    isBase64Encoded: !textual,
  };
}

function lambdaOver(fetchHandler: FetchHandler): LambdaHandler {
  return async (event) => {
    const sourceIp = event.requestContext.http.sourceIp;
    const response = await fetchHandler(
      requestFromEvent(event),
      sourceIp === undefined ? {} : { clientAddress: sourceIp },
    );
    return resultFromResponse(response);
  };
}

/** A Lambda handler with these options (credentials from wherever the caller keeps them). */
export function createLambdaHandler(options: FetchHandlerOptions): LambdaHandler {
  return lambdaOver(createFetchHandler(options));
}

/** A Lambda handler configured by environment variables (see env-options.ts). */
export function lambdaHandlerFromEnv(env: PlatformEnv): LambdaHandler {
  return lambdaOver(fetchHandlerFromEnv(env));
}

let fromProcessEnv: LambdaHandler | undefined;

/**
 * The function's handler (`agora-token-desk/lambda` → `handler`), configured by the
 * function's environment variables on its first request, then reused while the sandbox lives.
 */
export const handler: LambdaHandler = (event) => {
  fromProcessEnv ??= lambdaHandlerFromEnv(process.env);
  return fromProcessEnv(event);
};
