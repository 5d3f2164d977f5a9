import { expect, it } from 'vitest';
import { createTokenApp } from '../../shared/server/token-app.js';
import type { FetchHandlerOptions } from '../../shared/serverless/fetch-handler.js';
import { decodeToken, type DecodedToken007 } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';

/**
 * The checks every serverless door must pass, each against `serve`'s own app (createTokenApp
 * bound to 0.0.0.0, answered through inject): tokens that decode with the right services,
 * the same error JSON and status, the same CORS and auth behaviour.
 */

export const CREDENTIALS = VECTOR_CREDENTIALS;
/** A second project (not a real one), for `?appId=`. */
export const OTHER = { appId: 'aabbccddeeff00112233445566778899', appCertificate: '00112233445566778899aabbccddeeff' };
export const API_KEY = 'serverless-test-key-1';
export const ORIGIN = 'https://app.example.com';

/** The options under test; each door gets them in its own form (object, env, bindings). */
export const OPTIONS: FetchHandlerOptions = {
  credentials: [CREDENTIALS, OTHER],
  corsOrigins: ORIGIN,
  auth: { apiKeys: [API_KEY] },
};

/** The same settings as environment variables / Worker bindings. */
export const ENV: Record<string, string> = {
  APP_ID: CREDENTIALS.appId,
  APP_CERTIFICATE: CREDENTIALS.appCertificate,
  PROJECTS: JSON.stringify([OTHER]),
  CORS_ALLOW_ORIGIN: ORIGIN,
  AUTH_API_KEYS: API_KEY,
};

export interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export type Door = (sent: Sent) => Promise<Answer>;

/** A fetch Response (Node's, or miniflare's) as an Answer. */
export async function answerOf(response: {
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
}): Promise<Answer> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, headers, text: await response.text() };
}

const AUTH = { authorization: `Bearer ${API_KEY}` };

/** What `serve` answers, from its app with the same options. */
export function serveDoor(options: FetchHandlerOptions = OPTIONS): { door: Door; close: () => Promise<void> } {
  const { credentials, corsOrigins, auth } = options;
  const app = createTokenApp({
    credentials,
    host: '0.0.0.0',
    ...(corsOrigins === undefined ? {} : { corsOrigins }),
    ...(auth === undefined ? {} : { auth }),
  });
  const door: Door = async ({ method = 'GET', path, headers = {}, body }) => {
    const reply = await app.inject({
      method: method as 'GET',
      url: path,
      headers: { host: 'tokens.example.com', ...headers },
      ...(body === undefined ? {} : { payload: body }),
    });
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.headers))
      if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
    return { status: reply.statusCode, headers: flat, text: reply.body };
  };
  return { door, close: () => app.close() };
}

export function decoded(token: unknown, certificate = CREDENTIALS.appCertificate): DecodedToken007 {
  expect(typeof token).toBe('string');
  const result = decodeToken(token as string, { appCertificate: certificate });
  if (result.version !== '007') throw new Error(`expected a 007 token, got ${result.version}`);
  expect(result.signature).toBe('valid');
  return result;
}

function json(answer: Answer): Record<string, unknown> {
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  return JSON.parse(answer.text) as Record<string, unknown>;
}

const PUB = { joinChannel: 3600, publishAudioStream: 3600, publishVideoStream: 3600, publishDataStream: 3600 };

/** Tokens from four kinds of route decode with the services the request asked for. */
export async function checkTokens(door: Door): Promise<void> {
  const body = await door({
    method: 'POST',
    path: '/getToken',
    headers: { ...AUTH, 'content-type': 'text/plain' },
    body: JSON.stringify({ tokenType: 'rtc', channel: 'room 1', role: 'publisher', uid: '42', expire: 600 }),
  });
  expect(body.status).toBe(200);
  const fromBody = decoded(json(body)['token']);
  expect(fromBody.expire).toBe(600);
  expect(fromBody.services).toEqual([
    {
      type: 'rtc',
      channel: 'room 1',
      uid: '42',
      privileges: { joinChannel: 600, publishAudioStream: 600, publishVideoStream: 600, publishDataStream: 600 },
    },
  ]);

  const rtc = await door({ path: '/rtc/my%20room/publisher/uid/7/?expiry=120', headers: AUTH });
  expect(rtc.status).toBe(200);
  const rtcToken = decoded(json(rtc)['rtcToken']);
  expect(rtcToken.expire).toBe(120);
  expect(rtcToken.services).toMatchObject([{ type: 'rtc', channel: 'my room', uid: '7' }]);

  const rtm = await door({ path: '/rtm/alice', headers: AUTH });
  expect(decoded(json(rtm)['rtmToken']).services).toEqual([
    { type: 'rtm', userId: 'alice', privileges: { login: 3600 } },
  ]);

  const chat = await door({ path: '/chat/account/bob/', headers: AUTH });
  expect(decoded(json(chat)['chatToken']).services).toEqual([
    { type: 'chat', userId: 'bob', privileges: { user: 3600 } },
  ]);

  const rte = await door({ path: '/rte/room/subscriber/uid/9/carol', headers: AUTH });
  const both = json(rte);
  expect(decoded(both['rtcToken']).services).toMatchObject([{ type: 'rtc', channel: 'room', uid: '9' }]);
  // As in agora-token-service, the RTE route's RTM token carries the RTC service too.
  expect(decoded(both['rtmToken']).services).toContainEqual({
    type: 'rtm',
    userId: 'carol',
    privileges: { login: 3600 },
  });

  // The second project, picked by appId, signs with its own certificate.
  const other = await door({ path: `/rtc/room/publisher/uid/1?appId=${OTHER.appId}`, headers: AUTH });
  const otherToken = decoded(json(other)['rtcToken'], OTHER.appCertificate);
  expect(otherToken.appId).toBe(OTHER.appId);
  expect(otherToken.services).toEqual([{ type: 'rtc', channel: 'room', uid: '1', privileges: PUB }]);
}

/** Requests `serve` refuses (bad input, unknown route or project, auth, CORS) and its preflight. */
export const SAME_AS_SERVE: ReadonlyArray<[string, Sent]> = [
  ['a text uid', { path: '/rtc/room/publisher/uid/abc', headers: AUTH }],
  ['a bad tokenType', { path: '/rtc/room/publisher/nonsense/1', headers: AUTH }],
  ['a text expiry', { path: '/rtm/alice?expiry=soon', headers: AUTH }],
  ['a body that is not JSON', { method: 'POST', path: '/getToken', headers: AUTH, body: '{nope' }],
  ['an empty body', { method: 'POST', path: '/getToken', headers: AUTH, body: '' }],
  ['a body without tokenType', { method: 'POST', path: '/getToken', headers: AUTH, body: '{"uid":"1"}' }],
  ['an unknown route', { path: '/nowhere', headers: AUTH }],
  ['a path that is not percent-encoding', { path: '/rtc/%ZZ/publisher/uid/1', headers: AUTH }],
  [
    'a body over the 16 KiB limit',
    { method: 'POST', path: '/getToken', headers: AUTH, body: `"${'x'.repeat(17_000)}"` },
  ],
  ['an App ID not served', { path: '/rtm/alice?appId=00000000000000000000000000000000', headers: AUTH }],
  ['no Authorization header', { path: '/rtm/alice' }],
  ['a wrong API key', { path: '/rtm/alice', headers: { authorization: 'Bearer not-the-key' } }],
  ['an Origin not allowed', { path: '/rtm/alice', headers: { ...AUTH, origin: 'https://evil.example' } }],
  ['an allowed Origin', { path: '/rtm/alice', headers: { ...AUTH, origin: ORIGIN } }],
  [
    'a CORS preflight',
    {
      method: 'OPTIONS',
      path: '/getToken',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST' },
    },
  ],
  [
    'a preflight from another Origin',
    { method: 'OPTIONS', path: '/getToken', headers: { origin: 'https://evil.example' } },
  ],
  ['the ping', { path: '/ping' }],
];

/** The headers that carry behaviour (cache, CORS, auth challenge, type), compared with serve's. */
const COMPARED = [
  'cache-control',
  'expires',
  'pragma',
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'vary',
  'www-authenticate',
  'content-type',
];

function behaviour(answer: Answer) {
  const headers = Object.fromEntries(COMPARED.map((name) => [name, answer.headers[name]]));
  const body = answer.text === '' ? '' : (JSON.parse(answer.text) as unknown);
  // A token is fresh each time (salt, issue time): compare that one is there, not its text.
  const shape =
    typeof body === 'object' && body !== null && 'rtmToken' in body ? { rtmToken: typeof body.rtmToken } : body;
  return { status: answer.status, headers, body: shape };
}

/** The door answers exactly as `serve` does: status, JSON body, the headers above. */
export async function expectSameAsServe(door: Door, reference: Door, sent: Sent): Promise<Answer> {
  const [got, expected] = await Promise.all([door(sent), reference(sent)]);
  expect(behaviour(got)).toEqual(behaviour(expected));
  return got;
}

/** The points of the list above that a reader would look for, asserted outright. */
export async function checkKeyAnswers(door: Door): Promise<void> {
  const missing = await door({ path: '/rtm/alice' });
  expect(missing.status).toBe(401);
  expect(JSON.parse(missing.text)).toEqual({
    status: 401,
    error: 'this route needs an Authorization: Bearer header',
    message: 'this route needs an Authorization: Bearer header',
  });
  expect((await door({ path: '/rtm/alice', headers: AUTH })).status).toBe(200);
  const preflight = await door({ method: 'OPTIONS', path: '/getToken', headers: { origin: ORIGIN } });
  expect(preflight.status).toBe(204);
  expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
  expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
  const refused = await door({ path: '/rtm/alice', headers: { ...AUTH, origin: 'https://evil.example' } });
  expect(refused.status).toBe(403);
  expect(JSON.parse(refused.text)).toMatchObject({ status: 403, error: 'Origin not allowed' });
}

/** The three checks every door shares, as tests in the caller's describe block. */
export function itBehavesAsServe(door: Door, reference: Door): void {
  it('answers token routes with tokens that decode to the services asked for', async () => {
    await checkTokens(door);
  });

  it.each(SAME_AS_SERVE)('answers %s exactly as serve does', async (_name, sent) => {
    await expectSameAsServe(door, reference, sent);
  });

  it('needs the API key and applies the CORS policy, as serve does', async () => {
    await checkKeyAnswers(door);
  });
}
