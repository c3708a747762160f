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
    let heardFirst!: () => void;
    let heardMarker!: () => void;
    const firstByB = new Promise<void>((resolve) => (heardFirst = resolve));
    const markerElsewhere = new Promise<void>((resolve) => (heardMarker = resolve));
    // Each subscription resolves once Redis acknowledged it.
    await instanceB!.subscribe(LIVE_CHANNELS.accounts, (payload) => {
      heardByB.push(payload);
      heardFirst();
    });
    await elsewhere!.subscribe(LIVE_CHANNELS.accounts, (payload) => {
      heardElsewhere.push(payload);
      if (payload.marker) heardMarker();
    });
    // The publisher refuses to queue while it connects (a signal is only a shortcut): wait for it.
    await Promise.all([instanceA!.whenReady(), elsewhere!.whenReady()]);
    await instanceA!.publish(LIVE_CHANNELS.accounts, { staffUserId: 'signal-1' });
    await firstByB;
    expect(heardByB).toEqual([{ staffUserId: 'signal-1' }]);
    // Redis delivers in the order it received the publications: had A's signal been routed to
    // the other deployment, it would arrive there before that deployment's own later marker.
    await elsewhere!.publish(LIVE_CHANNELS.accounts, { marker: true });
    await markerElsewhere;
    expect(heardElsewhere).toEqual([{ marker: true }]);
  });
});
