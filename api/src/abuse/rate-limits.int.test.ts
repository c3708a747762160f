/**
 * With REDIS_URL, API instances share one count per client: two RateLimits objects (as in
 * two processes) against the same Redis refuse the attempt after the limit, whichever
 * instance it reaches. Runs where Redis is configured (the CI's PostgreSQL + Redis run).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { RATE_LIMITS, RateLimits } from './rate-limits.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('rate limits shared through Redis', () => {
  // A scale that leaves 3 tracking look-ups per client.
  const scale = 3 / RATE_LIMITS.track.points;
  const [instanceA, instanceB] = [new RateLimits(scale, redisUrl), new RateLimits(scale, redisUrl)];

  afterAll(async () => {
    await Promise.all([instanceA.close(), instanceB.close()]);
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
    // Another client is not affected.
    await expect(instanceB.consume('track', `ip:test-${randomUUID()}`)).resolves.toBeUndefined();
  });
});
