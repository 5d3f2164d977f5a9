import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/app/content-security-policy.js';
import { ACCESS_KEY_HEADER } from '../../shared/app-server/protocol.js';
import { decodeToken } from '../../shared/token/index.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { openEventStream, postChannel, rawRequest } from '../helpers/raw-http.js';
import { startUi, uiEnv, type UiProcess } from '../helpers/ui-process.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';

const hasKeychain = await keychainReady('browser mode profile calls');
const credentials = randomCredentials();

function corsHeaders(headers: Record<string, unknown>): string[] {
  return Object.keys(headers).filter((name) => name.startsWith('access-control-'));
}

/** A key of the same length and alphabet as the real one, differing in its last character. */
function wrongKey(key: string): string {
  return key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
}

describe('agora-token-desk ui (spawned, real sockets)', () => {
  const home = tempDir('atd-ui-cli');
  let ui: UiProcess;
  let key: Record<string, string>;

  beforeAll(async () => {
    ui = await startUi(home.path);
    key = { [ACCESS_KEY_HEADER]: ui.key };
  });
  afterAll(async () => {
    await ui?.stop();
    home.cleanup();
  });

  it('prints a loopback address carrying a key of at least 128 random bits in its fragment', () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(ui.key).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(Buffer.from(ui.key, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it("serves the page without the key, under the Electron window's policy and without CORS headers", async () => {
    const page = await rawRequest(ui.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('<div id="root">');
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1] ?? '';
    const asset = await rawRequest(new URL(script, ui.url).href);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(corsHeaders(page.headers)).toEqual([]);
    expect((await rawRequest(`${ui.url}..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('answers a channel with the handler result when the key is right', async () => {
    const status = await postChannel(ui.url, 'server:status', null, key);
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toEqual({ ok: true, value: { state: 'stopped' } });
    const bad = await postChannel(
      ui.url,
      'server:start',
      { profileIds: ['x'], port: 70000, host: '127.0.0.1', corsOrigins: '' },
      key,
    );
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('port') },
    });
  });

  it('refuses a call without the key, or with a wrong one, with 401', async () => {
    expect((await postChannel(ui.url, 'server:status', null, {})).status).toBe(401);
    expect((await postChannel(ui.url, 'server:status', null, { [ACCESS_KEY_HEADER]: wrongKey(ui.key) })).status).toBe(
      401,
    );
    expect((await postChannel(ui.url, 'server:status', null, { [ACCESS_KEY_HEADER]: `${ui.key}x` })).status).toBe(401);
    // The key in the URL is not the key in the header (and such a URL must not end up in the log).
    expect((await rawRequest(`${ui.url}api/events?k=${ui.key}`)).status).toBe(401);
    expect((await openEventStream(`${ui.url}api/events`, {})).status).toBe(401);
  });

  it("refuses another origin's page with 403, even with the key, and never adds CORS headers", async () => {
    for (const origin of [
      'https://evil.example',
      `http://127.0.0.1:1`,
      'null',
      `http://localhost:${new URL(ui.url).port}`,
    ]) {
      const response = await postChannel(ui.url, 'server:status', null, { ...key, Origin: origin });
      expect(response.status, origin).toBe(403);
      expect(corsHeaders(response.headers)).toEqual([]);
    }
    for (const site of ['cross-site', 'same-site']) {
      expect((await postChannel(ui.url, 'server:status', null, { ...key, 'Sec-Fetch-Site': site })).status, site).toBe(
        403,
      );
    }
    const preflight = await rawRequest(`${ui.url}api/server:status`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': ACCESS_KEY_HEADER,
      },
    });
    expect(preflight.status).toBe(403);
    expect(corsHeaders(preflight.headers)).toEqual([]);
    // The page's own origin passes.
    const own = await postChannel(ui.url, 'server:status', null, {
      ...key,
      Origin: ui.url.slice(0, -1),
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(own.status).toBe(200);
  });

  it('refuses a foreign Host (DNS rebinding) with 403, for the page and the API', async () => {
    const port = new URL(ui.url).port;
    for (const host of [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `10.0.0.1:${port}`]) {
      expect((await postChannel(ui.url, 'server:status', null, { ...key, Host: host })).status, host).toBe(403);
      expect((await rawRequest(ui.url, { headers: { Host: host } })).status, host).toBe(403);
    }
    expect((await postChannel(ui.url, 'server:status', null, { ...key, Host: `localhost:${port}` })).status).toBe(200);
  });

  it('checks channel names against the contract, and takes JSON only', async () => {
    const unknown = await postChannel(ui.url, 'shell:exec', null, key);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ status: 404, message: 'unknown IPC channel: shell:exec' });
    const text = await rawRequest(`${ui.url}api/server:status`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'text/plain' },
      body: 'null',
    });
    expect(text.status).toBe(415);
    const form = await rawRequest(`${ui.url}api/server:status`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
  });

  it('takes an App Certificate only on the add and replace channels', async () => {
    const response = await postChannel(
      ui.url,
      'token:build',
      {
        kind: 'rtc',
        profileId: 'x',
        input: { channel: 'c', uid: 1, role: 'publisher', appCertificate: credentials.appCertificate },
      },
      key,
    );
    expect(JSON.parse(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^an App Certificate is accepted only/) },
    });
  });

  it.runIf(hasKeychain)('adds a profile over HTTP and never returns its certificate', async () => {
    const added = await postChannel(ui.url, 'profiles:add', { name: 'http-demo', ...credentials }, key);
    expect(JSON.parse(added.body)).toMatchObject({ ok: true, value: { name: 'http-demo', appId: credentials.appId } });
    const listed = await postChannel(ui.url, 'profiles:list', null, key);
    expect(JSON.parse(listed.body)).toMatchObject({ ok: true, value: { profiles: [{ name: 'http-demo' }] } });
    for (const body of [added.body, listed.body])
      expect(body.toLowerCase()).not.toContain(credentials.appCertificate.toLowerCase());
  });

  it.runIf(hasKeychain)(
    'runs the local token server on its own port and streams its request log (never a token) over SSE',
    async () => {
      const events = await openEventStream(`${ui.url}api/events`, key);
      try {
        expect(events.status).toBe(200);
        const { value: list } = JSON.parse((await postChannel(ui.url, 'profiles:list', null, key)).body) as {
          value: { profiles: Array<{ id: string }> };
        };
        const started = await postChannel(
          ui.url,
          'server:start',
          { profileIds: [list.profiles[0]?.id], port: 0, host: '127.0.0.1', corsOrigins: '' },
          key,
        );
        const status = (JSON.parse(started.body) as { value: { state: string; url: string; port: number } }).value;
        expect(status.state).toBe('listening');
        expect(status.port).not.toBe(Number(new URL(ui.url).port));

        const { rtcToken } = (await (await fetch(`${status.url}/rtc/room/publisher/uid/7/?expiry=60`)).json()) as {
          rtcToken: string;
        };
        expect(decodeToken(rtcToken, { appCertificate: credentials.appCertificate })).toMatchObject({
          signature: 'valid',
        });
        await expect.poll(() => events.frames().filter((frame) => frame.event === 'server:request').length).toBe(1);
        const entry = events.frames().find((frame) => frame.event === 'server:request')?.data as Record<
          string,
          unknown
        >;
        expect(Object.keys(entry).sort()).toEqual(['id', 'kind', 'method', 'ms', 'path', 'status', 'time']);
        expect(entry).toMatchObject({ method: 'GET', path: '/rtc/room/publisher/uid/7/', status: 200, kind: 'rtc' });
        expect(
          events
            .frames()
            .some(
              (frame) => frame.event === 'server:status' && (frame.data as { state: string }).state === 'listening',
            ),
        ).toBe(true);
        expect(events.text()).not.toContain(rtcToken);
        expect(events.text()).not.toContain('expiry');

        await postChannel(ui.url, 'server:stop', null, key);
        await expect
          .poll(() =>
            events
              .frames()
              .some(
                (frame) => frame.event === 'server:status' && (frame.data as { state: string }).state === 'stopped',
              ),
          )
          .toBe(true);
        await expect(fetch(`${status.url}/ping`)).rejects.toThrow();
      } finally {
        events.close();
      }
    },
  );

  it.runIf(hasKeychain)(
    'saves a secondary certificate, rotates and removes it over HTTP, never returning a certificate',
    async () => {
      const secondary = randomCredentials().appCertificate;
      const { value: list } = JSON.parse((await postChannel(ui.url, 'profiles:list', null, key)).body) as {
        value: { profiles: Array<{ id: string }> };
      };
      const id = list.profiles[0]?.id;
      const bodies: string[] = [];
      const send = async (channel: string, body: unknown): Promise<unknown> => {
        const response = await postChannel(ui.url, channel, body, key);
        bodies.push(response.body);
        return JSON.parse(response.body);
      };
      // The guard lets a certificate through on this channel only, not on its neighbours.
      expect(await send('profiles:rotate', { id, appCertificate: secondary })).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/^an App Certificate is accepted only/) },
      });
      expect(await send('profiles:set-secondary-certificate', { id, appCertificate: secondary })).toMatchObject({
        ok: true,
        value: { id, hasSecondaryCertificate: true },
      });
      expect(await send('profiles:rotate', { id })).toMatchObject({
        ok: true,
        value: { id, hasSecondaryCertificate: true },
      });
      const built = (await send('token:build', {
        kind: 'rtc',
        profileId: id,
        input: { channel: 'c', uid: 1, role: 'publisher' },
      })) as { value: { token: string } };
      expect(decodeToken(built.value.token, { appCertificate: secondary }).signature).toBe('valid');
      expect(await send('profiles:remove-secondary-certificate', { id })).toMatchObject({
        ok: true,
        value: { id, hasSecondaryCertificate: false },
      });
      expect(await send('profiles:list', null)).toMatchObject({
        ok: true,
        value: { profiles: [{ id, hasSecondaryCertificate: false }] },
      });
      for (const secret of [secondary, credentials.appCertificate])
        expect(bodies.join('\n').toLowerCase()).not.toContain(secret.toLowerCase());
    },
  );

  it('logs each refusal on one line that never carries the key, and stops cleanly on SIGTERM', async () => {
    await expect
      .poll(() => ui.stderr())
      .toMatch(/^refused POST "\/api\/server:status": the access key is missing or wrong \(401\)$/m);
    expect(ui.stderr()).toMatch(/^refused GET "\/api\/events": the access key is missing or wrong \(401\)$/m);
    expect(ui.stderr()).toMatch(/another origin \(403\)$/m);
    expect(ui.stderr()).toMatch(/not a loopback name \(403\)$/m);
    expect(await ui.stop()).toBe(0);
    const lines = `${ui.stdout()}${ui.stderr()}`.split('\n');
    // Only the address the user must open carries the key.
    expect(lines.filter((line) => line.includes(ui.key))).toEqual([ui.launchUrl]);
    expect(ui.stdout().trimEnd().split('\n').at(-1)).toBe('stopped');
  });
});

describe('agora-token-desk ui: bad usage and a busy port', () => {
  const home = tempDir('atd-ui-cli-errors');
  let busy: Server;
  afterAll(() => {
    busy?.close();
    home.cleanup();
  });

  it('exits 3 with one line when the port is in use', async () => {
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as AddressInfo).port;
    const result = await runCli(['ui', '--no-open', '--port', String(port)], { env: uiEnv(home.path) });
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(`error: port ${port} is already in use: choose another with --port\n`);
  });

  it('exits 2 for a host that is not loopback, or a bad port', async () => {
    const host = await runCli(['ui', '--no-open', '--host', '0.0.0.0'], { env: uiEnv(home.path) });
    expect(host.code).toBe(2);
    expect(host.stderr).toMatch(/^error: --host must be a loopback address .*SSH\n$/);
    const port = await runCli(['ui', '--no-open', '--port', '99999'], { env: uiEnv(home.path) });
    expect(port.code).toBe(2);
    expect(port.stderr).toBe('error: --port must be a port number from 0 to 65535, not "99999"\n');
  });

  it('has help with examples', async () => {
    const result = await runCli(['ui', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--no-open');
    expect(result.stdout).toContain('agora-token-desk ui --port 8700 --no-open');
  });
});
