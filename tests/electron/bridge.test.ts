import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTokenDeskApi, type BridgeTransport } from '../../electron/bridge.js';
import type { IpcChannel, IpcEvent, RequestLogEntry } from '../../shared/contract/index.js';

/** A transport over an in-process emitter: records calls, answers with what it is given. */
function transport(answer: (channel: IpcChannel, request: unknown) => Promise<unknown>) {
  const calls: Array<[IpcChannel, unknown]> = [];
  const emitter = new EventEmitter();
  const value: BridgeTransport = {
    invoke: (channel, request) => {
      calls.push([channel, request]);
      return answer(channel, request);
    },
    subscribe(event: IpcEvent, listener: (payload: unknown) => void) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
  };
  return { value, calls, emitter };
}

describe('createTokenDeskApi', () => {
  it('passes contract channels through and returns main’s Result as is', async () => {
    const t = transport(async () => ({ ok: true, value: { state: 'stopped' } }));
    const api = createTokenDeskApi(t.value);
    await expect(api.invoke('server:status', undefined)).resolves.toEqual({ ok: true, value: { state: 'stopped' } });
    expect(t.calls).toEqual([['server:status', undefined]]);
  });

  it('refuses channels outside the contract without reaching main', async () => {
    const t = transport(async () => ({ ok: true, value: null }));
    const api = createTokenDeskApi(t.value);
    const result = await api.invoke('shell:exec' as IpcChannel, { command: 'rm -rf /' } as never);
    expect(result).toEqual({ ok: false, error: { code: 'invalid_input', message: 'unknown IPC channel: shell:exec' } });
    expect(t.calls).toEqual([]);
  });

  it('turns a transport failure into an error Result instead of a rejection', async () => {
    const t = transport(async () => {
      throw new Error("No handler registered for 'token:rtc'");
    });
    const result = await createTokenDeskApi(t.value).invoke('token:build', {
      kind: 'rtc',
      profileId: 'p',
      input: { channel: 'c', uid: 1, role: 'publisher' },
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: "the app could not reach its main process: No handler registered for 'token:rtc'",
      },
    });
  });

  it('subscribes to contract events and unsubscribes', () => {
    const t = transport(async () => undefined);
    const api = createTokenDeskApi(t.value);
    const seen: RequestLogEntry[] = [];
    const off = api.on('server:request', (entry) => seen.push(entry));
    const entry: RequestLogEntry = { time: 1, method: 'GET', path: '/ping', status: 200, ms: 1 };
    t.emitter.emit('server:request', entry);
    off();
    t.emitter.emit('server:request', entry);
    expect(seen).toEqual([entry]);
    expect(t.emitter.listenerCount('server:request')).toBe(0);
  });

  it('rejects unknown events and non-function listeners', () => {
    const api = createTokenDeskApi(transport(async () => undefined).value);
    expect(() => api.on('ipc:anything' as IpcEvent, () => undefined)).toThrow('unknown event: ipc:anything');
    expect(() => api.on('server:status', 'x' as never)).toThrow('listener must be a function');
  });
});
