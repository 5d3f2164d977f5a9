import { describe, expect, it } from 'vitest';
import { buildChatAppToken, buildRtcToken, decodeToken } from '../../../shared/token/index.js';
import type { DecodedToken } from '../../../shared/token/types.js';
import { decodeVerdict, tokenEnd } from '../../../renderer/src/logic/decode-verdict.js';
import { serviceCards } from '../../../renderer/src/logic/decoded-view.js';
import { rawJson, tokenParts } from '../../../renderer/src/logic/raw-token.js';
import { displayTime } from '../../../renderer/src/logic/time-display.js';
import { RTC_PUBLISHER_006 } from '../../fixtures/agora-vectors.js';

const credentials = { appId: '970CA35de60c44645bbae8a215061b33', appCertificate: '5CFd2fd1755d40ecb72977518be15d3b' };

/** A token valid 30 days whose every privilege ends after 59 minutes (the example). */
function shortPrivileges(signature: DecodedToken['signature']): DecodedToken {
  const built = buildRtcToken(
    credentials,
    { channel: 'c', uid: 1, role: 'publisher', expire: 30 * 86400, privilegeExpire: 59 * 60 },
    { issuedAt: 1000, salt: 1 },
  );
  return { ...decodeToken(built.token, { appCertificate: credentials.appCertificate }), signature };
}

describe('Decode verdict and when the token stops working', () => {
  it('stops at the earliest effective privilege expiry, not the token-wide one', () => {
    const end = tokenEnd(shortPrivileges('valid'), 1500);
    expect(end.at).toBe(1000 + 59 * 60);
    expect(end.what).toMatch(/^rtc /);
    expect(end.tokenExpiresAt).toBe(1000 + 30 * 86400);
  });

  it('gives no separate token expiry when the token ends with its privileges', () => {
    const decoded = decodeToken(
      buildRtcToken(credentials, { channel: 'c', uid: 1, expire: 600 }, { issuedAt: 1000, salt: 1 }).token,
    );
    expect(tokenEnd(decoded, 1000)).toEqual({ at: 1600, what: 'rtc joinChannel', tokenExpiresAt: null });
  });

  it('says valid, invalid, unchecked or expired, an invalid signature outranking expiry', () => {
    const beforeEnd = 1000 + 59 * 60 - 1;
    const afterEnd = 1000 + 59 * 60;
    expect(decodeVerdict(shortPrivileges('valid'), beforeEnd).kind).toBe('valid');
    expect(decodeVerdict(shortPrivileges('unchecked'), beforeEnd).kind).toBe('unchecked');
    expect(decodeVerdict(shortPrivileges('invalid'), beforeEnd).kind).toBe('invalid');
    expect(decodeVerdict(shortPrivileges('valid'), afterEnd).kind).toBe('expired');
    expect(decodeVerdict(shortPrivileges('unchecked'), afterEnd).kind).toBe('expired');
    expect(decodeVerdict(shortPrivileges('invalid'), afterEnd).kind).toBe('invalid');
    expect(decodeVerdict(shortPrivileges('invalid'), beforeEnd).title).toMatch(/^Invalid signature/);
  });

  it('shows no empty User ID row for a chat app token', () => {
    const decoded = decodeToken(buildChatAppToken(credentials, { expire: 600 }, { issuedAt: 1000, salt: 1 }).token);
    const [card] = serviceCards(decoded, 1000);
    expect(card?.title).toBe('Chat');
    expect(card?.facts).toEqual([]);
  });
});

describe('Decode raw view', () => {
  it('cuts a 007 token into version and payload, with the App ID read from inside', () => {
    const { token } = buildRtcToken(credentials, { channel: 'c', uid: 1 }, { issuedAt: 1000, salt: 1 });
    const decoded = decodeToken(token);
    const parts = tokenParts(token, decoded);
    expect(parts.map((p) => p.name)).toEqual(['Version', 'App ID', 'Payload']);
    expect(parts[0]?.text).toBe('007');
    expect(parts[1]?.text).toBe(credentials.appId);
    expect(parts[0]!.text + parts[2]!.text).toBe(token);
    expect(JSON.parse(rawJson(decoded))).toMatchObject({ version: '007', appId: credentials.appId, issuedAt: 1000 });
  });

  it('cuts a 006 token into version, clear-text App ID and payload; its JSON has no issue time', () => {
    const decoded = decodeToken(RTC_PUBLISHER_006);
    const parts = tokenParts(RTC_PUBLISHER_006, decoded);
    expect(parts.map((p) => p.text).join('')).toBe(RTC_PUBLISHER_006);
    expect(parts[1]?.text).toBe(decoded.appId);
    const json = JSON.parse(rawJson(decoded)) as Record<string, unknown>;
    expect(json['messageTimestamp']).toBeTypeOf('number');
    expect(json).not.toHaveProperty('issuedAt');
  });
});

describe('the one time formatter', () => {
  it('takes the time display as a parameter, local by default', () => {
    expect(displayTime(86400, 'unix')).toBe('86400');
    expect(displayTime(86400, 'utc')).toBe('1970-01-02T00:00:00Z');
    const local = new Date(86400 * 1000);
    expect(displayTime(86400)).toBe(
      `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')} ` +
        `${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}:00`,
    );
  });
});
