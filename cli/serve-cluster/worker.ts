import cluster from 'node:cluster';
import { runServe, type ServeDeps, type ServeOptions, type SignalSource } from '../commands/serve.js';
import { reportError } from '../output.js';
import { clusterMetricsView } from './cluster-metrics.js';
import { isMessage, type ToPrimary, type ToWorker } from './messages.js';

/** Signals are the primary's to coordinate: runServe gets none and is stopped from here. */
const NO_SIGNALS: SignalSource = { on: () => undefined, off: () => undefined };

/** The response header naming the worker that answered (its cluster number, never a pid). */
export const WORKER_HEADER = 'x-worker';

/**
 * One worker: the ordinary server on the shared port. It stops on the primary's word, or
 * on a signal of its own (a terminal's Ctrl-C reaches the whole process group; a SIGTERM
 * sent to one worker retires it and the primary starts another). Either way it drains like
 * a single `serve` and then exits, since the IPC channel would otherwise keep it alive.
 */
export async function runWorker(options: ServeOptions, deps: ServeDeps): Promise<void> {
  const id = cluster.worker?.id ?? 0;
  const tell = (message: ToPrimary) => process.send?.(message);
  let server: Awaited<ReturnType<typeof runServe>>;
  try {
    server = await runServe(options, {
      ...deps,
      signals: NO_SIGNALS,
      worker: {
        serverOptions: {
          serverHeaders: { [WORKER_HEADER]: String(id) },
          ...(options.metrics ? { metricsView: clusterMetricsView() } : {}),
        },
        // Only the listening line travels: the primary says stopping and stopped for all.
        announce: (message, extra = {}) => {
          if (typeof extra['url'] === 'string') tell({ type: 'agora-token-desk:listening', message, extra });
        },
      },
    });
  } catch (error) {
    process.exit(reportError(error, deps.output));
  }
  let stopping: Promise<void> | undefined;
  const stop = (): void => {
    stopping ??= server.stop().then(() => process.exit(process.exitCode ?? 0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('message', (message: unknown) => {
    if (isMessage<ToWorker, 'agora-token-desk:stop'>(message, 'agora-token-desk:stop')) stop();
    // runServe's second stop cuts every connection now.
    else if (isMessage<ToWorker, 'agora-token-desk:stop-now'>(message, 'agora-token-desk:stop-now')) {
      stop();
      void server.stop();
    }
  });
}
