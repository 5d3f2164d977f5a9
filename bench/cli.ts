/**
 * npm run bench:cli: cold start of `agora-token-desk token rtc` and `decode` against a bare
 * `node` script that requires agora-token and does the same work. Each round runs both,
 * back to back, the order flipping every round, so both meet the same machine noise; the
 * figure is the median of the per-round ratios ours/bare (wall time, spawn to exit).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROUNDS = Math.max(10, Number(process.env['BENCH_ROUNDS'] ?? 15) || 15);
const TARGET = 1.5;
// Public test credentials from Agora's reference test suite.
const ENV = {
  ...process.env,
  APP_ID: '970CA35de60c44645bbae8a215061b33',
  APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b',
};
const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'bin', 'agora-token-desk.js');
const agoraToken = join(root, 'node_modules', 'agora-token');

const BARE_TOKEN = `const { RtcTokenBuilder, RtcRole } = require(${JSON.stringify(agoraToken)});
process.stdout.write(RtcTokenBuilder.buildTokenWithUid(process.env.APP_ID, process.env.APP_CERTIFICATE, 'demo', 42, RtcRole.PUBLISHER, 3600, 3600) + '\\n');`;
const BARE_DECODE = `const { AccessToken2 } = require(${JSON.stringify(join(agoraToken, 'src', 'AccessToken2.js'))});
const token = new AccessToken2('', '', 0, 0);
if (!token.from_string(process.argv[2])) process.exit(2);
process.stdout.write(JSON.stringify({ appId: String(token.appId), issuedAt: token.issueTs, expire: token.expire, services: Object.keys(token.services) }) + '\\n');`;

function wall(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { env: ENV, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface Result {
  name: string;
  ours: number;
  bare: number;
  ratio: number;
}

function measure(name: string, ours: string[], bare: string[]): Result {
  wall(ours);
  wall(bare); // one unmeasured run each: the file cache, not the code, is warm for both
  const o: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const [first, second] = round % 2 === 0 ? [ours, bare] : [bare, ours];
    const t1 = wall(first);
    const t2 = wall(second);
    const [tOurs, tBare] = round % 2 === 0 ? [t1, t2] : [t2, t1];
    o.push(tOurs);
    b.push(tBare);
    ratios.push(tOurs / tBare);
  }
  return { name, ours: median(o), bare: median(b), ratio: median(ratios) };
}

const dir = mkdtempSync(join(tmpdir(), 'atd-bench-cli-'));
try {
  const bareToken = join(dir, 'bare-token.cjs');
  const bareDecode = join(dir, 'bare-decode.cjs');
  writeFileSync(bareToken, BARE_TOKEN);
  writeFileSync(bareDecode, BARE_DECODE);
  const token = spawnSync(process.execPath, [bareToken], { env: ENV, encoding: 'utf8' }).stdout.trim();
  const results = [
    measure('token rtc', [cli, 'token', 'rtc', '--channel', 'demo', '--uid', '42'], [bareToken]),
    measure('decode', [cli, 'decode', token], [bareDecode, token]),
  ];
  console.log(`node ${process.version}, ${ROUNDS} paired rounds, median wall time (ms) and median of per-round ratios`);
  console.log('| command | ours ms | bare ms | ours/bare | target |');
  console.log('|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.ours.toFixed(0)} | ${r.bare.toFixed(0)} | ${r.ratio.toFixed(2)} | ≤ ${TARGET} ${r.ratio <= TARGET ? 'met' : 'MISSED'} |`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
