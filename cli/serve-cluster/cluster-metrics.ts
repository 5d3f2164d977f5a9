import type { Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { MetricsView } from '../../shared/server/metrics.js';
import { isMessage, type ToPrimary, type ToWorker, type WorkerMetrics } from './messages.js';

const COLLECT_TIMEOUT_MS = 3000;

/**
 * Primary side: a worker's /metrics asks here; every worker that is serving is asked for
 * its counters and the sum (prom-client's AggregatorRegistry) goes back, so whichever worker
 * a scrape lands on, it sees the whole server. A worker that exits meanwhile is left out
 * rather than stalling the scrape.
 */
export function answerMetricsRequests(serving: () => Worker[]): (from: Worker, message: unknown) => void {
  let next = 0;
  const pending = new Map<number, (from: Worker, metrics: WorkerMetrics) => void>();
  const collect = (workers: Worker[]): Promise<WorkerMetrics[]> =>
    new Promise((resolve) => {
      const id = next++;
      const results: WorkerMetrics[] = [];
      const waiting = new Set(workers);
      const finish = () => {
        clearTimeout(timer);
        pending.delete(id);
        for (const worker of workers) worker.off('exit', onExit);
        resolve(results);
      };
      const onExit = function (this: Worker) {
        waiting.delete(this);
        if (waiting.size === 0) finish();
      };
      const timer = setTimeout(finish, COLLECT_TIMEOUT_MS);
      pending.set(id, (from, metrics) => {
        if (!waiting.delete(from)) return;
        results.push(metrics);
        if (waiting.size === 0) finish();
      });
      for (const worker of workers) {
        worker.on('exit', onExit);
        worker.send({ type: 'agora-token-desk:collect', id } satisfies ToWorker);
      }
      if (waiting.size === 0) finish();
    });
  return (from, message) => {
    if (isMessage<ToPrimary, 'agora-token-desk:collected'>(message, 'agora-token-desk:collected')) {
      pending.get(message.id)?.(from, message.metrics);
      return;
    }
    if (!isMessage<ToPrimary, 'agora-token-desk:metrics-request'>(message, 'agora-token-desk:metrics-request')) return;
    void collect(serving())
      .then((all) => AggregatorRegistry.aggregate(all).metrics())
      .then(
        (text) => send(from, { type: 'agora-token-desk:metrics', id: message.id, text }),
        (error: unknown) =>
          send(from, { type: 'agora-token-desk:metrics', id: message.id, error: String((error as Error).message) }),
      );
  };
}

function send(worker: Worker, message: ToWorker): void {
  if (worker.isConnected()) worker.send(message);
}

/** Worker side: /metrics shows the sum over all workers, asked of the primary. */
export function clusterMetricsView(): MetricsView {
  return {
    bind(own: Registry) {
      let next = 0;
      const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
      process.on('message', (message: unknown) => {
        if (isMessage<ToWorker, 'agora-token-desk:collect'>(message, 'agora-token-desk:collect')) {
          void own
            .getMetricsAsJSON()
            .then((metrics) =>
              process.send?.({ type: 'agora-token-desk:collected', id: message.id, metrics } satisfies ToPrimary),
            );
        } else if (isMessage<ToWorker, 'agora-token-desk:metrics'>(message, 'agora-token-desk:metrics')) {
          const request = waiting.get(message.id);
          waiting.delete(message.id);
          if (message.text !== undefined) request?.resolve(message.text);
          else request?.reject(new Error(`the workers' metrics could not be gathered: ${message.error ?? ''}`));
        }
      });
      return () =>
        new Promise<string>((resolve, reject) => {
          const id = next++;
          const timer = setTimeout(() => {
            waiting.delete(id);
            reject(new Error("the primary did not answer with the workers' metrics"));
          }, COLLECT_TIMEOUT_MS * 2);
          waiting.set(id, {
            resolve: (text) => (clearTimeout(timer), resolve(text)),
            reject: (error) => (clearTimeout(timer), reject(error)),
          });
          process.send?.({ type: 'agora-token-desk:metrics-request', id } satisfies ToPrimary);
        });
    },
  };
}
