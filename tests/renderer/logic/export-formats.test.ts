import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../../../renderer/src/logic/generate-form.js';
import {
  SNIPPET_TARGETS,
  exportValues,
  joinable,
  toEnvBlock,
  toJoinSnippet,
  toJson,
} from '../../../renderer/src/logic/export-formats.js';

const values = { appId: '970CA35de60c44645bbae8a215061b33', channel: 'demo', uid: '42', token: '007abc' };
const built = { token: '007abc', issuedAt: 1, expire: 1, expiresAt: 2 };

describe('export formats', () => {
  it('.env block has APP_ID, CHANNEL, UID, TOKEN and nothing else', () => {
    expect(toEnvBlock(values)).toBe(
      'APP_ID="970CA35de60c44645bbae8a215061b33"\nCHANNEL="demo"\nUID="42"\nTOKEN="007abc"\n',
    );
    expect(toEnvBlock({ ...values, channel: 'a "b" \\c' })).toContain('CHANNEL="a \\"b\\" \\\\c"');
    expect(toEnvBlock({ appId: values.appId, token: 't' })).toBe(`APP_ID="${values.appId}"\nTOKEN="t"\n`);
  });

  it('JSON parses back to the same values', () => {
    expect(JSON.parse(toJson(values))).toEqual(values);
  });

  it('takes the values from the form: the chosen user field, the RTC token of a pair', () => {
    const form = { kind: 'rtc' as const, values: { channel: 'demo', uid: '42', account: 'old' }, choices: {} };
    expect(exportValues(form, values.appId, built)).toEqual(values);
    const byAccount = { ...form, choices: { user: 'account' } };
    expect(exportValues(byAccount, values.appId, built).uid).toBe('old');
    const pair = { rtcToken: 'rtc', rtmToken: 'rtm', rtmUserId: '42', issuedAt: 1, expire: 1, expiresAt: 2 };
    expect(exportValues({ ...form, kind: 'rte' }, values.appId, pair).token).toBe('rtc');
    expect(joinable(form, values)).toBe(true);
    const chat = { kind: 'chat' as const, values: { userId: 'carol' }, choices: {} };
    const chatValues = exportValues(chat, values.appId, built);
    expect(chatValues).toEqual({ appId: values.appId, channel: undefined, uid: 'carol', token: '007abc' });
    expect(joinable(chat, chatValues)).toBe(false);
    expect(exportValues(EMPTY_FORM, values.appId, built).uid).toBe('0');
  });

  it.each(SNIPPET_TARGETS)('%s snippet has every value filled in', (target) => {
    const text = toJoinSnippet(target, values);
    for (const v of [values.appId, values.channel, values.token]) expect(text).toContain(`"${v}"`);
    expect(text).toMatch(/join/i);
    expect(text).toContain('42');
  });

  it('the 4.x join calls of each SDK, by uid', () => {
    expect(toJoinSnippet('web', values)).toContain(
      'await client.join("970CA35de60c44645bbae8a215061b33", "demo", "007abc", 42);',
    );
    expect(toJoinSnippet('ios', values)).toContain(
      'agoraKit.joinChannel(byToken: "007abc", channelId: "demo", uid: 42, mediaOptions: AgoraRtcChannelMediaOptions(), joinSuccess: nil)',
    );
    expect(toJoinSnippet('android', values)).toContain(
      'rtcEngine.joinChannel("007abc", "demo", 42, ChannelMediaOptions())',
    );
    expect(toJoinSnippet('flutter', values)).toContain(
      'await engine.joinChannel(\n  token: "007abc",\n  channelId: "demo",\n  uid: 42,\n  options: const ChannelMediaOptions(),\n);',
    );
    expect(toJoinSnippet('react-native', values)).toContain('engine.joinChannel("007abc", "demo", 42, {});');
  });

  it('the user-account join calls when the token was built for an account', () => {
    const account = { ...values, uid: 'alice' };
    expect(toJoinSnippet('web', account)).toContain('"007abc", "alice");');
    expect(toJoinSnippet('ios', account)).toContain(
      'agoraKit.joinChannel(byUserAccount: "alice", token: "007abc", channelId: "demo", joinSuccess: nil)',
    );
    expect(toJoinSnippet('android', account)).toContain(
      'rtcEngine.joinChannelWithUserAccount("007abc", "demo", "alice")',
    );
    expect(toJoinSnippet('flutter', account)).toContain('await engine.joinChannelWithUserAccount(');
    expect(toJoinSnippet('flutter', account)).toContain('userAccount: "alice",');
    expect(toJoinSnippet('react-native', account)).toContain(
      'engine.joinChannelWithUserAccount("007abc", "demo", "alice", {});',
    );
  });

  it('escapes per language: quotes, backslashes, $ interpolation, control characters', () => {
    const nasty = { ...values, channel: 'a"b\\c$d\u0001' };
    expect(toJoinSnippet('web', nasty)).toContain('"a\\"b\\\\c$d\\u0001"');
    expect(toJoinSnippet('android', nasty)).toContain('"a\\"b\\\\c\\$d\\u0001"');
    expect(toJoinSnippet('flutter', nasty)).toContain('"a\\"b\\\\c\\$d\\u0001"');
    expect(toJoinSnippet('ios', nasty)).toContain('"a\\"b\\\\c$d\\u{0001}"');
    expect(toJoinSnippet('ios', { ...values, channel: '\\u0041' })).toContain('"\\\\u0041"');
  });

  it('never carries anything but the four values', () => {
    expect(Object.keys(JSON.parse(toJson(values)))).toEqual(['appId', 'channel', 'uid', 'token']);
  });
});
