import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventSubscriptions } from '../../shared/app/event-subscriptions.js';
import { REQUEST_LOG_LIMIT } from '../../shared/app/server-controller.js';
import type { IpcEvent, IpcEvents, RequestLogEntry, ServerStatus } from '../../shared/contract/index.js';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC server handlers');

function listenOnFreePort(): Promise<Server> {
  return new Promise((resolve, reject) => {
    const blocker = createServer();
    blocker.once('error', reject);
    blocker.listen(0, '127.0.0.1', () => resolve(blocker));
  });
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  return address.port;
}

/** Waits until `count` events have arrived (the server emits after each response). */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('the expected events never arrived');
}

describe.skipIf(!available)('IPC server:* handlers (real LocalTokenServer on loopback)', () => {
  let h: Harness;
  let profileId: string;
  const credentials = randomCredentials();
  const events: Array<{ event: IpcEvent; payload: IpcEvents[IpcEvent] }> = [];
  let unsubscribe: () => void;
  const requests = () => events.filter((e) => e.event === 'server:request').map((e) => e.payload as RequestLogEntry);
  const statuses = () => events.filter((e) => e.event === 'server:status').map((e) => e.payload as ServerStatus);

  beforeAll(async () => {
    h = await openHarness();
    profileId = (await h.ok('profiles:add', { name: 'local', ...credentials })).id;
    unsubscribe = createEventSubscriptions(h.server, (event, payload) => events.push({ event, payload }));
  });
  afterAll(async () => {
    unsubscribe();
    const everything = JSON.stringify({ responses: h.responses, events }).toLowerCase();
    await h.close();
    expect(everything).not.toContain(credentials.appCertificate.toLowerCase());
  });

  it('is stopped before anything starts', async () => {
    expect(await h.ok('server:status', undefined)).toEqual({ state: 'stopped' });
  });

  it('starts on the profile, serves /ping and tokens over a real socket, and streams the request log', async () => {
    const status = await h.ok('server:start', { profileIds: [profileId], port: 0, host: '127.0.0.1', corsOrigins: '' });
    expect(status).toMatchObject({
      state: 'listening',
      host: '127.0.0.1',
      profileIds: [profileId],
      appIds: [credentials.appId],
      authentication: 'none',
      corsOrigins: '',
    });
    expect(status.port).toBeGreaterThan(0);
    expect(status.url).toBe(`http://127.0.0.1:${status.port}`);
    expect(await h.ok('server:status', null)).toEqual(status);
    expect(statuses().at(-1)).toEqual(status);

    const ping = await fetch(`${status.url}/ping`);
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ message: 'pong' });
    const rtc = await fetch(`${status.url}/rtc/room/publisher/uid/5/?expiry=300`);
    const { rtcToken } = (await rtc.json()) as { rtcToken: string };
    expect(decodeToken(rtcToken, { appCertificate: credentials.appCertificate })).toMatchObject({
      appId: credentials.appId,
      expire: 300,
      signature: 'valid',
    });

    await until(() => requests().length >= 2);
    expect(requests().map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', '/ping', 200],
      ['GET', '/rtc/room/publisher/uid/5/', 200],
    ]);
    expect(h.server.recentRequests()).toEqual(requests());
  });

  it('stops, and the port no longer answers', async () => {
    const url = h.server.status().url;
    expect(await h.ok('server:stop', undefined)).toEqual({ state: 'stopped' });
    expect(statuses().at(-1)).toEqual({ state: 'stopped' });
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });

  it('reports a port in use as a clear error, and the status says so', async () => {
    const blocker = await listenOnFreePort();
    try {
      const port = portOf(blocker);
      const error = await h.fail('server:start', {
        profileIds: [profileId],
        port,
        host: '127.0.0.1',
        corsOrigins: '*',
      });
      expect(error.code).toBe('port_in_use');
      expect(error.message).toContain(String(port));
      const status = await h.ok('server:status', undefined);
      expect(status).toMatchObject({ state: 'error', port, error: { code: 'port_in_use' } });
      expect(statuses().at(-1)).toEqual(status);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('validates the start request and the profile before listening', async () => {
    const base = { profileIds: [profileId], port: 8080, host: '127.0.0.1', corsOrigins: '' };
    expect(await h.fail('server:start', { ...base, port: 70000 })).toEqual({
      code: 'invalid_input',
      field: 'port',
      message: 'port must be a whole number from 0 to 65535',
    });
    expect(await h.fail('server:start', { ...base, host: ' ' })).toEqual({
      code: 'invalid_input',
      field: 'host',
      message: 'host is required',
    });
    expect((await h.fail('server:start', { ...base, profileIds: ['missing'] })).code).toBe('profile_not_found');
    expect(h.server.status().state).not.toBe('listening');
  });

  it('keeps only the latest requests in its log', async () => {
    const status = await h.ok('server:start', { profileIds: [profileId], port: 0, host: '127.0.0.1', corsOrigins: '' });
    const before = requests().length;
    const total = REQUEST_LOG_LIMIT + 5;
    for (let i = 0; i < total; i++) await (await fetch(`${status.url}/ping?n=${i}`)).text();
    await until(() => requests().length >= before + total);
    const kept = h.server.recentRequests();
    expect(kept).toHaveLength(REQUEST_LOG_LIMIT);
    expect(kept).toEqual(requests().slice(-REQUEST_LOG_LIMIT));
    await h.ok('server:stop', undefined);
  });

  it('serves its log over server:log (kept across a stop) and empties it with server:log-clear', async () => {
    const status = await h.ok('server:start', { profileIds: [profileId], port: 0, host: '127.0.0.1', corsOrigins: '' });
    const before = requests().length;
    await (await fetch(`${status.url}/ping?tag=log-read`)).text();
    await until(() => requests().length > before);
    await h.ok('server:stop', undefined);
    const log = await h.ok('server:log', undefined);
    expect(log).toEqual(h.server.recentRequests());
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: '/ping', status: 200 });
    expect(await h.ok('server:log-clear', undefined)).toEqual({ cleared: true });
    expect(await h.ok('server:log', undefined)).toEqual([]);
  });

  it('numbers each logged request and says its token kind and, for an error, its message', async () => {
    const status = await h.ok('server:start', { profileIds: [profileId], port: 0, host: '127.0.0.1', corsOrigins: '' });
    const before = requests().length;
    const post = (body: object) => fetch(`${status.url}/getToken`, { method: 'POST', body: JSON.stringify(body) });
    await (await post({ TokenType: 'rtm', uid: 'alice', expire: 60 })).text();
    await (await fetch(`${status.url}/rtc/room/publisher/uid/not-a-number/`)).text();
    await (await fetch(`${status.url}/nowhere`)).text();
    await until(() => requests().length >= before + 3);
    const [rtm, rtc, missing] = requests().slice(before);
    expect(rtm).toMatchObject({ path: '/getToken', status: 200, kind: 'rtm' });
    expect(rtm).not.toHaveProperty('error');
    expect(rtc).toMatchObject({ status: 400, kind: 'rtc', error: expect.stringMatching(/uid/) as unknown });
    expect(missing).toMatchObject({ status: 404, error: 'no route for GET /nowhere' });
    expect(missing).not.toHaveProperty('kind');
    const ids = [rtm, rtc, missing].map((entry) => entry?.id ?? 0);
    const first = ids[0] ?? 0;
    expect(first).toBeGreaterThan(0);
    expect(ids).toEqual([first, first + 1, first + 2]);
    expect(await h.ok('server:log', undefined)).toEqual(h.server.recentRequests());
    await h.ok('server:stop', undefined);
  });
});
