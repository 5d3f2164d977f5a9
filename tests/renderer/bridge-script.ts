/**
 * The page-side half of the test transport: electron/bridge.ts's createTokenDeskApi (the
 * very function the preload uses) bundled for the page, over a Playwright binding instead
 * of ipcRenderer. Only the transport differs from the app.
 */
import { build } from 'esbuild';
import { REPO_ROOT } from '../helpers/cli.js';

export const INVOKE_BINDING = '__atdInvoke';
export const EMIT_FUNCTION = '__atdEmit';

const ENTRY = `
import { createTokenDeskApi } from './electron/bridge.ts';
const listeners = new Map();
const api = createTokenDeskApi({
  invoke: (channel, request) => window.${INVOKE_BINDING}(channel, request),
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => { set.delete(listener); };
  },
});
// contextBridge hands the page a frozen copy; do the same.
Object.defineProperty(window, 'tokenDesk', { value: Object.freeze(api), enumerable: true });
Object.defineProperty(window, '${EMIT_FUNCTION}', {
  value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); },
});
`;

let cached: Promise<string> | undefined;

export function bridgeScript(): Promise<string> {
  cached ??= build({
    stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'js', sourcefile: 'test-preload.js' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const output = result.outputFiles[0];
    if (output === undefined) throw new Error('esbuild produced no bridge script');
    return output.text;
  });
  return cached;
}
