import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../electron/ipc-registration.js';
import { IPC_CHANNELS } from '../../shared/contract.js';
import { openHarness, type Harness } from './test-env.js';

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
describe('IPC registration and clipboard:write (real handlers)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('clipboard:write hands the text to the clipboard', async () => {
    expect(await h.ok('clipboard:write', { text: '007abc' })).toEqual({ written: true });
    expect(h.clipboardWrites).toEqual(['007abc']);
    expect(await h.fail('clipboard:write', { text: 5 })).toEqual({ code: 'invalid_input', field: 'text', message: 'text is required' });
    expect(h.clipboardWrites).toEqual(['007abc']);
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
    registerIpcHandlers(r.ipcMain, h.handlers, APP, (_channel, url) => refusedFrom.push(url));
    await expect(r.invoke('clipboard:write', `${APP}#/generate`, { text: 'ok' })).resolves.toEqual({ ok: true, value: { written: true } });

    const refused = { ok: false, error: { code: 'internal', message: 'refused: the request did not come from the app page' } };
    await expect(r.invoke('clipboard:write', 'https://example.com/', { text: 'evil' })).resolves.toEqual(refused);
    await expect(r.invoke('clipboard:write', APP, { text: 'iframe' }, { url: APP })).resolves.toEqual(refused);
    await expect(r.invoke('clipboard:write', null, { text: 'gone' })).resolves.toEqual(refused);
    expect(h.clipboardWrites.filter((t) => t !== '007abc')).toEqual(['ok']);
    expect(refusedFrom).toEqual(['https://example.com/', APP, undefined]);
  });
});
