/**
 * A fresh, migrated database per test file: a new PostgreSQL database when DATABASE_URL
 * is set (the CI's second run), otherwise a new embedded PGlite folder, copied from the
 * run's migrated one.
 *
 * On PostgreSQL the API processes log in as their own role, as in production: `aduan_api`,
 * which owns nothing and is walled in by row-level security (API_DATABASE_URL). The
 * database itself is prepared, and `open()` looks at it, as the owner.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@aduan/api/db.ts';
import { migrate } from '@aduan/api/db-migrate.ts';
import { provisionApiRole } from '@aduan/api/db-roles.ts';
import { prepareJobQueue } from '@aduan/api/jobs/job-runner.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data folder to copy (global/database-template.ts), or '' on PostgreSQL. */
    pgliteTemplate: string;
  }
}

/** The API's login on the test cluster (shared by every test database; owns nothing). */
const API_ROLE = 'aduan_api';

export interface TestDatabase {
  kind: 'pglite' | 'postgresql';
  /** Environment that points a process at this database. */
  env: { DATABASE_URL?: string; API_DATABASE_URL?: string; PGLITE_DATA_DIR?: string };
  open(): Database;
  drop(): Promise<void>;
}

export const usingPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `aduan_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const databaseUrl = url.toString();
    const apiUrl = new URL(databaseUrl);
    apiUrl.username = API_ROLE;
    apiUrl.password = API_ROLE;
    const db = openDatabase({ databaseUrl, pgliteDataDir: 'unused', poolSize: 2 });
    await migrate(db.sql);
    await prepareJobQueue(databaseUrl, db.sql);
    await provisionApiRole(db.sql, apiUrl.toString());
    await db.close();
    return {
      kind: 'postgresql',
      env: { DATABASE_URL: databaseUrl, API_DATABASE_URL: apiUrl.toString() },
      open: () => openDatabase({ databaseUrl, pgliteDataDir: 'unused', poolSize: 4 }),
      drop: () => dropDatabase(adminUrl, name),
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'aduan-pglite-'));
  const dataDir = path.join(dir, 'data');
  // The run's migrated folder (global/database-template.ts), copied: a new PGlite folder
  // and its migrations cost ~6 s; a copy is a fraction of that.
  const template = inject('pgliteTemplate');
  if (template) await cp(template, dataDir, { recursive: true });
  else {
    const db = openDatabase({ pgliteDataDir: dataDir });
    await migrate(db.sql);
    await db.close();
  }
  return {
    kind: 'pglite',
    env: { PGLITE_DATA_DIR: dataDir },
    open: () => openDatabase({ pgliteDataDir: dataDir }),
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * `DROP DATABASE … WITH (FORCE)` as the owner. The owner may end the API role's sessions, but
 * not a backend that has no role yet: an autovacuum worker, or a connection still logging in.
 * PostgreSQL then refuses the whole drop (42501); such a backend is gone a moment later, so the
 * drop is tried again, and the error names who was connected if it never goes through.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '42501' || attempt >= 40) {
          const { rows } = await client.query<{ who: string }>(
            "SELECT coalesce(usename, '-') || ' ' || backend_type AS who FROM pg_stat_activity WHERE datname = $1",
            [name],
          );
          throw new Error(`dropping ${name}: ${(error as Error).message} (connected: ${rows.map((row) => row.who).join(', ') || 'nobody'})`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    await client.end();
  }
}
