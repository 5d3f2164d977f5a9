import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC profile handlers');

describe.skipIf(!available)('IPC profiles:* handlers (real ProfileStore and keychain)', () => {
  let h: Harness;
  const first = randomCredentials();
  const second = randomCredentials();
  const replacement = randomCredentials().appCertificate;

  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    // Every answer of this suite, including errors: no certificate may appear in any.
    const everything = JSON.stringify(h.responses).toLowerCase();
    await h.close();
    for (const secret of [first.appCertificate, second.appCertificate, replacement]) {
      expect(everything).not.toContain(secret.toLowerCase());
    }
  });

  it('lists nothing at first, with the keychain available', async () => {
    const listed = await h.ok('profiles:list', undefined);
    expect(listed).toEqual({ profiles: [], problems: [], keychain: { available: true } });
  });

  it('adds a profile and answers with its view, without the certificate', async () => {
    const view = await h.ok('profiles:add', { name: 'staging', ...first });
    expect(Object.keys(view).sort()).toEqual([
      'appId',
      'createdAt',
      'hasSecondaryCertificate',
      'id',
      'isDefault',
      'name',
    ]);
    expect(view.hasSecondaryCertificate).toBe(false);
    expect(view).toMatchObject({ name: 'staging', appId: first.appId });
    expect(Number.isNaN(Date.parse(view.createdAt))).toBe(false);
    // The certificate went to the keychain: a token built on the profile verifies with it.
    const built = await h.build('chat', { profileId: view.id });
    expect(decodeToken(built.token, { appCertificate: first.appCertificate }).signature).toBe('valid');
  });

  it('reports bad input with the field and the engine’s message', async () => {
    expect(await h.fail('profiles:add', { name: 'x', appId: 'nothex', appCertificate: second.appCertificate })).toEqual(
      {
        code: 'invalid_input',
        field: 'appId',
        message: 'App ID must be 32 hexadecimal characters',
      },
    );
    expect(await h.fail('profiles:add', { name: 'x', appId: second.appId, appCertificate: '12' })).toEqual({
      code: 'invalid_input',
      field: 'appCertificate',
      message: 'App Certificate must be 32 hexadecimal characters',
    });
    expect(await h.fail('profiles:add', { name: ' ', ...second })).toEqual({
      code: 'invalid_input',
      field: 'name',
      message: 'profile name is required',
    });
    expect(await h.fail('profiles:add', { name: 'x', ...second, extra: 1 })).toMatchObject({
      code: 'invalid_input',
      message: 'unknown field: extra',
    });
    expect(await h.fail('profiles:add', 'staging')).toMatchObject({
      code: 'invalid_input',
      message: 'the request must be an object',
    });
    expect(await h.fail('profiles:list', { all: true })).toMatchObject({
      code: 'invalid_input',
      message: 'this call takes no request data',
    });
  });

  it('refuses a second profile with the same name', async () => {
    const error = await h.fail('profiles:add', { name: 'staging', ...second });
    expect(error.code).toBe('profile_exists');
    expect(error.message).toContain('staging');
  });

  it('renames, replaces the certificate and sets the default', async () => {
    const added = await h.ok('profiles:add', { name: 'prod', ...second });
    const renamed = await h.ok('profiles:rename', { id: added.id, name: 'production' });
    expect(renamed).toMatchObject({ id: added.id, name: 'production', appId: second.appId });

    const updated = await h.ok('profiles:update-certificate', { id: added.id, appCertificate: replacement });
    expect(updated.id).toBe(added.id);
    const built = await h.build('rtm', { profileId: added.id, userId: 'alice' });
    expect(decodeToken(built.token, { appCertificate: replacement }).signature).toBe('valid');
    expect(decodeToken(built.token, { appCertificate: second.appCertificate }).signature).toBe('invalid');

    const chosen = await h.ok('profiles:set-default', { id: added.id });
    expect(chosen).toMatchObject({ id: added.id, isDefault: true });
    const listed = await h.ok('profiles:list', undefined);
    expect(listed.profiles.filter((p) => p.isDefault).map((p) => p.id)).toEqual([added.id]);
    expect(listed.profiles.map((p) => p.name).sort()).toEqual(['production', 'staging']);
  });

  it('removes a profile; later calls on it say it is not found', async () => {
    const listed = await h.ok('profiles:list', undefined);
    const staging = listed.profiles.find((p) => p.name === 'staging');
    expect(staging).toBeDefined();
    expect(await h.ok('profiles:remove', { id: staging?.id })).toEqual({ removed: true });
    expect((await h.ok('profiles:list', undefined)).profiles.map((p) => p.name)).toEqual(['production']);
    expect((await h.fail('profiles:remove', { id: staging?.id })).code).toBe('profile_not_found');
    expect((await h.failBuild('chat', { profileId: staging?.id })).code).toBe('profile_not_found');
    expect(await h.fail('profiles:rename', { id: '', name: 'x' })).toEqual({
      code: 'invalid_input',
      field: 'id',
      message: 'profile is required',
    });
  });
});
