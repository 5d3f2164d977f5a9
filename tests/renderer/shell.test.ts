import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';

const ready = chromiumReady('renderer shell tests') && (await keychainReady('renderer shell tests'));

describe.runIf(ready)('the app shell in Chromium', () => {
  let app: AppSession;

  const suite = appSuite();
  beforeAll(() => {
    app = suite.app;
  });

  it('opens on Profiles on first launch, with no profile saved', async () => {
    await expect.poll(() => app.page.locator('#screen-title').textContent()).toBe('Profiles');
    expect(await app.page.getByRole('link', { name: 'Profiles' }).getAttribute('aria-current')).toBe('page');
    await expectNoAxeViolations(app.page, 'first launch (Profiles, no profile)');
  });

  it('reaches every screen from the navigation, by keyboard', async () => {
    for (const name of ['Generate', 'Decode', 'Local server', 'Profiles']) {
      await app.page.getByRole('link', { name }).focus();
      await app.page.keyboard.press('Enter');
      await expect.poll(() => app.page.locator('#screen-title').textContent()).toBe(name);
    }
  });

  it('follows a hash change made before its hashchange listener is attached', async () => {
    // Change the hash in the microtask after React first drew #root: after the first render read
    // the hash, before the effect that listens for hashchange. Playwright's goto right after a load
    // lands there on a busy machine; the screen then stayed on Generate with #/profiles in the URL.
    const early = await openApp(suite.browser, { profiles: app.profiles });
    try {
      await early.context.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const root = document.getElementById('root');
          if (root === null) return;
          const observer = new MutationObserver(() => {
            observer.disconnect();
            window.location.hash = '#/decode';
          });
          observer.observe(root, { childList: true });
        });
      });
      await early.page.reload();
      await expect.poll(() => early.page.locator('#screen-title').textContent()).toBe('Decode');
      expect(early.pageErrors).toEqual([]);
    } finally {
      await early.close();
    }
  });

  it('fails the axe check on a real violation (the check can fail)', async () => {
    await app.page.evaluate(() => {
      const image = document.createElement('img');
      image.id = 'no-alt';
      image.src = 'data:,';
      document.querySelector('main')?.append(image);
    });
    await expect(expectNoAxeViolations(app.page, 'an image without alt')).rejects.toThrow(
      /axe-core violations in an image without alt/,
    );
    await app.page.evaluate(() => document.getElementById('no-alt')?.remove());
    await expectNoAxeViolations(app.page, 'the image removed again');
  });

  it('gives the page no Node and only the frozen tokenDesk bridge', async () => {
    const globals = await app.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      frozen: Object.isFrozen(window.tokenDesk),
      keys: Object.keys(window.tokenDesk ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', frozen: true, keys: ['invoke', 'on'] });
  });

  it('runs under the strict CSP without a single violation or page error', async () => {
    const blocked = await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(blocked).toBe(false);
    // The one expected message is the refused inline script above.
    expect(app.pageErrors.filter((text) => !/inline script/i.test(text))).toEqual([]);
  });
});
