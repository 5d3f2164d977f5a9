/**
 * The CLI as a user gets it: `npm pack` in the checkout, then `npm install -g` of the tarball
 * into a throw-away prefix with its own npm cache, so the user's global packages and cache
 * are never touched.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';

const run = promisify(execFile);

/** The caller's environment without the npm_* variables an enclosing `npm test` sets. */
export function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

export interface PackedTarball {
  path: string;
  files: string[];
}

/**
 * Packs the CLI into dir with the project's own script (npm run pack:cli uses it), without
 * its build step: `npm test` already built dist/, and rebuilding it here would race the
 * suites that run the CLI meanwhile.
 */
export async function packCli(dir: string): Promise<PackedTarball> {
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'scripts', 'pack-cli.mjs'), dir], {
    cwd: REPO_ROOT,
    env: npmEnv(),
  });
  const [report] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (report === undefined) throw new Error('npm pack reported no tarball');
  return { path: join(dir, report.filename), files: report.files.map((file) => file.path).sort() };
}

/** `npm install -g` of the tarball into prefix; returns the installed command's path. */
export async function installGlobally(tarball: string, prefix: string, cache: string): Promise<string> {
  await run('npm', ['install', '--global', '--prefix', prefix, '--cache', cache, '--no-audit', '--no-fund', '--loglevel', 'error', tarball], {
    env: npmEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  return join(prefix, process.platform === 'win32' ? 'agora-token-desk.cmd' : join('bin', 'agora-token-desk'));
}

interface LsNode {
  dependencies?: Record<string, LsNode>;
}

/** Every package name in the installed tree, from `npm ls --all --global`. */
export async function installedPackageNames(prefix: string): Promise<Set<string>> {
  const { stdout } = await run('npm', ['ls', '--all', '--global', '--json', '--prefix', prefix], {
    env: npmEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const names = new Set<string>();
  const visit = (node: LsNode): void => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      names.add(name);
      visit(child);
    }
  };
  visit(JSON.parse(stdout) as LsNode);
  return names;
}
