import { describe, expect, it } from 'vitest';
import { publicPayload, sseFrame } from '../../shared/app-server/event-stream.js';
import {
  accessKeyMatches,
  checkRequest,
  isLoopbackHostHeader,
  isOwnOrigin,
  newAccessKey,
} from '../../shared/app-server/guards.js';

describe("browser mode's request guards", () => {
  const key = newAccessKey();
  const page = { host: '127.0.0.1:5000', origin: undefined, fetchSite: undefined, isApi: true, accessKey: key };

  it('makes a fresh URL-safe key of 256 bits per launch', () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessKey()).not.toBe(key);
  });

  it('accepts only the exact key', () => {
    expect(accessKeyMatches(key, key)).toBe(true);
    for (const presented of [undefined, '', key.slice(1), `${key} `, key.toUpperCase(), 'x']) {
      expect(accessKeyMatches(presented, key), String(presented)).toBe(false);
    }
  });

  it('knows loopback Host headers by name, with any port', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:80', 'localhost:8700', 'LOCALHOST', '[::1]:9'])
      expect(isLoopbackHostHeader(host), host).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example',
      '127.0.0.1.evil.example',
      'localhost.evil.example:80',
      '0.0.0.0:80',
      '[::]:80',
      '127.0.0.2',
    ])
      expect(isLoopbackHostHeader(host), String(host)).toBe(false);
  });

  it("takes the page's own origin to be http:// plus the Host it reached", () => {
    expect(isOwnOrigin('http://127.0.0.1:5000', '127.0.0.1:5000')).toBe(true);
    expect(isOwnOrigin('http://localhost:5000', '127.0.0.1:5000')).toBe(false);
    expect(isOwnOrigin('https://127.0.0.1:5000', '127.0.0.1:5000')).toBe(false);
    expect(isOwnOrigin('null', '127.0.0.1:5000')).toBe(false);
  });

  it('refuses with 403 before 401, and lets the page and its own calls through', () => {
    expect(checkRequest(page, key)).toEqual({ allowed: true });
    expect(checkRequest({ ...page, origin: 'http://127.0.0.1:5000', fetchSite: 'same-origin' }, key)).toEqual({
      allowed: true,
    });
    expect(checkRequest({ ...page, isApi: false, accessKey: undefined, fetchSite: 'none' }, key)).toEqual({
      allowed: true,
    });
    expect(checkRequest({ ...page, accessKey: undefined }, key)).toMatchObject({ allowed: false, status: 401 });
    expect(checkRequest({ ...page, host: 'evil.example', accessKey: undefined }, key)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(checkRequest({ ...page, origin: 'https://evil.example' }, key)).toMatchObject({
      allowed: false,
      status: 403,
    });
    expect(checkRequest({ ...page, fetchSite: 'same-site' }, key)).toMatchObject({ allowed: false, status: 403 });
    expect(checkRequest({ ...page, isApi: false, fetchSite: 'cross-site' }, key)).toMatchObject({
      allowed: false,
      status: 403,
    });
  });
});

describe("browser mode's event frames", () => {
  it('sends a request log entry with the contract fields only, and no query string', () => {
    const entry = {
      time: 1,
      method: 'GET',
      path: '/rtc/c/publisher/uid/1/?expiry=5',
      status: 200,
      ms: 1.5,
      token: '007eJx…',
    };
    expect(publicPayload('server:request', entry)).toEqual({
      time: 1,
      method: 'GET',
      path: '/rtc/c/publisher/uid/1/',
      status: 200,
      ms: 1.5,
    });
    const failed = { ...entry, status: 400, id: 7, kind: 'rtc', error: 'uid must be a number' };
    expect(publicPayload('server:request', failed)).toEqual({
      time: 1,
      method: 'GET',
      path: '/rtc/c/publisher/uid/1/',
      status: 400,
      ms: 1.5,
      id: 7,
      kind: 'rtc',
      error: 'uid must be a number',
    });
  });

  it('writes one SSE frame per event', () => {
    expect(sseFrame('server:status', { state: 'stopped' })).toBe('event: server:status\ndata: {"state":"stopped"}\n\n');
  });
});
