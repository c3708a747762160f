/**
 * The dashboards' attention list on a real database (PGlite; PostgreSQL when DATABASE_URL is
 * set): overdue cases most overdue first, then escalated ones not overdue, only those the viewer
 * may open, however many cases they may not open come first in deadline order (the list reads
 * candidates a batch at a time through the CASL filter), and nothing for a role that opens none.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { writeCaseWithHistory } from '../../../test/support/figure-cases.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import type { StaffRole } from '../auth/roles.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { listAttentionCases } from './attention-cases.service.ts';

let database: TestDatabase;
let db: Database;
let bkad: string;
let caseType: string;
const NOW = new Date('2026-11-30T04:00:00Z');
const viewerId = randomUUID();

function viewer(roles: StaffRole[], tenantId: string | null, provinceTenantIds: string[] = []) {
  return toStaffViewer({ sessionId: 's', userId: viewerId, roles, tenantId, provinceTenantIds, name: 'Uji', email: 'uji@test', title: null, provinceId: null });
}

/** An open case of BKAD in follow-up whose stage deadline is `deadline`. */
async function openCase(deadline: string, facts: { restricted?: boolean; waiting?: boolean } = {}) {
  const { id, registrationNumber } = await writeCaseWithHistory(db.prisma, {
    tenantId: bkad,
    caseTypeId: caseType,
    received: '2026-10-01T02:00:00Z',
    steps: [{ at: '2026-10-02T02:00:00Z', status: 'IN_FOLLOW_UP' }],
  });
  await db.prisma.case.update({
    where: { id },
    data: {
      stageKey: 'follow-up',
      stageDeadline: new Date(deadline),
      restricted: facts.restricted ?? false,
      waitingSince: facts.waiting ? new Date('2026-11-01T02:00:00Z') : null,
    },
  });
  return { id, registrationNumber };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  bkad = (await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } })).id;
  caseType = (await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad } })).id;
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the attention list', () => {
  it('lists the overdue cases the viewer may open by deadline, past any number it may not, then the escalated ones not overdue', async () => {
    // 25 restricted cases, most overdue of all: the secretariat may not open them.
    for (let day = 1; day <= 25; day += 1) await openCase(`2026-10-${String(day).padStart(2, '0')}T16:59:59.999Z`, { restricted: true });
    const later = await openCase('2026-11-20T16:59:59.999Z');
    const earlier = await openCase('2026-11-10T16:59:59.999Z');
    const excluded = await openCase('2026-11-05T16:59:59.999Z');
    await db.prisma.caseExclusion.create({ data: { tenantId: bkad, caseId: excluded.id, staffUserId: viewerId, kind: 'DECLARED_CONFLICT' } });
    const notDue = await openCase('2026-12-10T16:59:59.999Z');
    // Escalated while waiting for the reporter: not overdue (its clock stands), listed after the overdue ones.
    const waiting = await openCase('2026-11-01T16:59:59.999Z', { waiting: true });
    await db.prisma.caseSla.create({
      data: { caseId: waiting.id, tenantId: bkad, receivedAt: new Date('2026-10-01T02:00:00Z'), escalatedAt: new Date('2026-11-02T02:00:00Z') },
    });

    const secretariat = viewer(['PROVINCIAL_SECRETARIAT'], null, [bkad]);
    const listed = await listAttentionCases(db.prisma, { ability: secretariat.ability, scope: { tenantIds: [bkad] } }, [bkad], NOW, 3);
    expect(listed?.map((row) => row.id)).toEqual([earlier.id, later.id, waiting.id]);
    expect(listed?.map((row) => row.daysOverdue === null)).toEqual([false, false, true]);
    expect(listed?.map((row) => row.id)).not.toContain(notDue.id);

    // The head opens restricted cases (not the one it is excluded from): the most overdue first.
    const head = viewer(['AGENCY_HEAD'], bkad);
    const headList = await listAttentionCases(db.prisma, { ability: head.ability, scope: { tenantIds: [bkad] } }, [bkad], NOW, 30);
    expect(headList).toHaveLength(28);
    expect(headList!.slice(25).map((row) => row.id)).toEqual([earlier.id, later.id, waiting.id]);
    const deadlines = headList!.slice(0, 26).map((row) => row.stageDeadline!.getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));

    // A tenant admin opens no case: no list at all.
    const admin = viewer(['TENANT_ADMIN'], bkad);
    expect(await listAttentionCases(db.prisma, { ability: admin.ability, scope: { tenantIds: [bkad] } }, [bkad], NOW)).toBeNull();
  });
});
