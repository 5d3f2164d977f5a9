/**
 * Runs the curl commands the Local server screen offers, as a shell would parse them,
 * with fetch (curl itself is not on every CI machine). Only the options the UI uses.
 */
import { execFileSync } from 'node:child_process';

/** The words a POSIX shell makes of a pasted command: the real test of the quoting. */
export function shellWords(command: string, env: Record<string, string> = {}): string[] {
  const printed = execFileSync('sh', ['-c', `printf '%s\\0' ${command}`], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return printed.split('\0').slice(0, -1);
}

/** Performs what the curl words ask for, with fetch. */
export async function runCurl(words: string[]): Promise<Response> {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`);
  const init: { method: string; headers: Record<string, string>; body?: string } = { method: 'GET', headers: {} };
  let url = '';
  for (let i = 1; i < words.length; i += 1) {
    const word = words[i] ?? '';
    const value = words[i + 1] ?? '';
    if (word === '-X') init.method = value;
    else if (word === '-H')
      init.headers[value.slice(0, value.indexOf(':'))] = value.slice(value.indexOf(':') + 1).trim();
    else if (word === '-d') init.body = value;
    else {
      url = word;
      continue;
    }
    i += 1;
  }
  return fetch(url, init);
}
