import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { wranglerRuntime } from './wrangler-config.js';
import { answerOf, type Door, ENV, itBehavesAsServe, serveDoor } from './parity.js';

/**
 * The Workers build in workerd itself, through miniflare: bundled here by the same script
 * as `npm run build:worker` (into a temporary folder, so a parallel build of dist/ cannot
 * swap the file under the runtime), run with the compatibility date and flags of
 * deploy/cloudflare-workers/wrangler.toml.
 */
const run = promisify(execFile);

let outdir: string;
let mf: Miniflare;
const serve = serveDoor();

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'worker-bundle-'));
  await run(process.execPath, ['scripts/bundle-worker.mjs', '--outdir', outdir], { cwd: REPO_ROOT });
  const worker = {
    modules: true,
    modulesRoot: outdir,
    scriptPath: join(outdir, 'agora-token-desk-worker.mjs'),
    ...wranglerRuntime(),
  };
  mf = new Miniflare({
    workers: [
      { name: 'tokens', ...worker, bindings: ENV },
      // Deployed without its APP_CERTIFICATE secret.
      // No API keys, so callers are counted by address: 2 per minute each, in this isolate.
      {
        name: 'limited',
        ...worker,
        bindings: { APP_ID: ENV['APP_ID']!, APP_CERTIFICATE: ENV['APP_CERTIFICATE']!, RATE_LIMIT: '2' },
        routes: ['limited.example.com/*'],
      },
      { name: 'unconfigured', ...worker, bindings: { APP_ID: ENV['APP_ID']! }, routes: ['unconfigured.example.com/*'] },
    ],
  });
  await mf.ready;
}, 300_000);

afterAll(async () => {
  await mf?.dispose();
  await serve.close();
  if (outdir !== undefined) rmSync(outdir, { recursive: true, force: true });
}, 120_000);

const door: Door = async ({ method = 'GET', path, headers = {}, body }) =>
  answerOf(
    await mf.dispatchFetch(`https://tokens.example.com${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    }),
  );

describe('the Cloudflare Workers build in workerd (miniflare)', { timeout: 120_000 }, () => {
  itBehavesAsServe(door, serve.door);

  it('serves the same OpenAPI document as serve', async () => {
    const worker = await door({ path: '/openapi.json' });
    expect(worker.status).toBe(200);
    expect(JSON.parse(worker.text)).toEqual(JSON.parse((await serve.door({ path: '/openapi.json' })).text));
  });

  it('reports the package version at GET /', async () => {
    const info = JSON.parse((await door({ path: '/' })).text) as { version: string; service: string };
    expect(info.service).toBe('agora-token-desk');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("applies RATE_LIMIT per client address (workerd's cf-connecting-ip), with serve's 429", async () => {
    const from = async (ip: string) =>
      answerOf(
        await mf.dispatchFetch('https://limited.example.com/rtm/alice', { headers: { 'cf-connecting-ip': ip } }),
      );
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await from('192.0.2.1')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await from('192.0.2.1');
    expect(JSON.parse(limited.text)).toEqual({
      status: 429,
      error: 'too many requests: the limit is 2 per 1 minute',
      message: 'too many requests: the limit is 2 per 1 minute',
    });
    expect((await from('192.0.2.2')).status).toBe(200);
  });

  it('answers a JSON 500 when a secret is missing, instead of failing to start', async () => {
    const response = await answerOf(await mf.dispatchFetch('https://unconfigured.example.com/ping'));
    expect(response.status).toBe(500);
    expect(JSON.parse(response.text)).toMatchObject({ status: 500, error: expect.stringMatching(/not configured/) });
    expect(response.headers['cache-control']).toMatch(/no-store/);
  });
});
