import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCS_SAMPLE_ROUTES } from '../../shared/server/docs-samples/register.js';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import { decodeToken } from '../../shared/token/decode.js';
import { CREDENTIALS } from './server-helpers.js';

/**
 * The docs-sample routes live behind the same policies as the agora-token-service routes:
 * API keys, the choice of project by appId, and the route list of `GET /` and /openapi.json.
 */
const KEY = 'docs-sample-key-0123456789';
const OTHER = { appId: 'a'.repeat(32), appCertificate: 'b'.repeat(32) };

let server: LocalTokenServer;
beforeAll(async () => {
  server = await LocalTokenServer.start({ credentials: [CREDENTIALS, OTHER], port: 0, auth: { apiKeys: [KEY] } });
});
afterAll(async () => {
  await server.close(0);
});

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

const auth = { authorization: `Bearer ${KEY}` };
const rtcBody = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ uid: 7, ChannelName: 'room', role: 1, ...extra });

describe('Agora docs sample routes under the server policies (real socket)', () => {
  it('need the API key like every token route', async () => {
    const refused = await call('/fetch_rtc_token', { method: 'POST', body: rtcBody() });
    expect(refused.status).toBe(401);
    expect(refused.json()).toMatchObject({ status: 401, code: '401' });
    expect((await call('/api/token/generateAppToken?expireTimeInSeconds=60')).status).toBe(401);
    const form = await call('/token/generate', {
      method: 'POST',
      body: 'userId=alice&expireSeconds=60',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(401);
    const ok = await call('/fetch_rtc_token', { method: 'POST', body: rtcBody(), headers: auth });
    expect(ok.status).toBe(200);
    const decoded = decodeToken(String(ok.json()['token']), { appCertificate: CREDENTIALS.appCertificate });
    expect(decoded.signature).toBe('valid');
  });

  it('sign with the project the appId names; an unknown appId is 404', async () => {
    const other = await call('/generate-user-token', {
      method: 'POST',
      body: JSON.stringify({ user_uuid: 'alice', expire: 60, appId: OTHER.appId }),
      headers: auth,
    });
    expect(other.status).toBe(200);
    const decoded = decodeToken(String(other.json()['token']), { appCertificate: OTHER.appCertificate });
    expect(decoded).toMatchObject({ appId: OTHER.appId, signature: 'valid' });
    const unknown = await call(`/api/token/generateUserToken?account=alice&appId=${'c'.repeat(32)}`, { headers: auth });
    expect(unknown.status).toBe(404);
  });

  it('are listed by GET / and described in /openapi.json', async () => {
    const root = await call('/');
    expect(root.status).toBe(200);
    const openapi = (await call('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const route of DOCS_SAMPLE_ROUTES) {
      expect(root.text, route.path).toContain(route.path);
      expect(openapi.paths[route.path]?.[route.method.toLowerCase()], route.path).toBeDefined();
    }
  });
});
