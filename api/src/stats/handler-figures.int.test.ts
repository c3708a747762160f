/**
 * Workload per handler on a real database (PGlite; PostgreSQL when DATABASE_URL is set): what
 * the counts by group say (the range's figures, the handlers' open-case tallies of migration
 * 20261206100000_open_handler_tally, the viewer's own cases corrected one by one) is what
 * reading every case through the viewer's CASL filter says, for every role that opens cases,
 * with and without a filter, before and after the fold, and after each change a handler count
 * goes through: a handler named and removed, a case restricted, paused, closed and deleted, a
 * staff member excluded. The API's role cannot write the handlers' tallies; a case rule the
 * counting does not understand fails loudly.
 */
import { randomUUID } from 'node:crypto';
import { AbilityBuilder } from '@casl/ability';
import { createPrismaAbility } from '@casl/prisma';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { writeCaseWithHistory, type FigureStep } from '../../../test/support/figure-cases.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import type { AppAbility } from '../auth/abilities.ts';
import { rulesLookOnlyAtAccess } from '../auth/case-access.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope, withSqlScope, type DataScope } from '../auth/data-scope.ts';
import type { StaffRole } from '../auth/roles.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import { TenantConfigCache } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { overdueWhere } from '../sla/deadline-state.ts';
import { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import { checkFigureFilter, type FigureFilter } from './figure-filter.ts';
import { runFiguresToEnd } from './figures-pass.service.ts';
import { listHandlerFigures, type HandlerFigure } from './handler-figures.service.ts';
import { foldOpenCaseChanges, recountOpenCases } from './open-case-tally.ts';

let database: TestDatabase;
let db: Database;
let bkad: string;
let kalbar: string;
let bkadType: string;
let kalbarType: string;
const NOW = new Date('2026-11-30T04:00:00Z');
const staff = { head: randomUUID(), a: randomUUID(), b: randomUUID(), c: randomUUID(), secretariat: randomUUID(), other: randomUUID() };
const cases: Record<string, string> = {};

interface Viewer {
  ability: AppAbility;
  scope: DataScope;
  userId: string;
}

function viewer(userId: string, roles: StaffRole[], tenantId: string | null): Viewer {
  const provinceTenantIds = tenantId ? [] : [bkad, kalbar];
  const ref = toStaffViewer({ sessionId: 's', userId, roles, tenantId, provinceTenantIds, name: 'Uji', email: 'uji@test', title: null, provinceId: null });
  return { ability: ref.ability, scope: { tenantIds: tenantId ? [tenantId] : provinceTenantIds }, userId };
}

// The reference: every handler row of a case the viewer may open, through the CASL filter in
// SQL (as the dashboards counted before the tallies).
async function reference(who: Viewer, tenantIds: string[], filter: FigureFilter): Promise<Omit<HandlerFigure, 'name'>[]> {
  const readable = casesWhere(who.ability, 'read');
  const day = (date: string) => new Date(`${date}T00:00:00.000Z`);
  const narrowed = filter.caseTypeIds ? { caseTypeId: { in: [...filter.caseTypeIds] } } : {};
  const inRange: Prisma.CaseFigureWhereInput = { receivedDate: { gte: day(filter.from), lte: day(filter.to) }, ...narrowed };
  const groups = (caseWhere: Prisma.CaseWhereInput) => ({
    by: ['tenantId', 'staffUserId'] as ['tenantId', 'staffUserId'],
    where: { tenantId: { in: tenantIds }, case: { AND: [readable, caseWhere] } },
    _count: { _all: true as const },
  });
  const counts = await withDataScope(db.prisma, who.scope, async (tx) => ({
    handled: await tx.caseHandler.groupBy(groups({ figure: { is: inRange } })),
    answered: await tx.caseHandler.groupBy(groups({ figure: { is: { ...inRange, outcome: 'ANSWERED' } } })),
    withinStandard: await tx.caseHandler.groupBy(groups({ figure: { is: { ...inRange, withinStandard: true } } })),
    open: await tx.caseHandler.groupBy(groups({ ...narrowed, status: { in: [...OPEN_STATUSES] } })),
    openOverdue: await tx.caseHandler.groupBy(groups({ ...narrowed, ...overdueWhere(OPEN_STATUSES, NOW) })),
  }));
  const figures = new Map<string, Omit<HandlerFigure, 'name'>>();
  for (const [measure, rows] of Object.entries(counts) as [keyof typeof counts, (typeof counts)['handled']][]) {
    for (const row of rows) {
      const key = `${row.tenantId}/${row.staffUserId}`;
      const figure = figures.get(key) ?? {
        tenantId: row.tenantId,
        staffUserId: row.staffUserId,
        handled: 0,
        answered: 0,
        withinStandard: 0,
        open: 0,
        openOverdue: 0,
      };
      figure[measure] = row._count._all;
      figures.set(key, figure);
    }
  }
  return [...figures.values()].sort((x, y) => x.tenantId.localeCompare(y.tenantId) || x.staffUserId.localeCompare(y.staffUserId));
}

async function counted(who: Viewer, tenantIds: string[], filter: FigureFilter) {
  const figures = await listHandlerFigures(db.sql, who, tenantIds, filter, NOW);
  return figures?.map(({ name: _, ...figure }) => figure).sort((x, y) => x.tenantId.localeCompare(y.tenantId) || x.staffUserId.localeCompare(y.staffUserId));
}

const november = () => checkFigureFilter({ from: '2026-11-01', to: '2026-11-30' }, NOW);
const byType = () => checkFigureFilter({ from: '2026-11-01', to: '2026-11-30', caseTypeIds: [bkadType, kalbarType] }, NOW);

function viewers(): [string, Viewer, string[]][] {
  return [
    ['head', viewer(staff.head, ['AGENCY_HEAD'], bkad), [bkad]],
    ['verifier A', viewer(staff.a, ['VERIFIER'], bkad), [bkad]],
    ['reviewer B', viewer(staff.b, ['REVIEWER'], bkad), [bkad]],
    ['custodian C', viewer(staff.c, ['IDENTITY_CUSTODIAN', 'REVIEWER'], bkad), [bkad]],
    ['secretariat', viewer(staff.secretariat, ['PROVINCIAL_SECRETARIAT'], null), [bkad, kalbar]],
  ];
}

/** For every viewer, with and without a filter, before and after the fold: the groups count as the cases do. */
async function expectCountsRight(): Promise<void> {
  for (const fold of [false, true]) {
    if (fold) await foldOpenCaseChanges(db.sql);
    for (const [label, who, tenantIds] of viewers()) {
      for (const filter of [november(), byType()]) {
        expect(await counted(who, tenantIds, filter), `${label}, ${filter.caseTypeIds ? 'by type' : 'all'}${fold ? ', folded' : ''}`).toEqual(
          await reference(who, tenantIds, filter),
        );
      }
    }
  }
}

async function caseOf(
  tenantId: string,
  caseTypeId: string,
  received: string,
  steps: FigureStep[],
  facts: { handlers: string[]; restricted?: boolean; deadline?: string; waiting?: boolean; excluded?: string[] },
): Promise<string> {
  const { id } = await writeCaseWithHistory(db.prisma, { tenantId, caseTypeId, received, steps });
  if (facts.deadline || facts.restricted || facts.waiting) {
    await db.prisma.case.update({
      where: { id },
      data: {
        restricted: facts.restricted ?? false,
        stageKey: facts.deadline ? 'follow-up' : null,
        stageDeadline: facts.deadline ? new Date(facts.deadline) : null,
        waitingSince: facts.waiting ? new Date('2026-11-25T02:00:00Z') : null,
      },
    });
  }
  for (const staffUserId of facts.handlers) await db.prisma.caseHandler.create({ data: { tenantId, caseId: id, staffUserId } });
  for (const staffUserId of facts.excluded ?? [])
    await db.prisma.caseExclusion.create({ data: { tenantId, caseId: id, staffUserId, kind: 'DECLARED_CONFLICT' } });
  return id;
}

const answered = (day: string): FigureStep[] => [
  { at: `2026-11-${day}T05:00:00Z`, transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' },
  { at: `2026-11-${day}T08:00:00Z`, transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
];
const following: FigureStep[] = [{ at: '2026-11-10T02:00:00Z', status: 'IN_FOLLOW_UP' }];

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  bkad = (await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } })).id;
  kalbar = (await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } })).id;
  bkadType = (await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad, slaPolicyId: { not: null } } })).id;
  kalbarType = (await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: kalbar } })).id;
  const early = '2026-11-03T02:00:00Z';
  cases.answered = await caseOf(bkad, bkadType, early, answered('04'), { handlers: [staff.a] });
  cases.answeredRestricted = await caseOf(bkad, bkadType, early, answered('12'), { handlers: [staff.a, staff.b], restricted: true });
  cases.overdueRestricted = await caseOf(bkad, bkadType, early, following, { handlers: [staff.b], restricted: true, deadline: '2026-11-20T16:59:59.999Z' });
  cases.notDue = await caseOf(bkad, bkadType, early, following, {
    handlers: [staff.a, staff.c],
    deadline: '2026-12-10T16:59:59.999Z',
    excluded: [staff.b, staff.secretariat],
  });
  cases.headExcluded = await caseOf(bkad, bkadType, early, following, {
    handlers: [staff.a],
    restricted: true,
    deadline: '2026-11-21T16:59:59.999Z',
    excluded: [staff.head],
  });
  cases.waiting = await caseOf(bkad, bkadType, early, following, {
    handlers: [staff.c, staff.b],
    restricted: true,
    deadline: '2026-11-22T16:59:59.999Z',
    waiting: true,
  });
  cases.october = await caseOf(bkad, bkadType, '2026-10-05T02:00:00Z', answered('02'), { handlers: [staff.a] });
  cases.kalbar = await caseOf(kalbar, kalbarType, early, following, { handlers: [staff.other], deadline: '2026-11-20T16:59:59.999Z' });
  await runFiguresToEnd({ db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) });
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the per-handler figures', () => {
  it('count by group what every role may count case by case', async () => {
    await expectCountsRight();
    // Spot checks, so the reference cannot drift with the counting: the verifier counts the
    // restricted cases it handles for all their handlers; the secretariat no restricted case and
    // not the case it is excluded from; the head not the case it is excluded from.
    const a = await counted(viewers()[1]![1], [bkad], november());
    expect(a?.find((figure) => figure.staffUserId === staff.b)).toMatchObject({ handled: 1, answered: 1, open: 0 });
    expect(a?.find((figure) => figure.staffUserId === staff.a)).toMatchObject({ handled: 4, answered: 2, open: 2, openOverdue: 1 });
    const secretariat = await counted(viewers()[4]![1], [bkad, kalbar], november());
    expect(secretariat?.map((figure) => figure.staffUserId).sort()).toEqual([staff.a, staff.other].sort());
    expect(secretariat?.find((figure) => figure.staffUserId === staff.a)).toMatchObject({ handled: 1, answered: 1, open: 0 });
    const head = await counted(viewers()[0]![1], [bkad], november());
    expect(head?.find((figure) => figure.staffUserId === staff.a)).toMatchObject({ handled: 3, open: 1, openOverdue: 0 });
    expect(await listHandlerFigures(db.sql, viewer(staff.head, ['TENANT_ADMIN'], bkad), [bkad], november(), NOW)).toBeNull();
  });

  it('follow every change of a handler, a case and an exclusion', async () => {
    // A handler removed (a declared conflict), another named.
    await db.prisma.caseHandler.deleteMany({ where: { caseId: cases.waiting!, staffUserId: staff.b } });
    await db.prisma.caseHandler.create({ data: { tenantId: bkad, caseId: cases.overdueRestricted!, staffUserId: staff.a } });
    await expectCountsRight();
    // Restricted and lifted, resumed from waiting, the deadline moved past.
    await db.prisma.case.update({ where: { id: cases.notDue! }, data: { restricted: true, stageDeadline: new Date('2026-11-25T16:59:59.999Z') } });
    await db.prisma.case.update({ where: { id: cases.waiting! }, data: { waitingSince: null } });
    await db.prisma.case.update({ where: { id: cases.headExcluded! }, data: { restricted: false } });
    await expectCountsRight();
    // Excluded afterwards, closed, deleted; a change rolled back counts nothing.
    await db.prisma.caseExclusion.create({ data: { tenantId: bkad, caseId: cases.overdueRestricted!, staffUserId: staff.a, kind: 'NAMED_IN_REPORT' } });
    await db.prisma.case.update({ where: { id: cases.kalbar! }, data: { status: 'CLOSED', stageKey: null, stageDeadline: null } });
    await db.prisma.case.delete({ where: { id: cases.waiting! } });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.caseHandler.deleteMany({ where: { caseId: cases.notDue! } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectCountsRight();
  });

  it('are counted again from the cases after handlers were written with the triggers off', async () => {
    await db.sql.transaction(async (runner) => {
      await runner.query('ALTER TABLE case_handler DISABLE TRIGGER case_handler_open_change');
      await runner.query('INSERT INTO case_handler (tenant_id, case_id, staff_user_id) VALUES ($1::uuid, $2::uuid, $3::uuid)', [bkad, cases.notDue, staff.b]);
      await runner.query('ALTER TABLE case_handler ENABLE TRIGGER case_handler_open_change');
    });
    const head = viewers()[0]![1];
    expect(await counted(head, [bkad], november())).not.toEqual(await reference(head, [bkad], november()));
    await recountOpenCases(db.sql);
    await expectCountsRight();
  });

  it('are out of reach of the API role, and refuse case rules they cannot count by', async () => {
    const insider = (text: string) => withSqlScope(db.sql, { tenantIds: [bkad] }, (runner) => runner.query(text));
    await expect(
      insider(`INSERT INTO open_handler_change (tenant_id, staff_user_id, restricted, cases) VALUES ('${bkad}', '${staff.a}', false, -1)`),
    ).rejects.toThrow(/permission denied/);
    await expect(insider('UPDATE open_handler_sum SET cases = 0')).rejects.toThrow(/permission denied/);
    await expect(insider('DELETE FROM running_handler_tally')).rejects.toThrow(/permission denied/);
    await expect(insider(`SELECT aduan_count_open_handlers(c, ARRAY[c.id], -1) FROM "case" c LIMIT 1`)).rejects.toThrow(/permission denied/);

    for (const [label, who] of viewers()) expect(rulesLookOnlyAtAccess(who.ability, 'read', who.userId), label).toBe(true);
    // A rule on another fact of the case (here its type), or on another staff member's row.
    const byCaseType = new AbilityBuilder<AppAbility>(createPrismaAbility);
    byCaseType.can('read', 'Case', { tenantId: bkad, caseTypeId: bkadType });
    const odd = { ability: byCaseType.build(), scope: { tenantIds: [bkad] }, userId: staff.a };
    await expect(listHandlerFigures(db.sql, odd, [bkad], november(), NOW)).rejects.toMatchObject({ code: 'INTERNAL' });
    const othersRow = new AbilityBuilder<AppAbility>(createPrismaAbility);
    othersRow.can('read', 'Case', { tenantId: bkad, handlers: { some: { staffUserId: staff.b } } });
    expect(rulesLookOnlyAtAccess(othersRow.build(), 'read', staff.a)).toBe(false);
  });
});
