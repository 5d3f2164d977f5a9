import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The static and dynamic imports of the project's TypeScript files, for the layering rules. */

export interface ImportEdge {
  /** The importing file, relative to the root, with forward slashes. */
  from: string;
  specifier: string;
  /** The imported file (relative to the root) for a relative import; undefined for a package. */
  to: string | undefined;
  /** Erased at compile time (`import type`), so it loads nothing at run time. */
  typeOnly: boolean;
  /** `import()`: loaded when the code runs, not when the importing module loads. */
  dynamic: boolean;
}

const STATIC = /(?:^|[\n;])\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
const BARE = /(?:^|[\n;])\s*import\s+['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

const posix = (path: string) => path.split(sep).join('/');

function typeOnlyClause(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword !== undefined) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (braces === null) return false;
  const names = (braces[1] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.length > 0 && names.every((name) => name.startsWith('type '));
}

type ParsedImport = Pick<ImportEdge, 'specifier' | 'typeOnly' | 'dynamic'>;

export function parseImports(source: string): ParsedImport[] {
  const found: ParsedImport[] = [];
  for (const m of source.matchAll(STATIC))
    found.push({ specifier: m[3] ?? '', typeOnly: typeOnlyClause(m[1], m[2] ?? ''), dynamic: false });
  for (const m of source.matchAll(BARE)) found.push({ specifier: m[1] ?? '', typeOnly: false, dynamic: false });
  for (const m of source.matchAll(DYNAMIC)) found.push({ specifier: m[1] ?? '', typeOnly: false, dynamic: true });
  return found;
}

function resolveRelative(root: string, fromFile: string, specifier: string): string {
  const base = resolve(root, dirname(fromFile), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ];
  const hit = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? base;
  return posix(relative(root, hit));
}

export function listSources(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  walk(folder);
  return out;
}

export function importsOf(root: string, file: string): ImportEdge[] {
  return parseImports(readFileSync(join(root, file), 'utf8')).map(({ specifier, typeOnly, dynamic }) => ({
    from: file,
    specifier,
    to: specifier.startsWith('.') ? resolveRelative(root, file, specifier) : undefined,
    typeOnly,
    dynamic,
  }));
}

const NODE_BUILTINS = new Set(builtinModules);
export function isNodeModule(specifier: string): boolean {
  return specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0] ?? '');
}

/** The package name of a bare specifier (`@scope/name` or `name`). */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
