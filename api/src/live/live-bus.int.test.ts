/**
 * The live bus over Redis: instances of one deployment hear each other's signals, and a
 * deployment with another REDIS_KEY_PREFIX on the same Redis hears none of them. Runs where
 * Redis is configured (the CI's PostgreSQL + Redis run).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { createLiveBus, LIVE_CHANNELS, type LiveBus } from './live-bus.ts';

const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)('the live bus over Redis', () => {
  const logger = createLogger('silent');
  const prefix = `test-${randomUUID().slice(0, 8)}`;
  const [instanceA, instanceB, elsewhere]: LiveBus[] = [
    createLiveBus({ redisUrl, prefix, logger }),
    createLiveBus({ redisUrl, prefix, logger }),
    createLiveBus({ redisUrl, prefix: `${prefix}-other`, logger }),
  ];

  afterAll(async () => {
    await Promise.all([instanceA!.close(), instanceB!.close(), elsewhere!.close()]);
  });

  it("carries a signal to the deployment's other instances only", async () => {
    const heardByB: Record<string, unknown>[] = [];
    const heardElsewhere: Record<string, unknown>[] = [];
    await instanceB!.subscribe(LIVE_CHANNELS.accounts, (payload) => heardByB.push(payload));
    await elsewhere!.subscribe(LIVE_CHANNELS.accounts, (payload) => heardElsewhere.push(payload));

    // The publisher connects lazily: publish until B hears (a signal lost meanwhile costs only latency).
    for (let attempt = 0; attempt < 50 && heardByB.length === 0; attempt += 1) {
      await instanceA!.publish(LIVE_CHANNELS.accounts, { staffUserId: 'signal-1' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(heardByB[0]).toEqual({ staffUserId: 'signal-1' });
    // Given the same time, the other deployment heard nothing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heardElsewhere).toEqual([]);
  });
});
