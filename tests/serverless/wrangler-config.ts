import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/cli.js';

export const WRANGLER_TOML = readFileSync(join(REPO_ROOT, 'deploy/cloudflare-workers/wrangler.toml'), 'utf8');

/**
 * `key = value` lines of a TOML file's top level and of one table. No TOML parser is among
 * the project's packages; wrangler.toml is kept to plain strings, booleans and arrays so a
 * line reading suffices.
 */
export function tomlTable(text: string, table = ''): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = header[1]!;
      continue;
    }
    const pair = /^([A-Za-z_]+)\s*=\s*(.+)$/.exec(line);
    if (pair && current === table) values[pair[1]!] = JSON.parse(pair[2]!) as unknown;
  }
  return values;
}

/** The settings workerd runs the Worker with, as deploy/cloudflare-workers/wrangler.toml gives them. */
export function wranglerRuntime(): { compatibilityDate: string; compatibilityFlags: string[] } {
  const config = tomlTable(WRANGLER_TOML);
  return {
    compatibilityDate: String(config['compatibility_date']),
    compatibilityFlags: config['compatibility_flags'] as string[],
  };
}
