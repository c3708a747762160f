/**
 * Applies `prisma/migrations/<name>/migration.sql` in order, each in its own transaction,
 * recording what was applied. The same code serves PGlite and PostgreSQL (the Prisma CLI
 * cannot be trusted against PGlite, see docs/decisions/0002). On PostgreSQL an advisory
 * lock lets several instances start at once.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlRunner } from './db.ts';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations');
const LOCK_ID = 4_242_001;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrate(sql: SqlRunner, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await listMigrations(dir);
  return sql.withConnection(async (connection) => {
    await connection.exec(
      'CREATE TABLE IF NOT EXISTS _aduan_migration (name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    await connection.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      const rows = await connection.query<{ name: string; checksum: string }>('SELECT name, checksum FROM _aduan_migration');
      const done = new Map(rows.map((row) => [row.name, row.checksum]));
      const applied: string[] = [];
      for (const migration of migrations) {
        const checksum = done.get(migration.name);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`migration ${migration.name} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        await connection.exec('BEGIN');
        try {
          await connection.exec(migration.sql);
          await connection.query('INSERT INTO _aduan_migration (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
          await connection.exec('COMMIT');
        } catch (error) {
          await connection.exec('ROLLBACK');
          throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`);
        }
        applied.push(migration.name);
      }
      return { applied, alreadyApplied: done.size };
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]);
    }
  });
}
