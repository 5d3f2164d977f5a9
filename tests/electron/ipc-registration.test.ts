import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../electron/ipc-registration.js';
import { IPC_CHANNELS } from '../../shared/contract/index.js';
import { openHarness, type Harness } from '../app/test-env.js';

const APP = 'file:///app/dist/renderer/index.html';

/** Electron's ipcMain cannot run here; this registry keeps what main would register. */
function registry() {
  const listeners = new Map<string, (event: InvokeEventLike, request: unknown) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (listeners.has(channel)) throw new Error(`second handler for ${channel}`);
      listeners.set(channel, listener);
    },
    removeHandler: (channel) => listeners.delete(channel),
  };
  const invoke = (channel: string, url: string | null, request: unknown, parent: unknown = null) => {
    const listener = listeners.get(channel);
    if (listener === undefined) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: url === null ? null : { url, parent } }, request);
  };
  return { ipcMain, listeners, invoke };
}

// These channels need neither the keychain nor a profile, so they run everywhere.
describe('IPC registration (real handlers)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('has no clipboard channel: the renderer copies with navigator.clipboard', () => {
    expect(IPC_CHANNELS).not.toContain('clipboard:write');
    expect(Object.keys(h.handlers).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it('parses each request with the contract schema before the handler runs', async () => {
    expect(await h.fail('server:status', { text: 5 })).toEqual({
      code: 'invalid_input',
      message: 'this call takes no request data',
    });
    expect(await h.ok('server:status', undefined)).toEqual({ state: 'stopped' });
  });

  it('registers every contract channel once, and removes them', () => {
    const r = registry();
    const remove = registerIpcHandlers(r.ipcMain, h.handlers, APP);
    expect([...r.listeners.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    remove();
    expect(r.listeners.size).toBe(0);
  });

  it('answers the app page and refuses every other sender before any handler runs', async () => {
    const r = registry();
    const refusedFrom: Array<string | undefined> = [];
    const ran: unknown[] = [];
    const counted = {
      ...h.handlers,
      'server:status': (request: unknown) => (ran.push(request), h.handlers['server:status'](request)),
    };
    registerIpcHandlers(r.ipcMain, counted, APP, (_channel, url) => refusedFrom.push(url));
    await expect(r.invoke('server:status', `${APP}#/generate`, null)).resolves.toEqual({
      ok: true,
      value: { state: 'stopped' },
    });

    const refused = {
      ok: false,
      error: { code: 'internal', message: 'refused: the request did not come from the app page' },
    };
    await expect(r.invoke('server:status', 'https://example.com/', 'evil')).resolves.toEqual(refused);
    await expect(r.invoke('server:status', APP, 'iframe', { url: APP })).resolves.toEqual(refused);
    await expect(r.invoke('server:status', null, 'gone')).resolves.toEqual(refused);
    expect(ran).toEqual([null]);
    expect(refusedFrom).toEqual(['https://example.com/', APP, undefined]);
  });
});
