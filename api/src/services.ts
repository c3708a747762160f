/** Builds the long-lived services of one API process from its environment. */
import type { AppServices } from './context.ts';
import { TenantConfigCache } from './config/tenant-config.service.ts';
import { openDatabase } from './db.ts';
import { apiDatabaseUrl, type Env } from './env.ts';
import { createLocalEvidenceStorage, createS3EvidenceStorage, type EvidenceStorage } from './evidence/evidence-storage.ts';
import { IdentityVault } from './identity/identity-vault.service.ts';
import { loadMasterKey } from './identity/master-key.ts';
import type { Logger } from './logger.ts';
import { RateLimits } from './abuse/rate-limits.ts';
import { NationalCalendarCache } from './sla/working-calendar.service.ts';
import { TenantDirectory } from './tenancy/tenant-directory.ts';
import { createLiveServices } from './live/live-services.ts';
import { createOpaqueIdCodec } from './live/live-cursor.ts';
import { AUDIT_ID_INFO } from './audit/audit-log.service.ts';
import { PublicStatisticsCache } from './stats/public-statistics-cache.ts';

function createEvidenceStorage(env: Env): EvidenceStorage {
  if (env.EVIDENCE_STORAGE === 's3') {
    return createS3EvidenceStorage({
      endpoint: env.S3_ENDPOINT,
      region: env.S3_REGION,
      bucket: env.S3_BUCKET!,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalEvidenceStorage({ dir: env.EVIDENCE_DIR });
}

export function createServices(env: Env, logger: Logger): AppServices {
  const db = openDatabase({
    // The API's own login, walled in by row-level security (docs/trust/row-level-security.md).
    databaseUrl: apiDatabaseUrl(env),
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    pgliteRole: 'app',
  });
  const ttlMs = env.CONFIG_CACHE_TTL_SECONDS * 1000;
  const masterKey = loadMasterKey({
    value: env.IDENTITY_MASTER_KEY,
    file: env.IDENTITY_MASTER_KEY_FILE,
    allowGenerate: env.NODE_ENV !== 'production' || !apiDatabaseUrl(env),
  });
  return {
    env,
    db,
    logger,
    configs: new TenantConfigCache(db.prisma, ttlMs),
    directory: new TenantDirectory(db.prisma, ttlMs),
    calendars: new NationalCalendarCache(db.prisma),
    vault: new IdentityVault(masterKey),
    rateLimits: new RateLimits(env.RATE_LIMIT_SCALE, env.REDIS_URL ? { url: env.REDIS_URL, prefix: env.REDIS_KEY_PREFIX } : undefined),
    evidenceStorage: createEvidenceStorage(env),
    live: createLiveServices(env, db, logger, masterKey),
    auditIds: createOpaqueIdCodec(masterKey, AUDIT_ID_INFO),
    publicStatistics: new PublicStatisticsCache(env.PUBLIC_STATISTICS_CACHE_SECONDS * 1000),
  };
}
