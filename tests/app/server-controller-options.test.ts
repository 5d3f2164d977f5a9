import { afterEach, describe, expect, it } from 'vitest';
import { ServerController } from '../../shared/app/server-controller.js';
import { generateApiKey } from '../../shared/server/api-keys.js';
import { decodeToken } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { holdRequest } from '../helpers/serve-process.js';

// The desktop app's controller without Electron: real LocalTokenServers on loopback.
const OTHER = { appId: 'aabbccddeeff00112233445566778899', appCertificate: '00112233445566778899aabbccddeeff' };
const request = (host = '127.0.0.1') => ({ port: 0, host, corsOrigins: '' });
const controllers: ServerController[] = [];
afterEach(async () => {
  await Promise.all(controllers.splice(0).map((controller) => controller.dispose()));
});

function controller(options?: ConstructorParameters<typeof ServerController>[0]): ServerController {
  const created = new ServerController(options);
  controllers.push(created);
  return created;
}

describe('ServerController: several profiles, API keys, exposure, quit', () => {
  it('serves several profiles, picked by appId, and reports them in its status', async () => {
    const status = await controller().start(request(), [VECTOR_CREDENTIALS, OTHER], { profileIds: ['p1', 'p2'] });
    expect(status).toMatchObject({
      state: 'listening',
      profileIds: ['p1', 'p2'],
      appIds: [VECTOR_CREDENTIALS.appId, OTHER.appId],
      authentication: 'none',
    });
    const answer = (await (await fetch(`${status.url}/chat/app?appId=${OTHER.appId}`)).json()) as { chatToken: string };
    expect(decodeToken(answer.chatToken).appId).toBe(OTHER.appId);
  });

  it('passes API keys, rate limit and metrics through', async () => {
    const key = generateApiKey();
    expect(key).toMatch(/^atd_[A-Za-z0-9_-]{43}$/);
    const status = await controller().start(request(), VECTOR_CREDENTIALS, {
      apiKeys: [key],
      rateLimit: { max: 1 },
      metrics: true,
    });
    expect(status.authentication).toBe('api-keys');
    expect((await fetch(`${status.url}/rtm/u`)).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${key}` } };
    expect((await fetch(`${status.url}/rtm/u`, auth)).status).toBe(200);
    expect((await fetch(`${status.url}/rtm/u`, auth)).status).toBe(429);
    expect((await fetch(`${status.url}/metrics`)).status).toBe(200);
  });

  it('refuses to listen off loopback without an API key unless "no authentication" was chosen', async () => {
    const refused = controller();
    await expect(refused.start(request('0.0.0.0'), VECTOR_CREDENTIALS)).rejects.toThrow(
      /needs an API key or an explicit choice/,
    );
    expect(refused.status()).toMatchObject({ state: 'error', error: { code: 'invalid_input', field: 'host' } });
    const chosen = await controller().start(request('0.0.0.0'), VECTOR_CREDENTIALS, {
      allowUnauthenticatedExposure: true,
    });
    expect(chosen.state).toBe('listening');
  });

  it('quitting does not wait for a stalled client beyond the quit deadline', async () => {
    const quitting = controller({ quitDeadlineMs: 200 });
    // The request timeout would hold the connection far longer than the test: only the deadline can end it.
    const status = await quitting.start(request(), VECTOR_CREDENTIALS, { shutdownDeadlineMs: 3_600_000 });
    const stalled = await holdRequest(status.url ?? '', JSON.stringify({ tokenType: 'chat' }));
    await quitting.dispose();
    await stalled.cut;
    await expect(fetch(`${status.url}/ping`)).rejects.toThrow();
  });
});
