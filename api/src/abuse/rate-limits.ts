/**
 * Per-client limits on the actions a stranger can repeat: filing, registering, tracking,
 * uploading, messaging; signing in has its own rules in `sign-in-guard.ts` (ADR 0016). In memory for one process; with REDIS_URL
 * in Redis, so that several API instances share one count (and in memory while Redis is
 * away). The limits scale with RATE_LIMIT_SCALE. A refused action is RATE_LIMITED with the
 * seconds to wait.
 */
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Limiter, LimiterFactory } from './limiter.ts';
import { AppError } from '../errors.ts';
import { SignInGuard } from './sign-in-guard.ts';

export const RATE_LIMITS = {
  /** Reports filed per client per hour. */
  submit: { points: 10, duration: 3600 },
  /** Reporter account registrations per client per hour. */
  register: { points: 10, duration: 3600 },
  /**
   * Identity custodians' passphrase attempts per custodian per 15 minutes. Staff and reporter
   * sign-in no longer use it: they have their own guard (sign-in-guard.ts, ADR 0016).
   */
  login: { points: 20, duration: 900 },
  /** Track look-ups per client per 10 minutes (a wrong code counts like a right one). */
  track: { points: 60, duration: 600 },
  /** Upload URLs per client per hour. */
  upload: { points: 60, duration: 3600 },
  /** Reporter messages per client per hour. */
  message: { points: 30, duration: 3600 },
} as const;

export type RateLimitedAction = keyof typeof RATE_LIMITS;

/** One counter store: Redis (with an in-memory stand-in while Redis is away) or memory. */

export class RateLimits {
  readonly #limiters: Record<RateLimitedAction, Limiter>;
  readonly #redis: Redis | null;
  /** Sign-in limits (ADR 0016): per account and address, per account, per address's failures. */
  readonly signIn: SignInGuard;

  /** `redis.prefix` keeps this deployment's counts apart from others' in a shared Redis. */
  constructor(scale: number, redis?: { url: string; prefix: string }) {
    const redisUrl = redis?.url;
    // Fail fast while Redis is away: the in-memory insurance limiter counts meanwhile.
    this.#redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    this.#redis?.on('error', () => {});
    const makeLimiter: LimiterFactory = (name, points, duration) => {
      const options = { keyPrefix: `${redis?.prefix ?? 'aduan'}:rl:${name}`, points, duration };
      const memory = new RateLimiterMemory(options);
      return this.#redis ? new RateLimiterRedis({ ...options, storeClient: this.#redis, insuranceLimiter: memory }) : memory;
    };
    this.#limiters = Object.fromEntries(
      Object.entries(RATE_LIMITS).map(([action, limit]) => [action, makeLimiter(action, Math.max(1, Math.round(limit.points * scale)), limit.duration)]),
    ) as Record<RateLimitedAction, Limiter>;
    this.signIn = new SignInGuard(makeLimiter, scale);
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
