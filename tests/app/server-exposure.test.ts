import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventSubscriptions } from '../../shared/app/event-subscriptions.js';
import type { IpcEvent, IpcEvents } from '../../shared/contract/index.js';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC server:start exposure');

/**
 * server:start from the Local server screen: several profiles, and the explicit choice
 * before listening beyond loopback. Bound to 0.0.0.0, the tests still talk only to
 * 127.0.0.1 (the server is on this machine).
 */
describe.skipIf(!available)('IPC server:start: several profiles and exposure', () => {
  let h: Harness;
  const first = randomCredentials();
  const second = randomCredentials();
  const ids: string[] = [];
  const events: Array<{ event: IpcEvent; payload: IpcEvents[IpcEvent] }> = [];
  let unsubscribe: () => void;
  const exposed = (extra: object) => ({ profileIds: [ids[0]], port: 0, host: '0.0.0.0', corsOrigins: '', ...extra });
  const local = (port: number | undefined) => `http://127.0.0.1:${port ?? 0}`;

  beforeAll(async () => {
    h = await openHarness();
    ids.push((await h.ok('profiles:add', { name: 'first', ...first })).id);
    ids.push((await h.ok('profiles:add', { name: 'second', ...second })).id);
    unsubscribe = createEventSubscriptions(h.server, (event, payload) => events.push({ event, payload }));
  });
  afterAll(async () => {
    unsubscribe();
    await h.close();
  });

  it('serves every profile chosen: the first without appId, the others by appId', async () => {
    const status = await h.ok('server:start', {
      profileIds: [ids[1], ids[0]],
      port: 0,
      host: '127.0.0.1',
      corsOrigins: '',
    });
    expect(status).toMatchObject({
      state: 'listening',
      profileIds: [ids[1], ids[0]],
      appIds: [second.appId, first.appId],
      authentication: 'none',
    });
    expect(status).not.toHaveProperty('apiKey');
    const plain = (await (await fetch(`${status.url}/rtm/alice/`)).json()) as { rtmToken: string };
    expect(decodeToken(plain.rtmToken, { appCertificate: second.appCertificate })).toMatchObject({
      appId: second.appId,
      signature: 'valid',
    });
    const picked = (await (await fetch(`${status.url}/rtm/alice/?appId=${first.appId}`)).json()) as {
      rtmToken: string;
    };
    expect(decodeToken(picked.rtmToken, { appCertificate: first.appCertificate })).toMatchObject({
      appId: first.appId,
      signature: 'valid',
    });
    expect((await fetch(`${status.url}/rtm/alice/?appId=${'f'.repeat(32)}`)).status).toBe(404);
    await h.ok('server:stop', undefined);
  });

  it('checks the profile list: at least one, each once, every one known', async () => {
    const base = { port: 0, host: '127.0.0.1', corsOrigins: '' };
    expect(await h.fail('server:start', { ...base, profileIds: [] })).toMatchObject({
      code: 'invalid_input',
      field: 'profileIds',
      message: 'choose at least one profile',
    });
    expect(await h.fail('server:start', { ...base, profileIds: [ids[0], ids[0]] })).toMatchObject({
      code: 'invalid_input',
      message: 'choose each profile once',
    });
    expect((await h.fail('server:start', { ...base, profileIds: [ids[0], 'missing'] })).code).toBe('profile_not_found');
    expect((await h.fail('server:start', { ...base, profileId: ids[0] })).code).toBe('invalid_input');
    expect(h.server.status().state).not.toBe('listening');
  });

  it('refuses to listen beyond loopback without a choice', async () => {
    const error = await h.fail('server:start', exposed({}));
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'host',
      message: expect.stringContaining('needs an API key or an explicit choice'),
    });
    expect(h.server.status().state).toBe('error');
  });

  it('"no authentication" needs the confirmation, then serves anyone', async () => {
    expect(await h.fail('server:start', exposed({ exposure: { mode: 'no-auth' } }))).toMatchObject({
      code: 'invalid_input',
      field: 'exposure.confirmed',
    });
    expect((await h.fail('server:start', exposed({ exposure: { mode: 'no-auth', confirmed: false } }))).code).toBe(
      'invalid_input',
    );
    expect((await h.fail('server:start', exposed({ exposure: { mode: 'open' } }))).message).toBe(
      'choose an API key or no authentication',
    );
    const status = await h.ok('server:start', exposed({ exposure: { mode: 'no-auth', confirmed: true } }));
    expect(status).toMatchObject({ state: 'listening', host: '0.0.0.0', authentication: 'none' });
    expect(status).not.toHaveProperty('apiKey');
    expect((await fetch(`${local(status.port)}/rtm/alice/`)).status).toBe(200);
    await h.ok('server:stop', undefined);
  });

  it('"API key": main makes a key, returns it once, and the server wants it', async () => {
    events.length = 0;
    const started = await h.ok(
      'server:start',
      exposed({ exposure: { mode: 'api-key' }, rateLimit: { max: 100 }, metrics: true }),
    );
    const key = started.apiKey ?? '';
    expect(key).toMatch(/^atd_[A-Za-z0-9_-]{43}$/);
    expect(started).toMatchObject({
      state: 'listening',
      authentication: 'api-keys',
      profileIds: [ids[0]],
      appIds: [first.appId],
    });

    const url = local(started.port);
    expect((await fetch(`${url}/rtm/alice/`)).status).toBe(401);
    expect((await fetch(`${url}/rtm/alice/`, { headers: { authorization: `Bearer ${key}x` } })).status).toBe(401);
    const ok = await fetch(`${url}/rtm/alice/`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    const { rtmToken } = (await ok.json()) as { rtmToken: string };
    expect(decodeToken(rtmToken, { appCertificate: first.appCertificate }).signature).toBe('valid');
    expect((await fetch(`${url}/ping`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);

    // Once: not in the status, not in any event; a new start makes a new key.
    const status = await h.ok('server:status', undefined);
    expect(status).toMatchObject({ state: 'listening', authentication: 'api-keys' });
    expect(JSON.stringify(status)).not.toContain(key);
    expect(JSON.stringify(h.server.status())).not.toContain(key);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(key);
    const again = await h.ok('server:start', exposed({ exposure: { mode: 'api-key' } }));
    expect(again.apiKey).toMatch(/^atd_/);
    expect(again.apiKey).not.toBe(key);
    expect(
      (await fetch(`${local(again.port)}/rtm/alice/`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(401);
    await h.ok('server:stop', undefined);
  });
});
