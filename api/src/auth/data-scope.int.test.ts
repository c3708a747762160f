/**
 * Row-level security on its own, with no CASL filter at all: inside a data scope the app
 * role sees and changes only the scope's tenants; without a scope it sees nothing; the
 * bookkeeping and platform reference data are not its to change. Runs on PGlite and, with
 * DATABASE_URL, on PostgreSQL, where the API's own login is also shown to be a real wall:
 * a `RESET ROLE` injected into a scoped transaction gains nothing (issue 12, item 8).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { openDatabase, type Database } from '../db.ts';
import { inspectConnectionRole, isWalledIn, provisionApiRole } from '../db-roles.ts';
import { queryInScope, withDataScope, withPlatformScope } from './data-scope.ts';

let database: TestDatabase;
let db: Database;
const tenants: Record<string, { id: string; caseTypeId: string }> = {};
const caseIds: Record<string, string> = {};

async function insertCase(slug: string): Promise<string> {
  const id = randomUUID();
  const { id: tenantId, caseTypeId } = tenants[slug]!;
  await db.prisma.case.create({
    data: {
      id,
      tenantId,
      caseTypeId,
      registrationNumber: `RLS-${id.slice(0, 8)}`,
      year: 2026,
      sequence: null,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: id,
      title: `kasus ${slug}`,
      answers: {},
      locale: 'id',
      receivedAt: new Date(),
      deadlines: [],
    },
  });
  await db.prisma.caseEvent.create({
    data: { tenantId, caseId: id, kind: 'SUBMITTED', actorKind: 'REPORTER', visibility: 'REPORTER', status: 'SUBMITTED', data: {} },
  });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  for (const slug of ['inspektorat-kalbar', 'inspektorat-kalsel']) {
    const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug }, include: { caseTypes: { take: 1 } } });
    tenants[slug] = { id: tenant.id, caseTypeId: tenant.caseTypes[0]!.id };
    caseIds[slug] = await insertCase(slug);
  }
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('row-level security without CASL', () => {
  it("returns only the scope's rows to a query with no filter", async () => {
    const scope = { tenantIds: [tenants['inspektorat-kalbar']!.id] };
    const seen = await withDataScope(db.prisma, scope, async (tx) => ({
      cases: await tx.case.findMany({ select: { id: true, tenantId: true } }),
      events: await tx.caseEvent.count(),
      other: await tx.case.findUnique({ where: { id: caseIds['inspektorat-kalsel']! } }),
    }));
    expect(seen.cases).toEqual([{ id: caseIds['inspektorat-kalbar'], tenantId: scope.tenantIds[0] }]);
    expect(seen.events).toBe(1);
    expect(seen.other).toBeNull();
    // The owner (ops, migrations) still sees both: the policies bind the app role only.
    expect(await db.prisma.case.count()).toBe(2);
  });

  it("cannot change or create another tenant's rows", async () => {
    const scope = { tenantIds: [tenants['inspektorat-kalbar']!.id] };
    const updated = await withDataScope(db.prisma, scope, (tx) =>
      tx.case.updateMany({ where: { id: caseIds['inspektorat-kalsel']! }, data: { title: 'diubah' } }),
    );
    expect(updated.count).toBe(0);
    await expect(
      withDataScope(db.prisma, scope, (tx) =>
        tx.caseNote.create({
          data: { tenantId: tenants['inspektorat-kalsel']!.id, caseId: caseIds['inspektorat-kalsel']!, authorId: randomUUID(), kind: 'NOTE', body: 'x' },
        }),
      ),
    ).rejects.toThrow(/row-level security|violates/i);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseIds['inspektorat-kalsel']! } })).title).toBe('kasus inspektorat-kalsel');
  });

  it('sees nothing with an empty scope, and cannot touch the bookkeeping or the platform reference data', async () => {
    expect(await withDataScope(db.prisma, { tenantIds: [] }, (tx) => tx.case.count())).toBe(0);
    const scope = { tenantIds: [tenants['inspektorat-kalbar']!.id] };
    await expect(queryInScope(db.sql, scope, 'SELECT count(*) FROM _aduan_migration')).rejects.toThrow(/permission denied/i);
    await expect(withDataScope(db.prisma, scope, (tx) => tx.province.updateMany({ data: { name: 'x' } }))).rejects.toThrow(/permission denied/i);
    await expect(withDataScope(db.prisma, scope, (tx) => tx.nationalCalendarDay.deleteMany({}))).rejects.toThrow(/permission denied/i);
  });

  it('still lets everyone read published configuration', async () => {
    const caseTypes = await withDataScope(db.prisma, { tenantIds: [] }, (tx) => tx.caseType.count());
    expect(caseTypes).toBeGreaterThan(10);
  });

  it('refuses a scope that is not a list of tenant ids', async () => {
    await expect(withDataScope(db.prisma, { tenantIds: ["x'}"] }, (tx) => tx.case.count())).rejects.toThrow(/not a tenant id/);
  });
});

describe.skipIf(!usingPostgres)("the API's own login on PostgreSQL (a wall, not a fence)", () => {
  /** What an injected statement would run inside one of the API's scoped transactions. */
  async function injectResetRole(url: string, scopeSlug: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT set_config('role', 'aduan_app', true), set_config('app.tenant_ids', $1, true)", [`{${tenants[scopeSlug]!.id}}`]);
      await client.query('RESET ROLE');
      const { rows } = await client.query<{ tenant_id: string }>('SELECT tenant_id FROM "case"');
      const [{ events }] = (await client.query<{ events: number }>('SELECT count(*)::int AS events FROM case_event')).rows as [{ events: number }];
      await client.query('ROLLBACK');
      return { tenants: rows.map((row) => row.tenant_id), events };
    } finally {
      await client.end();
    }
  }

  it("sees no other agency's rows after a RESET ROLE in a scoped transaction", async () => {
    const seen = await injectResetRole(database.env.API_DATABASE_URL!, 'inspektorat-kalbar');
    expect(seen).toEqual({ tenants: [tenants['inspektorat-kalbar']!.id], events: 1 });
    // The same statements on the owner's connection, as the API ran before: both agencies.
    const asOwner = await injectResetRole(database.env.DATABASE_URL!, 'inspektorat-kalbar');
    expect(asOwner.tenants).toHaveLength(2);
  });

  it('sees nothing outside a scope, and cannot become the owner', async () => {
    const client = new pg.Client({ connectionString: database.env.API_DATABASE_URL });
    await client.connect();
    try {
      expect((await client.query('SELECT id FROM "case"')).rows).toEqual([]);
      const owner = new URL(database.env.DATABASE_URL!).username;
      await expect(client.query(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/i);
      await expect(client.query(`SET SESSION AUTHORIZATION ${owner}`)).rejects.toThrow(/permission denied/i);
      await expect(client.query('ALTER TABLE "case" DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/i);
      await expect(client.query('DROP POLICY tenant_scope ON "case"')).rejects.toThrow(/must be owner/i);
    } finally {
      await client.end();
    }
  });

  it("keeps the wall through the API's own data access: a RESET ROLE inside withDataScope", async () => {
    const api = openDatabase({ databaseUrl: database.env.API_DATABASE_URL!, pgliteDataDir: 'unused', poolSize: 1 });
    try {
      const scope = { tenantIds: [tenants['inspektorat-kalsel']!.id] };
      const seen = await withDataScope(api.prisma, scope, async (tx) => {
        await tx.$executeRawUnsafe('RESET ROLE');
        return tx.case.findMany({ select: { tenantId: true } });
      });
      expect(seen).toEqual([{ tenantId: scope.tenantIds[0] }]);
      // The platform's scope is the only one that reaches both, and only inside it.
      expect(await withPlatformScope(api.prisma, (tx) => tx.case.count())).toBe(2);
      expect(await api.prisma.case.count()).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('is what the API checks at start, and what ops refuses to hand the owner', async () => {
    const api = openDatabase({ databaseUrl: database.env.API_DATABASE_URL!, pgliteDataDir: 'unused', poolSize: 1 });
    try {
      expect(isWalledIn(await inspectConnectionRole(api.sql))).toBe(true);
      expect(isWalledIn(await inspectConnectionRole(db.sql))).toBe(false);
    } finally {
      await api.close();
    }
    await expect(provisionApiRole(db.sql, database.env.DATABASE_URL!)).rejects.toThrow(/owner/);
  });
});
