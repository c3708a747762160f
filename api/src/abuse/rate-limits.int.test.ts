/**
 * With REDIS_URL, API instances share one count per client: two RateLimits objects (as in
 * two processes) against the same Redis refuse the attempt after the limit, whichever
 * instance it reaches, while another deployment's prefix keeps its own count. Runs where Redis is configured (the CI's PostgreSQL + Redis run).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { RATE_LIMITS, RateLimits } from './rate-limits.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('rate limits shared through Redis', () => {
  // A scale that leaves 3 tracking look-ups per client.
  const scale = 3 / RATE_LIMITS.track.points;
  const redis = { url: redisUrl!, prefix: `test-${randomUUID().slice(0, 8)}` };
  const [instanceA, instanceB] = [new RateLimits(scale, redis), new RateLimits(scale, redis)];
  // Another deployment on the same Redis.
  const elsewhere = new RateLimits(scale, { ...redis, prefix: `${redis.prefix}-other` });

  afterAll(async () => {
    await Promise.all([instanceA.close(), instanceB.close(), elsewhere.close()]);
  });

  it('counts a client across instances', async () => {
    await Promise.all([instanceA.whenShared(), instanceB.whenShared()]);
    const client = `ip:test-${randomUUID()}`;
    await instanceA.consume('track', client);
    await instanceB.consume('track', client);
    await instanceA.consume('track', client);
    const refused = await instanceB.consume('track', client).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('RATE_LIMITED');
    // Another client is not affected, nor the same client in another deployment.
    await expect(instanceB.consume('track', `ip:test-${randomUUID()}`)).resolves.toBeUndefined();
    await elsewhere.whenShared();
    await expect(elsewhere.consume('track', client)).resolves.toBeUndefined();
  });
});
