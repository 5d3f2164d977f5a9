/**
 * `agora-token-desk serve` as a user runs it: spawned, read line by line, stopped with a
 * signal. Resolves once it prints its listening line (or rejects with what it printed).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { CLI_BIN, REPO_ROOT, baseEnv } from './cli.js';

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process ends. */
  exited: Promise<number | null>;
}

/** `nodeArgs` go to Node itself, before the CLI (V8 trace flags, for instance). */
export function startServe(
  args: string[],
  env: Record<string, string>,
  cwd = REPO_ROOT,
  nodeArgs: string[] = [],
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, CLI_BIN, 'serve', ...args], {
    cwd,
    env: { ...baseEnv(), ...env },
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const url = /^(?:\{.*"msg":")?listening on (http:\/\/[^\s"]+)/m.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url, stdout: () => out, stderr: () => err, exited });
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${err || out}`)));
  });
}

/** Runs serve expecting it to fail before listening; returns its exit code and output. */
export async function serveFailure(
  args: string[],
  env: Record<string, string>,
  cwd = REPO_ROOT,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI_BIN, 'serve', ...args], { cwd, env: { ...baseEnv(), ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

export interface HeldRequest {
  /** Sends the rest of the body; resolves with the answer. */
  finish(): Promise<{ status: number; text: string }>;
  /** Resolves when the server closes the connection without answering. */
  cut: Promise<void>;
}

/**
 * A POST whose headers the server has certainly received and dispatched before this
 * resolves: it asks `Expect: 100-continue`, and node:http answers "100 Continue" only once it
 * has parsed the headers and handed the request to the server. No sleeps, no guessing.
 */
export function holdRequest(url: string, body: string, path = '/getToken'): Promise<HeldRequest> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let settle: (answer: { status: number; text: string }) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const answer = new Promise<{ status: number; text: string }>((res, rej) => {
      settle = res;
      fail = rej;
    });
    let cutResolve: () => void = () => undefined;
    const cut = new Promise<void>((res) => (cutResolve = res));
    const req = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          expect: '100-continue',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => settle({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', (error) => {
      cutResolve();
      fail(error);
      reject(error);
    });
    req.on('close', () => cutResolve());
    req.on('continue', () =>
      resolve({
        finish: () => {
          req.end(body);
          return answer;
        },
        cut,
      }),
    );
    answer.catch(() => undefined);
    req.flushHeaders();
  });
}
