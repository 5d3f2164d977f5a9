import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToken, type DecodedToken007 } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';
import { runCli, tempDir } from '../helpers/cli.js';

const home = tempDir('atd-cli-home');
afterAll(() => home.cleanup());

// An empty data folder: no default profile can leak in from the developer's machine.
const isolated = { AGORA_TOKEN_DESK_HOME: home.path };
const creds = { ...isolated, APP_ID: C.appId, APP_CERTIFICATE: C.appCertificate };

function verified(token: string): DecodedToken007 {
  const decoded = decodeToken(token, { appCertificate: C.appCertificate });
  if (decoded.version !== '007') throw new Error('expected 007');
  expect(decoded.signature).toBe('valid');
  return decoded;
}

describe('agora-token-desk token', () => {
  it('rtc prints the token alone, so $(...) works', async () => {
    const r = await runCli(['token', 'rtc', '--channel', 'demo', '--uid', '42'], { env: creds });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^007\S+\n$/);
    expect(verified(r.stdout.trim()).services).toEqual([
      {
        type: 'rtc',
        channel: 'demo',
        uid: '42',
        privileges: { joinChannel: 3600, publishAudioStream: 3600, publishVideoStream: 3600, publishDataStream: 3600 },
      },
    ]);
  });

  it('expiry flags take durations (10m, 1h) as well as seconds', async () => {
    const r = await runCli(['token', 'rtc', '--channel', 'demo', '--uid', '42', '--expire', '10m'], { env: creds });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const decoded = verified(r.stdout.trim());
    expect(decoded.expire).toBe(600);
    expect(decoded.services[0]?.privileges).toMatchObject({ joinChannel: 600 });
  });

  it('rtc by account as subscriber with expiry flags and --json', async () => {
    const r = await runCli(
      [
        'token',
        'rtc',
        '--channel',
        'demo',
        '--account',
        'alice',
        '--role',
        'subscriber',
        '--expire',
        '600',
        '--privilege-expire',
        '300',
        '--json',
      ],
      { env: creds },
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { token: string; issuedAt: number; expire: number; expiresAt: number };
    expect(json.expire).toBe(600);
    expect(json.expiresAt).toBe(json.issuedAt + 600);
    expect(verified(json.token).services[0]).toEqual({
      type: 'rtc',
      channel: 'demo',
      uid: 'alice',
      privileges: { joinChannel: 300 },
    });
  });

  it('rtc with per-privilege expiry', async () => {
    const r = await runCli(
      ['token', 'rtc', '--channel', 'c', '--uid', '1', '--audio-expire', '60', '--data-expire', '90'],
      { env: creds },
    );
    expect(verified(r.stdout.trim()).services[0]?.privileges).toEqual({
      joinChannel: 3600,
      publishAudioStream: 60,
      publishVideoStream: 3600,
      publishDataStream: 90,
    });
  });

  it('rtm with a stream channel', async () => {
    const r = await runCli(['token', 'rtm', '--uid', 'bob', '--channel', '*', '--expire', '120'], { env: creds });
    expect(r.code).toBe(0);
    expect(verified(r.stdout.trim()).services).toEqual([
      { type: 'rtc', channel: '*', uid: 'bob', privileges: { joinChannel: 120, publishDataStream: 120 } },
      { type: 'rtm', userId: 'bob', privileges: { login: 120 } },
    ]);
  });

  it('rte prints the RTC token then the RTM token', async () => {
    const r = await runCli(['token', 'rte', '--channel', 'room', '--uid', '7', '--role', 'subscriber'], { env: creds });
    expect(r.code).toBe(0);
    const [rtc, rtm, extra] = r.stdout.split('\n');
    expect(extra).toBe('');
    expect(verified(rtc ?? '').services).toEqual([
      { type: 'rtc', channel: 'room', uid: '7', privileges: { joinChannel: 3600 } },
    ]);
    expect(verified(rtm ?? '').services[1]).toEqual({ type: 'rtm', userId: '7', privileges: { login: 3600 } });
  });

  it('rte --rtm-uid and --json', async () => {
    const r = await runCli(['token', 'rte', '--channel', 'room', '--uid', '0', '--rtm-uid', 'carol', '--json'], {
      env: creds,
    });
    const json = JSON.parse(r.stdout) as { rtcToken: string; rtmToken: string; rtmUserId: string };
    expect(json.rtmUserId).toBe('carol');
    expect(verified(json.rtmToken).services[1]).toMatchObject({ userId: 'carol' });
  });

  it('chat user and app tokens', async () => {
    const user = await runCli(['token', 'chat', '--uid', 'dave'], { env: creds });
    expect(verified(user.stdout.trim()).services).toEqual([
      { type: 'chat', userId: 'dave', privileges: { user: 3600 } },
    ]);
    const app = await runCli(['token', 'chat'], { env: creds });
    expect(verified(app.stdout.trim()).services).toEqual([{ type: 'chat', userId: '', privileges: { app: 3600 } }]);
  });

  it('reads credentials from .env in the working directory; the environment wins', async () => {
    const dir = tempDir('atd-dotenv');
    try {
      writeFileSync(join(dir.path, '.env'), `APP_ID=${C.appId}\nAPP_CERTIFICATE="${C.appCertificate}"\n`);
      const fromFile = await runCli(['token', 'chat'], { cwd: dir.path, env: isolated });
      expect(fromFile.code).toBe(0);
      verified(fromFile.stdout.trim());
      const other = '0123456789abcdef0123456789abcdef';
      const envWins = await runCli(['token', 'chat'], { cwd: dir.path, env: { ...isolated, APP_CERTIFICATE: other } });
      expect(decodeToken(envWins.stdout.trim(), { appCertificate: other }).signature).toBe('valid');
    } finally {
      dir.cleanup();
    }
  });
});

describe('token errors: one line on stderr and the documented exit code', () => {
  it.each([
    [
      ['token', 'rtc', '--channel', 'demo', '--uid', 'abc'],
      2,
      'error: uid must be a whole number from 0 to 4294967295',
    ],
    [
      ['token', 'rtc', '--channel', 'demo', '--uid', '4294967296'],
      2,
      'error: uid must be a whole number from 0 to 4294967295',
    ],
    [['token', 'rtc', '--channel', 'demo'], 2, 'error: give either --uid or --account'],
    [['token', 'rtc', '--channel', 'a/b', '--uid', '1'], 2, 'error: channel may contain only'],
    [
      ['token', 'rtc', '--channel', 'c', '--uid', '1', '--expire', '-5'],
      2,
      'error: expire must be a whole number of seconds',
    ],
    [
      ['token', 'rtc', '--channel', 'c', '--uid', '1', '--expire', '1e3'],
      2,
      'error: expire must be a whole number of seconds',
    ],
    [['token', 'rtc', '--uid', '1'], 2, "error: required option '--channel <name>' not specified"],
    [
      ['token', 'rtc', '--channel', 'c', '--uid', '1', '--role', 'admin'],
      2,
      "error: option '--role <role>' argument 'admin' is invalid",
    ],
    [['token', 'rtm'], 2, "error: required option '--uid <user>' not specified"],
    [['token', 'rte', '--channel', 'c', '--uid', '0'], 2, 'error: RTM user id is required when the RTC uid is 0'],
    [['token', 'chat', '--uid', 'x'.repeat(65)], 2, 'error: user id must be at most 64 bytes'],
    [['token', 'nope'], 2, "error: unknown command 'nope'"],
    [['token', 'chat', '--bogus'], 2, "error: unknown option '--bogus'"],
  ])('%j → exit %i', async (args, code, line) => {
    const r = await runCli(args, { env: creds });
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(line);
  });

  it('missing credentials is an environment problem (exit 3)', async () => {
    const r = await runCli(['token', 'chat'], { env: isolated });
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe(
      'error: no credentials: set APP_ID and APP_CERTIFICATE (environment or .env), or use --profile NAME',
    );
  });

  it.each([
    [{ APP_ID: C.appId }, 'error: APP_CERTIFICATE is not set (APP_ID is)'],
    [{ APP_CERTIFICATE: C.appCertificate }, 'error: APP_ID is not set (APP_CERTIFICATE is)'],
    [{ APP_ID: 'abc', APP_CERTIFICATE: C.appCertificate }, 'error: APP_ID must be 32 hexadecimal characters'],
    [{ APP_ID: C.appId, APP_CERTIFICATE: 'short' }, 'error: APP_CERTIFICATE must be 32 hexadecimal characters'],
  ])('malformed credentials %j → exit 3', async (env, line) => {
    const r = await runCli(['token', 'chat'], { env: { ...isolated, ...env } });
    expect(r).toMatchObject({ code: 3, stdout: '' });
    expect(r.stderr.trim()).toBe(line);
    expect(r.stderr).not.toContain(C.appCertificate);
  });

  it('bad input is reported before missing credentials', async () => {
    const r = await runCli(['token', 'rtc', '--channel', 'a/b', '--uid', '1'], { env: isolated });
    expect(r.code).toBe(2);
  });
});

describe('help', () => {
  it.each([[['--help']], [['token', '--help']], [['token', 'rtc', '--help']], [['decode', '--help']]])(
    '%j prints usage and exits 0',
    async (args) => {
      const r = await runCli(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: agora-token-desk');
    },
  );

  it('a command group without a subcommand is a usage error', async () => {
    const r = await runCli(['token']);
    expect(r.code).toBe(2);
  });
});
