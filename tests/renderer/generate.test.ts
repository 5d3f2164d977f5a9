import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, type DecodedToken007 } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { fieldErrors } from './field-errors.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Generate screen tests') && (await keychainReady('Generate screen tests'));
const credentials = randomCredentials();

function decoded007(token: string): DecodedToken007 {
  const decoded = decodeToken(token, { appCertificate: credentials.appCertificate });
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  expect(decoded.signature).toBe('valid');
  expect(decoded.appId).toBe(credentials.appId);
  return decoded;
}

async function openGenerate(app: AppSession): Promise<Page> {
  await app.page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
  return app.page;
}

async function shownToken(page: Page, label = 'Token'): Promise<string> {
  const output = page.getByLabel(label, { exact: true });
  await output.waitFor();
  return (await output.textContent()) ?? '';
}

describe.runIf(ready)('Generate, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'generate',
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }),
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = await openGenerate(app);
  });

  it('builds an RTC publisher token by uid that decodes to what the form asked', async () => {
    await page.getByLabel('Channel', { exact: true }).fill('room-1');
    await page.getByLabel('UID', { exact: true }).fill('42');
    await page.getByLabel('Token expiry').fill('600');
    await page.getByRole('button', { name: 'Generate' }).click();
    const token = decoded007(await shownToken(page));
    expect(token.expire).toBe(600);
    expect(token.services).toEqual([
      {
        type: 'rtc',
        channel: 'room-1',
        uid: '42',
        privileges: { joinChannel: 600, publishAudioStream: 600, publishVideoStream: 600, publishDataStream: 600 },
      },
    ]);
    await expect
      .poll(() => page.getByLabel('CLI command', { exact: true }).textContent())
      .toBe('agora-token-desk token rtc --profile demo --channel room-1 --uid 42 --expire 600');
    // No server runs: no made-up address (generate-defaults.test.ts starts one for the real one).
    expect(await page.getByLabel('curl command', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Result' }).textContent()).toContain(
      'The local server is not running.',
    );
  });

  it('copies the token: the clipboard holds exactly the shown token', async () => {
    const token = await shownToken(page);
    await page.getByRole('button', { name: 'Copy Token' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  });

  it('builds by account as subscriber with per-privilege expiry, on Ctrl+Enter', async () => {
    await page.getByRole('radio', { name: 'By user account' }).check();
    await page.getByLabel('User account', { exact: true }).fill('alice');
    await page.getByLabel('Role').selectOption('subscriber');
    await page.getByText('More options').click();
    await page.getByLabel('Join channel expiry').fill('120');
    const before = await shownToken(page);
    await page.getByLabel('User account', { exact: true }).press('Control+Enter');
    await expect.poll(() => shownToken(page)).not.toBe(before);
    const token = decoded007(await shownToken(page));
    expect(token.services).toEqual([
      { type: 'rtc', channel: 'room-1', uid: 'alice', privileges: { joinChannel: 120 } },
    ]);
    expect(await page.getByLabel('CLI command', { exact: true }).textContent()).toContain(
      '--account alice --role subscriber --join-expire 120',
    );
    await saveScreenshot(page, 'generate-light');
  });

  it('builds an RTM token with a stream channel', async () => {
    await page.getByRole('tab', { name: 'RTM', exact: true }).click();
    await page.getByLabel('User ID').fill('bob');
    await page.getByLabel('Stream channel (optional)').fill('*');
    // Each kind keeps its own fields: RTM's expiry is its own, not RTC's 600.
    expect(await page.getByLabel('Token expiry').inputValue()).not.toBe('600');
    await page.getByLabel('Token expiry').fill('600');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect
      .poll(async () =>
        decoded007(await shownToken(page))
          .services.map((service) => service.type)
          .sort(),
      )
      .toEqual(['rtc', 'rtm']);
    const token = decoded007(await shownToken(page));
    expect(token.services.find((service) => service.type === 'rtm')).toMatchObject({
      userId: 'bob',
      privileges: { login: 600 },
    });
    // A stream channel carries an RTC service for it: join + publish data, as agora-token-service emits.
    expect(token.services.find((service) => service.type === 'rtc')).toEqual({
      type: 'rtc',
      channel: '*',
      uid: 'bob',
      privileges: { joinChannel: 600, publishDataStream: 600 },
    });
  });

  it('builds an RTC + RTM pair; the RTM user defaults to the uid', async () => {
    await page.getByRole('tab', { name: 'RTC + RTM' }).click();
    await page.getByLabel('Channel', { exact: true }).fill('room-2');
    await page.getByLabel('UID', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Generate' }).click();
    const rtc = decoded007(await shownToken(page, 'RTC token'));
    const rtm = decoded007(await shownToken(page, 'RTM token (user 7)'));
    expect(rtc.services).toMatchObject([{ type: 'rtc', channel: 'room-2', uid: '7' }]);
    expect(rtm.services.find((service) => service.type === 'rtm')).toMatchObject({ userId: '7' });
    expect(rtm.services.find((service) => service.type === 'rtc')).toMatchObject({ channel: 'room-2' });
  });

  it('builds Chat user and app tokens', async () => {
    await page.getByRole('tab', { name: 'Chat' }).click();
    await page.getByLabel('User ID').fill('carol');
    // Empty means the default.
    await page.getByLabel('Token expiry').fill('');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect
      .poll(async () => decoded007(await shownToken(page)).services[0])
      .toMatchObject({ type: 'chat', userId: 'carol', privileges: { user: 3600 } });
    // An empty user id makes an app token.
    await page.getByLabel('User ID').fill('');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect
      .poll(async () => decoded007(await shownToken(page)).services[0])
      .toMatchObject({ type: 'chat', privileges: { app: 3600 } });
    expect(await page.getByLabel('CLI command', { exact: true }).textContent()).toBe(
      'agora-token-desk token chat --profile demo',
    );
  });

  it("shows the engine's messages for bad input and generates nothing", async () => {
    await page.getByRole('tab', { name: 'RTC', exact: true }).click();
    const before = await shownToken(page);
    await page.getByRole('radio', { name: 'By uid' }).check();
    await page.getByLabel('Channel', { exact: true }).fill('bad/channel');
    await page.getByLabel('UID', { exact: true }).fill('4294967296');
    await page.getByLabel('Token expiry').fill('1.5');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect
      .poll(() => fieldErrors(page))
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining('channel may contain only letters'),
          'uid must be a whole number from 0 to 4294967295',
          expect.stringContaining('expire must be a whole number of seconds'),
        ]),
      );
    expect(await shownToken(page)).toBe(before);
    expect(await page.getByLabel('UID', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  });

  it('opens a generated token in Decode', async () => {
    await page.getByLabel('Channel', { exact: true }).fill('room-3');
    await page.getByLabel('UID', { exact: true }).fill('9');
    await page.getByLabel('Token expiry').fill('');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(async () => decoded007(await shownToken(page)).services[0]).toMatchObject({ channel: 'room-3' });
    const token = await shownToken(page);
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Decode');
    expect(await page.getByLabel('Token', { exact: true }).inputValue()).toBe(token);
    await expect.poll(() => page.getByLabel('Signature').textContent()).toContain('valid');
    expect(await page.getByLabel('Signature').textContent()).toContain('profile "demo"');
  });

  // Every kind of the registry, through the real handlers, then its services in Decode.
  const newKinds: Array<[string, Array<[string, string]>, string[]]> = [
    [
      'RTC & RTM in one',
      [
        ['Channel', 'room-4'],
        ['UID', '11'],
        ['RTM user ID', 'dora'],
      ],
      ['RTC service', 'RTM service'],
    ],
    [
      'Conversational AI',
      [
        ['Channel', 'room-4'],
        ['UID', '12'],
        ['RTM user ID', 'agent'],
      ],
      ['RTC service', 'RTM service', 'Conversational AI service'],
    ],
    [
      'Speech to text',
      [
        ['Channel', 'room-4'],
        ['UID', '13'],
        ['RTM user ID', 'stt-bot'],
      ],
      ['RTC service', 'RTM service', 'Speech to text service'],
    ],
    [
      'Flexible Classroom',
      [
        ['Room UUID', 'class-1'],
        ['User UUID', 'erin'],
        ['Role number', '2'],
      ],
      ['aPaaS service', 'RTM service', 'Chat service'],
    ],
    ['FPA', [], ['FPA service']],
  ];
  it.each(newKinds)('generates a %s token, and Decode shows its services', async (tab, fills, services) => {
    await page.goto(`${app.site.url}#/generate`);
    await page.getByRole('tab', { name: tab, exact: true }).click();
    await page.getByRole('form', { name: `${tab} token` }).waitFor();
    for (const [label, value] of fills) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Generate' }).click();
    const token = decoded007(await shownToken(page));
    expect(token.services.length).toBe(services.length);
    if (tab === 'Conversational AI') {
      expect(await page.getByLabel('REST header', { exact: true }).textContent()).toBe(
        `Authorization: agora token=${await shownToken(page)}`,
      );
    }
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await expect.poll(() => page.getByLabel('Signature').textContent()).toContain('valid');
    for (const service of services) await page.getByLabel(service, { exact: true }).waitFor();
    expect(app.pageErrors).toEqual([]);
  });

  it('generates an RTM token with RTM 2 permissions, and Decode lists them', async () => {
    await page.goto(`${app.site.url}#/generate`);
    await page.getByRole('tab', { name: 'RTM', exact: true }).click();
    await page.getByLabel('User ID').fill('frank');
    // The form keeps what was typed earlier (state survives navigation): no stream channel now.
    await page.getByLabel('Stream channel (optional)').fill('');
    await page.getByText('More options').click();
    await page.getByLabel('RTM 2 read permissions').fill('message:room-*');
    await page.getByLabel('RTM 2 write permissions').fill('stream:lobby');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect
      .poll(async () => decoded007(await shownToken(page)).services.map((service) => service.type))
      .toEqual(['rtm2']);
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await expect
      .poll(async () => (await page.getByLabel('RTM 2 service', { exact: true }).textContent()) ?? '')
      .toContain('room-*');
  });

  it('looks right in dark mode too', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'generate' });
    try {
      await dark.page.getByLabel('Channel', { exact: true }).fill('room-1');
      await dark.page.getByLabel('UID', { exact: true }).fill('42');
      await dark.page.getByRole('button', { name: 'Generate' }).click();
      decoded007(await shownToken(dark.page));
      await saveScreenshot(dark.page, 'generate-dark');
    } finally {
      await dark.close();
    }
  });

  it('never sent an App Certificate to the page', () => {
    expect(JSON.stringify(app.responses).toLowerCase()).not.toContain(credentials.appCertificate.toLowerCase());
    expect(app.pageErrors).toEqual([]);
  });
});
