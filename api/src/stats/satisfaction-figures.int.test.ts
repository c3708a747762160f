/**
 * The satisfaction figures on a real database (PGlite; PostgreSQL when DATABASE_URL is set):
 * counted per agency, case type and handler, only over cases the viewer may open (a restricted
 * case for its handlers and the head, never a case the viewer is excluded from, never another
 * agency's), within a period when one is given.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import type { StaffRole } from '../auth/roles.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { listSatisfactionFigures, summarizeSatisfaction } from './satisfaction-figures.service.ts';

let database: TestDatabase;
let db: Database;
const ids: Record<string, string> = {};
const RATED = new Date('2026-11-20T03:00:00Z');
let sequence = 0;

async function staffId(email: string): Promise<string> {
  return (await db.prisma.staffUser.findFirstOrThrow({ where: { email }, select: { id: true } })).id;
}

function viewerOf(userId: string, tenantId: string, roles: StaffRole[]) {
  return toStaffViewer({ sessionId: 's', userId, roles, tenantId, provinceTenantIds: [], name: 'Uji', email: 'uji@test', title: null, provinceId: null });
}

async function ratedCase(options: {
  tenantId: string;
  caseTypeId: string;
  handlerId: string | null;
  satisfied: boolean;
  restrictedTo?: string;
  excluded?: string;
  ratedAt?: Date;
}) {
  sequence += 1;
  const id = randomUUID();
  const number = `TSAT-2026-${String(sequence).padStart(6, '0')}`;
  await db.prisma.case.create({
    data: {
      id,
      tenantId: options.tenantId,
      registrationNumber: number,
      year: 2026,
      sequence: 900_000 + sequence,
      caseTypeId: options.caseTypeId,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: number,
      title: 'Uji kepuasan',
      answers: {},
      locale: 'id',
      receivedAt: RATED,
      deadlines: [],
      status: 'ANSWERED',
      restricted: Boolean(options.restrictedTo),
    },
  });
  if (options.restrictedTo) await db.prisma.caseHandler.create({ data: { tenantId: options.tenantId, caseId: id, staffUserId: options.restrictedTo } });
  if (options.excluded) {
    await db.prisma.caseExclusion.create({ data: { tenantId: options.tenantId, caseId: id, staffUserId: options.excluded, kind: 'DECLARED_CONFLICT' } });
  }
  const ratedAt = options.ratedAt ?? RATED;
  await db.prisma.caseRating.create({
    data: {
      caseId: id,
      tenantId: options.tenantId,
      caseTypeId: options.caseTypeId,
      handlerId: options.handlerId,
      satisfied: options.satisfied,
      ratedAt,
      updatedAt: ratedAt,
    },
  });
  return id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  const kalbar = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  const bkad = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } });
  const types = await db.prisma.caseType.findMany({ where: { tenantId: kalbar.id }, orderBy: { key: 'asc' }, take: 2 });
  const bkadType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad.id } });
  Object.assign(ids, {
    kalbar: kalbar.id,
    bkad: bkad.id,
    typeA: types[0]!.id,
    typeB: types[1]!.id,
    verifier: await staffId('verifikator@inspektorat-kalbar.test'),
    reviewer: await staffId('telaah@inspektorat-kalbar.test'),
    head: await staffId('pimpinan@inspektorat-kalbar.test'),
  });
  const agency = { tenantId: kalbar.id };
  await ratedCase({ ...agency, caseTypeId: ids.typeA!, handlerId: ids.reviewer!, satisfied: true });
  await ratedCase({ ...agency, caseTypeId: ids.typeA!, handlerId: ids.reviewer!, satisfied: false });
  await ratedCase({ ...agency, caseTypeId: ids.typeB!, handlerId: null, satisfied: true });
  // Restricted to the reviewer: the verifier does not count it; the head and the reviewer do.
  await ratedCase({ ...agency, caseTypeId: ids.typeB!, handlerId: ids.reviewer!, satisfied: false, restrictedTo: ids.reviewer! });
  // The verifier is excluded from this one.
  await ratedCase({ ...agency, caseTypeId: ids.typeA!, handlerId: ids.head!, satisfied: true, excluded: ids.verifier! });
  // Rated the month before.
  await ratedCase({ ...agency, caseTypeId: ids.typeA!, handlerId: ids.reviewer!, satisfied: true, ratedAt: new Date('2026-10-05T03:00:00Z') });
  await ratedCase({ tenantId: bkad.id, caseTypeId: bkadType.id, handlerId: null, satisfied: false });
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('satisfaction figures', () => {
  const november = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

  it('count per agency, case type and handler only the cases the viewer may open', async () => {
    const verifier = viewerOf(ids.verifier!, ids.kalbar!, ['VERIFIER']);
    const figures = await listSatisfactionFigures(db.sql, verifier, november);
    expect(figures).toEqual(
      [
        { tenantId: ids.kalbar, caseTypeId: ids.typeA, handlerId: ids.reviewer, rated: 2, satisfied: 1 },
        { tenantId: ids.kalbar, caseTypeId: ids.typeB, handlerId: null, rated: 1, satisfied: 1 },
      ].sort((a, b) => a.caseTypeId!.localeCompare(b.caseTypeId!)),
    );
    // The reviewer counts the restricted case it handles.
    const reviewer = await listSatisfactionFigures(db.sql, viewerOf(ids.reviewer!, ids.kalbar!, ['REVIEWER']), november);
    expect(reviewer.find((figure) => figure.caseTypeId === ids.typeB && figure.handlerId === ids.reviewer)).toEqual({
      tenantId: ids.kalbar,
      caseTypeId: ids.typeB,
      handlerId: ids.reviewer,
      rated: 1,
      satisfied: 0,
    });
    expect(reviewer.reduce((sum, figure) => sum + figure.rated, 0)).toBe(5);
    const head = await listSatisfactionFigures(db.sql, viewerOf(ids.head!, ids.kalbar!, ['AGENCY_HEAD']), november);
    expect(head.reduce((sum, figure) => sum + figure.rated, 0)).toBe(5);
    expect(head.every((figure) => figure.tenantId === ids.kalbar)).toBe(true);
  });

  it('count a period, and every rating without one', async () => {
    const head = viewerOf(ids.head!, ids.kalbar!, ['AGENCY_HEAD']);
    const all = await listSatisfactionFigures(db.sql, head);
    expect(all.reduce((sum, figure) => sum + figure.rated, 0)).toBe(6);
    const october = await listSatisfactionFigures(db.sql, head, { from: new Date('2026-10-01T00:00:00Z'), to: november.from });
    expect(october).toEqual([{ tenantId: ids.kalbar, caseTypeId: ids.typeA, handlerId: ids.reviewer, rated: 1, satisfied: 1 }]);
  });

  it('fold per agency, case type and handler for the dashboards', async () => {
    const head = await listSatisfactionFigures(db.sql, viewerOf(ids.head!, ids.kalbar!, ['AGENCY_HEAD']), november);
    expect(summarizeSatisfaction(head, 'tenant')).toEqual([{ tenantId: ids.kalbar, key: null, rated: 5, satisfied: 3, notSatisfied: 2, satisfiedShare: 0.6 }]);
    const byHandler = summarizeSatisfaction(head, 'handler');
    expect(byHandler.find((row) => row.key === ids.reviewer)).toMatchObject({ rated: 3, satisfied: 1, notSatisfied: 2 });
    expect(byHandler.find((row) => row.key === ids.head)).toMatchObject({ rated: 1, satisfied: 1 });
    expect(byHandler.find((row) => row.key === null)).toMatchObject({ rated: 1, satisfied: 1 });
    const byType = summarizeSatisfaction(head, 'caseType');
    expect(byType.find((row) => row.key === ids.typeA)).toMatchObject({ rated: 3, satisfied: 2 });
    expect(byType.find((row) => row.key === ids.typeB)).toMatchObject({ rated: 2, satisfied: 1 });
  });
});
