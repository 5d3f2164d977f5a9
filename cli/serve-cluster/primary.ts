import cluster, { type Worker } from 'node:cluster';
import { isLoopbackHost } from '../../shared/server/request-guards.js';
import { exposureWarning, lifecycleLine, settingsFor, type ServeDeps, type ServeOptions } from '../commands/serve.js';
import { EXIT } from '../exit.js';
import { answerMetricsRequests } from './cluster-metrics.js';
import { isMessage, type ToPrimary, type ToWorker } from './messages.js';
import { RestartBackoff } from './restart-backoff.js';

type Listening = Extract<ToPrimary, { type: 'agora-token-desk:listening' }>;

/** Past the workers' own shutdown deadline, what a worker that still runs gets before SIGKILL. */
const KILL_GRACE_MS = 5000;

interface Slot {
  worker: Worker | undefined;
  serving: boolean;
  startedAt: number;
  backoff: RestartBackoff;
  timer: NodeJS.Timeout | undefined;
}

/** A worker that ended before it was serving; its own error line is already on stderr. */
class StartFailure extends Error {
  constructor(readonly exitCode: number) {
    super('a worker could not start');
  }
}

/**
 * The `serve --workers N` primary: it serves nothing itself. It starts one worker first
 * (so a bad setting fails once, with that worker's message and exit code), then the rest;
 * replaces a worker that dies, with back-off; answers the workers' /metrics with the sum of
 * all of them; and on SIGTERM or Ctrl-C has every worker drain, then exits 0.
 */
export async function runPrimary(options: ServeOptions, deps: ServeDeps, count: number): Promise<void> {
  // Every flag is checked here, once, before any process is started.
  const settings = settingsFor(options, deps, []);
  const primary = new ClusterPrimary(options, deps, count, settings.shutdownDeadlineMs ?? 10_000);
  const exposed = !isLoopbackHost(settings.host ?? '127.0.0.1') && settings.auth === undefined;
  await primary.run((url) => (exposed ? deps.output.err(exposureWarning(url.hostname, Number(url.port))) : undefined));
}

class ClusterPrimary {
  private readonly slots: Slot[];
  private serving = false;
  private stopping = 0;
  private allExited: () => void = () => undefined;

  constructor(
    private readonly options: ServeOptions,
    private readonly deps: ServeDeps,
    count: number,
    private readonly deadlineMs: number,
  ) {
    this.slots = Array.from({ length: count }, () => ({
      worker: undefined,
      serving: false,
      startedAt: 0,
      backoff: new RestartBackoff(),
      timer: undefined,
    }));
    const metrics = answerMetricsRequests(() => this.slots.flatMap((s) => (s.serving && s.worker ? [s.worker] : [])));
    cluster.on('message', metrics);
  }

  async run(warn: (url: URL) => void): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.allExited = resolve));
    const stop = () => this.stop(true);
    this.deps.signals.on('SIGINT', stop);
    this.deps.signals.on('SIGTERM', stop);
    try {
      const [first, ...rest] = this.slots as [Slot, ...Slot[]];
      const listening = await this.fork(first);
      // A signal while starting: no more workers, nothing announced.
      if (listening !== undefined && this.stopping === 0) await Promise.all(rest.map((slot) => this.fork(slot)));
      if (listening !== undefined && this.stopping === 0) {
        this.serving = true;
        warn(new URL(String(listening.extra['url'])));
        this.say(`${this.slots.length} worker processes share the port`);
        // Last, as for one process: a supervisor may stop us right after this line.
        this.say(listening.message, listening.extra);
      }
    } catch (error) {
      if (!(error instanceof StartFailure)) throw error;
      this.stop(false);
      this.deps.setExitCode(error.exitCode);
    }
    await exited;
    if (this.serving) this.say('stopped');
    this.deps.signals.off('SIGINT', stop);
    this.deps.signals.off('SIGTERM', stop);
  }

  private say(message: string, extra: Record<string, unknown> = {}): void {
    this.deps.output.out(lifecycleLine(this.options.logFormat, message, extra));
  }

  /**
   * Starts a worker in this slot; resolves once it serves. One that ends first rejects the
   * start while the primary is starting, and is one more crash (undefined) after that.
   */
  private fork(slot: Slot): Promise<Listening | undefined> {
    const worker = cluster.fork();
    Object.assign(slot, { worker, serving: false, startedAt: Date.now() });
    return new Promise<Listening>((resolve, reject) => {
      worker.on('message', (message: unknown) => {
        if (!isMessage<ToPrimary, 'agora-token-desk:listening'>(message, 'agora-token-desk:listening')) return;
        slot.serving = true;
        this.say(`worker ${worker.id} serving (pid ${worker.process.pid})`, {
          worker: worker.id,
          pid: worker.process.pid,
        });
        resolve(message);
      });
      worker.on('exit', (code, signal) => {
        const served = slot.serving;
        Object.assign(slot, { worker: undefined, serving: false });
        if (!served) reject(new StartFailure(code ?? EXIT.environment));
        this.exited(slot, worker, code, signal);
      });
    }).catch((error: unknown) => {
      if (this.serving || this.stopping > 0) return undefined;
      throw error;
    });
  }

  private exited(slot: Slot, worker: Worker, code: number | null, signal: string | null): void {
    if (this.stopping > 0 || !this.serving) {
      if (this.slots.every((s) => s.worker === undefined)) this.allExited();
      return;
    }
    const delay = slot.backoff.next(Date.now() - slot.startedAt);
    const how = signal === null ? `exited with code ${code ?? 'unknown'}` : `was killed by ${signal}`;
    const streak = slot.backoff.inARow > 1 ? ` (${slot.backoff.inARow} exits in a row)` : '';
    this.deps.output.err(
      `warning: worker ${worker.id} (pid ${worker.process.pid}) ${how}${streak}; starting a replacement in ${delay / 1000} s`,
    );
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.fork(slot);
    }, delay);
  }

  /** First call: every worker drains within the deadline. Second: every connection is cut now. */
  private stop(announce: boolean): void {
    this.stopping += 1;
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.timer = undefined;
    }
    if (this.stopping === 1) {
      if (announce)
        this.say(
          `stopping: ${this.slots.length} workers finish requests in flight (at most ${this.deadlineMs / 1000} s; a second Ctrl-C stops at once)`,
        );
      this.tellWorkers({ type: 'agora-token-desk:stop' });
      setTimeout(() => this.killRemaining(), this.deadlineMs + KILL_GRACE_MS).unref();
    } else {
      this.say('stopping now');
      this.deps.setExitCode(EXIT.checkFailed);
      this.tellWorkers({ type: 'agora-token-desk:stop-now' });
    }
    if (this.slots.every((s) => s.worker === undefined)) this.allExited();
  }

  private tellWorkers(message: ToWorker): void {
    for (const { worker, serving } of this.slots) {
      if (worker === undefined) continue;
      // One still starting has no message handler yet: its default SIGTERM ends it.
      if (serving && worker.isConnected()) worker.send(message);
      else worker.process.kill('SIGTERM');
    }
  }

  private killRemaining(): void {
    for (const { worker } of this.slots) {
      if (worker === undefined) continue;
      this.deps.output.err(`warning: worker ${worker.id} did not stop within the deadline; killing it`);
      worker.process.kill('SIGKILL');
    }
  }
}
