/**
 * What is open now, from the open-case tallies (migration 20261205100000_open_case_tally), on a
 * real database (PGlite; PostgreSQL when DATABASE_URL is set): after every kind of change a case
 * goes through (filed, moved between statuses and stages, paused and resumed, deadline moved,
 * escalated and withdrawn, closed, deleted, a change rolled back), before and after the fold,
 * the tallies say what counting the cases themselves says. The open statuses of the SQL are
 * the state machine's. The API's database role cannot write the tallies or count a case itself.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { writeCaseWithHistory } from '../../../test/support/figure-cases.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { withSqlScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { Database } from '../db.ts';
import { CaseStatus } from '../generated/prisma/enums.ts';
import { foldOpenCaseChanges, recountOpenCases } from './open-case-tally.ts';
import { AGEING_BUCKET_DAYS, summarizeOpenCases, type OpenCasesSummary } from './open-cases.service.ts';

let database: TestDatabase;
let db: Database;
const ids: Record<string, string> = {};
const NOW = new Date('2026-11-30T04:00:00Z');

// The reference: the open cases themselves, counted as the dashboards used to count them.
const RECOUNT = `
  SELECT c.tenant_id, c.status::text AS status, c.stage_key, c.stage_deadline, c.waiting_since,
         ((c.received_at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date AS received_date,
         (($2::timestamp AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date AS today,
         s.escalated_at IS NOT NULL AS escalated
  FROM "case" c JOIN tenant t ON t.id = c.tenant_id LEFT JOIN case_sla s ON s.case_id = c.id
  WHERE c.tenant_id = ANY ($1::uuid[]) AND c.status::text = ANY ($3::text[])`;

async function recount(tenantIds: string[]): Promise<OpenCasesSummary[]> {
  const rows = await db.sql.query<Record<string, unknown>>(RECOUNT, [tenantIds, NOW.toISOString().replace('Z', ''), [...OPEN_STATUSES]]);
  return tenantIds.map((tenantId) => {
    const mine = rows.filter((row) => row.tenant_id === tenantId);
    const overdue = (row: Record<string, unknown>) => row.waiting_since === null && row.stage_deadline !== null && (row.stage_deadline as Date) < NOW;
    const stageKeys = [...new Set(mine.map((row) => row.stage_key).filter((key) => key !== null))].sort() as string[];
    const days = (row: Record<string, unknown>) => Math.round(((row.today as Date).getTime() - (row.received_date as Date).getTime()) / 86_400_000);
    const ageing = [...AGEING_BUCKET_DAYS.map(() => 0), 0];
    for (const row of mine) {
      const bucket = AGEING_BUCKET_DAYS.findIndex((limit) => days(row) <= limit);
      ageing[bucket === -1 ? AGEING_BUCKET_DAYS.length : bucket]! += 1;
    }
    return {
      tenantId,
      open: mine.length,
      overdue: mine.filter(overdue).length,
      escalated: mine.filter((row) => row.escalated).length,
      needsAttention: mine.filter((row) => overdue(row) || row.escalated).length,
      byStatus: OPEN_STATUSES.map((status) => ({ status: String(status), open: mine.filter((row) => row.status === status).length })).filter(
        (entry) => entry.open > 0,
      ),
      byStage: stageKeys.map((stageKey) => ({
        stageKey,
        open: mine.filter((row) => row.stage_key === stageKey).length,
        overdue: mine.filter((row) => row.stage_key === stageKey && overdue(row)).length,
      })),
      ageing,
    };
  });
}

async function expectTalliesRight(): Promise<void> {
  const tenants = [ids.kalbar!, ids.bkad!];
  const expected = await recount(tenants);
  expect(await summarizeOpenCases(db.sql, { tenantIds: tenants }, tenants, NOW)).toEqual(expected);
  await foldOpenCaseChanges(db.sql);
  expect(await summarizeOpenCases(db.sql, { tenantIds: tenants }, tenants, NOW)).toEqual(expected);
  const [pending] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM open_case_change');
  expect(pending!.n).toBe(0);
}

function newCase(tenantId: string, caseTypeId: string, received: string, status = 'SUBMITTED') {
  return writeCaseWithHistory(db.prisma, { tenantId, caseTypeId, received, steps: status === 'SUBMITTED' ? [] : [{ at: received, status }] });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  const kalbar = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  const bkad = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } });
  const kalbarType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: kalbar.id } });
  const bkadType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad.id } });
  Object.assign(ids, { kalbar: kalbar.id, bkad: bkad.id, kalbarType: kalbarType.id, bkadType: bkadType.id });
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the open-case tallies', () => {
  it("count as open exactly the state machine's open statuses", async () => {
    const rows = await db.sql.query<{ status: string; open: boolean }>(
      'SELECT s::text AS status, aduan_case_is_open(s) AS open FROM unnest(enum_range(NULL::"CaseStatus")) AS s',
    );
    expect(rows.map((row) => row.status).sort()).toEqual(Object.values(CaseStatus).sort());
    for (const row of rows) expect(row.open, row.status).toBe(OPEN_STATUSES.includes(row.status as never));
  });

  it('say what counting the cases says, through every change a case goes through', async () => {
    // 23:30 on 24 November in Pontianak (WIB) is 16:30 UTC: counted by the local date.
    const filed = await newCase(ids.kalbar!, ids.kalbarType!, '2026-11-24T16:30:00Z');
    const old = await newCase(ids.kalbar!, ids.kalbarType!, '2026-10-01T02:00:00Z', 'IN_FOLLOW_UP');
    const other = await newCase(ids.bkad!, ids.bkadType!, '2026-11-27T02:00:00Z', 'IN_VERIFICATION');
    await expectTalliesRight();

    // A stage starts with a deadline that has passed: overdue.
    await db.prisma.case.update({ where: { id: old.id }, data: { stageKey: 'follow-up', stageDeadline: new Date('2026-11-20T16:59:59.999Z') } });
    await db.prisma.case.update({
      where: { id: filed.id },
      data: { status: 'IN_VERIFICATION', stageKey: 'verification', stageDeadline: new Date('2026-12-01T16:59:59.999Z') },
    });
    await expectTalliesRight();

    // Escalated (the SLA row written, then marked), paused for the reporter, then resumed with the deadline moved.
    await db.prisma.caseSla.create({ data: { caseId: old.id, tenantId: ids.kalbar!, receivedAt: new Date('2026-10-01T02:00:00Z') } });
    await db.prisma.caseSla.update({ where: { caseId: old.id }, data: { escalatedAt: new Date('2026-11-21T02:00:00Z') } });
    await db.prisma.case.update({ where: { id: old.id }, data: { status: 'NEEDS_INFO', waitingSince: new Date('2026-11-22T02:00:00Z') } });
    await expectTalliesRight();
    await db.prisma.case.update({
      where: { id: old.id },
      data: { status: 'IN_FOLLOW_UP', waitingSince: null, stageDeadline: new Date('2026-11-29T16:59:59.999Z') },
    });
    await db.prisma.caseSla.create({ data: { caseId: other.id, tenantId: ids.bkad!, receivedAt: new Date('2026-11-27T02:00:00Z'), escalatedAt: NOW } });
    await expectTalliesRight();

    // A change that does not touch a counted fact writes nothing; one rolled back counts nothing.
    await db.prisma.case.update({ where: { id: filed.id }, data: { title: 'Judul baru' } });
    const [before] = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM open_case_change');
    expect(before!.n).toBe(0);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.case.update({ where: { id: filed.id }, data: { status: 'REJECTED', stageKey: null, stageDeadline: null } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await expectTalliesRight();

    // Escalation withdrawn, a case answered, another deleted with its SLA row.
    await db.prisma.caseSla.update({ where: { caseId: old.id }, data: { escalatedAt: null } });
    await db.prisma.case.update({ where: { id: filed.id }, data: { status: 'ANSWERED', stageKey: null, stageDeadline: null } });
    await expectTalliesRight();
    await db.prisma.case.delete({ where: { id: other.id } });
    await expectTalliesRight();
    const [summary] = await summarizeOpenCases(db.sql, { tenantIds: [ids.kalbar!] }, [ids.kalbar!], NOW);
    expect(summary).toMatchObject({ open: 1, overdue: 1, escalated: 0, needsAttention: 1 });
  });

  it('are counted again from the cases after a change made with the triggers off', async () => {
    const stray = await newCase(ids.bkad!, ids.bkadType!, '2026-11-26T02:00:00Z', 'IN_VERIFICATION');
    await db.sql.transaction(async (runner) => {
      await runner.query('ALTER TABLE "case" DISABLE TRIGGER case_counting_update');
      await runner.query(`UPDATE "case" SET status = 'ACCEPTED', stage_key = 'follow-up', stage_deadline = '2026-11-27 16:59:59.999' WHERE id = $1::uuid`, [
        stray.id,
      ]);
      await runner.query('ALTER TABLE "case" ENABLE TRIGGER case_counting_update');
    });
    const tenants = [ids.kalbar!, ids.bkad!];
    expect(await summarizeOpenCases(db.sql, { tenantIds: tenants }, tenants, NOW)).not.toEqual(await recount(tenants));
    expect(await recountOpenCases(db.sql)).toBeGreaterThanOrEqual(2);
    await expectTalliesRight();
    await expect(withSqlScope(db.sql, { tenantIds: [ids.bkad!] }, (runner) => runner.query('SELECT aduan_recount_open_cases()'))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('are out of reach of the API role: it reads them in its scope, and can neither write them nor count a case', async () => {
    const scope = { tenantIds: [ids.bkad!] };
    const insider = (text: string) => withSqlScope(db.sql, scope, (runner) => runner.query(text));
    await expect(
      insider(
        `INSERT INTO open_case_change (tenant_id, status, stage_key, received_date, escalated, cases) VALUES ('${ids.bkad}', 'SUBMITTED', '', '2026-11-01', false, -1)`,
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(insider('UPDATE open_case_tally SET cases = 0')).rejects.toThrow(/permission denied/);
    await expect(insider('DELETE FROM running_stage_tally')).rejects.toThrow(/permission denied/);
    await expect(insider(`SELECT aduan_count_open_case(c, false, -1) FROM "case" c LIMIT 1`)).rejects.toThrow(/permission denied/);
    await expect(insider(`SELECT aduan_case_escalated('${randomUUID()}')`)).rejects.toThrow(/permission denied/);
    // Reading: only its own agency's rows.
    const kalbarRows = `SELECT count(*)::int AS n FROM open_case_tally WHERE tenant_id = '${ids.kalbar}'`;
    const [all] = await db.sql.query<{ n: number }>(kalbarRows);
    expect(all!.n).toBeGreaterThan(0);
    const [seen] = await withSqlScope(db.sql, scope, (runner) => runner.query<{ n: number }>(kalbarRows));
    expect(seen!.n).toBe(0);
  });
});
