/** The live-update services of one API process, built from its environment. */
import type { Database } from '../db.ts';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import { CaseFeed } from './case-feed.ts';
import { createLiveBus, type LiveBus } from './live-bus.ts';
import { createLiveCursorCodec, type LiveCursorCodec } from './live-cursor.ts';
import { LiveConnections } from './live-connections.ts';

export interface LiveServices {
  bus: LiveBus;
  feed: CaseFeed;
  /** Event ids to and from the opaque cursors clients see. */
  cursors: LiveCursorCodec;
  connections: LiveConnections;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** `masterKey`: the deployment's identity master key, from which the cursor key is derived. */
export function createLiveServices(env: Env, db: Database, logger: Logger, masterKey: Buffer): LiveServices {
  const bus = createLiveBus({ redisUrl: env.REDIS_URL, prefix: env.REDIS_KEY_PREFIX, logger });
  const feed = new CaseFeed({ db, bus, logger, pollIntervalMs: env.LIVE_POLL_INTERVAL_MS });
  const connections = new LiveConnections({ prisma: db.prisma, logger });
  return {
    bus,
    feed,
    cursors: createLiveCursorCodec(masterKey),
    connections,
    async start() {
      feed.start();
      connections.start(bus, env.LIVE_REVALIDATE_MS);
    },
    async stop() {
      connections.stop();
      await feed.stop();
      await bus.close();
    },
  };
}
