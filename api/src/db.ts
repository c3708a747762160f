/**
 * The database: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in a
 * folder on disk (or in memory for `memory://`). One Prisma schema and one set of
 * migrations serve both. PGlite is a single connection inside this process.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export type DatabaseKind = 'pglite' | 'postgresql';

/** Runs SQL directly, outside Prisma: migrations and health checks. */
export interface SqlRunner {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection, holding it for the duration (locks, transactions). */
  withConnection<T>(work: (runner: Omit<SqlRunner, 'withConnection' | 'transaction'>) => Promise<T>): Promise<T>;
  /** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (runner: Omit<SqlRunner, 'withConnection' | 'transaction'>) => Promise<T>): Promise<T>;
}

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlRunner;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  pgliteDataDir: string;
  poolSize?: number;
  /**
   * PGlite only: the role the connection works as. `app` is the API's: walled in by
   * row-level security like the API's own login role on PostgreSQL (whose role is the
   * URL's). Default `owner`: migrations, ops commands, tests that look behind the wall.
   */
  pgliteRole?: 'owner' | 'app';
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openPglite(options.pgliteDataDir, options.pgliteRole ?? 'owner');
}

function openPostgres(connectionString: string, poolSize: number): Database {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const runnerFor = (client: pg.Pool | pg.PoolClient) => ({
    async exec(sql: string) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as Row[];
    },
  });
  return {
    kind: 'postgresql',
    prisma,
    sql: {
      ...runnerFor(pool),
      async withConnection(work) {
        const client = await pool.connect();
        try {
          return await work(runnerFor(client));
        } finally {
          client.release();
        }
      },
      async transaction(work) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query('BEGIN');
          const result = await work(runnerFor(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          throw error;
        } finally {
          // A connection that could not roll back is not given to the next caller.
          client.release(broken);
        }
      },
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/**
 * PGlite is one connection in one process: two processes on the same folder corrupt it.
 * A lock file with the owner's pid turns that into a clear error.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, '..', `${path.basename(dataDir)}.lock`);
  try {
    const owner = Number(readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && isAlive(owner)) {
      throw new Error(`the embedded database at ${dataDir} is in use by process ${owner}; stop it first (or set DATABASE_URL to use PostgreSQL)`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function openPglite(dataDir: string, role: 'owner' | 'app'): Database {
  const unlock = dataDir.startsWith('memory://') ? () => {} : lockDataDir(dataDir);
  const pglite = new PGlite(dataDir);
  // PGlite runs its statements in order: this is the first. Without the role (a database
  // never migrated) it fails, and so does every query after it that needs a table.
  if (role === 'app') void pglite.exec('SET ROLE aduan_app').catch(() => {});
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  const runnerFor = (client: Pick<PGlite, 'exec' | 'query'>) => ({
    async exec(sql: string) {
      await client.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await client.query<Row>(sql, params)).rows;
    },
  });
  const runner = runnerFor(pglite);
  return {
    kind: 'pglite',
    prisma,
    sql: {
      ...runner,
      withConnection: (work) => work(runner),
      transaction: (work) => pglite.transaction((tx) => work(runnerFor(tx))),
    },
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      unlock();
    },
  };
}
