import cluster from 'node:cluster';
import type { ServeDeps, ServeOptions } from '../commands/serve.js';

/**
 * `serve --workers N` with N > 1. Node's cluster runs this same command line again in each
 * worker, so one entry point takes the role of whichever process it runs in.
 */
export async function serveWithWorkers(options: ServeOptions, deps: ServeDeps, workers: number): Promise<void> {
  if (cluster.isWorker) {
    await (await import('./worker.js')).runWorker(options, deps);
    return;
  }
  await (await import('./primary.js')).runPrimary(options, deps, workers);
}
