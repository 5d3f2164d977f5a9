import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI_BIN = join(REPO_ROOT, 'bin', 'agora-token-desk.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Variables added to a clean environment (no APP_ID/APP_CERTIFICATE from the caller's shell). */
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Written to standard input, which is then closed. */
  input?: string;
}

/** A clean environment: PATH, HOME and the session bus, nothing that carries credentials. */
export function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'LANG', 'TMPDIR'];
  const env: Record<string, string> = {};
  for (const key of keep) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/** Runs the built CLI as a user would (`node bin/agora-token-desk.js …`). */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return runNodeScript(CLI_BIN, args, options);
}

/** Runs a Node script of the checkout to its end in a clean environment (plus options.env). */
export function runNodeScript(script: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: Record<string, string> = { ...baseEnv() };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: options.cwd ?? REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary folder removed by the returned cleanup function. */
export function tempDir(prefix: string): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
