/**
 * npm run bench, second part: `serve --workers 1` and `serve --workers 2` (the real CLI)
 * against one bare node:http process, in the same run, loaded in rotating order so all
 * three meet the same machine noise. Ratios are medians of per-round ratios.
 *
 * Cores: with 4 or more, the load generator gets a quarter of them (autocannon threads on
 * those) and the servers the rest, so a second worker has a core of its own to use. With
 * fewer, nothing is pinned: autocannon needs about a core to saturate even one worker, so on
 * two cores it takes the core a second worker would use, and the ratio shows that contention.
 * Server CPU (primary and workers, from /proc) is reported beside it to show where time went.
 */
import autocannon from 'autocannon';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const SESSIONS = positive('BENCH_SESSIONS', 2);
const ROUNDS = positive('BENCH_ROUNDS', 4);
const SECONDS = positive('BENCH_SECONDS', 3);
const WARMUP_SECONDS = positive('BENCH_WARMUP_SECONDS', 6);
const PATH = '/rtc/test/publisher/uid/1234';
const ENV = { APP_ID: '970CA35de60c44645bbae8a215061b33', APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b' };
const CORES = availableParallelism();
const CLI = fileURLToPath(new URL('../../bin/agora-token-desk.js', import.meta.url));
const BARE = fileURLToPath(new URL('bare-server.js', import.meta.url));

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1`);
  return value;
}

/** Load-generator cores and server cores, or undefined when nothing is pinned. */
function coreSplit(): { load: string; servers: string; threads: number } | undefined {
  if (process.env['BENCH_PIN'] === '0' || CORES < 4) return undefined;
  const threads = Math.max(1, Math.floor(CORES / 4));
  try {
    execFileSync('taskset', ['--all-tasks', '--cpu-list', '-p', `0-${threads - 1}`, String(process.pid)], {
      stdio: 'ignore',
    });
  } catch {
    return undefined;
  }
  return { load: `0-${threads - 1}`, servers: `${threads}-${CORES - 1}`, threads };
}

const SPLIT = coreSplit();
/** The counts compared: 1 and 2 always; all server cores as well where there are more. */
const COUNTS = [...new Set([1, 2, CORES - (SPLIT?.threads ?? 0)])].filter((n) => n >= 1 && n <= Math.max(2, CORES));

interface Server {
  name: string;
  child: ChildProcess;
  url: string;
}

async function start(name: string, args: string[]): Promise<Server> {
  const command = [process.execPath, ...args];
  const [file, ...rest] = SPLIT === undefined ? command : ['taskset', '--cpu-list', SPLIT.servers, ...command];
  const child = spawn(file ?? process.execPath, rest, {
    env: { ...process.env, ...ENV },
    // No IPC channel: it would keep a stopped `serve` alive (CPU is read from /proc instead).
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1] ?? /^port (\d+)/m.exec(out)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}`);
    });
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, child, url };
}

/** CPU seconds used so far by a process and its children (a cluster primary's workers). */
function treeCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(fields[11]) + Number(fields[12])) / 100;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return (
      own + (children === '' ? 0 : children.split(' ').reduce((sum, child) => sum + treeCpuSeconds(Number(child)), 0))
    );
  } catch {
    return Number.NaN;
  }
}

interface Sample {
  rps: number;
  p99: number;
  errors: number;
  /** Cores the server kept busy: its CPU seconds per second of load. */
  serverCores: number;
  /** Cores this process (autocannon) kept busy. */
  loadCores: number;
}

async function load(server: Server, seconds: number): Promise<Sample> {
  const cpuBefore = treeCpuSeconds(server.child.pid ?? 0);
  const selfBefore = process.cpuUsage();
  const connections = Math.max(32, 16 * Math.max(...COUNTS));
  const result = await autocannon({
    url: `${server.url}${PATH}`,
    connections,
    duration: seconds,
    ...(SPLIT !== undefined && SPLIT.threads > 1 ? { workers: SPLIT.threads } : {}),
  });
  const self = process.cpuUsage(selfBefore);
  return {
    rps: result.requests.total / seconds,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    serverCores: (treeCpuSeconds(server.child.pid ?? 0) - cpuBefore) / seconds,
    // With autocannon threads, their CPU is this process's too.
    loadCores: (self.user + self.system) / 1e6 / seconds,
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function session(samples: Map<string, Sample[]>): Promise<void> {
  const servers = [await start('bare node:http', [BARE])];
  for (const count of COUNTS)
    servers.push(
      await start(`serve --workers ${count}`, [CLI, 'serve', '--port', '0', '--quiet', '--workers', String(count)]),
    );
  try {
    for (const server of servers) await load(server, WARMUP_SECONDS);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Rotated each round: none always runs first or last.
      const order = servers.map((_, i) => servers[(i + round) % servers.length] as Server);
      for (const server of order) samples.get(server.name)?.push(await load(server, SECONDS));
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
  }
}

function ratio(samples: Map<string, Sample[]>, top: string, bottom: string): string {
  const a = samples.get(top) ?? [];
  const b = samples.get(bottom) ?? [];
  const ratios = a.map((s, i) => s.rps / (b[i]?.rps ?? Number.NaN));
  return `${median(ratios).toFixed(2)} (median of ${ratios.length} paired rounds, range ${Math.min(...ratios).toFixed(2)}..${Math.max(...ratios).toFixed(2)})`;
}

const names = ['bare node:http', ...COUNTS.map((count) => `serve --workers ${count}`)];
const samples = new Map(names.map((name) => [name, [] as Sample[]]));
for (let i = 0; i < SESSIONS; i += 1) await session(samples);

console.log(
  `\nWorkers: GET ${PATH}, ${CORES} cores; ${SPLIT === undefined ? 'nothing pinned (fewer than 4 cores): load generator and servers share every core' : `autocannon on cores ${SPLIT.load} (${SPLIT.threads} threads), servers on cores ${SPLIT.servers}`}; ${SESSIONS} sessions x ${ROUNDS} rounds of ${SECONDS} s, order rotated\n`,
);
console.log('| server | requests/s | p99 ms | server cores busy | autocannon cores busy | errors |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const [name, list] of samples) {
  const of = (pick: (s: Sample) => number) => median(list.map(pick));
  const errors = list.reduce((sum, s) => sum + s.errors, 0);
  console.log(
    `| ${name} | ${Math.round(of((s) => s.rps))} | ${of((s) => s.p99)} | ${of((s) => s.serverCores).toFixed(2)} | ${of((s) => s.loadCores).toFixed(2)} | ${errors} |`,
  );
}
console.log('');
for (const count of COUNTS)
  console.log(`workers ${count}/bare requests/s = ${ratio(samples, `serve --workers ${count}`, 'bare node:http')}`);
for (const count of COUNTS.slice(1))
  console.log(
    `workers ${count}/workers 1 requests/s = ${ratio(samples, `serve --workers ${count}`, 'serve --workers 1')}`,
  );
