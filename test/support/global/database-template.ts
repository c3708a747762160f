/**
 * Global setup of the projects that open databases: on PGlite, one migrated database folder
 * per run, which `createTestDatabase()` copies instead of creating and migrating a new one
 * (~6 s each on a quiet machine, for some 35 databases a run). On PostgreSQL a new database
 * is already cheap (~0.6 s), so nothing is prepared there.
 *
 * Both projects list this file; the main process prepares the folder once for both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@aduan/api/db.ts';
import { migrate } from '@aduan/api/db-migrate.ts';
// The value this setup provides is declared where tests read it.
import type {} from '../database.ts';

const shared = globalThis as typeof globalThis & { aduanPgliteTemplate?: Promise<{ scratch: string; dataDir: string }> };

async function prepareTemplate() {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'aduan-pglite-template-'));
  const dataDir = path.join(scratch, 'data');
  const db = openDatabase({ pgliteDataDir: dataDir });
  await migrate(db.sql);
  await db.close();
  return { scratch, dataDir };
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', '');
    return;
  }
  shared.aduanPgliteTemplate ??= prepareTemplate();
  const { scratch, dataDir } = await shared.aduanPgliteTemplate;
  project.provide('pgliteTemplate', dataDir);
  return () => rm(scratch, { recursive: true, force: true });
}
