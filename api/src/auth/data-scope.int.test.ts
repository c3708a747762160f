/**
 * Row-level security on its own, with no CASL filter at all: inside a data scope the app
 * role sees and changes only the scope's tenants; without a scope it sees nothing; secrets
 * are not granted to it. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import type { Database } from '../db.ts';
import { withDataScope } from './data-scope.ts';

let database: TestDatabase;
let db: Database;
const tenants: Record<string, { id: string; caseTypeId: string }> = {};
const caseIds: Record<string, string> = {};

async function insertCase(slug: string): Promise<string> {
  const id = randomUUID();
  const { id: tenantId, caseTypeId } = tenants[slug]!;
  await db.prisma.case.create({
    data: {
      id, tenantId, caseTypeId, registrationNumber: `RLS-${id.slice(0, 8)}`, year: 2026, sequence: null,
      identityMode: 'ANONYMOUS', identityProtection: 'NONE', trackingCodeHash: id, title: `kasus ${slug}`,
      answers: {}, locale: 'id', receivedAt: new Date(), deadlines: [],
    },
  });
  await db.prisma.caseEvent.create({ data: { tenantId, caseId: id, kind: 'SUBMITTED', actorKind: 'REPORTER', visibility: 'REPORTER', status: 'SUBMITTED', data: {} } });
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
        tx.caseNote.create({ data: { tenantId: tenants['inspektorat-kalsel']!.id, caseId: caseIds['inspektorat-kalsel']!, authorId: randomUUID(), kind: 'NOTE', body: 'x' } }),
      ),
    ).rejects.toThrow(/row-level security|violates/i);
    expect((await db.prisma.case.findUniqueOrThrow({ where: { id: caseIds['inspektorat-kalsel']! } })).title).toBe('kasus inspektorat-kalsel');
  });

  it('sees nothing with an empty scope, and no secrets at all', async () => {
    expect(await withDataScope(db.prisma, { tenantIds: [] }, (tx) => tx.case.count())).toBe(0);
    await expect(withDataScope(db.prisma, { tenantIds: [tenants['inspektorat-kalbar']!.id] }, (tx) => tx.tenantKey.count())).rejects.toThrow(/permission denied/i);
    await expect(withDataScope(db.prisma, { tenantIds: [tenants['inspektorat-kalbar']!.id] }, (tx) => tx.staffSession.count())).rejects.toThrow(/permission denied/i);
  });

  it('still lets everyone read published configuration', async () => {
    const caseTypes = await withDataScope(db.prisma, { tenantIds: [] }, (tx) => tx.caseType.count());
    expect(caseTypes).toBeGreaterThan(10);
  });

  it('refuses a scope that is not a list of tenant ids', async () => {
    await expect(withDataScope(db.prisma, { tenantIds: ["x'}"] }, (tx) => tx.case.count())).rejects.toThrow(/not a tenant id/);
  });
});
