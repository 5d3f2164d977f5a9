import { describe, expect, it } from 'vitest';
import { isIgnored, parseDockerignore } from './dockerignore.js';

const ignored = (rules: string, path: string) => isIgnored(parseDockerignore(rules), path);

describe('.dockerignore matching (Docker semantics, for the build-context replay)', () => {
  it('a folder pattern excludes the folder and everything in it, only at the context root', () => {
    expect(ignored('scripts', 'scripts')).toBe(true);
    expect(ignored('scripts', 'scripts/bundle-cli.mjs')).toBe(true);
    expect(ignored('scripts', 'cli/scripts/x.ts')).toBe(false);
    expect(ignored('/scripts/', 'scripts/a/b.js')).toBe(true);
    expect(ignored('scripts', 'scripts-old/a.js')).toBe(false);
  });

  it('* and ? stay within one path segment; ** crosses folders', () => {
    expect(ignored('*.log', 'npm.log')).toBe(true);
    expect(ignored('*.log', 'logs/npm.log')).toBe(false);
    expect(ignored('**/*.log', 'logs/deep/npm.log')).toBe(true);
    expect(ignored('**/*.log', 'npm.log')).toBe(true);
    expect(ignored('.env.*', '.env.local')).toBe(true);
    expect(ignored('.env.*', '.env')).toBe(false);
    expect(ignored('file?.txt', 'file1.txt')).toBe(true);
    expect(ignored('file?.txt', 'file12.txt')).toBe(false);
    expect(ignored('docs/**', 'docs/a/b.md')).toBe(true);
    expect(ignored('[ab].ts', 'a.ts')).toBe(true);
    expect(ignored('[!ab].ts', 'a.ts')).toBe(false);
    expect(ignored('[!ab].ts', 'c.ts')).toBe(true);
  });

  it('dots and other regular-expression characters are literal', () => {
    expect(ignored('a.b', 'axb')).toBe(false);
    expect(ignored('a+b(c)', 'a+b(c)')).toBe(true);
  });

  it('! re-includes, and the last matching line wins', () => {
    const rules = 'scripts\n!scripts/bundle-cli.mjs';
    expect(ignored(rules, 'scripts/bundle-cli.mjs')).toBe(false);
    expect(ignored(rules, 'scripts/other.mjs')).toBe(true);
    expect(ignored('!scripts/a.mjs\nscripts', 'scripts/a.mjs')).toBe(true);
  });

  it('comments and blank lines are not patterns; an unmatched path is kept', () => {
    expect(ignored('# scripts\n\n', 'scripts/a.mjs')).toBe(false);
    expect(ignored('dist', 'shared/index.ts')).toBe(false);
  });
});
