/**
 * The Electron flows' UI steps (ui-steps.ts), run here on the same renderer in Chromium over
 * the real handlers (tests/renderer's harness): the selectors, the registry-driven forms and
 * the token read-back that the Electron suite relies on are checked on every `npm test`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_KINDS } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, type AppSession } from '../renderer/app-harness.js';
import { removeProfilesThroughApp } from './electron-app.js';
import { decodedServices, expectedServices, kindPlan } from './expectations.js';
import { addProfile, generateKind, openScreen, screenRoutes, screenTitle } from './ui-steps.js';

const ready = chromiumReady('Electron e2e UI steps') && (await keychainReady('Electron e2e UI steps'));
const credentials = randomCredentials();

describe.runIf(ready)("the Electron suite's UI steps, on the renderer in Chromium", () => {
  let app: AppSession;
  const suite = appSuite();
  beforeAll(async () => {
    app = suite.app;
    await app.page.locator('#screen-title').waitFor();
  });

  it('adds a profile from the first-run screen', async () => {
    expect(await screenTitle(app.page)).toBe('Profiles');
    await addProfile(app.page, 'e2e', credentials.appId, credentials.appCertificate);
    expect((await app.profiles.list()).profiles.map((profile) => profile.name)).toEqual(['e2e']);
  });

  it('generates every kind from its plan, twice, each time a new token with the expected services', async () => {
    for (const round of [1, 2]) {
      for (const kind of TOKEN_KINDS) {
        await openScreen(app.page, 'generate');
        const plan = kindPlan(kind);
        const tokens = await generateKind(app.page, plan);
        const services = tokens.map((token) => decodedServices(token, credentials.appCertificate));
        expect(services, `${kind.id}, round ${round}`).toEqual(expectedServices(plan, credentials));
      }
    }
    const result = app.page.getByRole('region', { name: 'Result' });
    await result
      .getByRole('button', { name: /in Decode$/ })
      .first()
      .click();
    await expect.poll(() => screenTitle(app.page)).toBe('Decode');
    await expect.poll(async () => (await app.page.getByLabel('Signature').textContent()) ?? '').toMatch(/\bvalid\b/);
  });

  it('walks every screen of the navigation', async () => {
    const routes = await screenRoutes(app.page);
    expect(routes).toEqual(expect.arrayContaining(['generate', 'decode', 'server', 'profiles']));
    for (const route of routes) await openScreen(app.page, route);
    expect(app.pageErrors).toEqual([]);
  });

  it('removes every profile over the IPC bridge, keychain entries included', async () => {
    const [profile] = (await app.profiles.list()).profiles;
    await removeProfilesThroughApp(app.page);
    expect((await app.profiles.list()).profiles).toEqual([]);
    await expect(app.profiles.certificates(profile?.id ?? '')).rejects.toThrow();
  });
});
