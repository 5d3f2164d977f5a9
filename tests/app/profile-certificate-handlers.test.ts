import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { decodeWithProfiles } from '../../shared/app/decode-handler.js';
import { createProfileHandlers } from '../../shared/app/profile-handlers.js';
import { buildRtcToken } from '../../shared/token/build.js';
import { keychainReady, randomCredentials, removeAll, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('profile certificate handlers');

describe.skipIf(!ready)(
  'IPC profiles:set-secondary-certificate, :rotate, :remove-secondary-certificate (real ProfileStore and keychain)',
  () => {
    const { home, cleanup } = tempHome('atd-cert-handlers');
    const store = new ProfileStore({ home, keychain: new OsKeychain(uniqueService()) });
    const handlers = createProfileHandlers(store);
    const answers: unknown[] = [];
    const answer = async <T>(result: Promise<T>): Promise<T> => {
      answers.push(await result);
      return result;
    };
    afterAll(async () => {
      await removeAll(store);
      cleanup();
    });

    it('saves a secondary, rotates, removes it; answers never carry a certificate; bad requests name the field', async () => {
      const c = randomCredentials();
      const secondary = randomCredentials().appCertificate;
      const { id } = await store.add({ name: 'app', ...c });
      expect(await answer(handlers['profiles:list'](undefined))).toMatchObject({
        ok: true,
        value: { profiles: [{ id, hasSecondaryCertificate: false }] },
      });

      const saved = await answer(handlers['profiles:set-secondary-certificate']({ id, appCertificate: secondary }));
      expect(saved).toMatchObject({ ok: true, value: { id, name: 'app', hasSecondaryCertificate: true } });
      expect(await store.certificates(id)).toEqual({ appId: c.appId, primary: c.appCertificate, secondary });
      expect(await answer(handlers['profiles:list'](undefined))).toMatchObject({
        ok: true,
        value: { profiles: [{ id, hasSecondaryCertificate: true }] },
      });
      // Answers of the other single-profile channels carry the flag too.
      expect(await answer(handlers['profiles:rename']({ id, name: 'app2' }))).toMatchObject({
        ok: true,
        value: { name: 'app2', hasSecondaryCertificate: true },
      });
      expect(await answer(handlers['profiles:set-default']({ id }))).toMatchObject({
        ok: true,
        value: { hasSecondaryCertificate: true },
      });

      const rotated = await answer(handlers['profiles:rotate']({ id }));
      expect(rotated).toMatchObject({ ok: true, value: { id, hasSecondaryCertificate: true } });
      expect(await store.certificates(id)).toEqual({ appId: c.appId, primary: secondary, secondary: c.appCertificate });

      const removed = await answer(handlers['profiles:remove-secondary-certificate']({ id }));
      expect(removed).toMatchObject({ ok: true, value: { id, hasSecondaryCertificate: false } });
      expect(await store.certificates(id)).toEqual({ appId: c.appId, primary: secondary });

      expect(await answer(handlers['profiles:rotate']({ id }))).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await answer(handlers['profiles:set-secondary-certificate']({ id, appCertificate: 'zz' }))).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          field: 'appCertificate',
          message: 'App Certificate must be 32 hexadecimal characters',
        },
      });
      expect(
        await handlers['profiles:set-secondary-certificate']({ id, appCertificate: secondary, extra: 1 }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'unknown field: extra' },
      });
      expect(await handlers['profiles:rotate']('nope')).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: 'the request must be an object' },
      });
      expect(await handlers['profiles:remove-secondary-certificate']({ id: '' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', field: 'id' },
      });
      expect(await handlers['profiles:rotate']({ id: 'missing' })).toMatchObject({
        ok: false,
        error: { code: 'profile_not_found' },
      });
      expect(await store.certificates(id)).toEqual({ appId: c.appId, primary: secondary });

      const printed = JSON.stringify(answers).toLowerCase();
      for (const secret of [c.appCertificate, secondary]) expect(printed).not.toContain(secret.toLowerCase());
    });
  },
);

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
    const stranger = buildRtcToken(
      { appId: c.appId, appCertificate: randomCredentials().appCertificate },
      { channel: 'room', uid: 1 },
    ).token;

    const second = await decodeWithProfiles(store, { token: bySecondary });
    expect(second.decoded).toMatchObject({ signature: 'valid', signedBy: 'secondary' });
    expect(second.signatureReason).toBe('Signed with the secondary App Certificate of profile "rotating".');
    const first = await decodeWithProfiles(store, { token: byPrimary });
    expect(first.decoded).toMatchObject({ signature: 'valid', signedBy: 'primary' });
    expect(first.signatureReason).toBe('Signed with the App Certificate of profile "rotating".');
    expect((await decodeWithProfiles(store, { token: stranger })).decoded.signature).toBe('invalid');
  });
});
