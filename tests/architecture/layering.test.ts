import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, isNodeModule, listSources, packageOf, parseImports, type ImportEdge } from './import-graph.js';

/**
 * The layering of DESIGN.md §1, checked on the real source tree:
 * - shared/ (contract, engine, services, the application layer shared/app/) never imports
 *   electron/, cli/ or renderer/;
 * - cli/ imports only cli/ and shared/: never electron/, so the CLI and the container image
 *   build without the desktop shell;
 * - electron/ (the desktop shell) imports only electron/ and shared/;
 * - the renderer imports only its own code, browser-safe shared code and its packages;
 * - browser-safe code imports no Node module and no Node-only package at run time.
 * docs/architecture.md's layer table states the same lists; a test below compares them.
 */
const root = new URL('../../', import.meta.url).pathname;

/** Shared code the renderer may load: the contract and the engine parts that need no Node. */
export const BROWSER_SAFE = [
  'shared/contract/',
  'shared/token/kinds/',
  'shared/token/decoded-json.ts',
  'shared/token/pasted-token.ts',
  'shared/token/status.ts',
  'shared/token/timeline.ts',
  'shared/token/types.ts',
  'shared/errors.ts',
  'shared/relative-time.ts',
  'shared/token-desk-api.ts',
  'shared/app-server/protocol.ts',
];
const BROWSER_PACKAGES = new Set(['zod']);
const RENDERER_PACKAGES = new Set(['react', 'react-dom', 'zod', 'lean-qr']);

const isBrowserSafe = (file: string) =>
  BROWSER_SAFE.some((prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix)));

/** Every broken rule, as "from -> specifier: why". */
export function layeringProblems(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  const say = (edge: ImportEdge, why: string) => problems.push(`${edge.from} -> ${edge.specifier}: ${why}`);
  for (const edge of edges) {
    const { from, to } = edge;
    if (from.startsWith('shared/') && to !== undefined && /^(electron|cli|renderer)\//.test(to)) {
      say(edge, 'shared/ must not import electron/, cli/ or renderer/');
    }
    if (from.startsWith('cli/') && to !== undefined && !/^(cli|shared)\//.test(to)) {
      say(edge, 'cli/ may import only cli/ and shared/');
    }
    if (from.startsWith('electron/') && to !== undefined && !/^(electron|shared)\//.test(to)) {
      say(edge, 'electron/ may import only electron/ and shared/');
    }
    if (from.startsWith('renderer/')) {
      if (edge.typeOnly) continue;
      if (to !== undefined && !to.startsWith('renderer/') && !isBrowserSafe(to))
        say(edge, 'the renderer may import only renderer/ and browser-safe shared code');
      if (to === undefined && !RENDERER_PACKAGES.has(packageOf(edge.specifier))) say(edge, 'not a renderer package');
    }
    if (isBrowserSafe(from) && !edge.typeOnly) {
      if (to !== undefined && !isBrowserSafe(to)) say(edge, 'browser-safe code may import only browser-safe code');
      if (to === undefined && (isNodeModule(edge.specifier) || !BROWSER_PACKAGES.has(packageOf(edge.specifier)))) {
        say(edge, 'browser-safe code must not load a Node module or Node-only package');
      }
    }
  }
  return problems;
}

const edgesOf = (folders: string[]) =>
  folders.flatMap((folder) => listSources(root, folder)).flatMap((file) => importsOf(root, file));

/** The backticked names in one cell of docs/architecture.md's layer table, by row and column. */
function tableCell(layer: string, column: 'folder' | 'may import'): string[] {
  const doc = readFileSync(`${root}docs/architecture.md`, 'utf8');
  const row = doc.split('\n').find((line) => line.startsWith(`| ${layer} |`));
  if (row === undefined) throw new Error(`docs/architecture.md has no layer table row "${layer}"`);
  const cell = row.split('|')[column === 'folder' ? 2 : 3] ?? '';
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

describe('layering', () => {
  it('the source tree keeps the layers', () => {
    const edges = edgesOf(['renderer/src', 'shared', 'cli', 'electron']);
    expect(edges.length).toBeGreaterThan(100);
    // The doors are really read: the CLI and the shell both reach the application layer.
    expect(edges.some((edge) => edge.from.startsWith('cli/') && edge.to?.startsWith('shared/app/'))).toBe(true);
    expect(edges.some((edge) => edge.from === 'electron/main.ts' && edge.to?.startsWith('shared/app/'))).toBe(true);
    expect(layeringProblems(edges)).toEqual([]);
  });

  it("docs/architecture.md's layer table lists exactly what this test enforces", () => {
    expect(tableCell('browser-safe shared', 'folder')).toEqual(BROWSER_SAFE);
    expect(tableCell('browser-safe shared', 'may import')).toEqual([...BROWSER_PACKAGES]);
    expect(tableCell('renderer', 'may import')).toEqual([...RENDERER_PACKAGES]);
  });

  it('the CLI build (tsconfig.build.json, also the container image) compiles no electron/ file', () => {
    const config = JSON.parse(readFileSync(`${root}tsconfig.build.json`, 'utf8')) as { include: string[] };
    expect(config.include).toEqual(['shared/**/*.ts', 'cli/**/*.ts']);
  });

  it('the checker catches each kind of break', () => {
    const edge = (from: string, specifier: string, to?: string, typeOnly = false): ImportEdge => ({
      from,
      specifier,
      to,
      typeOnly,
      dynamic: false,
    });
    expect(
      layeringProblems([
        edge('renderer/src/a.ts', '../../shared/profiles/profile-store.js', 'shared/profiles/profile-store.ts'),
        edge('renderer/src/a.ts', 'agora-token', undefined),
        edge('shared/token/build.ts', '../../cli/output.js', 'cli/output.ts', true),
        edge('shared/contract/x.ts', 'node:fs'),
        edge('shared/token/kinds/x.ts', 'agora-token/src/AccessToken2.js'),
        edge('shared/token/kinds/x.ts', '../agora-kit.js', 'shared/token/agora-kit.ts'),
        edge('cli/ui/x.ts', '../../electron/security.js', 'electron/security.ts'),
        edge('cli/commands/x.ts', '../../renderer/src/a.js', 'renderer/src/a.ts'),
        edge('electron/main.ts', '../cli/output.js', 'cli/output.ts'),
        edge('shared/app/x.ts', '../../electron/security.js', 'electron/security.ts'),
      ]),
    ).toHaveLength(10);
    // The shell and the CLI may use the application layer and the rest of shared/.
    expect(
      layeringProblems([
        edge('electron/main.ts', '../shared/app/app-services.js', 'shared/app/app-services.ts'),
        edge('cli/commands/ui.ts', '../../shared/app/app-services.js', 'shared/app/app-services.ts'),
        edge('electron/tray.ts', './tray-menu.js', 'electron/tray-menu.ts'),
      ]),
    ).toEqual([]);
    // Erased imports load nothing: a kind may name agora-token's types.
    expect(
      layeringProblems([edge('shared/token/kinds/x.ts', 'agora-token/src/AccessToken2.js', undefined, true)]),
    ).toEqual([]);
  });

  it('reads every import form', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import {\n  D,\n  type E,\n} from './d.js';",
      "export { F } from './f.js';",
      "import './side.css';",
      "const m = await import('./lazy.js');",
    ].join('\n');
    expect(parseImports(source)).toEqual([
      { specifier: 'zod', typeOnly: false, dynamic: false },
      { specifier: './a.js', typeOnly: true, dynamic: false },
      { specifier: './b.js', typeOnly: true, dynamic: false },
      { specifier: './d.js', typeOnly: false, dynamic: false },
      { specifier: './f.js', typeOnly: false, dynamic: false },
      { specifier: './side.css', typeOnly: false, dynamic: false },
      { specifier: './lazy.js', typeOnly: false, dynamic: true },
    ]);
  });
});
