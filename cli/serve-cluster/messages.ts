import type { MetricObjectWithValues, MetricValue } from 'prom-client';

/**
 * What the `serve --workers` primary and its workers say to each other over cluster IPC.
 * Both ends are this program; the type field is prefixed so prom-client's and Node's own
 * cluster messages on the same channel are never mistaken for ours.
 */
export type WorkerMetrics = MetricObjectWithValues<MetricValue<string>>[];

export type ToWorker =
  | { type: 'agora-token-desk:stop' }
  | { type: 'agora-token-desk:stop-now' }
  | { type: 'agora-token-desk:collect'; id: number }
  | { type: 'agora-token-desk:metrics'; id: number; text?: string; error?: string };

export type ToPrimary =
  | { type: 'agora-token-desk:listening'; message: string; extra: Record<string, unknown> }
  | { type: 'agora-token-desk:metrics-request'; id: number }
  | { type: 'agora-token-desk:collected'; id: number; metrics: WorkerMetrics };

/** Narrows a message from the channel to one of ours of the given type. */
export function isMessage<M extends { type: string }, T extends M['type']>(
  value: unknown,
  type: T,
): value is Extract<M, { type: T }> {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
