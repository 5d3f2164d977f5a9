/**
 * npm run bench: our server against a bare node:http + agora-token baseline, started in
 * separate processes and loaded alternately by autocannon from this one, so both meet the
 * same machine noise. Reports the median of each figure over the rounds and ours/bare.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 32;
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
const WARMUP_SECONDS = 2;
// Public test credentials from Agora's reference test suite.
const ENV = { APP_ID: '970CA35de60c44645bbae8a215061b33', APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b' };

interface Scenario {
  name: string;
  request: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
}

const SCENARIOS: Scenario[] = [
  {
    name: 'POST /getToken (rtc)',
    request: {
      method: 'POST',
      path: '/getToken',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '1234', expire: 3600 }),
    },
  },
  { name: 'GET /rtc/test/publisher/uid/1234', request: { method: 'GET', path: '/rtc/test/publisher/uid/1234' } },
];

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function startServer(script: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const found = /port (\d+)/.exec(chunk)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function load(url: string, scenario: Scenario, seconds: number): Promise<Sample> {
  const result = await autocannon({ url: `${url}${scenario.request.path}`, connections: CONNECTIONS, duration: seconds, ...scenario.request });
  const failed = result.errors + result.timeouts + result.non2xx;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: failed };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function summary(samples: Sample[]): Sample {
  return { rps: median(samples.map((s) => s.rps)), p50: median(samples.map((s) => s.p50)), p99: median(samples.map((s) => s.p99)), errors: samples.reduce((sum, s) => sum + s.errors, 0) };
}

const servers = { ours: await startServer('our-server.js'), bare: await startServer('bare-server.js') };
try {
  console.log(`autocannon, ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s per server and scenario (after ${WARMUP_SECONDS} s warm-up)\n`);
  console.log('| scenario | server | requests/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  const ratios: string[] = [];
  for (const scenario of SCENARIOS) {
    await load(servers.ours.url, scenario, WARMUP_SECONDS);
    await load(servers.bare.url, scenario, WARMUP_SECONDS);
    const samples = { ours: [] as Sample[], bare: [] as Sample[] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate which goes first, so a trend in machine load does not favour one side.
      const order = round % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
      for (const name of order) samples[name].push(await load(servers[name].url, scenario, SECONDS));
    }
    const ours = summary(samples.ours);
    const bare = summary(samples.bare);
    for (const [name, s] of [['ours', ours], ['bare node:http', bare]] as const) {
      console.log(`| ${scenario.name} | ${name} | ${Math.round(s.rps)} | ${s.p50} | ${s.p99} | ${s.errors} |`);
    }
    ratios.push(`${scenario.name}: ours/bare = ${(ours.rps / bare.rps).toFixed(2)} (target ≥ 0.85)`);
  }
  console.log(`\n${ratios.join('\n')}`);
} finally {
  servers.ours.child.kill();
  servers.bare.child.kill();
}
