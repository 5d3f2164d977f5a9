import { describe, expect, it } from 'vitest';
import { takeAccessKey } from '../../../renderer/src/transport/access-key.js';
import { parseSseFrames } from '../../../renderer/src/transport/event-stream-client.js';
import { createHttpTransport } from '../../../renderer/src/transport/http-transport.js';
import { ACCESS_KEY_STORAGE } from '../../../shared/app-server/protocol.js';

function places(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored === undefined ? [] : [[ACCESS_KEY_STORAGE, stored]]);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    places: {
      location: { hash, pathname: '/', search: '' },
      storage: {
        getItem: (name: string) => storage.get(name) ?? null,
        setItem: (name: string, value: string) => void storage.set(name, value),
      },
      history: {
        state: null,
        replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)),
      },
    },
  };
}

describe('the access key in the page', () => {
  it('moves a key from the fragment into sessionStorage and out of the address bar', () => {
    const page = places('#k=abc_DEF-123');
    expect(takeAccessKey(page.places)).toBe('abc_DEF-123');
    expect(page.storage.get(ACCESS_KEY_STORAGE)).toBe('abc_DEF-123');
    expect(page.replaced).toEqual(['/']);
  });

  it('keeps the stored key on a reload, and leaves a route fragment alone', () => {
    const page = places('#/decode', 'stored');
    expect(takeAccessKey(page.places)).toBe('stored');
    expect(page.replaced).toEqual([]);
  });

  it('has no key in a tab that was never given one', () => {
    expect(takeAccessKey(places('').places)).toBeUndefined();
  });
});

describe('Server-Sent Events parsing', () => {
  it('splits complete frames, skips comments and keeps the incomplete tail', () => {
    const { frames, rest } = parseSseFrames(
      ': connected\n\nevent: server:status\ndata: {"state":"stopped"}\n\nevent: server:req',
    );
    expect(frames).toEqual([{ event: 'server:status', data: '{"state":"stopped"}' }]);
    expect(rest).toBe('event: server:req');
    expect(parseSseFrames('data: a\r\ndata: b\r\n\r\n').frames).toEqual([{ event: 'message', data: 'a\nb' }]);
  });
});

describe('the HTTP transport', () => {
  it('posts JSON with the key header and returns the handler result', async () => {
    const seen: Array<[string, RequestInit | undefined]> = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push([url, init]);
      return new Response(JSON.stringify({ ok: true, value: { state: 'stopped' } }), { status: 200 });
    }) as typeof fetch;
    const transport = createHttpTransport('secret-key', fake);
    expect(await transport.invoke('server:status', undefined)).toEqual({ ok: true, value: { state: 'stopped' } });
    expect(seen[0]?.[0]).toBe('/api/server:status');
    expect(seen[0]?.[1]).toMatchObject({
      method: 'POST',
      body: 'null',
      headers: { 'x-token-desk-key': 'secret-key', 'Content-Type': 'application/json' },
    });
  });

  it('turns a refusal, a server error and a stopped server into the UI error shape', async () => {
    const answer = (response: Response | Error) =>
      (async () => (response instanceof Error ? Promise.reject(response) : response)) as unknown as typeof fetch;
    const refused = await createHttpTransport('k', answer(new Response('{}', { status: 401 }))).invoke(
      'server:status',
      undefined,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/refused this page/) },
    });
    const failed = await createHttpTransport(
      'k',
      answer(new Response('{"message":"unknown IPC channel: x"}', { status: 404 })),
    ).invoke('server:status', undefined);
    expect(failed).toMatchObject({ ok: false, error: { message: 'unknown IPC channel: x' } });
    const gone = await createHttpTransport('k', answer(new TypeError('fetch failed'))).invoke(
      'server:status',
      undefined,
    );
    expect(gone).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not running/) } });
    const keyless = await createHttpTransport(undefined, answer(new Error('never called'))).invoke(
      'server:status',
      undefined,
    );
    expect(keyless).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no access key/) } });
  });
});
