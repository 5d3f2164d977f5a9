import { describe, expect, it } from 'vitest';
import { decodeToken, TOKEN_KINDS } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';
import { runCli } from '../helpers/cli.js';

const creds = { APP_ID: C.appId, APP_CERTIFICATE: C.appCertificate };
const types = (token: string) => {
  const decoded = decodeToken(token, { appCertificate: C.appCertificate });
  expect(decoded.signature).toBe('valid');
  return decoded.version === '007' ? decoded.services.map((service) => service.type) : [];
};

describe('token <kind> for every kind in the registry', () => {
  it.each([
    [
      ['rtc-rtm', '--channel', 'demo', '--account', 'alice', '--rtm-expire', '600'],
      ['rtc', 'rtm'],
    ],
    [
      ['convoai', '--channel', 'demo', '--uid', '1001', '--rtm-uid', 'agent'],
      ['rtc', 'rtm', 'convoai'],
    ],
    [
      ['stt', '--channel', 'demo', '--uid', '2001', '--rtm-uid', 'stt'],
      ['rtc', 'rtm', 'stt'],
    ],
    [
      ['apaas', '--room', 'class-1', '--user', 'alice', '--role', '2'],
      ['rtm', 'chat', 'apaas'],
    ],
    [['apaas', '--user', 'alice'], ['apaas']],
    [['fpa'], ['fpa']],
    [
      ['rtm', '--uid', 'alice', '--read', 'message:room-*', '--read', 'user:bob', '--write', 'stream:lobby,group:g'],
      ['rtm2'],
    ],
  ])('token %j', async (args, services) => {
    const r = await runCli(['token', ...args], { env: creds });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(types(r.stdout.trim())).toEqual(services);
  });

  it('convoai --json carries the REST header', async () => {
    const r = await runCli(['token', 'convoai', '--channel', 'demo', '--uid', '5', '--rtm-uid', 'a', '--json'], {
      env: creds,
    });
    const json = JSON.parse(r.stdout) as { token: string; authorizationHeader: string };
    expect(json.authorizationHeader).toBe(`Authorization: agora token=${json.token}`);
  });

  it('every kind has --help with its examples', async () => {
    for (const kind of TOKEN_KINDS) {
      const r = await runCli(['token', kind.id, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Examples:\n  agora-token-desk token ${kind.id}`);
    }
  });
});

describe('CLI rough edges', () => {
  it.each([
    [['token', 'rtc', '--chanel', 'c', '--uid', '1'], "error: unknown option '--chanel' (Did you mean --channel?)"],
    [['token', 'rtc', '--channel', 'c', '--uid', '1', '--uid', '2'], '--uid was given more than once'],
    [['token', 'rtm', '--uid', 'a', '--read', 'room-*'], 'error: a permission is TYPE:NAME'],
    [['token', 'fpa', '--expire', '60'], "error: unknown option '--expire'"],
  ])('%j is one line and exit 2', async (args, line) => {
    const r = await runCli(args, { env: creds });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(line);
  });

  it('-V prints the version like -v; help token rtc prints rtc help', async () => {
    const [upper, lower] = await Promise.all([runCli(['-V']), runCli(['-v'])]);
    expect(upper).toMatchObject({ code: 0, stdout: lower.stdout });
    expect(upper.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['help', 'token', 'rtc']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: agora-token-desk token rtc');
  });
});
