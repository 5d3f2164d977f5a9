import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { holdRequest, serveFailure, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const TOKEN_PATH = '/rtc/test/publisher/uid/1234';
const running: ServeProcess[] = [];
const workerPids: number[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
  for (const pid of workerPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

async function serve(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const server = await startServe(['--port', '0', '--quiet', ...args], { ...ENV, ...env });
  running.push(server);
  workerPids.push(...pidsOf(server));
  return server;
}

/** The worker pids the primary announced ("worker N serving (pid P)"), by worker number. */
function servingLines(server: ServeProcess): Map<number, number> {
  const found = new Map<number, number>();
  for (const match of server.stdout().matchAll(/^worker (\d+) serving \(pid (\d+)\)$/gm))
    found.set(Number(match[1]), Number(match[2]));
  return found;
}

const pidsOf = (server: ServeProcess) => [...servingLines(server).values()];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** One request on a connection of its own (the cluster hands out connections, not requests). */
function get(url: string, path: string): Promise<{ status: number; worker: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const worker = res.headers['x-worker'];
        resolve({ status: res.statusCode ?? 0, worker: typeof worker === 'string' ? worker : undefined, text });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends token requests until each of `workers` has answered one; returns how many were sent. */
async function untilAnsweredBy(url: string, workers: string[]): Promise<number> {
  const seen = new Set<string>();
  for (let sent = 1; sent <= 400; sent += 1) {
    const answer = await get(url, TOKEN_PATH);
    expect(answer.status).toBe(200);
    if (answer.worker !== undefined) seen.add(answer.worker);
    if (workers.every((worker) => seen.has(worker))) return sent;
  }
  throw new Error(`only workers ${[...seen].join(', ')} answered 400 requests`);
}

const requestsCounted = (metrics: string): number =>
  Number(/^agora_token_desk_http_requests_total\{[^}]*route="\/rtc\/[^}]*status="200"\} (\d+)$/m.exec(metrics)?.[1]);

describe('serve --workers', () => {
  it('answers from two worker processes on one port, and /metrics on either shows both', async () => {
    const server = await serve(['--workers', '2', '--metrics']);
    expect(server.stdout()).toMatch(/^2 worker processes share the port$/m);
    const pids = pidsOf(server);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(server.child.pid);
    const sent = await untilAnsweredBy(server.url, ['1', '2']);
    // Every scrape sums both workers, whichever of them answers it.
    const scrapedBy = new Set<string>();
    for (let i = 0; i < 400 && scrapedBy.size < 2; i += 1) {
      const scrape = await get(server.url, '/metrics');
      expect(scrape.status).toBe(200);
      expect(requestsCounted(scrape.text)).toBe(sent);
      scrapedBy.add(scrape.worker ?? '');
    }
    expect([...scrapedBy].sort()).toEqual(['1', '2']);
  });

  it('replaces a worker that is killed, with a warning naming it', async () => {
    const server = await serve(['--workers', '2']);
    const victim = servingLines(server).get(1) ?? 0;
    process.kill(victim, 'SIGKILL');
    await expect
      .poll(() => server.stderr())
      .toMatch(new RegExp(`^warning: worker 1 \\(pid ${victim}\\) was killed by SIGKILL; starting a replacement`, 'm'));
    await expect.poll(() => servingLines(server).get(3)).toBeGreaterThan(0);
    workerPids.push(...pidsOf(server));
    expect(servingLines(server).get(3)).not.toBe(victim);
    expect(alive(victim)).toBe(false);
    await untilAnsweredBy(server.url, ['2', '3']);
    // A second crash in a row of that slot waits twice as long: a crash loop backs off.
    const second = servingLines(server).get(3) ?? 0;
    process.kill(second, 'SIGKILL');
    await expect
      .poll(() => server.stderr())
      .toMatch(
        new RegExp(
          `^warning: worker 3 \\(pid ${second}\\) was killed by SIGKILL \\(2 exits in a row\\); starting a replacement in 0\\.5 s$`,
          'm',
        ),
      );
    await expect.poll(() => servingLines(server).get(4)).toBeGreaterThan(0);
    workerPids.push(...pidsOf(server));
  });

  it('on SIGTERM lets a request in flight finish in its worker, stops every worker and exits 0', async () => {
    const server = await serve(['--workers', '2', '--shutdown-timeout', '60']);
    const held = await holdRequest(server.url, JSON.stringify({ tokenType: 'rtc', channel: 'c', uid: '1' }));
    server.child.kill('SIGTERM');
    await expect.poll(() => server.stdout()).toMatch(/^stopping: 2 workers finish requests in flight/m);
    const answer = await held.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toHaveProperty('token');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/^stopped$/m);
    for (const pid of pidsOf(server)) expect(alive(pid)).toBe(false);
  });

  it('on SIGTERM a stalled client cannot hold a worker past the deadline: it is cut and serve exits 0', async () => {
    const server = await serve([
      '--workers',
      '2',
      '--shutdown-timeout',
      '0.3',
      '--request-timeout',
      '3600',
      '--headers-timeout',
      '3600',
    ]);
    const stalled = await holdRequest(server.url, JSON.stringify({ tokenType: 'chat' }));
    server.child.kill('SIGTERM');
    await stalled.cut;
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/^stopping: 2 workers finish requests in flight \(at most 0\.3 s/m);
  });

  it('takes WORKERS from the environment, warns once when exposed, and stops on SIGTERM', async () => {
    const server = await serve(['--host', '0.0.0.0'], { WORKERS: '2' });
    expect(pidsOf(server)).toHaveLength(2);
    await expect.poll(() => server.stderr()).toMatch(/^warning: listening on 0\.0\.0\.0 without authentication/m);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('with one worker (the flag wins over WORKERS) runs a single process as before: no worker header', async () => {
    const server = await serve(['--workers', '1'], { WORKERS: '2' });
    const answer = await get(server.url, TOKEN_PATH);
    expect(answer.status).toBe(200);
    expect(answer.worker).toBeUndefined();
    expect(server.stdout()).not.toMatch(/worker processes/);
  });

  it.each([
    [['--workers', '0'], {}, '--workers must be a whole number from 1 to 128, or auto (one per CPU), not "0"'],
    [['--workers', 'many'], {}, '--workers must be a whole number from 1 to 128, or auto (one per CPU), not "many"'],
    [[], { WORKERS: '500' }, 'WORKERS must be a whole number from 1 to 128, or auto (one per CPU), not "500"'],
  ])('refuses %j %j with exit 2', async (args, env, message) => {
    const result = await serveFailure(['--port', '0', ...args], { ...ENV, ...env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`error: ${message}`);
  });

  it('a start every worker would fail (port in use) fails once, with its message and exit 3', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await serveFailure(['--port', String(port), '--workers', '3'], ENV);
      expect(result.code).toBe(3);
      expect(result.stderr.trim()).toBe(
        `error: port ${port} on 127.0.0.1 is already in use: choose another with --port or SERVER_PORT`,
      );
      expect(result.stdout).not.toMatch(/serving/);
    } finally {
      taken.close();
    }
  });
});
