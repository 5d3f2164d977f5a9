import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../shared/errors.js';
import { buildRtcToken } from '../../shared/token/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC handlers without a keychain');

type Answer = { ok: true; value: Record<string, unknown> } | { ok: false; error: ErrorInfo };

describe.skipIf(!available)('IPC handlers when the keychain goes away', () => {
  // The bundle sits inside the checkout so that its npm imports resolve from node_modules.
  const outDir = join(REPO_ROOT, 'node_modules', '.cache', 'atd-electron-tests', String(process.pid));
  const credentials = randomCredentials();
  let h: Harness;
  let answers: Record<'list' | 'rtc' | 'start' | 'decode' | 'add', Answer>;
  let stdout = '';

  beforeAll(async () => {
    h = await openHarness();
    const profile = await h.ok('profiles:add', { name: 'saved', ...credentials });
    mkdirSync(outDir, { recursive: true });
    const script = join(outDir, 'no-keychain-child.mjs');
    await build({
      entryPoints: [join(REPO_ROOT, 'tests', 'app', 'fixtures', 'no-keychain-child.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const token = buildRtcToken(credentials, { channel: 'c', uid: 1 }).token;
    const child = spawnSync(process.execPath, [script, h.home, profile.id, token], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/atd-bus' },
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    stdout = child.stdout;
    answers = JSON.parse(child.stdout) as typeof answers;
  }, 120_000);
  afterAll(async () => {
    await h.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('still lists profiles, and says the keychain is unavailable and how to fix it', () => {
    const list = answers.list;
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value['profiles']).toMatchObject([{ name: 'saved', appId: credentials.appId }]);
    expect(list.value['keychain']).toMatchObject({
      available: false,
      message: expect.stringContaining('gnome-keyring'),
    });
  });

  it('answers token, server and profile calls with keychain_unavailable, not a crash', () => {
    for (const name of ['rtc', 'start', 'add'] as const) {
      const answer = answers[name];
      expect(answer.ok, name).toBe(false);
      if (!answer.ok) {
        expect(answer.error.code, name).toBe('keychain_unavailable');
        expect(answer.error.message, name).toMatch(/^no keychain: no Secret Service answers/);
      }
    }
  });

  it('decodes a token of the saved profile, unchecked, saying why', () => {
    const decode = answers.decode;
    if (!decode.ok) throw new Error(decode.error.message);
    expect(decode.value['profile']).toMatchObject({ name: 'saved' });
    expect(decode.value['decoded']).toMatchObject({ appId: credentials.appId, signature: 'unchecked' });
    expect(decode.value['signatureReason']).toMatch(
      /^Profile "saved" has this App ID, but its App Certificate could not be read/,
    );
    expect(stdout.toLowerCase()).not.toContain(credentials.appCertificate);
  });
});
