import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';
import { expectNoAxeViolations } from './accessibility.js';
import { fieldErrors } from './field-errors.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Decode doctor panel tests') && (await keychainReady('Decode doctor panel tests'));
const credentials = randomCredentials();

/** The one live region: it speaks when a check completes. */
const summary = (page: Page) => page.getByRole('status').textContent();
const findings = async (page: Page) =>
  (await page.getByRole('list', { name: 'Findings' }).count()) === 0
    ? ''
    : await page.getByRole('list', { name: 'Findings' }).textContent();
const timeline = (page: Page) => page.getByRole('list', { name: 'Expiry timeline' }).textContent();

describe.runIf(ready)('Decode: Check against my app, in Chromium on the real handlers', () => {
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'decode',
    async seed(app) {
      await app.profiles.add({ name: 'my app', ...credentials });
    },
  });
  beforeAll(async () => {
    ({ app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
  });

  async function check(
    token: string,
    context: { appId?: string; action?: string; channel?: string; uid?: string },
  ): Promise<void> {
    await page.getByLabel('Token', { exact: true }).fill(token);
    await page.getByRole('heading', { name: 'Check against my app', level: 2 }).waitFor();
    await page.getByLabel('Client App ID').fill(context.appId ?? '');
    await page.getByLabel('Action').selectOption(context.action ?? '');
    await page.getByLabel('Client channel').fill(context.channel ?? '');
    await page.getByLabel('joinChannel with an int uid').check();
    await page.getByLabel('UID', { exact: true }).fill(context.uid ?? '');
  }

  it('says "no problems found" for a clean token, and draws the token and each privilege on the timeline', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'room-1', uid: 42, role: 'publisher', expire: 900 });
    await check(token, { appId: credentials.appId, action: 'rtc-publish', channel: 'room-1', uid: '42' });
    await expect.poll(() => summary(page)).toBe('No problems found.');
    expect(await findings(page)).toBe('');
    expect(await page.getByLabel('Signature').textContent()).toMatch(/^Signature: valid/);
    const bars = (await timeline(page)) ?? '';
    for (const label of ['token: ends', 'rtc joinChannel: ends', 'rtc publishAudioStream: ends'])
      expect(bars).toContain(label);
    expect(app.pageErrors).toEqual([]);
  });

  it('shows a channel mismatch as an error, with both names and the fix', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'room-1', uid: 42, role: 'publisher', expire: 900 });
    await check(token, { appId: credentials.appId, action: 'rtc-join', channel: 'Room-1', uid: '42' });
    await expect.poll(() => summary(page)).toBe('Problems found: 1 error.');
    const shown = (await findings(page)) ?? '';
    expect(shown).toContain('channel_mismatch');
    expect(shown).toContain('"room-1"');
    expect(shown).toContain('"Room-1"');
    expect(shown).toMatch(/Fix: \S/);
    await expectNoAxeViolations(page, 'Decode, doctor findings (light)');
    await saveScreenshot(page, 'decode-doctor-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page, 'Decode, doctor findings (dark)');
    await saveScreenshot(page, 'decode-doctor-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.pageErrors).toEqual([]);
  });

  it('reports an expired token and a wrong App ID, and marks the bars expired', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 7200;
    const { token } = buildRtcToken(
      credentials,
      { channel: 'room-1', uid: 42, role: 'publisher', expire: 600 },
      { issuedAt },
    );
    const other = randomCredentials();
    await check(token, { appId: other.appId, action: 'rtc-join', channel: 'room-1', uid: '42' });
    await expect.poll(() => findings(page)).toContain('app_id_mismatch');
    const shown = (await findings(page)) ?? '';
    expect(shown).toContain('token_expired');
    expect(shown).toContain(other.appId);
    expect(await summary(page)).toMatch(/^Problems found: \d+ errors?/);
    expect(await timeline(page)).toContain('token: expired');
    expect(app.pageErrors).toEqual([]);
  });

  it('explains a bad uid next to its box, without asking main', async () => {
    await page.getByLabel('UID', { exact: true }).fill('forty-two');
    await expect.poll(async () => (await fieldErrors(page)).join(' ')).toContain('uid must be a whole number');
    expect(app.pageErrors).toEqual([]);
  });
});
