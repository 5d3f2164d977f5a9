import { afterAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../shared/token/index.js';
import * as v from '../fixtures/agora-vectors.js';
import { tamper007 } from '../fixtures/tamper.js';
import { runCli, tempDir } from '../helpers/cli.js';

const C = v.VECTOR_CREDENTIALS;
const home = tempDir('atd-decode-home');
afterAll(() => home.cleanup());
const isolated = { AGORA_TOKEN_DESK_HOME: home.path };
const withCert = { ...isolated, MY_CERT: C.appCertificate };

const fresh = buildRtcToken(C, { channel: 'demo', uid: 42, expire: 3600 }).token;
const expired = buildRtcToken(C, { channel: 'demo', uid: 42, expire: 60 }, { issuedAt: 1_600_000_000 }).token;
const tampered = tamper007(fresh, 'demo', 'omed');

describe('agora-token-desk decode', () => {
  it('prints a readable summary; the signature is unchecked without a certificate', async () => {
    const r = await runCli(['decode', fresh], { env: isolated });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Version {5}007$/m);
    expect(r.stdout).toMatch(/^App ID {6}970CA35de60c44645bbae8a215061b33$/m);
    expect(r.stdout).toMatch(/^Expires at {2}\S+ \(in (59 min|1 h)\)$/m);
    expect(r.stdout).toContain('Service rtc');
    expect(r.stdout).toMatch(/^ {4}channel {13}demo$/m);
    expect(r.stdout).toMatch(/^ {4}publishVideoStream/m);
    expect(r.stdout).toMatch(/^Signature {3}unchecked/m);
  });

  it('--json prints the DESIGN.md shape and verifies with --certificate-env', async () => {
    const r = await runCli(['decode', v.RTC_RTM_007, '--json', '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      version: '007',
      issuedAt: 1111111,
      expire: 600,
      expiresAt: 1111711,
      salt: 1,
      signature: 'valid',
    });
    expect(Object.keys(json)).toEqual([
      'version',
      'appId',
      'issuedAt',
      'expire',
      'expiresAt',
      'salt',
      'services',
      'signature',
    ]);
  });

  it('--certificate-stdin reads the certificate from standard input', async () => {
    const r = await runCli(['decode', fresh, '--json', '--certificate-stdin'], {
      env: isolated,
      input: `${C.appCertificate}\n`,
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ signature: 'valid' });
  });

  it('reads the token from standard input with -', async () => {
    const r = await runCli(['decode', '-', '--json'], { env: isolated, input: `${fresh}\n` });
    expect(JSON.parse(r.stdout)).toMatchObject({ version: '007' });
  });

  it('accepts a token pasted with its JSON quotes, as an argument or on standard input', async () => {
    const quoted = await runCli(['decode', `"${fresh}"`, '--json'], { env: isolated });
    expect(quoted.code).toBe(0);
    expect(JSON.parse(quoted.stdout)).toMatchObject({ version: '007' });
    const piped = await runCli(['decode', '-', '--json'], { env: isolated, input: ` '${fresh}'\n` });
    expect(JSON.parse(piped.stdout)).toMatchObject({ version: '007' });
  });

  it('--check passes for a valid, live token', async () => {
    const r = await runCli(['decode', fresh, '--check', '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Signature {3}valid$/m);
  });

  it('--check exits 1 for a tampered token', async () => {
    const r = await runCli(['decode', tampered, '--check', '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Signature {3}INVALID/m);
    expect(r.stderr.trim()).toBe('check failed: the signature is invalid');
  });

  it('--check exits 1 for an expired token', async () => {
    const r = await runCli(['decode', expired, '--check', '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/expired \d+ d ago/);
    expect(r.stderr.trim()).toBe('check failed: the token has expired');
  });

  it('without --check an invalid signature is reported, not failed', async () => {
    const r = await runCli(['decode', tampered, '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(0);
  });

  it('decodes and verifies a 006 token given channel and uid', async () => {
    const args = [
      'decode',
      v.RTC_PUBLISHER_006,
      '--json',
      '--certificate-env',
      'MY_CERT',
      '--channel',
      v.VECTOR_CHANNEL,
    ];
    const ok = await runCli([...args, '--uid', String(v.VECTOR_UID)], { env: withCert });
    expect(JSON.parse(ok.stdout)).toMatchObject({
      version: '006',
      signature: 'valid',
      privileges: { joinChannel: 1446455471 },
    });
    const wrong = await runCli([...args, '--uid', '1', '--check'], { env: withCert });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ signature: 'invalid' });
  });

  it('notes that 006 needs channel and uid to verify', async () => {
    const r = await runCli(['decode', v.RTC_PUBLISHER_006, '--certificate-env', 'MY_CERT'], { env: withCert });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('pass --channel and --uid to verify');
    expect(r.stdout).toMatch(/^Signature {3}unchecked \(a 006 token also needs --channel and --uid\)$/m);
  });

  it('labels a 006 ts as the message timestamp, in text and JSON', async () => {
    const text = await runCli(['decode', v.RTC_PUBLISHER_006], { env: isolated });
    expect(text.stdout).toMatch(
      /^Message ts {2}1970-01-13T20:38:31Z \(1111111; Agora's message timestamp, set to build time \+ 24 h: not the issue time\)$/m,
    );
    expect(text.stdout).not.toMatch(/Issued at/);
    const json = JSON.parse(
      (await runCli(['decode', v.RTC_PUBLISHER_006, '--json'], { env: isolated })).stdout,
    ) as Record<string, unknown>;
    expect(json).toMatchObject({ version: '006', messageTimestamp: v.VECTOR_TS });
    expect(json).not.toHaveProperty('issuedAt');
  });

  it('shows the encoded privilege value where the token expires first', async () => {
    const capped = buildRtcToken(C, { channel: 'demo', uid: 42, expire: 600, privilegeExpire: 86400 }).token;
    const r = await runCli(['decode', capped], { env: isolated });
    expect(r.stdout).toMatch(
      /^ {4}joinChannel {9}\S+ \(in (9|10) min\) {2}\[encoded 86400 s; the token expires first\]$/m,
    );
  });
});

describe('decode --check tells the truth', () => {
  it('fails a token with characters outside base64 (it used to verify)', async () => {
    const broken = `${fresh.slice(0, 100)}!!!${fresh.slice(100)}`;
    const r = await runCli(['decode', broken, '--certificate-env', 'MY_CERT', '--check'], { env: withCert });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      'error: not a valid 007 token: it contains "!" at character 101, which is not a base64 character',
    );
    expect(r.stdout).toBe('');
  });

  it('fails a token with bytes appended', async () => {
    const r = await runCli(['decode', `${fresh}AAAA`, '--check'], { env: isolated });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: not a valid 007 token: /);
  });

  it('exits 1 when no certificate was given, saying so', async () => {
    const r = await runCli(['decode', fresh, '--check'], { env: isolated });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'check failed: the signature was not checked: no certificate given (use --certificate-env VAR, --certificate-stdin or --profile NAME)',
    );
  });

  it.each([
    [[], '--channel and --uid are missing'],
    [['--channel', v.VECTOR_CHANNEL], '--uid is missing'],
    [['--uid', String(v.VECTOR_UID)], '--channel is missing'],
  ])('a 006 token with %j says exactly what is missing', async (extra, missing) => {
    const r = await runCli(['decode', v.RTC_PUBLISHER_006, '--certificate-env', 'MY_CERT', '--check', ...extra], {
      env: withCert,
    });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `check failed: the signature was not checked: a 006 token signs its channel and uid, and ${missing}`,
    );
  });
});

describe('decode errors', () => {
  it.each([
    [['decode', 'garbage'], 2, 'error: not an Agora token: a token starts with 006 or 007'],
    [['decode', '007AAAA'], 2, 'error: not a valid 007 token: its content could not be read'],
    [['decode', fresh, '--certificate-env', 'NOT_SET'], 3, 'error: environment variable NOT_SET is not set'],
    [['decode', fresh, '--certificate-env', 'BAD'], 2, 'error: App Certificate must be 32 hexadecimal characters'],
    [
      ['decode', fresh, '--certificate-env', ''],
      2,
      'error: --certificate-env needs the name of an environment variable',
    ],
    [
      ['decode', '-', '--certificate-stdin'],
      2,
      'error: the token and the certificate cannot both come from standard input',
    ],
    [['decode'], 2, "error: missing required argument 'token'"],
  ])('%j → exit %i', async (args, code, line) => {
    const r = await runCli(args, { env: { ...isolated, BAD: 'not-hex' } });
    expect(r.code).toBe(code);
    expect(r.stderr.trim()).toBe(line);
    expect(r.stdout).toBe('');
  });
});
