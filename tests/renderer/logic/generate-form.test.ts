import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, toRequest, validateForm, type GenerateForm } from '../../../renderer/src/logic/generate-form.js';

const form = (patch: Partial<GenerateForm>): GenerateForm => ({ ...EMPTY_FORM, ...patch });

describe('validateForm', () => {
  it('accepts a complete form of every kind', () => {
    expect(validateForm(form({ kind: 'rtc', channel: 'c', uid: '0' }))).toEqual({});
    expect(validateForm(form({ kind: 'rtc', channel: 'c', buildBy: 'account', account: 'a', uid: 'ignored' }))).toEqual({});
    expect(validateForm(form({ kind: 'rtm', userId: 'u', streamChannel: '*' }))).toEqual({});
    expect(validateForm(form({ kind: 'rte', channel: 'c', uid: '5' }))).toEqual({});
    expect(validateForm(form({ kind: 'chat', chatKind: 'app' }))).toEqual({});
  });

  it("uses the engine's messages, per field", () => {
    expect(validateForm(form({ kind: 'rtc', channel: '', uid: '-1', expire: 'soon' }))).toEqual({
      channel: 'channel is required',
      uid: 'uid must be a whole number from 0 to 4294967295',
      expire: 'expire must be a whole number of seconds from 1 to 4294967295 (0 means the default)',
    });
    expect(validateForm(form({ kind: 'rtc', channel: 'x'.repeat(65), uid: '4294967296' }))).toMatchObject({
      channel: 'channel must be at most 64 bytes',
      uid: expect.any(String),
    });
    expect(validateForm(form({ kind: 'rtm', userId: '', streamChannel: 'a/b' }))).toEqual({
      userId: 'user id is required',
      streamChannel: expect.stringMatching(/channel/),
    });
  });

  it('checks per-privilege fields only when they are in use', () => {
    const rtc = form({ kind: 'rtc', channel: 'c', join: 'x' });
    expect(validateForm(rtc)).toEqual({});
    expect(validateForm({ ...rtc, perPrivilege: true })).toEqual({ join: expect.stringMatching(/^join expire must be/) });
  });

  it('needs an RTM user id for an RTC + RTM pair on uid 0', () => {
    expect(validateForm(form({ kind: 'rte', channel: 'c', uid: '0' }))).toEqual({ rtmUserId: 'RTM user id is required when the uid is 0' });
    expect(validateForm(form({ kind: 'rte', channel: 'c', uid: '0', rtmUserId: 'bob' }))).toEqual({});
  });
});

describe('toRequest', () => {
  it('builds the IPC request, leaving defaults out', () => {
    expect(toRequest(form({ kind: 'rtc', channel: 'c', uid: '42' }), 'p')).toEqual({
      channel: 'token:rtc',
      request: { profileId: 'p', channel: 'c', role: 'publisher', uid: 42 },
    });
    expect(
      toRequest(form({ kind: 'rtc', channel: 'c', buildBy: 'account', account: 'a', role: 'subscriber', expire: '60', perPrivilege: true, video: '30' }), 'p'),
    ).toEqual({
      channel: 'token:rtc',
      request: { profileId: 'p', channel: 'c', role: 'subscriber', account: 'a', expire: 60, privileges: { video: 30 } },
    });
    expect(toRequest(form({ kind: 'rtm', userId: 'u', streamChannel: '*' }), 'p')).toEqual({ channel: 'token:rtm', request: { profileId: 'p', userId: 'u', channel: '*' } });
    expect(toRequest(form({ kind: 'rte', channel: 'c', uid: '5', rtmUserId: 'r' }), 'p')).toEqual({
      channel: 'token:rte',
      request: { profileId: 'p', channel: 'c', uid: 5, role: 'publisher', rtmUserId: 'r' },
    });
    expect(toRequest(form({ kind: 'chat', chatKind: 'app', userId: 'left-over' }), 'p')).toEqual({ channel: 'token:chat', request: { profileId: 'p' } });
  });
});
