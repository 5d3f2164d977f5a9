import { TokenDeskError } from '../shared/errors.js';
import type { RedisFailMode, RedisRateLimitOptions } from '../shared/server/redis-rate-limit-store.js';

export interface SharedLimitFlags {
  rateLimitRedis?: string;
  rateLimitRedisFail?: string;
}

/**
 * `--rate-limit-redis URL` (RATE_LIMIT_REDIS_URL) and `--rate-limit-redis-fail open|closed`
 * (RATE_LIMIT_REDIS_FAIL); flags win. Closed unless asked otherwise, whatever the host: a
 * server on 127.0.0.1 behind a reverse proxy is as exposed as one on 0.0.0.0, and a limit
 * that silently lapses is the failure nobody notices.
 */
export function sharedLimitStore(
  flags: SharedLimitFlags,
  env: Record<string, string | undefined>,
  limited: boolean,
  onOutage: (message: string) => void,
): RedisRateLimitOptions | undefined {
  const url = flags.rateLimitRedis ?? (env['RATE_LIMIT_REDIS_URL'] || undefined);
  const fail = flags.rateLimitRedisFail ?? (env['RATE_LIMIT_REDIS_FAIL'] || undefined);
  if (url === undefined) {
    if (fail !== undefined)
      throw usage('--rate-limit-redis-fail (RATE_LIMIT_REDIS_FAIL) applies only with --rate-limit-redis');
    return undefined;
  }
  if (!limited)
    throw usage('--rate-limit-redis (RATE_LIMIT_REDIS_URL) needs a limit to share: add --rate-limit N (RATE_LIMIT)');
  if (!isRedisUrl(url))
    // Not echoed: the value may hold a password.
    throw usage('--rate-limit-redis must be a redis:// or rediss:// URL, e.g. redis://redis.internal:6379/0');
  const failMode = (fail ?? 'closed').trim().toLowerCase();
  if (failMode !== 'open' && failMode !== 'closed')
    throw usage(`--rate-limit-redis-fail must be open or closed, not "${fail ?? ''}"`);
  return { url, failMode: failMode satisfies RedisFailMode, onOutage };
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const usage = (message: string) => new TokenDeskError('invalid_input', message, 'rateLimitRedis');
