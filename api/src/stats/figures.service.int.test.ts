/**
 * The figures over a date range on a real database (PGlite; PostgreSQL when DATABASE_URL is
 * set): counts, outcomes, medians and 90th percentiles with the cases behind them, months,
 * breakdowns and stage compliance, per agency and in total; who may see which agency's figures.
 * The per-case rows come from the figures pass over cases and events written here.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { writeCaseWithHistory, type FigureStep } from '../../../test/support/figure-cases.ts';
import type { StaffRole } from '../auth/roles.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import { TenantConfigCache } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import { checkFigureFilter } from './figure-filter.ts';
import { figureAudience } from './figure-access.ts';
import { runFiguresToEnd } from './figures-pass.service.ts';
import { summarizeFigures } from './figures.service.ts';

let database: TestDatabase;
let db: Database;
const ids: Record<string, string> = {};
const NOW = new Date('2026-11-30T04:00:00Z');

function viewer(roles: StaffRole[], tenantId: string | null, provinceTenantIds: string[] = []) {
  return toStaffViewer({
    sessionId: 's',
    userId: randomUUID(),
    roles,
    tenantId,
    provinceTenantIds,
    name: 'Uji',
    email: 'uji@test',
    title: null,
    provinceId: null,
  });
}

/** A case of `tenantId` received at `received` with the events `steps`. */
function caseWith(tenantId: string, caseTypeId: string, received: string, steps: FigureStep[], deadlines: unknown[] = []) {
  return writeCaseWithHistory(db.prisma, { tenantId, caseTypeId, received, steps, deadlines });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  const kalbar = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  const bkad = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } });
  const kalsel = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalsel' } });
  const bkadType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad.id, slaPolicyId: { not: null } } });
  Object.assign(ids, { kalbar: kalbar.id, bkad: bkad.id, kalsel: kalsel.id, bkadType: bkadType.id });
  // BKAD: one stage of 5 working days. Received Monday 2 November 2026 (WIB).
  const stage = (deadline: string) => [{ key: 'follow-up', deadline }];
  // Answered Wednesday 4 Nov: 2 working days, on time.
  await caseWith(
    bkad.id,
    bkadType.id,
    '2026-11-02T02:00:00Z',
    [
      { at: '2026-11-02T05:00:00Z', transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' },
      { at: '2026-11-04T03:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
    ],
    stage('2026-11-09T16:59:59.999Z'),
  );
  // Answered Tuesday 10 Nov: 6 working days, late.
  await caseWith(
    bkad.id,
    bkadType.id,
    '2026-11-02T02:00:00Z',
    [
      { at: '2026-11-03T02:00:00Z', transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' },
      { at: '2026-11-10T03:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
    ],
    stage('2026-11-09T16:59:59.999Z'),
  );
  // Rejected the next day; never answered.
  await caseWith(bkad.id, bkadType.id, '2026-11-05T02:00:00Z', [{ at: '2026-11-06T02:00:00Z', transition: 'REJECT', status: 'REJECTED' }]);
  // Still open, no response: in the range; and one in October, outside it.
  await caseWith(bkad.id, bkadType.id, '2026-11-20T02:00:00Z', []);
  await caseWith(bkad.id, bkadType.id, '2026-10-20T02:00:00Z', []);
  // Kalimantan Selatan (WITA, UTC+8), verification first: two cases received half an hour after
  // a local midnight that is still the day before in UTC, each rejected (its verification ends).
  const kalselType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: kalsel.id, slaPolicyId: { not: null } } });
  const walltimes = [
    // 1 November 00:30 WITA (31 October in UTC): November's.
    { received: '2026-10-31T16:30:00Z', rejected: '2026-11-02T02:00:00Z', deadline: '2026-11-04T15:59:59.999Z' },
    // 1 December 00:30 WITA (30 November in UTC): not November's.
    { received: '2026-11-30T16:30:00Z', rejected: '2026-11-30T23:00:00Z', deadline: '2026-12-03T15:59:59.999Z' },
  ];
  for (const { received, rejected, deadline } of walltimes) {
    await caseWith(kalsel.id, kalselType.id, received, [{ at: rejected, transition: 'REJECT', status: 'REJECTED' }], [{ key: 'verification', deadline }]);
  }
  const pass = { db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) };
  await runFiguresToEnd(pass);
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the figures over a range', () => {
  const november = checkFigureFilter({ from: '2026-11-01', to: '2026-11-30' }, NOW);

  it('count the outcomes and time the responses and answers, with the cases behind each figure', async () => {
    const summary = await summarizeFigures(db.sql, { tenantIds: [ids.bkad!] }, [ids.bkad!], november, NOW);
    const [bkad] = summary.agencies;
    expect(bkad).toMatchObject({ tenantId: ids.bkad, received: 4, answered: 2, rejected: 1, open: 1, withinStandard: 1, answeredWithStandard: 2 });
    // First responses after 0, 1 and 1 working days (the take, the take, the rejection).
    expect(bkad!.firstResponse).toMatchObject({ cases: 3, medianWorkingDays: 1, p90WorkingDays: 1 });
    // Answers after 2 and 6 working days: the median between them, the 90th percentile near the slower.
    expect(bkad!.resolution).toMatchObject({ cases: 2, medianWorkingDays: 4, p90WorkingDays: 5.6 });
    expect(bkad!.resolution.medianDays).toBe(5);
    expect(summary.total.received).toBe(4);
    expect(summary.months).toEqual([{ tenantId: ids.bkad, month: '2026-11', received: 4, answered: 2 }]);
    expect(summary.stages).toEqual([{ tenantId: ids.bkad, stageKey: 'follow-up', onTime: 1, late: 1, open: 0, openOverdue: 0 }]);
    const statuses = summary.breakdowns.filter((row) => row.dimension === 'status');
    expect(Object.fromEntries(statuses.map((row) => [row.key, row.received]))).toEqual({ ANSWERED: 2, REJECTED: 1, SUBMITTED: 1 });
  });

  it('count the month before on its own, and an agency without cases as zeros', async () => {
    const october = checkFigureFilter({ from: '2026-10-01', to: '2026-10-31' }, NOW);
    const summary = await summarizeFigures(db.sql, { tenantIds: [ids.bkad!, ids.kalbar!] }, [ids.bkad!, ids.kalbar!], october, NOW);
    expect(summary.agencies.map((agency) => agency.received)).toEqual([1, 0]);
    expect(summary.agencies[1]!.resolution).toEqual({ cases: 0, medianWorkingDays: null, p90WorkingDays: null, medianDays: null, p90Days: null });
  });

  it('show an agency its own figures, the secretariat its province, and a verifier none', async () => {
    const all = [ids.kalbar!, ids.bkad!, ids.kalsel!];
    expect(figureAudience(viewer(['AGENCY_HEAD'], ids.bkad!), all).tenantIds).toEqual([ids.bkad]);
    expect(figureAudience(viewer(['TENANT_ADMIN'], ids.bkad!), all).tenantIds).toEqual([ids.bkad]);
    const secretariat = viewer(['PROVINCIAL_SECRETARIAT'], null, [ids.kalbar!, ids.bkad!]);
    expect(figureAudience(secretariat, all).tenantIds.sort()).toEqual([ids.kalbar!, ids.bkad!].sort());
    expect(() => figureAudience(secretariat, all, [ids.kalsel!])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => figureAudience(viewer(['AGENCY_HEAD'], ids.kalbar!), all, [ids.bkad!])).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => figureAudience(viewer(['VERIFIER'], ids.bkad!), all)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(figureAudience(viewer(['PLATFORM_OPERATOR'], null), all).tenantIds).toEqual(all);
  });

  it("count a finished stage in the month of its case's local date of receipt (WITA)", async () => {
    const inScope = (range: { from: string; to: string }) =>
      summarizeFigures(db.sql, { tenantIds: [ids.kalsel!] }, [ids.kalsel!], checkFigureFilter(range, NOW), NOW);
    const novemberKalsel = await inScope({ from: '2026-11-01', to: '2026-11-30' });
    expect(novemberKalsel.total.received).toBe(1);
    expect(novemberKalsel.stages).toEqual([{ tenantId: ids.kalsel, stageKey: 'verification', onTime: 1, late: 0, open: 0, openOverdue: 0 }]);
    const octoberKalsel = await inScope({ from: '2026-10-01', to: '2026-10-31' });
    expect(octoberKalsel.total.received).toBe(0);
    expect(octoberKalsel.stages).toEqual([]);
  });

  it('count nothing outside the data scope, whatever agencies are asked for', async () => {
    const summary = await summarizeFigures(db.sql, { tenantIds: [ids.kalbar!] }, [ids.bkad!], november, NOW);
    expect(summary.agencies[0]!.received).toBe(0);
  });
});
