import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../shared/contract/index.js';
import { buildRtcToken, decodeToken } from '../../../shared/token/index.js';
import { serviceCards, tokenShapeProblem } from '../../../renderer/src/logic/decoded-view.js';
import { keychainNotice } from '../../../renderer/src/logic/keychain-notice.js';
import { validateProfileDraft } from '../../../renderer/src/logic/profile-form.js';
import { appendLogEntry, REQUEST_LOG_SIZE } from '../../../renderer/src/logic/request-log.js';
import { isLoopbackHost, routeExamples } from '../../../renderer/src/logic/server-routes.js';
import { RTC_PUBLISHER_006 } from '../../fixtures/agora-vectors.js';

const credentials = { appId: '970CA35de60c44645bbae8a215061b33', appCertificate: '5CFd2fd1755d40ecb72977518be15d3b' };

describe('Decode view', () => {
  it('turns 007 privilege offsets into absolute expiries with their state', () => {
    const decoded = decodeToken(
      buildRtcToken(
        credentials,
        { channel: 'c', uid: 1, privileges: { join: 100, audio: 10 } },
        { issuedAt: 1000, salt: 1 },
      ).token,
    );
    const [card] = serviceCards(decoded, 1050);
    expect(card?.title).toBe('RTC');
    expect(card?.privileges).toEqual(
      expect.arrayContaining([
        { name: 'joinChannel', expiresAt: 1100, expired: false },
        { name: 'publishAudioStream', expiresAt: 1010, expired: true },
        // Privileges without their own expiry take the token's (3600 s).
        { name: 'publishVideoStream', expiresAt: 4600, expired: false },
      ]),
    );
  });

  it('keeps 006 absolute times and 0 as never', () => {
    const [card] = serviceCards(decodeToken(RTC_PUBLISHER_006), 0);
    expect(card?.privileges.length).toBeGreaterThan(0);
    expect(card?.privileges.every((row) => row.expiresAt === null || row.expiresAt > 0)).toBe(true);
  });

  it('explains text that cannot be a token', () => {
    expect(tokenShapeProblem('')).toBeUndefined();
    expect(tokenShapeProblem(' 007abc ')).toBeUndefined();
    expect(tokenShapeProblem('eyJhbGciOi')).toMatch(/start with 006 or 007/);
  });
});

describe('Profiles form', () => {
  it('reports every bad field with the store messages', () => {
    expect(validateProfileDraft({ name: ' ', appId: 'x', appCertificate: '' })).toEqual({
      name: 'profile name is required',
      appId: 'App ID must be 32 hexadecimal characters',
      appCertificate: 'App Certificate must be 32 hexadecimal characters',
    });
    expect(validateProfileDraft({ name: 'demo', ...credentials })).toEqual({});
  });

  it('passes on the keychain message and disables saving certificates only while it is unavailable', () => {
    expect(keychainNotice({ available: true })).toEqual({});
    const notice = keychainNotice({ available: false, message: 'no Secret Service: start gnome-keyring-daemon' });
    expect(notice.banner).toBe('no Secret Service: start gnome-keyring-daemon');
    expect(notice.disabledReason).toMatch(/keychain is unavailable/);
    expect(keychainNotice({ available: false }).banner).toMatch(/did not answer/);
  });
});

describe('Local server screen', () => {
  it('keeps the newest 500 log entries, newest first', () => {
    let log: RequestLogEntry[] = [];
    for (let i = 0; i < REQUEST_LOG_SIZE + 5; i += 1)
      log = appendLogEntry(log, { time: i, method: 'GET', path: `/${i}`, status: 200, ms: 1 });
    expect(log).toHaveLength(500);
    expect(log[0]?.path).toBe('/504');
    expect(log.at(-1)?.path).toBe('/5');
  });

  it('offers a curl for every route of the API', () => {
    const commands = routeExamples('http://127.0.0.1:8080/').map((route) => route.command);
    for (const path of [
      '/ping',
      '/getToken',
      '/rtc/',
      '/userAccount/',
      '/rtm/',
      '/rte/',
      '/chat/app/',
      '/chat/account/',
    ]) {
      expect(
        commands.some((command) => command.includes(`http://127.0.0.1:8080${path}`) || command.includes(path)),
        path,
      ).toBe(true);
    }
  });

  it('tells loopback hosts from exposed ones', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.1.2.3'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '192.168.1.5', '::', '']) expect(isLoopbackHost(host), host).toBe(false);
  });
});
