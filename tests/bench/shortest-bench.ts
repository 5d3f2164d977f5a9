import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';

const run = promisify(execFile);

/**
 * Compiles bench/ and runs one of its scripts in its shortest form (one session, one round of
 * one second): enough to prove it starts its servers and prints its table, never a figure.
 */
export async function runShortestBench(script: 'run.js' | 'workers.js'): Promise<string> {
  await run(
    process.execPath,
    [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'bench', 'tsconfig.json')],
    { cwd: REPO_ROOT },
  );
  const env = {
    ...process.env,
    BENCH_SESSIONS: '1',
    BENCH_ROUNDS: '1',
    BENCH_SECONDS: '1',
    BENCH_WARMUP_SECONDS: '1',
  };
  const { stdout } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'bench', script)], { cwd: REPO_ROOT, env });
  return stdout;
}
