/**
 * The bus between API instances for live updates: in memory for one process, Redis
 * pub/sub when REDIS_URL is set (graphql-redis-subscriptions over ioredis).
 *
 * It carries signals, never report content: "new events were committed" (every instance
 * then reads them from the database, the source of truth) and "this account changed"
 * (every instance re-checks that account's live connections). A message lost while Redis is
 * away costs latency only: each instance also reads the event log on a timer.
 */
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';

/** Channel names; in Redis each gets the deployment's prefix (`aduan:live:events`). */
export const LIVE_CHANNELS = {
  /** Case events were committed: read the event log now. */
  events: 'live:events',
  /** An account's roles or sessions changed: payload `{ staffUserId }` or `{ reporterAccountId }`. */
  accounts: 'live:accounts',
  /** The figures pass wrote new figures of these agencies: payload `{ tenantIds }` (stats caches drop theirs). */
  figures: 'live:figures',
  /** A monthly report was asked for: generate it now (stats/monthly-report-runner.ts). */
  reports: 'live:reports',
} as const;

export type LiveChannel = (typeof LIVE_CHANNELS)[keyof typeof LIVE_CHANNELS];

export interface LiveBus {
  readonly kind: 'memory' | 'redis';
  publish(channel: LiveChannel, payload: Record<string, unknown>): Promise<void>;
  /** Calls `handler` for every message on `channel`; resolves to the unsubscribe function. */
  subscribe(channel: LiveChannel, handler: (payload: Record<string, unknown>) => void): Promise<() => void>;
  /** Resolves once the bus can carry a signal (Redis: both connections are up). */
  whenReady(): Promise<void>;
  close(): Promise<void>;
}

const PUBLISH_WARNING_INTERVAL_MS = 60_000;

function busOver(
  kind: LiveBus['kind'],
  engine: PubSubEngine,
  closeEngine: () => Promise<void>,
  logger: Logger,
  prefix = '',
  whenReady: () => Promise<void> = async () => {},
  subscriberReady: () => Promise<void> = async () => {},
): LiveBus {
  let lastWarning = 0;
  return {
    kind,
    whenReady,
    async publish(channel, payload) {
      try {
        await engine.publish(prefix + channel, payload);
      } catch (error) {
        // The timer read of the event log delivers what a lost signal would have announced.
        if (Date.now() - lastWarning > PUBLISH_WARNING_INTERVAL_MS)
          logger.warn({ err: error, channel }, 'live bus: publish failed; instances fall back to their timers');
        lastWarning = Date.now();
      }
    },
    async subscribe(channel, handler) {
      // A SUBSCRIBE queued before the connection is ready puts it in subscriber mode before
      // ioredis's ready check (INFO) runs: the check fails, ioredis reconnects and resubscribes,
      // and what was published in between is lost (seen as a flaky live-bus test).
      await subscriberReady();
      const id = await engine.subscribe(prefix + channel, handler, {});
      return () => engine.unsubscribe(id);
    },
    close: closeEngine,
  };
}

/** `prefix`: this deployment's namespace in a shared Redis (REDIS_KEY_PREFIX). */
export function createLiveBus(options: { redisUrl?: string; prefix?: string; logger: Logger }): LiveBus {
  const { redisUrl, logger } = options;
  if (!redisUrl) return busOver('memory', new PubSub(), async () => {}, logger);
  // The publisher fails fast while Redis is away (a signal is only a shortcut); the subscriber
  // waits for it and ioredis subscribes again after every reconnect.
  const connect = (role: 'publisher' | 'subscriber') => {
    const client =
      role === 'publisher'
        ? new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
        : new Redis(redisUrl, { maxRetriesPerRequest: null, autoResubscribe: true });
    let warned = false;
    client.on('error', (error) => {
      // One warning per outage: ioredis retries by itself and says so at every attempt.
      if (!warned) logger.warn({ err: error, role }, 'live bus: Redis unreachable, retrying');
      warned = true;
    });
    client.on('ready', () => {
      if (warned) logger.info({ role }, 'live bus: Redis connection restored');
      warned = false;
    });
    return client;
  };
  const publisher = connect('publisher');
  const subscriber = connect('subscriber');
  const engine = new RedisPubSub({ publisher, subscriber });
  const ready = (client: Redis) => (client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', () => resolve())));
  return busOver(
    'redis',
    engine,
    async () => {
      await engine.close();
    },
    logger,
    `${options.prefix ?? 'aduan'}:`,
    async () => {
      await Promise.all([ready(publisher), ready(subscriber)]);
    },
    () => ready(subscriber),
  );
}
