import { afterAll, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { holdRequest, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

async function serve(args: string[]): Promise<ServeProcess> {
  const server = await startServe(['--port', '0', ...args], ENV);
  running.push(server);
  return server;
}

describe('serve stops with a deadline', () => {
  it('a stalled client cannot hold SIGTERM: its connection is cut at the deadline and serve exits 0', async () => {
    // The request timeout is far beyond the test's own timeout: only the shutdown deadline can end this.
    const server = await serve(['--shutdown-timeout', '0.3', '--request-timeout', '3600', '--headers-timeout', '3600']);
    const stalled = await holdRequest(server.url, JSON.stringify({ tokenType: 'chat' }));
    server.child.kill('SIGTERM');
    await stalled.cut;
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/^stopping: finishing requests in flight \(at most 0\.3 s/m);
    expect(server.stdout()).toMatch(/^stopped$/m);
  });

  it('a second signal stops at once, without waiting for the deadline', async () => {
    const server = await serve([
      '--shutdown-timeout',
      '3600',
      '--request-timeout',
      '3600',
      '--headers-timeout',
      '3600',
    ]);
    const stalled = await holdRequest(server.url, JSON.stringify({ tokenType: 'chat' }));
    server.child.kill('SIGINT');
    await expect.poll(() => server.stdout()).toMatch(/^stopping: finishing/m);
    server.child.kill('SIGINT');
    await stalled.cut;
    expect(await server.exited).toBe(1);
    expect(server.stdout()).toMatch(/^stopping now$/m);
  });
});
