/**
 * `agora-token-desk ui --no-open` as a user runs it: spawned with a data folder of its own
 * and this test file's keychain service, read until it prints its address, stopped with a
 * signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { KEYCHAIN_SERVICE_ENV_VAR } from '../../shared/profiles/keychain.js';
import { CLI_BIN, REPO_ROOT, baseEnv } from './cli.js';

export interface UiProcess {
  child: ChildProcess;
  /** The address the CLI printed, access key included (`http://127.0.0.1:PORT/#k=…`). */
  launchUrl: string;
  /** The page's origin with a trailing slash, no key. */
  url: string;
  key: string;
  host: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export function uiEnv(home: string): Record<string, string> {
  return {
    ...baseEnv(),
    AGORA_TOKEN_DESK_HOME: home,
    [KEYCHAIN_SERVICE_ENV_VAR]: process.env[KEYCHAIN_SERVICE_ENV_VAR] ?? '',
  };
}

export function startUi(home: string, args: string[] = []): Promise<UiProcess> {
  const child = spawn(process.execPath, [CLI_BIN, 'ui', '--no-open', ...args], { cwd: REPO_ROOT, env: uiEnv(home) });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /^(http:\/\/([^/\s]+)\/)#k=(\S+)$/m.exec(out);
      if (match === null) return;
      const [launchUrl, url, host, key] = match as unknown as [string, string, string, string];
      resolve({
        child,
        launchUrl,
        url,
        key,
        host,
        stdout: () => out,
        stderr: () => err,
        exited,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then((code) => reject(new Error(`ui exited with ${code} before printing its address: ${err || out}`)));
  });
}
