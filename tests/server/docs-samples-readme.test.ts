import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import type { ServiceInfo } from '../../shared/token/index.js';
import { CREDENTIALS, PUBLISHER, verified } from './server-helpers.js';

// The README's "Clients written from Agora's docs" curl lines, run by bash as printed,
// against a real server. Async execFile: the server answers from this same process.
const run = promisify(execFile);
const README_URL = 'http://127.0.0.1:8080';

/** The commands of the sh block between the README's docs-samples markers, continuation lines joined. */
function readmeCommands(): string[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = /<!-- docs-samples:curl -->\n```sh\n([\s\S]*?)\n```\n<!-- \/docs-samples:curl -->/.exec(readme);
  if (section?.[1] === undefined) throw new Error('README.md has no docs-samples:curl section with an sh block');
  return section[1]
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

/** What each route's token must grant, as the README's lines ask for it. */
const EXPECTED: Record<string, ServiceInfo[]> = {
  '/fetch_rtc_token': [{ type: 'rtc', channel: 'test', uid: '1234', privileges: PUBLISHER(3600) }],
  '/generate-user-token': [{ type: 'chat', userId: 'alice', privileges: { user: 3600 } }],
  '/generate-app-token': [{ type: 'chat', userId: '', privileges: { app: 3600 } }],
  '/api/token/generateUserToken': [{ type: 'chat', userId: 'alice', privileges: { user: 3600 } }],
  '/api/token/generateAppToken': [{ type: 'chat', userId: '', privileges: { app: 3600 } }],
};

function expectedFor(command: string): ServiceInfo[] {
  if (command.includes('/token/generate') && !command.includes('/api/')) {
    return command.includes('tokenType=app')
      ? [{ type: 'chat', userId: '', privileges: { app: 3600 } }]
      : [{ type: 'chat', userId: 'alice', privileges: { user: 3600 } }];
  }
  const path = Object.keys(EXPECTED).find((route) => new RegExp(`${route}(['?\\s]|$)`).test(command));
  if (path === undefined) throw new Error(`no expectation for: ${command}`);
  return EXPECTED[path] ?? [];
}

describe("README: clients written from Agora's docs", () => {
  let server: LocalTokenServer;
  beforeAll(async () => {
    server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('each curl line, run by bash against the server, prints a token granting what it asked for', async () => {
    const commands = readmeCommands();
    expect(commands).toHaveLength(7);
    for (const command of commands) {
      expect(command, 'README lines talk to the server the README starts').toContain(README_URL);
      const { stdout } = await run('bash', ['-c', command.replaceAll(README_URL, server.url)], { encoding: 'utf8' });
      const token = stdout.startsWith('{') ? (JSON.parse(stdout) as Record<string, unknown>)['token'] : stdout;
      if (stdout.startsWith('{')) expect(JSON.parse(stdout), command).not.toHaveProperty('error');
      const decoded = verified(token);
      expect(decoded.expire, command).toBe(3600);
      expect(decoded.services, command).toEqual(expectedFor(command));
    }
  });
});
