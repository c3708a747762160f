/** One counter of rate-limiter-flexible (in memory, or in Redis with memory as insurance), and how rate-limits.ts makes one. */
import type { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export type Limiter = RateLimiterMemory | RateLimiterRedis;
export type LimiterFactory = (name: string, points: number, duration: number) => Limiter;
