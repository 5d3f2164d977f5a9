import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { vercelHandlerFromEnv, withoutRewriteParameter } from '../../shared/serverless/vercel.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { answerOf, checkTokens, type Door, ENV, itBehavesAsServe, type Sent, serveDoor } from './parity.js';

/**
 * The Vercel entry as Vercel calls it: a Web Request for the path the client asked for, with
 * the rewrite's `path` parameter appended to the query (deploy/vercel/vercel.json sends
 * every path to one function), and x-forwarded-for / x-real-ip set by Vercel's edge.
 */
function vercelRequest({ method = 'GET', path, headers = {}, body }: Sent): Request {
  const url = new URL(`https://agora-token-desk.vercel.app${path}`);
  url.searchParams.append('path', safeDecode(url.pathname).replace(/^\//, ''));
  return new Request(url, {
    method,
    headers: { 'x-forwarded-for': '198.51.100.4', 'x-real-ip': '198.51.100.4', ...headers },
    ...(body === undefined ? {} : { body }),
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

const vercel = vercelHandlerFromEnv(ENV);
const door: Door = async (sent) => answerOf(await vercel.fetch(vercelRequest(sent)));
const serve = serveDoor();
afterAll(() => serve.close());
afterEach(() => vi.unstubAllEnvs());

describe('the Vercel function (Node.js runtime, export default { fetch })', () => {
  itBehavesAsServe(door, serve.door);

  it('takes off only the rewrite parameter, keeping the query the client sent', async () => {
    const request = await withoutRewriteParameter(vercelRequest({ path: '/rtc/a%20b/publisher/uid/1?expiry=60' }));
    expect(new URL(request.url).search).toBe('?expiry=60');
    // A `path` the client sent itself (not the rewrite's) stays.
    const own = new Request('https://x.vercel.app/rtm/alice?path=elsewhere');
    expect((await withoutRewriteParameter(own)).url).toBe(own.url);
  });

  it("is the deploy folder's function: its default export, configured by process.env", async () => {
    const source = readFileSync(join(REPO_ROOT, 'deploy/vercel/api/token-desk.js'), 'utf8');
    expect(source).toMatch(/export \{ default \} from 'agora-token-desk\/vercel';/);
    for (const [name, value] of Object.entries(ENV)) vi.stubEnv(name, value);
    // The default export reads process.env on its first request (here, after the stubs).
    const { default: entry } = await import('../../shared/serverless/vercel.js');
    await checkTokens(async (sent) => answerOf(await entry.fetch(vercelRequest(sent))));
  });
});
