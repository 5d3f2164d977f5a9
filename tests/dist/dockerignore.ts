/**
 * .dockerignore matching as Docker's builder does it (moby's patternmatcher), for replaying
 * the build context without a Docker engine. Differs from .gitignore on purpose: patterns are
 * anchored at the context root (`scripts` is ./scripts only, `*.log` only top-level logs; use
 * `**` for any depth), a pattern matching a folder excludes everything in it, `!` re-includes,
 * and the last matching line wins.
 */
export interface IgnoreRule {
  pattern: RegExp;
  exclude: boolean;
}

function patternToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] ?? '';
    if (char === '*' && pattern[i + 1] === '*') {
      // `**/` is any number of folders, zero included; a trailing `**` is anything.
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '\\') source += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    else if (char === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end === -1) throw new Error(`unclosed [ in .dockerignore pattern ${pattern}`);
      source += `[${pattern.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else source += char.replace(/[.+^${}()|\\/-]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Cleans a pattern as Go's filepath.Clean does for the cases a .dockerignore meets. */
function clean(pattern: string): string {
  const parts: string[] = [];
  for (const part of pattern.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!');
      return { exclude, pattern: patternToRegExp(clean(exclude ? line : line.slice(1).trim())) };
    });
}

/** Whether a context-relative path (`/`-separated) is left out of the build context. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  const parts = clean(path).split('/');
  // The path itself or any folder above it: excluding a folder excludes what is inside.
  const candidates = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((candidate) => rule.pattern.test(candidate))) ignored = rule.exclude;
  }
  return ignored;
}
