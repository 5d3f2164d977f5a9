import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../../shared/contract/index.js';
import { filterLog, mergeLog } from '../../../renderer/src/logic/request-log.js';
import {
  HOST_MESSAGE,
  hostProblem,
  startBlocker,
  startFailureMessage,
  type StartConditions,
} from '../../../renderer/src/logic/server-form.js';

const entry = (id: number, extra: Partial<RequestLogEntry> = {}): RequestLogEntry => ({
  id,
  time: id,
  method: 'GET',
  path: `/${id}`,
  status: 200,
  ms: 1,
  ...extra,
});

describe('the Local server form checks', () => {
  it('accepts host names and IPv4 / IPv6 addresses, and rejects what cannot be a host', () => {
    for (const host of [
      '127.0.0.1',
      '0.0.0.0',
      'localhost',
      'my-laptop.local',
      '::',
      '::1',
      '[::1]',
      'fe80::1',
      ' a.b ',
    ]) {
      expect(hostProblem(host), host).toBeUndefined();
    }
    for (const host of ['', ' ', 'not a host!', '300.1.1.1', '1.2.3', 'exa_mple.com', '-a.com', '::zz', 'a..b']) {
      expect(hostProblem(host), host).toBe(HOST_MESSAGE);
    }
  });

  it('says a port in use in the form words, never a command-line flag', () => {
    const message = startFailureMessage(
      {
        code: 'port_in_use',
        message: 'port 80 on 127.0.0.1 is already in use: choose another with --port',
        field: 'port',
      },
      80,
    );
    expect(message).toBe('Port 80 is already in use by another program. Choose another port, or 0 for any free one.');
    expect(startFailureMessage({ code: 'invalid_input', message: 'host is required', field: 'host' }, 80)).toBe(
      'host is required',
    );
  });

  it('names the first thing that keeps Start disabled', () => {
    const ready: StartConditions = {
      profileCount: 1,
      chosenCount: 1,
      portValid: true,
      hostValid: true,
      exposed: false,
      mode: undefined,
      confirmed: false,
    };
    expect(startBlocker(ready)).toBeUndefined();
    expect(startBlocker({ ...ready, profileCount: 0, chosenCount: 0 })).toMatch(/^Add a profile first/);
    expect(startBlocker({ ...ready, chosenCount: 0 })).toBe('Choose at least one profile to serve.');
    expect(startBlocker({ ...ready, portValid: false })).toBe('Enter a valid port first.');
    expect(startBlocker({ ...ready, hostValid: false })).toBe('Enter a valid host first.');
    expect(startBlocker({ ...ready, exposed: true })).toMatch(/^Choose how to protect/);
    expect(startBlocker({ ...ready, exposed: true, mode: 'no-auth' })).toMatch(/^Confirm/);
    expect(startBlocker({ ...ready, exposed: true, mode: 'no-auth', confirmed: true })).toBeUndefined();
  });
});

describe('the request log in the renderer', () => {
  it("merges main's log with the events that arrived meanwhile, each request once, newest first", () => {
    const fromMain = [entry(1), entry(2), entry(3)];
    const live = [entry(4), entry(3)];
    expect(mergeLog(fromMain, live).map((e) => e.id)).toEqual([4, 3, 2, 1]);
    expect(mergeLog(fromMain, [], 2).map((e) => e.id)).toEqual([3, 2]);
  });

  it('filters on every word typed across method, path, status, kind and error, or to errors only', () => {
    const log = [
      entry(1, { kind: 'rtc', path: '/rtc/a/publisher/uid/1/' }),
      entry(2, { status: 400, kind: 'rtm', error: 'uid is required' }),
      entry(3, { method: 'POST', path: '/getToken', kind: 'chat' }),
    ];
    expect(filterLog(log, 'RTC').map((e) => e.id)).toEqual([1]);
    expect(filterLog(log, 'uid required').map((e) => e.id)).toEqual([2]);
    expect(filterLog(log, 'post chat').map((e) => e.id)).toEqual([3]);
    expect(filterLog(log, '400').map((e) => e.id)).toEqual([2]);
    expect(filterLog(log, '', true).map((e) => e.id)).toEqual([2]);
    expect(filterLog(log, '  ')).toHaveLength(3);
  });
});
