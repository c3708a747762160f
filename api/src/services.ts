/** Builds the long-lived services of one API process from its environment. */
import type { AppServices } from './context.ts';
import { TenantConfigCache } from './config/tenant-config.service.ts';
import { openDatabase } from './db.ts';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import { TenantDirectory } from './tenancy/tenant-directory.ts';

export function createServices(env: Env, logger: Logger): AppServices {
  const db = openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  const ttlMs = env.CONFIG_CACHE_TTL_SECONDS * 1000;
  return {
    env,
    db,
    logger,
    configs: new TenantConfigCache(db.prisma, ttlMs),
    directory: new TenantDirectory(db.prisma, ttlMs),
  };
}
