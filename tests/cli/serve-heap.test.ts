import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { CLI_BIN, REPO_ROOT, baseEnv } from '../helpers/cli.js';

const children: ReturnType<typeof spawn>[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

describe('agora-token-desk serve heap settings', () => {
  it('serves without V8 pretenuring: no pretenuring decisions traced while it answers 3000 requests', async () => {
    // The trace flag must be on Node's command line, so serve is spawned by hand here.
    const child = spawn(process.execPath, ['--trace-pretenuring-statistics', CLI_BIN, 'serve', '--port', '0', '--quiet'], {
      cwd: REPO_ROOT,
      env: { ...baseEnv(), APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate },
    });
    children.push(child);
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const found = /^listening on (http:\/\/\S+)/m.exec(out)?.[1];
        if (found !== undefined) resolve(found);
      });
      child.on('close', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
    });
    const body = JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '1234' });
    let sent = 0;
    let ok = 0;
    // Eight clients in parallel, as load arrives; untuned, this traces about ten decisions.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (sent < 3000) {
          sent += 1;
          const response = await fetch(`${url}/getToken`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
          if (response.status === 200) ok += 1;
          await response.text();
        }
      }),
    );
    expect(ok).toBe(3000);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('close', resolve));
    const afterListening = out.slice(out.indexOf('listening on'));
    expect(afterListening.split('\n').filter((line) => line.includes('pretenuring:'))).toEqual([]);
  }, 60_000);
});
