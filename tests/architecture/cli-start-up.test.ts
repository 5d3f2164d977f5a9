import { describe, expect, it } from 'vitest';
import { importsOf, packageOf, type ImportEdge } from './import-graph.js';

/**
 * What a cold `agora-token-desk decode` loads before it can answer: the modules reached
 * from cli/main.ts and the decode command by imports that run at load time (not `import()`,
 * not `import type`). docs/benchmark-cli.md explains the start-up budget these keep.
 */
const root = new URL('../../', import.meta.url).pathname;

function loadedAtStart(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const edges: ImportEdge[] = importsOf(root, file).filter((edge) => !edge.typeOnly && !edge.dynamic);
    for (const edge of edges) {
      if (edge.to !== undefined) pending.push(edge.to);
      else packages.add(packageOf(edge.specifier));
    }
  }
  return { files, packages };
}

describe('CLI start-up path', () => {
  it('decode loads no schema library, no server and no keychain module', () => {
    const { files, packages } = loadedAtStart(['cli/main.ts', 'cli/commands/decode.ts']);
    expect(files.has('shared/token/decode.ts')).toBe(true);
    for (const heavy of ['zod', 'fastify', '@napi-rs/keyring', 'jose', 'prom-client'])
      expect(packages.has(heavy), heavy).toBe(false);
  });

  it('sees a static zod import where there is one', () => {
    // The token command parses its flags with the contract's schemas, so zod is on its path.
    expect(loadedAtStart(['cli/commands/token.ts']).packages.has('zod')).toBe(true);
  });
});
