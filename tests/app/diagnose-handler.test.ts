import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../shared/token/index.js';
import { tamper007 } from '../fixtures/tamper.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC token:diagnose handler');

const codes = (diagnosis: { findings: Array<{ code: string }> }) => diagnosis.findings.map((f) => f.code);

describe.skipIf(!available)('IPC token:diagnose (real doctor, real keychain)', () => {
  let h: Harness;
  let profileId: string;
  const credentials = randomCredentials();

  beforeAll(async () => {
    h = await openHarness();
    profileId = (await h.ok('profiles:add', { name: 'desk', ...credentials })).id;
  });
  afterAll(async () => {
    const everything = JSON.stringify(h.responses).toLowerCase();
    await h.close();
    expect(everything).not.toContain(credentials.appCertificate.toLowerCase());
  });

  it('checks the signature with the certificate of the profile whose App ID the token carries', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'room', uid: 7, role: 'publisher', expire: 900 });
    const diagnosis = await h.ok('token:diagnose', {
      token,
      context: { appId: credentials.appId, action: 'rtc-publish', channel: 'room', uid: 7 },
    });
    expect(diagnosis.verdict).toBe('ok');
    expect(diagnosis.findings).toEqual([]);
    expect(diagnosis.token).toMatchObject({ version: '007', appId: credentials.appId, signature: 'valid' });
  });

  it('finds a tampered token invalid and a channel mismatch, with fixes', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'room-a', uid: 7, role: 'publisher' });
    const diagnosis = await h.ok('token:diagnose', {
      token: tamper007(token, 'room-a', 'room-b'),
      context: { channel: 'room-a' },
    });
    expect(diagnosis.verdict).toBe('problems');
    expect(codes(diagnosis)).toEqual(expect.arrayContaining(['signature_invalid', 'channel_mismatch']));
    for (const finding of diagnosis.findings) expect(finding.fix).not.toBe('');
  });

  it('leaves the signature unchecked when no profile has the App ID, and reports an App ID mismatch', async () => {
    const stranger = randomCredentials();
    const { token } = buildRtcToken(stranger, { channel: 'room', uid: 7 });
    const diagnosis = await h.ok('token:diagnose', { token, context: { appId: credentials.appId } });
    expect(codes(diagnosis)).toEqual(['app_id_mismatch', 'signature_unchecked']);
    expect(diagnosis.token).toMatchObject({ signature: 'unchecked' });
  });

  it('uses an explicit profile when asked, and answers a malformed token with a finding', async () => {
    const stranger = randomCredentials();
    const { token } = buildRtcToken(stranger, { channel: 'room', uid: 7 });
    expect(codes(await h.ok('token:diagnose', { token, profileId }))).toContain('signature_invalid');
    const garbage = await h.ok('token:diagnose', { token: '"007abc"' });
    expect(garbage).toMatchObject({ verdict: 'problems', token: null });
    expect(codes(garbage)).toEqual(['malformed']);
  });

  it('rejects a bad context once, at the door, naming the field', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'room', uid: 7 });
    expect(await h.fail('token:diagnose', { token, context: { uid: 1, account: 'a' } })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await h.fail('token:diagnose', { token, context: { action: 'dance' } })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await h.fail('token:diagnose', {})).toMatchObject({ code: 'invalid_input', field: 'token' });
    expect(await h.fail('token:diagnose', { token, profileId: 'nobody' })).toMatchObject({ code: 'profile_not_found' });
  });
});
