import { afterAll, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { startServe, type ServeProcess } from '../helpers/serve-process.js';

const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

describe('agora-token-desk serve heap settings', () => {
  it('serves without V8 pretenuring: no pretenuring decisions traced while it answers 3000 requests', async () => {
    const env = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
    const server = await startServe(['--port', '0', '--quiet'], env, REPO_ROOT, ['--trace-pretenuring-statistics']);
    running.push(server);
    const body = JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '1234' });
    let sent = 0;
    let ok = 0;
    // Eight clients in parallel, as load arrives; untuned, this traces about ten decisions.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (sent < 3000) {
          sent += 1;
          const response = await fetch(`${server.url}/getToken`, {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json' },
          });
          if (response.status === 200) ok += 1;
          await response.text();
        }
      }),
    );
    expect(ok).toBe(3000);
    server.child.kill('SIGTERM');
    await server.exited;
    const out = server.stdout();
    const afterListening = out.slice(out.indexOf('listening on'));
    expect(afterListening.split('\n').filter((line) => line.includes('pretenuring:'))).toEqual([]);
  }, 60_000);
});
