import { afterAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../shared/token/build.js';
import * as v from '../fixtures/agora-vectors.js';
import { runCli, tempDir } from '../helpers/cli.js';

const C = v.VECTOR_CREDENTIALS;
const home = tempDir('atd-diagnose-home');
afterAll(() => home.cleanup());
const env = { AGORA_TOKEN_DESK_HOME: home.path, MY_CERT: C.appCertificate };
const T0 = 1_800_000_000;
const token = buildRtcToken(C, { channel: 'demo', uid: 42, expire: 3600 }, { issuedAt: T0, salt: 3 }).token;
const at = ['--now', String(T0 + 10)];

describe('agora-token-desk diagnose', () => {
  it('exits 0 with a verdict line when the token fits the client', async () => {
    const r = await runCli(
      [
        'diagnose',
        token,
        '--action',
        'rtc-join',
        '--channel',
        'demo',
        '--uid',
        '42',
        '--certificate-env',
        'MY_CERT',
        ...at,
      ],
      { env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('Verdict: ok, no problems found for rtc-join');
    expect(r.stderr).toBe('');
  });

  it('exits 1 and lists findings errors first, each with its fix', async () => {
    const r = await runCli(
      ['diagnose', token, '--action', 'rtc-join', '--channel', 'demo', '--uid', '43', '--error', '110', ...at],
      { env },
    );
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Verdict: problems for rtc-join: 1 error, 0 warnings');
    expect(lines[1]).toBe('error   uid_mismatch: The token is for uid 42, but the client joins with uid 43.');
    expect(lines[2]).toBe('        fix: Build the token for uid 43, or join with uid 42.');
    expect(lines.slice(3).join('\n')).toMatch(
      /^info {4}signature_unchecked: [^]*^info {4}error_code_explained: RTC error 110 \(ERR_INVALID_TOKEN\)/m,
    );
    expect(r.stderr.trim()).toBe('check failed: the client would fail: uid_mismatch');
  });

  it('--json prints {verdict, findings, token} with exact codes', async () => {
    const r = await runCli(
      [
        'diagnose',
        token,
        '--json',
        '--app-id',
        'aaaaaaaabbbbbbbbccccccccdddddddd',
        '--certificate-env',
        'MY_CERT',
        '--now',
        String(T0 + 3600),
      ],
      { env },
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      verdict: string;
      findings: Array<{ code: string; severity: string; message: string; fix: string }>;
      token: Record<string, unknown>;
    };
    expect(Object.keys(json)).toEqual(['verdict', 'findings', 'token']);
    expect(json.verdict).toBe('problems');
    expect(json.findings.map((f) => [f.code, f.severity])).toEqual([
      ['app_id_mismatch', 'error'],
      ['token_expired', 'error'],
    ]);
    expect(Object.keys(json.findings[0] ?? {})).toEqual(['code', 'severity', 'message', 'fix']);
    expect(json.token).toMatchObject({ version: '007', appId: C.appId, signature: 'valid', signedBy: 'MY_CERT' });
  });

  it('a warning alone still exits 0', async () => {
    const r = await runCli(['diagnose', token, '--json', '--now', String(T0 - 60)], { env });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { verdict: string; findings: Array<{ code: string }> };
    expect(json.verdict).toBe('problems');
    expect(json.findings.map((f) => f.code)).toEqual(['issued_in_future', 'signature_unchecked']);
  });

  it('a malformed token is a finding (exit 1), explained', async () => {
    const r = await runCli(['diagnose', `"${token}"`, '--json'], { env });
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { findings: Array<{ code: string; message: string }>; token: unknown };
    expect(json.token).toBeNull();
    expect(json.findings).toEqual([
      expect.objectContaining({ code: 'malformed', message: expect.stringMatching(/quotes/) }),
    ]);
  });

  it('reads the token from standard input', async () => {
    const r = await runCli(['diagnose', '-', '--json', ...at], { env, input: `${token}\n` });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'ok', token: { version: '007' } });
  });

  it.each([
    [['diagnose', token, '--action', 'rtc-jion'], /^error: action must be one of rtc-join, rtc-publish/],
    [['diagnose', token, '--uid', '1', '--account', 'a'], /^error: give either uid or account, not both$/],
    [['diagnose', token, '--uid', 'abc'], /^error: --uid must be a whole number/],
    [['diagnose', token, '--now', 'yesterday'], /^error: --now must be unix seconds$/],
    [
      ['diagnose', token, '--profile', 'p', '--certificate-env', 'MY_CERT'],
      /^error: use only one of --profile and --certificate-env$/,
    ],
    [['diagnose'], /^error: missing required argument 'token'$/],
  ])('%j is a usage error (exit 2)', async (args, line) => {
    const r = await runCli(args, { env });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(line);
    expect(r.stdout).toBe('');
  });

  it('a missing certificate variable is an environment problem (exit 3)', async () => {
    const r = await runCli(['diagnose', token, '--certificate-env', 'NOT_SET'], { env });
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe('error: environment variable NOT_SET is not set');
  });

  it('--help shows the actions and an example', async () => {
    const r = await runCli(['diagnose', '--help'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'rtc-join, rtc-publish, rtm-login, rtm-stream-channel, chat-login, chat-app',
    );
    expect(r.stdout).toContain('agora-token-desk diagnose 007eJx... --action rtc-join --channel demo --uid 42');
  });
});
