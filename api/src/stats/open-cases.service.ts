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
const counted = (tally: string, columns: string, changeColumns: string, where = '') => `
  SELECT ${columns} FROM ${tally} WHERE tenant_id = ANY ($1::uuid[]) ${where}
  UNION ALL SELECT ${changeColumns} FROM open_case_change WHERE tenant_id = ANY ($1::uuid[]) ${where}`;

// Every open case, a few rows per agency.
const SUMS = `
  SELECT o.tenant_id, o.status::text AS status, o.stage_key, o.escalated, o.running, sum(o.cases)::int AS open
  FROM (${counted('open_case_sum', 'tenant_id, status, stage_key, escalated, running, cases', 'tenant_id, status, stage_key, escalated, deadline IS NOT NULL, cases')}) o
  GROUP BY 1, 2, 3, 4, 5`;

const LAST_BOUND = AGEING_BUCKET_DAYS[AGEING_BUCKET_DAYS.length - 1]!;

// The open cases received recently, by ageing bucket ($2: now, UTC wall time): the whole
// calendar days from the local date of receipt to the agency's today. The older ones are the rest.
const RECENT = `
  WITH today AS (
    SELECT id AS tenant_id, (($2::timestamp AT TIME ZONE 'UTC') AT TIME ZONE time_zone)::date AS today FROM tenant WHERE id = ANY ($1::uuid[])
  )
  SELECT o.tenant_id, CASE ${AGEING_BUCKET_DAYS.map((days, index) => `WHEN d.today - o.received_date <= ${days} THEN ${index}`).join(' ')} END AS bucket,
    sum(o.cases)::int AS open
  FROM (${counted('open_case_tally', 'tenant_id, received_date, cases', 'tenant_id, received_date, cases', `AND received_date >= $2::timestamp::date - ${LAST_BOUND + 1}`)}) o
  JOIN today d ON d.tenant_id = o.tenant_id
  WHERE d.today - o.received_date <= ${LAST_BOUND}
  GROUP BY 1, 2`;

// Running stages not due yet ($2: now): overdue is the running ones less these.
const NOT_DUE = `
  SELECT r.tenant_id, r.stage_key, r.escalated, sum(r.cases)::int AS not_due
  FROM (${counted('running_stage_tally', 'tenant_id, stage_key, escalated, cases', 'tenant_id, stage_key, escalated, cases', 'AND deadline >= $2::timestamp')}) r
  GROUP BY 1, 2, 3`;

/**
 * The range's cases running a stage now, per stage: open, and overdue ($1: tenants, $2..$3: the
 * range's local dates of receipt, $4: now, UTC wall time). For the range's stage compliance
 * (figures.service.ts) when no filter narrows the cases: the tallies know no case type,
 * category or channel.
 */
export const OPEN_STAGES_RECEIVED = `
  SELECT tenant_id, stage_key, sum(open)::int AS open, sum(overdue)::int AS open_overdue FROM (
    SELECT tenant_id, stage_key, cases AS open, 0 AS overdue
    FROM (${counted('open_case_tally', 'tenant_id, stage_key, cases', 'tenant_id, stage_key, cases', 'AND received_date BETWEEN $2::date AND $3::date')}) o
    UNION ALL
    SELECT tenant_id, stage_key, 0, cases
    FROM (${counted('running_stage_tally', 'tenant_id, stage_key, cases', 'tenant_id, stage_key, cases', 'AND received_date BETWEEN $2::date AND $3::date AND deadline < $4::timestamp')}) r
  ) stages WHERE stage_key <> '' GROUP BY 1, 2`;

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
  const { sums, recent, notDue } = await withSqlScope(sql, scope, async (runner) => ({
    sums: await runner.query<Record<string, unknown>>(SUMS, params.slice(0, 1)),
    recent: await runner.query<Record<string, unknown>>(RECENT, params),
    notDue: await runner.query<Record<string, unknown>>(NOT_DUE, params),
  }));
  const summaries = new Map(tenantIds.map((tenantId) => [tenantId, empty(tenantId)]));
  // Overdue: running less not due yet, per stage (the stage '' included in the agency's total).
  const overdue = new Map<string, { all: number; escalated: number }>();
  const overdueOf = (tenantId: string, stageKey: string) => {
    const key = `${tenantId}/${stageKey}`;
    return overdue.get(key) ?? overdue.set(key, { all: 0, escalated: 0 }).get(key)!;
  };
  for (const row of sums) {
    const summary = summaries.get(String(row.tenant_id));
    const count = Number(row.open);
    if (!summary || count === 0) continue;
    summary.open += count;
    if (row.escalated) summary.escalated += count;
    const status = String(row.status);
    const byStatus = summary.byStatus.find((entry) => entry.status === status);
    if (byStatus) byStatus.open += count;
    else summary.byStatus.push({ status, open: count });
    if (row.stage_key !== '') stageOf(summary, String(row.stage_key)).open += count;
    if (row.running) {
      const entry = overdueOf(summary.tenantId, String(row.stage_key));
      entry.all += count;
      if (row.escalated) entry.escalated += count;
    }
  }
  for (const row of notDue) {
    const entry = overdueOf(String(row.tenant_id), String(row.stage_key));
    entry.all -= Number(row.not_due);
    if (row.escalated) entry.escalated -= Number(row.not_due);
  }
  for (const [key, entry] of overdue) {
    const [tenantId, stageKey] = key.split('/') as [string, string];
    const summary = summaries.get(tenantId);
    if (!summary || entry.all === 0) continue;
    summary.overdue += entry.all;
    // Overdue or escalated: the escalated ones that are overdue are counted once.
    summary.needsAttention += entry.all - entry.escalated;
    if (stageKey !== '') stageOf(summary, stageKey).overdue += entry.all;
  }
  for (const row of recent) {
    const summary = summaries.get(String(row.tenant_id));
    if (summary) summary.ageing[Number(row.bucket)]! += Number(row.open);
  }
  for (const summary of summaries.values()) {
    summary.ageing[AGEING_BUCKET_DAYS.length] = summary.open - summary.ageing.slice(0, AGEING_BUCKET_DAYS.length).reduce((sum, count) => sum + count, 0);
    summary.needsAttention += summary.escalated;
    summary.byStatus = summary.byStatus.filter((entry) => entry.open !== 0);
    summary.byStatus.sort((a, b) => OPEN_STATUSES.indexOf(a.status as never) - OPEN_STATUSES.indexOf(b.status as never));
    summary.byStage = summary.byStage.filter((entry) => entry.open !== 0 || entry.overdue !== 0);
    summary.byStage.sort((a, b) => a.stageKey.localeCompare(b.stageKey));
  }
  return [...summaries.values()];
}
