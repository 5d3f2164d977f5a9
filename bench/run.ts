/**
 * npm run bench: our server against a bare node:http + agora-token baseline, started in
 * separate processes and loaded alternately by autocannon from this one. Each round loads
 * both back to back (the order flips every round), so both meet the same machine noise;
 * ours/bare is the median of the per-round ratios. Both servers are started afresh for each
 * of several sessions: a process's garbage-collector and JIT state shifts its speed for its
 * whole life, so one pair of processes is one draw of that luck, not a measurement.
 */
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const CONNECTIONS = 32;
const SESSIONS = positive('BENCH_SESSIONS', 3);
const ROUNDS = positive('BENCH_ROUNDS', 4);
const SECONDS = positive('BENCH_SECONDS', 3);
// Ours has more JavaScript to optimise (Fastify, zod, the engine) and needs several seconds
// under load to reach its steady speed; bare gets the same warm-up.
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', 6);
const TARGET = 0.85;
const AUTH_TARGET = 0.8;
const P99_TARGET_MS = 10;
const API_KEY = 'bench-api-key-0123456789abcdef';
// Public test credentials from Agora's reference test suite.
const ENV = { APP_ID: '970CA35de60c44645bbae8a215061b33', APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b' };

interface Scenario {
  name: string;
  /** Ours requires this bearer API key (bare ignores the header). */
  apiKey?: string;
  target: number;
  request: { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
}

const POST_RTC = JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '1234', expire: 3600 });
const ALL_SCENARIOS: Scenario[] = [
  {
    name: 'POST /getToken (rtc)',
    target: TARGET,
    request: { method: 'POST', path: '/getToken', headers: { 'content-type': 'application/json' }, body: POST_RTC },
  },
  {
    name: 'GET /rtc/test/publisher/uid/1234',
    target: TARGET,
    request: { method: 'GET', path: '/rtc/test/publisher/uid/1234' },
  },
  {
    name: 'POST /getToken (rtc), API key',
    apiKey: API_KEY,
    target: AUTH_TARGET,
    request: {
      method: 'POST',
      path: '/getToken',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
      body: POST_RTC,
    },
  },
];
// BENCH_ONLY=text runs only the scenarios whose name contains it.
const SCENARIOS = ALL_SCENARIOS.filter(
  (scenario) => process.env['BENCH_ONLY'] === undefined || scenario.name.includes(process.env['BENCH_ONLY']),
);

interface Server {
  child: ChildProcess;
  url: string;
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU (user + system) per request, in microseconds. */
  cpuUs: number;
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
}

/**
 * On a machine with two or more cores, autocannon (this process, every thread) keeps core 0
 * and the server under load gets core 1, so the two never take turns on one core: that
 * contention made single rounds swing by a third either way. Without taskset, nothing pinned.
 */
function pinCores(): boolean {
  if (process.env['BENCH_PIN'] === '0' || availableParallelism() < 2) return false;
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '-p', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PINNED = pinCores();

async function startServer(script: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const node = [process.execPath, fileURLToPath(new URL(script, import.meta.url))];
  const [file, ...args] = PINNED ? ['taskset', '--cpu-list', '1', ...node] : node;
  const child = spawn(file ?? process.execPath, args, {
    env: { ...process.env, ...ENV, ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const found = /port (\d+)/.exec(chunk)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/** The server process's CPU time so far, in microseconds. */
function cpuOf(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.child.once('message', (message) => {
      const { cpu } = message as { cpu: NodeJS.CpuUsage };
      resolve(cpu.user + cpu.system);
    });
    server.child.send('cpu');
  });
}

async function load(server: Server, scenario: Scenario, seconds: number): Promise<Sample> {
  const before = await cpuOf(server);
  const result = await autocannon({
    url: `${server.url}${scenario.request.path}`,
    connections: CONNECTIONS,
    duration: seconds,
    ...scenario.request,
  });
  const cpu = (await cpuOf(server)) - before;
  const failed = result.errors + result.timeouts + result.non2xx;
  const served = Math.max(1, result.requests.total);
  return {
    rps: result.requests.total / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: failed,
    cpuUs: cpu / served,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function summary(samples: Sample[]): Sample {
  const of = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    rps: of((s) => s.rps),
    p50: of((s) => s.p50),
    p99: of((s) => s.p99),
    cpuUs: of((s) => s.cpuUs),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
  };
}

type Pair = { ours: Server; bare: Server };

async function startPair(scenario: Scenario): Promise<Pair> {
  const ours = await startServer(
    'our-server.js',
    scenario.apiKey === undefined ? {} : { BENCH_API_KEY: scenario.apiKey },
  );
  return { ours, bare: await startServer('bare-server.js') };
}

function stopPair(pair: Pair): void {
  pair.ours.child.kill();
  pair.bare.child.kill();
}

async function runSession(pair: Pair, scenario: Scenario, samples: { ours: Sample[]; bare: Sample[] }): Promise<void> {
  await load(pair.ours, scenario, WARMUP_SECONDS);
  await load(pair.bare, scenario, WARMUP_SECONDS);
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
    for (const name of order) samples[name].push(await load(pair[name], scenario, SECONDS));
  }
}

async function runScenario(scenario: Scenario): Promise<string> {
  const samples = { ours: [] as Sample[], bare: [] as Sample[] };
  for (let session = 0; session < SESSIONS; session += 1) {
    const pair = await startPair(scenario);
    try {
      await runSession(pair, scenario, samples);
    } finally {
      stopPair(pair);
    }
  }
  const ours = summary(samples.ours);
  const bare = summary(samples.bare);
  for (const [name, s] of [
    ['ours', ours],
    ['bare node:http', bare],
  ] as const) {
    console.log(
      `| ${scenario.name} | ${name} | ${Math.round(s.rps)} | ${s.p50} | ${s.p99} | ${Math.round(s.cpuUs)} | ${s.errors} |`,
    );
  }
  const ratios = samples.ours.map((s, i) => s.rps / (samples.bare[i]?.rps ?? Number.NaN));
  const ratio = median(ratios);
  const range = `${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)}`;
  // Server CPU per request, paired by round like requests/s: the figure a busy machine disturbs least.
  const cpuRatios = samples.ours.map((s, i) => (samples.bare[i]?.cpuUs ?? Number.NaN) / s.cpuUs);
  const cpuRange = `${Math.min(...cpuRatios).toFixed(2)}..${Math.max(...cpuRatios).toFixed(2)}`;
  const verdict = ratio >= scenario.target ? 'meets' : 'misses';
  const p99 = ours.p99 <= P99_TARGET_MS ? 'meets' : 'misses';
  return `${scenario.name}: ours/bare requests/s = ${ratio.toFixed(2)} (median of ${ratios.length} paired rounds, range ${range}; ${verdict} the ${scenario.target} target); ours p99 ${ours.p99} ms (${p99} the ${P99_TARGET_MS} ms target); bare/ours server CPU per request = ${median(cpuRatios).toFixed(2)} (median of paired rounds, range ${cpuRange})`;
}

const rounds = SESSIONS * ROUNDS;
console.log(
  `autocannon, ${CONNECTIONS} connections; per scenario ${SESSIONS} sessions of freshly started servers, each ${WARMUP_SECONDS} s warm-up then ${ROUNDS} rounds of ${SECONDS} s per server, order flipped each round (${rounds} rounds); ${PINNED ? 'autocannon on core 0, servers on core 1' : 'processes not pinned to cores'}\n`,
);
console.log('| scenario | server | requests/s | p50 ms | p99 ms | server CPU µs/request | errors |');
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
const lines: string[] = [];
for (const scenario of SCENARIOS) lines.push(await runScenario(scenario));
console.log(`\n${lines.join('\n')}`);
