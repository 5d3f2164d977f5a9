import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TokenDeskApi } from '../../shared/contract/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

const PRELOAD = join(REPO_ROOT, 'dist', 'electron', 'preload.cjs');
const MAIN = join(REPO_ROOT, 'dist', 'electron', 'main.js');

/** Every module specifier a bundle loads, by require() or import. */
function loadedModules(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return [...new Set(specifiers.map((m) => m[1] ?? ''))].sort();
}

/**
 * Runs the preload bundle the way a sandboxed renderer does: a CommonJS script whose
 * require() has only 'electron'. Electron cannot run here, so 'electron' is a recorder
 * of what the preload exposes and which IPC calls it makes.
 */
function runPreload(code: string) {
  const required: string[] = [];
  const exposed: Record<string, unknown> = {};
  const invoked: Array<[string, unknown]> = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const ipcRenderer = {
    invoke: async (channel: string, request: unknown) => {
      invoked.push([channel, request]);
      return { ok: true, value: { state: 'stopped' } };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
    ipcRenderer,
  };
  const sandboxRequire = (id: string): unknown => {
    required.push(id);
    if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
    return electron;
  };
  const module = { exports: {} };
  runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
  const emit = (channel: string, payload: unknown): void => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-renderer-internals' }, payload);
  };
  return { required, exposed, invoked, listeners, emit };
}

/** Each static import of an ES module bundle: module and the names it binds. */
function staticImports(code: string): Array<{ from: string; names: string[] }> {
  return [...code.matchAll(/^import\s+([\s\S]*?)\s+from\s+"([^"]+)";/gm)].map((m) => {
    const clause = m[1] ?? '';
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    const names = named
      .split(',')
      .map((part) => part.trim().split(/\s+as\s+/)[0] ?? '')
      .filter((name) => name !== '');
    if (/^[A-Za-z_$][\w$]*(\s*,|$)/.test(clause.trim())) names.push('default');
    return { from: m[2] ?? '', names };
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build-electron.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
}, 120_000);

describe('preload bundle (dist/electron/preload.cjs)', () => {
  it('is one CommonJS file that requires only electron', () => {
    const code = readFileSync(PRELOAD, 'utf8');
    expect(loadedModules(code)).toEqual(['electron']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('exposes exactly window.tokenDesk with invoke and on', async () => {
    const preload = runPreload(readFileSync(PRELOAD, 'utf8'));
    expect(preload.required).toEqual(['electron']);
    expect(Object.keys(preload.exposed)).toEqual(['tokenDesk']);
    const api = preload.exposed['tokenDesk'] as TokenDeskApi;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);

    await expect(api.invoke('server:status', undefined)).resolves.toEqual({ ok: true, value: { state: 'stopped' } });
    const refused = await api.invoke('fs:read' as 'server:status', undefined);
    expect(refused.ok).toBe(false);
    expect(preload.invoked).toEqual([['server:status', undefined]]);
  });

  it('hands listeners the payload only, never the Electron event', () => {
    const preload = runPreload(readFileSync(PRELOAD, 'utf8'));
    const api = preload.exposed['tokenDesk'] as TokenDeskApi;
    const seen: unknown[] = [];
    const off = api.on('server:status', (...args: unknown[]) => seen.push(args));
    preload.emit('server:status', { state: 'listening' });
    off();
    preload.emit('server:status', { state: 'stopped' });
    expect(seen).toEqual([[{ state: 'listening' }]]);
    expect(preload.listeners.get('server:status')?.size).toBe(0);
  });
});

describe('main bundle (dist/electron/main.js)', () => {
  it('is one ES module: project code bundled, npm packages and Node built-ins loaded at run time', () => {
    const code = readFileSync(MAIN, 'utf8');
    const modules = loadedModules(code);
    expect(modules).toContain('electron');
    expect(modules.filter((m) => m.startsWith('.') || m.startsWith('/'))).toEqual([]);
    expect(code).toMatch(/^import\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  it('finds every package and name it imports, under Node’s own ES module loader', () => {
    // Electron supplies 'electron' itself; everything else comes from node_modules at run time.
    const imports = staticImports(readFileSync(MAIN, 'utf8')).filter((i) => i.from !== 'electron');
    expect(imports.map((i) => i.from)).toEqual(expect.arrayContaining(['zod', 'fastify', '@napi-rs/keyring']));
    const check = imports
      .map(
        (i, n) =>
          `const m${n} = await import(${JSON.stringify(i.from)});` +
          `for (const name of ${JSON.stringify(i.names)}) if (!(name in m${n})) missing.push(${JSON.stringify(i.from)} + ': ' + name);`,
      )
      .join('\n');
    const result = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', `const missing = [];\n${check}\nconsole.log(JSON.stringify(missing));`],
      {
        cwd: join(REPO_ROOT, 'dist', 'electron'),
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
