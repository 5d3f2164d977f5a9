import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventSubscriptions } from '../../shared/app/event-subscriptions.js';
import type { HistoryEntry, IpcEvent, IpcEvents } from '../../shared/contract/index.js';
import { HISTORY_LIMIT } from '../../shared/history/token-history.js';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC history handlers');

describe.skipIf(!available)('IPC history:* handlers (real engine, real keychain)', () => {
  let h: Harness;
  let profileId: string;
  const credentials = randomCredentials();
  const events: Array<{ event: IpcEvent; payload: IpcEvents[IpcEvent] }> = [];
  let unsubscribe: () => void;
  const historyEvents = () =>
    events.filter((e) => e.event === 'history:changed').map((e) => e.payload as HistoryEntry[]);

  beforeAll(async () => {
    h = await openHarness();
    profileId = (await h.ok('profiles:add', { name: 'history', ...credentials })).id;
    unsubscribe = createEventSubscriptions(h.server, (event, payload) => events.push({ event, payload }), {
      history: h.history,
    });
  });
  afterAll(async () => {
    unsubscribe();
    const everything = JSON.stringify({ responses: h.responses, events, history: h.history.list() }).toLowerCase();
    await h.close();
    expect(everything).not.toContain(credentials.appCertificate.toLowerCase());
  });

  it('is empty before any token is built', async () => {
    expect(await h.ok('history:list', undefined)).toEqual([]);
  });

  it('records every successful token:build, newest first, with what regenerating needs', async () => {
    const rtc = await h.build('rtc', { profileId, channel: 'room 1', uid: 42, expire: 600 });
    const pair = await h.buildPair('rte', { profileId, channel: 'lobby', uid: 7, rtmUserId: 'alice' });
    const chat = await h.build('chat', { profileId });

    const list = await h.ok('history:list', null);
    expect(list.map((e) => e.kind)).toEqual(['chat', 'rte', 'rtc']);
    expect(list[2]).toEqual({
      id: expect.any(Number),
      kind: 'rtc',
      profileId,
      input: { channel: 'room 1', uid: 42, expire: 600 },
      subject: [
        { name: 'Channel', value: 'room 1' },
        { name: 'UID', value: '42' },
      ],
      tokens: [{ name: 'Token', token: rtc.token }],
      issuedAt: rtc.issuedAt,
      expiresAt: rtc.expiresAt,
    });
    expect(list[1]).toMatchObject({
      subject: [
        { name: 'Channel', value: 'lobby' },
        { name: 'UID', value: '7' },
        { name: 'RTM user ID', value: 'alice' },
      ],
      tokens: [
        { name: 'RTC token', token: pair.rtcToken },
        { name: 'RTM token', token: pair.rtmToken },
      ],
    });
    // A chat app token is for nobody in particular: no subject rather than an empty one.
    expect(list[0]).toMatchObject({ subject: [], tokens: [{ name: 'Token', token: chat.token }] });
    expect(new Set(list.map((e) => e.id)).size).toBe(3);
  });

  it('regenerates from a stored entry: the same inputs, a new token at the top', async () => {
    const [first] = await h.ok('history:list', undefined);
    const oldest = (await h.ok('history:list', undefined)).at(-1);
    if (first === undefined || oldest === undefined) throw new Error('history is empty');
    await h.ok('token:build', { kind: oldest.kind, profileId: oldest.profileId, input: oldest.input });
    const list = await h.ok('history:list', undefined);
    expect(list).toHaveLength(4);
    expect(list[0]).toMatchObject({ kind: 'rtc', input: oldest.input, subject: oldest.subject });
    expect(list[0]?.id).toBeGreaterThan(first.id);
    const decoded = decodeToken(list[0]?.tokens[0]?.token ?? '', { appCertificate: credentials.appCertificate });
    expect(decoded).toMatchObject({ signature: 'valid', expire: 600 });
  });

  it('records nothing for a failed build', async () => {
    const before = (await h.ok('history:list', undefined)).length;
    await h.failBuild('rtc', { profileId, channel: '', uid: 1 });
    await h.failBuild('rtc', { profileId: 'no-such-profile', channel: 'demo', uid: 1 });
    await h.failBuild('rtc', { profileId, channel: 'demo', uid: 1, appCertificate: credentials.appCertificate });
    expect(await h.ok('history:list', undefined)).toHaveLength(before);
  });

  it('pushes history:changed after every change and clears on history:clear', async () => {
    const seen = historyEvents().length;
    await h.build('rtm', { profileId, userId: 'bob' });
    expect(historyEvents()).toHaveLength(seen + 1);
    expect(historyEvents().at(-1)?.[0]).toMatchObject({ kind: 'rtm', subject: [{ name: 'User ID', value: 'bob' }] });

    expect(await h.ok('history:clear', undefined)).toEqual({ cleared: true });
    expect(await h.ok('history:list', undefined)).toEqual([]);
    expect(historyEvents().at(-1)).toEqual([]);
    expect((await h.fail('history:clear', { all: true })).code).toBe('invalid_input');
  });

  it(`keeps at most ${HISTORY_LIMIT} tokens`, async () => {
    // The first and last through token:build; the ones between straight into the history the
    // handler records into. Two hundred builds would open two hundred Secret Service
    // connections in a few seconds, a churn that trips a gnome-keyring race (the daemon aborts
    // on a client that has gone, and the bus restarts it locked) without testing anything more.
    await h.build('rtc', { profileId, channel: 'bulk', uid: 0 });
    const { id: _id, ...first } = h.history.list()[0]!;
    for (let n = 1; n < HISTORY_LIMIT + 2; n++)
      h.history.add({
        ...first,
        subject: first.subject.map((item) => (item.name === 'UID' ? { ...item, value: String(n) } : item)),
      });
    await h.build('rtc', { profileId, channel: 'bulk', uid: HISTORY_LIMIT + 2 });
    const list = await h.ok('history:list', undefined);
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.subject).toContainEqual({ name: 'UID', value: String(HISTORY_LIMIT + 2) });
    expect(list.at(-1)?.subject).toContainEqual({ name: 'UID', value: '3' });
  });
});
