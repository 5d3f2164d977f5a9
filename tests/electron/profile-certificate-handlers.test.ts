import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { decodeWithProfiles } from '../../electron/handlers/decode-handler.js';
import { createProfileCertificateHandlers } from '../../electron/handlers/profile-handlers.js';
import { buildRtcToken } from '../../shared/token/build.js';
import { keychainReady, randomCredentials, removeAll, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('profile certificate handlers');

describe.skipIf(!ready)('rotation and secondary-certificate handlers (real ProfileStore and keychain)', () => {
  const { home, cleanup } = tempHome('atd-cert-handlers');
  const store = new ProfileStore({ home, keychain: new OsKeychain(uniqueService()) });
  const handlers = createProfileCertificateHandlers(store);
  const answers: unknown[] = [];
  afterAll(async () => {
    await removeAll(store);
    cleanup();
  });

  it('saves a secondary, rotates, removes it; answers never carry a certificate; bad requests name the field', async () => {
    const c = randomCredentials();
    const secondary = randomCredentials().appCertificate;
    const { id } = await store.add({ name: 'app', ...c });

    const saved = await handlers.setSecondaryCertificate({ id, appCertificate: secondary });
    answers.push(saved);
    expect(saved).toMatchObject({ ok: true, value: { id, name: 'app', hasSecondaryCertificate: true } });

    const rotated = await handlers.rotate({ id });
    answers.push(rotated);
    expect(rotated).toMatchObject({ ok: true, value: { id, hasSecondaryCertificate: true } });
    expect(await store.certificates(id)).toEqual({ appId: c.appId, primary: secondary, secondary: c.appCertificate });

    const removed = await handlers.removeSecondaryCertificate({ id });
    answers.push(removed);
    expect(removed).toMatchObject({ ok: true, value: { id, hasSecondaryCertificate: false } });

    const none = await handlers.rotate({ id });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handlers.setSecondaryCertificate({ id, appCertificate: 'zz' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'appCertificate', message: 'App Certificate must be 32 hexadecimal characters' },
    });
    expect(await handlers.rotate('nope')).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handlers.rotate({ id: 'missing' })).toMatchObject({ ok: false, error: { code: 'profile_not_found' } });

    const printed = JSON.stringify(answers).toLowerCase();
    for (const secret of [c.appCertificate, secondary]) expect(printed).not.toContain(secret.toLowerCase());
  });
});

describe.skipIf(!ready)('Decode with a profile that has a secondary certificate (real keychain)', () => {
  const { home, cleanup } = tempHome('atd-decode-secondary');
  const store = new ProfileStore({ home, keychain: new OsKeychain(uniqueService()) });
  afterAll(async () => {
    await removeAll(store);
    cleanup();
  });

  it('verifies a token signed with either certificate and says which one signed', async () => {
    const c = randomCredentials();
    const secondary = randomCredentials().appCertificate;
    const { id } = await store.add({ name: 'rotating', ...c });
    await store.setSecondaryCertificate(id, secondary);
    const bySecondary = buildRtcToken({ appId: c.appId, appCertificate: secondary }, { channel: 'room', uid: 1 }).token;
    const byPrimary = buildRtcToken(c, { channel: 'room', uid: 1 }).token;
    const stranger = buildRtcToken({ appId: c.appId, appCertificate: randomCredentials().appCertificate }, { channel: 'room', uid: 1 }).token;

    const second = await decodeWithProfiles(store, { token: bySecondary });
    expect(second.decoded).toMatchObject({ signature: 'valid', signedBy: 'secondary' });
    expect(second.signatureReason).toBe('Signed with the secondary App Certificate of profile "rotating".');
    const first = await decodeWithProfiles(store, { token: byPrimary });
    expect(first.decoded).toMatchObject({ signature: 'valid', signedBy: 'primary' });
    expect(first.signatureReason).toBe('Signed with the App Certificate of profile "rotating".');
    expect((await decodeWithProfiles(store, { token: stranger })).decoded.signature).toBe('invalid');
  });
});
