import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import { Redis } from 'ioredis';
import { TokenDeskError } from '../errors.js';
import { HttpStatusError } from './http-status-error.js';

/** What the token routes do while the shared store cannot be reached. */
export type RedisFailMode = 'open' | 'closed';

export interface RedisRateLimitOptions {
  /** redis:// or rediss:// URL; a password in it is never shown in a message. */
  url: string;
  /** `closed` (the default): 503 while Redis is away; `open`: no limit while it is away. */
  failMode?: RedisFailMode;
  /** How long the first connection may take before the start fails; default 3 s. */
  connectTimeoutMs?: number;
  /** Told once when Redis goes away and once when it is back (never a secret). */
  onOutage?: (message: string) => void;
}

/** The parts of @fastify/rate-limit's options this store sets. */
export interface SharedRateLimitStore {
  store: FastifyRateLimitStoreCtor;
  skipOnError: boolean;
  close(): Promise<void>;
}

export const STORE_UNAVAILABLE_MESSAGE =
  'the rate limit cannot be checked right now (its shared store is unreachable): try again shortly';

/** `host:port` of a Redis URL, without user or password: the only part a message may name. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '6379'}`;
  } catch {
    return 'an unparsable URL';
  }
}

const reasonOf = (error: unknown): string =>
  (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : 'unknown error');

/**
 * Connects to Redis (bounded by the connect timeout) and returns @fastify/rate-limit's own
 * Redis store with its failures labelled: in closed mode a failed count answers 503 in the
 * server's error format rather than the 500 any unknown error gets. ioredis reconnects by
 * itself with a capped back-off; while disconnected, commands fail at once (no offline
 * queue), so requests never wait on an absent Redis.
 */
export async function openRedisRateLimitStore(
  options: RedisRateLimitOptions,
  nameSpace: string,
): Promise<SharedRateLimitStore> {
  const address = redisAddress(options.url);
  const failMode = options.failMode ?? 'closed';
  let lastError: unknown;
  let down = false;
  let connected = false;
  let closing = false;
  const client = new Redis(options.url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 3000,
    commandTimeout: 1000,
    // How long a closing socket may linger (ioredis waits 2 s by default, even for a dead one).
    disconnectTimeout: 200,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // Reconnects only once it has served: a start that cannot connect fails, and leaves no timer.
    retryStrategy: (attempt) => (connected && !closing ? Math.min(100 * 2 ** Math.min(attempt, 5), 2000) : null),
  });
  const report = options.onOutage ?? (() => undefined);
  const outage = (error: unknown): void => {
    if (down || closing || !connected) return;
    down = true;
    const effect =
      failMode === 'closed'
        ? 'token requests are refused with 503 until it is back'
        : 'token requests are let through without a rate limit until it is back';
    report(`the rate-limit Redis at ${address} is unreachable (${reasonOf(error)}): ${effect}`);
  };
  // ioredis prints unhandled 'error' events itself; every one is handled here.
  client.on('error', (error: unknown) => {
    lastError = error;
    outage(error);
  });
  await connectOrFail(client, address, () => lastError);
  connected = true;
  // An error with a reason comes first as an 'error' event; a plain close has none to give.
  client.on('close', () => outage(new Error('connection closed')));
  client.on('ready', () => {
    if (!down) return;
    down = false;
    report(`the rate-limit Redis at ${address} is reachable again: the shared limit applies again`);
  });
  const failure = (error: Error): Error => {
    outage(error);
    return failMode === 'closed' ? new HttpStatusError(503, STORE_UNAVAILABLE_MESSAGE, { 'retry-after': '5' }) : error;
  };
  return {
    store: labelledStore(client, nameSpace, failure),
    skipOnError: failMode === 'open',
    close: async () => {
      closing = true;
      client.disconnect();
    },
  };
}

async function connectOrFail(client: Redis, address: string, lastError: () => unknown): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new TokenDeskError(
      'server_error',
      `cannot reach the rate-limit Redis at ${address} (${reasonOf(lastError() ?? error)}); check --rate-limit-redis or RATE_LIMIT_REDIS_URL`,
      'rateLimitRedis',
    );
  }
}

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

function labelledStore(client: Redis, nameSpace: string, failure: (error: Error) => Error): FastifyRateLimitStoreCtor {
  const relabel =
    (callback: Callback): Callback =>
    (error, result) =>
      error === null ? callback(null, result) : callback(failure(error));
  const wrap = (inner: RedisStore): FastifyRateLimitStore & { read: RedisStore['read'] } => ({
    incr: (key, callback, timeWindow, max) => inner.incr(key, relabel(callback), timeWindow, max),
    read: (key, callback, timeWindow, max) => inner.read(key, relabel(callback), timeWindow, max),
    child: (routeOptions) => wrap(inner.child(routeOptions)),
  });
  // The plugin calls `new Store(globalParams)`; a constructor may return another object.
  return function LabelledRedisStore(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
    return wrap(
      new RedisStore(params.continueExceeding === true, params.exponentialBackoff === true, client, nameSpace),
    );
  } as unknown as FastifyRateLimitStoreCtor;
}
