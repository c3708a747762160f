/**
 * What is open now, per agency, for the dashboards (docs/statistics.md "What is open now"): the
 * backlog by status and by SLA stage (open, overdue), the ageing of open cases in calendar days
 * since receipt, the open escalated cases, and how many need attention (overdue or escalated).
 * Not bound to a date range: it is today's work. Read from the open-case tallies, which the
 * database keeps in each case's own transaction (migration 20261205100000_open_case_tally,
 * ADR 0036): a request sums a few thousand tally rows, never the open cases themselves.
 * Counted like the figures (figures.service.ts): every case of the agencies the viewer may
 * see figures of (`read CaseFigure`), inside their data scope, as counts only; which cases a
 * viewer may open and list is attention-cases.service.ts.
 */
import { withSqlScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { SqlRunner } from '../db.ts';

/** Upper bounds (inclusive) of the ageing buckets in calendar days; the last bucket is open-ended. */
export const AGEING_BUCKET_DAYS = [5, 10, 20] as const;

export interface OpenCasesSummary {
  tenantId: string;
  open: number;
  overdue: number;
  escalated: number;
  /** Overdue or escalated, each case once: the attention list's total. */
  needsAttention: number;
  byStatus: { status: string; open: number }[];
  byStage: { stageKey: string; open: number; overdue: number }[];
  /** Open cases by age, in the order of AGEING_BUCKET_DAYS and then "over the last". */
  ageing: number[];
}

/** A tally and the changes not yet folded into it, one snapshot ($1: tenants). */
const counted = (tally: string, columns: string, where = '') => `
  SELECT ${columns} FROM ${tally} WHERE tenant_id = ANY ($1::uuid[]) ${where}
  UNION ALL SELECT ${columns} FROM open_case_change WHERE tenant_id = ANY ($1::uuid[]) ${where}`;

// $1: tenants, $2: now (UTC wall time). Age: whole calendar days from the local date of
// receipt to the agency's today.
const OPEN_CASES = `
  WITH today AS (
    SELECT id AS tenant_id, (($2::timestamp AT TIME ZONE 'UTC') AT TIME ZONE time_zone)::date AS today FROM tenant WHERE id = ANY ($1::uuid[])
  )
  SELECT o.tenant_id, o.status::text AS status, o.stage_key,
    CASE ${AGEING_BUCKET_DAYS.map((days, index) => `WHEN d.today - o.received_date <= ${days} THEN ${index}`).join(' ')}
      ELSE ${AGEING_BUCKET_DAYS.length} END AS bucket,
    sum(o.cases)::int AS open,
    coalesce(sum(o.cases) FILTER (WHERE o.escalated), 0)::int AS escalated
  FROM (${counted('open_case_tally', 'tenant_id, status, stage_key, received_date, escalated, cases')}) o
  JOIN today d ON d.tenant_id = o.tenant_id
  GROUP BY 1, 2, 3, 4`;

// Running stages past their deadline ($2: now, UTC wall time), by stage and escalation.
const OVERDUE = `
  SELECT r.tenant_id, r.stage_key, sum(r.cases)::int AS overdue, coalesce(sum(r.cases) FILTER (WHERE r.escalated), 0)::int AS overdue_escalated
  FROM (${counted('running_stage_tally', 'tenant_id, stage_key, escalated, cases', 'AND deadline < $2::timestamp')}) r
  GROUP BY 1, 2`;

function empty(tenantId: string): OpenCasesSummary {
  return { tenantId, open: 0, overdue: 0, escalated: 0, needsAttention: 0, byStatus: [], byStage: [], ageing: [...AGEING_BUCKET_DAYS.map(() => 0), 0] };
}

function stageOf(summary: OpenCasesSummary, stageKey: string) {
  const found = summary.byStage.find((entry) => entry.stageKey === stageKey);
  if (found) return found;
  const entry = { stageKey, open: 0, overdue: 0 };
  summary.byStage.push(entry);
  return entry;
}

/** The open cases of `tenantIds` (already allowed to the caller) now, per agency, in their given order. */
export async function summarizeOpenCases(sql: SqlRunner, scope: DataScope, tenantIds: readonly string[], now = new Date()): Promise<OpenCasesSummary[]> {
  const params = [[...tenantIds], now.toISOString().replace('Z', '')];
  const { open, overdue } = await withSqlScope(sql, scope, async (runner) => ({
    open: await runner.query<Record<string, unknown>>(OPEN_CASES, params),
    overdue: await runner.query<Record<string, unknown>>(OVERDUE, params),
  }));
  const summaries = new Map(tenantIds.map((tenantId) => [tenantId, empty(tenantId)]));
  for (const row of open) {
    const summary = summaries.get(String(row.tenant_id));
    const count = Number(row.open);
    if (!summary || count === 0) continue;
    summary.open += count;
    summary.escalated += Number(row.escalated);
    summary.ageing[Number(row.bucket)]! += count;
    const status = String(row.status);
    const byStatus = summary.byStatus.find((entry) => entry.status === status);
    if (byStatus) byStatus.open += count;
    else summary.byStatus.push({ status, open: count });
    if (row.stage_key !== '') stageOf(summary, String(row.stage_key)).open += count;
  }
  for (const row of overdue) {
    const summary = summaries.get(String(row.tenant_id));
    const count = Number(row.overdue);
    if (!summary || count === 0) continue;
    summary.overdue += count;
    // Overdue or escalated: the escalated ones that are overdue are counted once.
    summary.needsAttention += count - Number(row.overdue_escalated);
    if (row.stage_key !== '') stageOf(summary, String(row.stage_key)).overdue += count;
  }
  for (const summary of summaries.values()) {
    summary.needsAttention += summary.escalated;
    summary.byStatus = summary.byStatus.filter((entry) => entry.open !== 0);
    summary.byStatus.sort((a, b) => OPEN_STATUSES.indexOf(a.status as never) - OPEN_STATUSES.indexOf(b.status as never));
    summary.byStage = summary.byStage.filter((entry) => entry.open !== 0 || entry.overdue !== 0);
    summary.byStage.sort((a, b) => a.stageKey.localeCompare(b.stageKey));
  }
  return [...summaries.values()];
}
