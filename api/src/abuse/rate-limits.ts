/**
 * Per-client and per-account limits on the actions a stranger can repeat: filing,
 * signing in, tracking, uploading, messaging. In memory for one process; with REDIS_URL
 * in Redis, so that several API instances share one count (and in memory while Redis is
 * away). The limits scale with RATE_LIMIT_SCALE. A refused action is RATE_LIMITED with the
 * seconds to wait.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors.ts';

export const RATE_LIMITS = {
  /** Reports filed per client per hour. */
  submit: { points: 10, duration: 3600 },
  /** Reporter account registrations per client per hour. */
  register: { points: 10, duration: 3600 },
  /** Sign-in attempts per client per 15 minutes. */
  login: { points: 20, duration: 900 },
  /** Track look-ups per client per 10 minutes (a wrong code counts like a right one). */
  track: { points: 60, duration: 600 },
  /** Upload URLs per client per hour. */
  upload: { points: 60, duration: 3600 },
  /** Reporter messages per client per hour. */
  message: { points: 30, duration: 3600 },
} as const;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

export class RateLimits {
  readonly #limiters: Record<RateLimitedAction, RateLimiterMemory | RateLimiterRedis>;
  readonly #redis: Redis | null;

  /** `redis.prefix` keeps this deployment's counts apart from others' in a shared Redis. */
  constructor(scale: number, redis?: { url: string; prefix: string }) {
    const redisUrl = redis?.url;
    // Fail fast while Redis is away: the in-memory insurance limiter counts meanwhile.
    this.#redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    this.#redis?.on('error', () => {});
    this.#limiters = Object.fromEntries(
      Object.entries(RATE_LIMITS).map(([action, limit]) => {
        const options = { keyPrefix: `${redis?.prefix ?? 'aduan'}:rl:${action}`, points: Math.max(1, Math.round(limit.points * scale)), duration: limit.duration };
        const memory = new RateLimiterMemory(options);
        return [action, this.#redis ? new RateLimiterRedis({ ...options, storeClient: this.#redis, insuranceLimiter: memory }) : memory];
      }),
    ) as Record<RateLimitedAction, RateLimiterMemory | RateLimiterRedis>;
  }

  /** Resolves once the counts are shared (Redis connected), at once without Redis. */
  async whenShared(): Promise<void> {
    const redis = this.#redis;
    if (!redis || redis.status === 'ready') return;
    await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    await this.#redis?.quit().catch(() => {});
  }

  /** Counts one attempt by `key` (a client address or an account); throws RATE_LIMITED past the limit. */
  async consume(action: RateLimitedAction, key: string): Promise<void> {
    try {
      await this.#limiters[action].consume(key);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new AppError('RATE_LIMITED', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, { retryAfterSeconds });
      }
      throw error;
    }
  }
}
