import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { toResponse } from '../../shared/serverless/inject-bridge.js';
import { createFetchHandler } from '../../shared/serverless/fetch-handler.js';
import { fetchHandlerFromEnv } from '../../shared/serverless/handler-from-env.js';
import {
  answerOf,
  checkTokens,
  CREDENTIALS,
  type Door,
  ENV,
  itBehavesAsServe,
  OPTIONS,
  type Sent,
  serveDoor,
} from './parity.js';

const handler = createFetchHandler(OPTIONS);
const serve = serveDoor();
afterAll(() => serve.close());

function request({ method = 'GET', path, headers = {}, body }: Sent): Request {
  return new Request(`https://tokens.example.com${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

const door: Door = async (sent) => answerOf(await handler(request(sent)));

describe('the fetch handler (Request → Response, in Node)', () => {
  itBehavesAsServe(door, serve.door);

  it('sends no body on a preflight (204)', async () => {
    const preflight = await handler(
      request({ method: 'OPTIONS', path: '/ping', headers: { origin: ENV['CORS_ALLOW_ORIGIN']! } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.body).toBeNull();
    expect(preflight.headers.get('vary')).toBe('Origin');
  });

  it('keeps repeated response headers apart: two Set-Cookie stay two', async () => {
    // The token routes set no cookie; a Fastify reply that does shows the conversion.
    const app = Fastify();
    app.get('/two', (_request, reply) => {
      void reply.header('set-cookie', ['a=1; Path=/', 'b=2; HttpOnly']).header('x-list', ['p', 'q']);
      return { ok: true };
    });
    const response = toResponse(await app.inject({ url: '/two' }), 'GET');
    await app.close();
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; HttpOnly']);
    expect(response.headers.get('x-list')).toBe('p, q');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers HEAD without a body', async () => {
    const head = await handler(request({ method: 'HEAD', path: '/ping' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('is configured by environment variables as serve is (APP_ID, APP_CERTIFICATE, PROJECTS, ...)', async () => {
    const fromEnv = fetchHandlerFromEnv(ENV);
    await checkTokens(async (sent) => answerOf(await fromEnv(request(sent))));
  });

  it("counts a rate limit by the client address the platform gives, with serve's 429", async () => {
    const limited = createFetchHandler({ credentials: CREDENTIALS, rateLimit: { max: 1 } });
    const from = (clientAddress: string) => limited(request({ path: '/rtm/alice' }), { clientAddress });
    expect((await from('192.0.2.1')).status).toBe(200);
    const refused = await from('192.0.2.1');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({
      status: 429,
      error: 'too many requests: the limit is 1 per 1 minute',
    });
    expect((await from('192.0.2.2')).status).toBe(200);
  });

  it('refuses bad options when built, not on the first request', () => {
    expect(() => createFetchHandler({ credentials: [] })).toThrow(/at least one profile/);
    expect(() => createFetchHandler({ credentials: [CREDENTIALS, { ...CREDENTIALS }] })).toThrow(/served twice/);
  });
});
