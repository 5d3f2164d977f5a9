import { describe, expect, it } from 'vitest';
import { importsOf, isNodeModule, listSources, packageOf, parseImports, type ImportEdge } from './import-graph.js';

/**
 * The layering of DESIGN.md §1, checked on the real source tree:
 * - the renderer imports only its own code, browser-safe shared code and its packages;
 * - shared/ never imports electron/, cli/ or renderer/;
 * - browser-safe code imports no Node module and no Node-only package at run time.
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
  'shared/profiles/profile-name.ts',
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

describe('layering', () => {
  it('the source tree keeps the layers', () => {
    const edges = edgesOf(['renderer/src', 'shared']);
    expect(edges.length).toBeGreaterThan(100);
    expect(layeringProblems(edges)).toEqual([]);
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
      ]),
    ).toHaveLength(6);
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
