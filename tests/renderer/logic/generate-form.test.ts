import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, toRequest, validateForm, type GenerateForm } from '../../../renderer/src/logic/generate-form.js';
import { TOKEN_KINDS } from '../../../shared/token/index.js';

const form = (
  kind: GenerateForm['kind'],
  values: Record<string, string>,
  choices: Record<string, string> = {},
): GenerateForm => ({
  ...EMPTY_FORM,
  kind,
  values,
  choices,
});

describe('validateForm (the kind schema main parses with)', () => {
  it('accepts a complete form of every kind', () => {
    expect(validateForm(form('rtc', { channel: 'c', uid: '0' }))).toEqual({});
    expect(validateForm(form('rtc', { channel: 'c', account: 'a', uid: 'ignored' }, { user: 'account' }))).toEqual({});
    expect(validateForm(form('rtm', { userId: 'u', channel: '*' }))).toEqual({});
    expect(validateForm(form('rtm', { userId: 'u', 'permissions.read': 'message:room-*, user:bob' }))).toEqual({});
    expect(validateForm(form('rte', { channel: 'c', uid: '5' }))).toEqual({});
    expect(validateForm(form('chat', {}))).toEqual({});
    expect(validateForm(form('rtc-rtm', { channel: 'c', account: 'a' }, { user: 'account' }))).toEqual({});
    expect(validateForm(form('convoai', { channel: 'c', uid: '7', rtmUserId: 'agent' }))).toEqual({});
    expect(validateForm(form('stt', { channel: 'c', uid: '8' }))).toEqual({});
    expect(validateForm(form('apaas', { roomUuid: 'r', userUuid: 'u', role: '2' }))).toEqual({});
    expect(validateForm(form('fpa', {}))).toEqual({});
  });

  it("uses the engine's messages, per field", () => {
    expect(validateForm(form('rtc', { channel: '', uid: '-1', expire: 'soon' }))).toEqual({
      channel: 'channel is required',
      uid: 'uid must be a whole number from 0 to 4294967295',
      expire: 'expire must be a whole number of seconds from 1 to 4294967295 (0 means the default)',
    });
    expect(validateForm(form('rtc', { channel: 'x'.repeat(65), uid: '4294967296' }))).toMatchObject({
      channel: 'channel must be at most 64 bytes',
      uid: expect.any(String),
    });
    expect(validateForm(form('rtm', { userId: '', channel: 'a/b' }))).toEqual({
      userId: 'user id is required',
      channel: expect.stringMatching(/channel/),
    });
    expect(validateForm(form('rtm', { userId: 'u', 'permissions.write': 'room-*' }))).toEqual({
      'permissions.write': expect.stringMatching(/^a permission is TYPE:NAME/),
    });
  });

  it('checks per-privilege fields when they are filled in', () => {
    expect(validateForm(form('rtc', { channel: 'c', uid: '1', 'privileges.join': 'x' }))).toEqual({
      'privileges.join': expect.stringMatching(/^join privilege expire must be/),
    });
  });

  it('needs an RTM user id on uid 0, for every RTC + RTM kind: the same cross-field rule main applies', () => {
    for (const kind of ['rte', 'rtc-rtm', 'convoai', 'stt'] as const) {
      expect(validateForm(form(kind, { channel: 'c', uid: '0' }))).toEqual({
        rtmUserId: 'RTM user id is required when the RTC uid is 0',
      });
      expect(validateForm(form(kind, { channel: 'c', uid: '0', rtmUserId: 'bob' }))).toEqual({});
    }
  });

  it('has a tab for every registered kind', () => {
    expect(TOKEN_KINDS.map((kind) => kind.id)).toEqual([
      'rtc',
      'rtm',
      'rte',
      'chat',
      'rtc-rtm',
      'convoai',
      'stt',
      'apaas',
      'fpa',
    ]);
  });
});

describe('toRequest', () => {
  it('builds the token:build request, leaving defaults out', () => {
    expect(toRequest(form('rtc', { channel: 'c', uid: '42' }), 'p')).toEqual({
      kind: 'rtc',
      profileId: 'p',
      input: { channel: 'c', uid: 42 },
    });
    expect(
      toRequest(
        form(
          'rtc',
          { channel: 'c', uid: '9', account: 'a', role: 'subscriber', expire: '60', 'privileges.video': '30' },
          { user: 'account' },
        ),
        'p',
      ),
    ).toEqual({
      kind: 'rtc',
      profileId: 'p',
      input: { channel: 'c', role: 'subscriber', account: 'a', expire: 60, privileges: { video: 30 } },
    });
    expect(toRequest(form('rtm', { userId: 'u', channel: '*' }), 'p')).toEqual({
      kind: 'rtm',
      profileId: 'p',
      input: { userId: 'u', channel: '*' },
    });
    expect(toRequest(form('rte', { channel: 'c', uid: '5', rtmUserId: 'r' }), 'p')).toEqual({
      kind: 'rte',
      profileId: 'p',
      input: { channel: 'c', uid: 5, rtmUserId: 'r' },
    });
    expect(toRequest(form('chat', { userId: '' }), 'p')).toEqual({ kind: 'chat', profileId: 'p', input: {} });
    expect(
      toRequest(
        form('rtm', { userId: 'u', 'permissions.read': 'message:a message:b', 'permissions.write': 'user:x' }),
        'p',
      ).input,
    ).toEqual({
      userId: 'u',
      permissions: { read: ['message:a', 'message:b'], write: ['user:x'] },
    });
  });
});
