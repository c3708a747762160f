/**
 * What is open now, per agency, for the dashboards (docs/statistics.md "Dashboards"): the
 * backlog by status and by SLA stage (open, overdue), the ageing of open cases in calendar days
 * since receipt, and the open escalated cases. Not bound to a date range: it is today's work.
 * Counted like the figures (figures.service.ts): every case of the agencies the viewer may
 * see figures of (`read CaseFigure`), inside their data scope, as counts only; which cases a
 * viewer may open and list is attention-cases.service.ts.
 */
import { withSqlScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { SqlRunner } from '../db.ts';
import { overdueSql } from '../sla/deadline-state.ts';

/** Upper bounds (inclusive) of the ageing buckets in calendar days; the last bucket is open-ended. */
export const AGEING_BUCKET_DAYS = [5, 10, 20] as const;

export interface OpenCasesSummary {
  tenantId: string;
  open: number;
  overdue: number;
  escalated: number;
  byStatus: { status: string; open: number }[];
  byStage: { stageKey: string; open: number; overdue: number }[];
  /** Open cases by age, in the order of AGEING_BUCKET_DAYS and then "over the last". */
  ageing: number[];
}

const OPEN_LIST = `ARRAY[${OPEN_STATUSES.map((status) => `'${status}'`).join(', ')}]::"CaseStatus"[]`;

// $1: tenants, $2: now (UTC wall time). Age: whole calendar days elapsed since receipt.
const OPEN_CASES = `
  SELECT c.tenant_id, c.status::text AS status, c.stage_key,
    CASE ${AGEING_BUCKET_DAYS.map((days, index) => `WHEN floor(extract(epoch FROM ($2::timestamp - c.received_at)) / 86400) <= ${days} THEN ${index}`).join(' ')}
      ELSE ${AGEING_BUCKET_DAYS.length} END AS bucket,
    count(*)::int AS open,
    count(*) FILTER (WHERE ${overdueSql('c', OPEN_STATUSES, '$2::timestamp')})::int AS overdue,
    count(*) FILTER (WHERE s.escalated_at IS NOT NULL)::int AS escalated
  FROM "case" c LEFT JOIN case_sla s ON s.case_id = c.id
  WHERE c.tenant_id = ANY ($1::uuid[]) AND c.status = ANY (${OPEN_LIST})
  GROUP BY 1, 2, 3, 4`;

function empty(tenantId: string): OpenCasesSummary {
  return { tenantId, open: 0, overdue: 0, escalated: 0, byStatus: [], byStage: [], ageing: [...AGEING_BUCKET_DAYS.map(() => 0), 0] };
}

/** The open cases of `tenantIds` (already allowed to the caller) now, per agency, in their given order. */
export async function summarizeOpenCases(sql: SqlRunner, scope: DataScope, tenantIds: readonly string[], now = new Date()): Promise<OpenCasesSummary[]> {
  const rows = await withSqlScope(sql, scope, (runner) =>
    runner.query<Record<string, unknown>>(OPEN_CASES, [[...tenantIds], now.toISOString().replace('Z', '')]),
  );
  const summaries = new Map(tenantIds.map((tenantId) => [tenantId, empty(tenantId)]));
  for (const row of rows) {
    const summary = summaries.get(String(row.tenant_id));
    if (!summary) continue;
    const open = Number(row.open);
    const overdue = Number(row.overdue);
    summary.open += open;
    summary.overdue += overdue;
    summary.escalated += Number(row.escalated);
    summary.ageing[Number(row.bucket)]! += open;
    const status = String(row.status);
    const byStatus = summary.byStatus.find((entry) => entry.status === status);
    if (byStatus) byStatus.open += open;
    else summary.byStatus.push({ status, open });
    if (row.stage_key !== null) {
      const stageKey = String(row.stage_key);
      const byStage = summary.byStage.find((entry) => entry.stageKey === stageKey);
      if (byStage) {
        byStage.open += open;
        byStage.overdue += overdue;
      } else summary.byStage.push({ stageKey, open, overdue });
    }
  }
  for (const summary of summaries.values()) {
    summary.byStatus.sort((a, b) => OPEN_STATUSES.indexOf(a.status as never) - OPEN_STATUSES.indexOf(b.status as never));
    summary.byStage.sort((a, b) => a.stageKey.localeCompare(b.stageKey));
  }
  return [...summaries.values()];
}
