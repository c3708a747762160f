/**
 * The figures of docs/statistics.md over a date range, per agency and in total, computed in
 * the database from the per-case figures (case_figure, case_stage_figure: figures-pass.service.ts)
 * and, for what is open now, from the cases themselves. Every query runs in the caller's data
 * scope (row-level security); which agencies a viewer may see is stats/figure-access.ts.
 * Counts only: what a page may show of them (the public page's rule of 5) is the page's module.
 */
import { withSqlScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { SqlRunner } from '../db.ts';
import { overdueSql, statusInSql } from '../sla/deadline-state.ts';
import type { FigureFilter } from './figure-filter.ts';
import { OPEN_STAGES_RECEIVED } from './open-cases.service.ts';

export interface TimeFigure {
  /** The cases behind the figure. */
  cases: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface FigureTotals {
  received: number;
  answered: number;
  rejected: number;
  transferred: number;
  closedUnanswered: number;
  open: number;
  escalated: number;
  withinStandard: number;
  answeredWithStandard: number;
  firstResponse: TimeFigure;
  resolution: TimeFigure;
}

export type BreakdownDimension = 'caseType' | 'category' | 'channel' | 'status';

export interface BreakdownRow {
  tenantId: string;
  dimension: BreakdownDimension;
  /** The case type, category or channel id, or the status; null: none recorded. */
  key: string | null;
  confidential: boolean;
  received: number;
  answered: number;
}

export interface MonthRow {
  tenantId: string;
  /** 'YYYY-MM' of the agency's calendar. */
  month: string;
  received: number;
  answered: number;
}

export interface StageRow {
  tenantId: string;
  stageKey: string;
  onTime: number;
  late: number;
  /** Running now. */
  open: number;
  /** Running now past its deadline. */
  openOverdue: number;
}

export interface FigureSummary {
  agencies: ({ tenantId: string } & FigureTotals)[];
  total: FigureTotals;
  months: MonthRow[];
  breakdowns: BreakdownRow[];
  stages: StageRow[];
}

// The filters (case types, categories, channels: $4..$6, or from `first` on) on the table named `alias`.
export const narrowed = (alias: string, first = 4) => `
    AND ($${first}::uuid[] IS NULL OR ${alias}.case_type_id = ANY ($${first}::uuid[]))
    AND ($${first + 1}::uuid[] IS NULL OR ${alias}.category_id = ANY ($${first + 1}::uuid[]))
    AND ($${first + 2}::uuid[] IS NULL OR ${alias}.channel_id = ANY ($${first + 2}::uuid[]))`;

// The filtered per-case figures, $1..$6: tenants, from, to (local dates of receipt), and the
// filters. Per agency (a lateral join on each): a list of agencies beside row-level security's own
// leaves the planner guessing a few hundred rows, and it then picks plans for a few hundred.
export const FIGURES_IN_RANGE = `
  SELECT f.* FROM unnest($1::uuid[]) AS agency (id)
  CROSS JOIN LATERAL (SELECT * FROM case_figure f WHERE f.tenant_id = agency.id AND f.received_date BETWEEN $2::date AND $3::date ${narrowed('f')}) f`;

// Both percentiles of a column from one sort.
const time = (column: string, prefix: string) => `
  count(${column}_working_days)::int AS ${prefix}_cases,
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${column}_working_days) AS ${prefix}_wd,
  percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${column}_days) AS ${prefix}_d`;

// Per agency, and in total when there are several; for one agency the total is its row (one
// aggregate, no sort of the rows by agency, no percentile sorted twice).
const perAgency = (several: boolean) => (several ? 'tenant_id, GROUPING(tenant_id) = 1' : '($1::uuid[])[1] AS tenant_id, false');
const byAgency = (several: boolean) => (several ? 'GROUP BY GROUPING SETS ((tenant_id), ())' : '');

// The percentiles (each a sort of the range's durations).
const timesOf = (several: boolean) => `
  SELECT ${perAgency(several)} AS is_total, ${time('first_response', 'fr')}, ${time('resolve', 'res')}
  FROM (${FIGURES_IN_RANGE}) f ${byAgency(several)}`;

const BREAKDOWN_DIMENSIONS = `WHEN GROUPING(received_month) = 0 THEN 'month'
              WHEN GROUPING(case_type_id) = 0 THEN 'caseType' WHEN GROUPING(category_id) = 0 THEN 'category'
              WHEN GROUPING(channel_id) = 0 THEN 'channel' WHEN GROUPING(status) = 0 THEN 'status'`;
const BREAKDOWN_KEYS = `to_char(received_month, 'YYYY-MM') AS month,
    coalesce(case_type_id::text, category_id::text, channel_id::text, status::text) AS key, coalesce(confidential, false) AS confidential`;
const BREAKDOWN_SETS = `, (tenant_id, received_month), (tenant_id, case_type_id, confidential),
    (tenant_id, category_id, confidential), (tenant_id, channel_id, confidential), (tenant_id, status, confidential)`;

// Every count, in one pass of hashing over the range's figures: per agency (and in total), per
// month, and per case type, category, channel and status (only the set's own column is not null,
// so the key is the first that is not; a breakdown's key null is "none recorded").
const countsOf = (several: boolean, breakdowns: boolean) => `
  SELECT CASE WHEN GROUPING(tenant_id) = 1 THEN 'total' ${breakdowns ? BREAKDOWN_DIMENSIONS : ''} ELSE 'agency' END AS dimension,
    tenant_id, ${breakdowns ? BREAKDOWN_KEYS : 'NULL AS month, NULL AS key, false AS confidential'},
    count(*)::int AS received,
    count(*) FILTER (WHERE outcome = 'ANSWERED')::int AS answered,
    count(*) FILTER (WHERE outcome = 'REJECTED')::int AS rejected,
    count(*) FILTER (WHERE outcome = 'TRANSFERRED')::int AS transferred,
    count(*) FILTER (WHERE outcome = 'CLOSED_UNANSWERED')::int AS closed_unanswered,
    count(*) FILTER (WHERE outcome = 'OPEN')::int AS open,
    count(*) FILTER (WHERE escalated)::int AS escalated,
    count(*) FILTER (WHERE within_standard)::int AS within_standard,
    count(within_standard)::int AS answered_with_standard
  FROM (${FIGURES_IN_RANGE}) f
  GROUP BY GROUPING SETS ((tenant_id) ${several ? ', ()' : ''} ${breakdowns ? BREAKDOWN_SETS : ''})`;

// The range's counts and its percentiles, each a statement of its own (run at once).
const asJson = (statement: string) => `SELECT coalesce(json_agg(x), '[]') AS rows FROM (${statement}) x`;

// The local date of receipt of the row named `alias` (joined to its tenant `t`) is in the range.
// In Indonesia (UTC+7 to +9) it is the UTC date or the day after: the first bound, a day either
// side of the range in UTC, serves the index (as timestamps: under row-level security only a
// leakproof operator may be an index condition, and timestamp-to-date comparison is not); the
// second is exact.
const receivedInRange = (alias: string) => `
  ${alias}.received_at >= ($2::date - 1)::timestamp AND ${alias}.received_at < ($3::date + 1)::timestamp
  AND ((${alias}.received_at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date BETWEEN $2::date AND $3::date`;

// Finished stages of the range's cases, by their case's local date of receipt (stored with each:
// converting every row's instant took ~45 ms of a province's month); the figures are read only
// when a category or channel narrows them (the stage rows carry the case type).
const STAGES_FINISHED = `
  SELECT s.tenant_id, s.stage_key, count(*) FILTER (WHERE NOT s.late)::int AS on_time, count(*) FILTER (WHERE s.late)::int AS late
  FROM unnest($1::uuid[]) AS agency (id)
  CROSS JOIN LATERAL (SELECT * FROM case_stage_figure s WHERE s.tenant_id = agency.id AND s.received_date BETWEEN $2::date AND $3::date) s
  WHERE ($4::uuid[] IS NULL OR s.case_type_id = ANY ($4::uuid[]))
    AND (($5::uuid[] IS NULL AND $6::uuid[] IS NULL) OR EXISTS (SELECT 1 FROM case_figure f WHERE f.case_id = s.case_id ${narrowed('f')}))
  GROUP BY 1, 2`;

// The stages running now of the range's open cases, read from the cases when a filter narrows
// them ($7: now); without one, from the open-case tallies (OPEN_STAGES_RECEIVED).
const STAGES_RUNNING = `
  SELECT c.tenant_id, c.stage_key, count(*)::int AS open, count(*) FILTER (WHERE ${overdueSql('c', OPEN_STATUSES, '$7::timestamp')})::int AS open_overdue
  FROM unnest($1::uuid[]) AS agency (id) JOIN tenant t ON t.id = agency.id
  CROSS JOIN LATERAL (SELECT * FROM "case" c WHERE c.tenant_id = agency.id AND ${receivedInRange('c')}) c
  WHERE c.stage_key IS NOT NULL AND ${statusInSql('c', OPEN_STATUSES)} ${narrowed('c')}
  GROUP BY 1, 2`;

function stageRows(finished: Row[], running: Row[]): StageRow[] {
  const rows = new Map<string, StageRow>();
  const rowOf = (source: Row) => {
    const key = `${String(source.tenant_id)}/${String(source.stage_key)}`;
    return (
      rows.get(key) ??
      rows.set(key, { tenantId: String(source.tenant_id), stageKey: String(source.stage_key), onTime: 0, late: 0, open: 0, openOverdue: 0 }).get(key)!
    );
  };
  for (const source of finished) Object.assign(rowOf(source), { onTime: int(source.on_time), late: int(source.late) });
  for (const source of running) {
    if (int(source.open) === 0 && int(source.open_overdue) === 0) continue;
    Object.assign(rowOf(source), { open: int(source.open), openOverdue: int(source.open_overdue) });
  }
  return [...rows.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || a.stageKey.localeCompare(b.stageKey));
}

type Row = Record<string, unknown>;

/** Each totals row with the durations of the same agency (or of the total). */
function joinTimes(totals: Row[], times: Row[]): Row[] {
  const keyOf = (row: Row) => (row.is_total ? '' : String(row.tenant_id));
  const byKey = new Map(times.map((row) => [keyOf(row), row]));
  return totals.map((row) => ({ ...byKey.get(keyOf(row)), ...row }));
}

const int = (value: unknown) => Number(value ?? 0);
/** A duration to 0.1 day; null when no case is behind it. */
const days = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10);

function timeOf(row: Row, prefix: string): TimeFigure {
  const workingDays = (row[`${prefix}_wd`] as (number | null)[] | null) ?? [null, null];
  const calendarDays = (row[`${prefix}_d`] as (number | null)[] | null) ?? [null, null];
  return {
    cases: int(row[`${prefix}_cases`]),
    medianWorkingDays: days(workingDays[0]),
    p90WorkingDays: days(workingDays[1]),
    medianDays: days(calendarDays[0]),
    p90Days: days(calendarDays[1]),
  };
}

function totalsOf(row: Row | undefined): FigureTotals {
  const r = row ?? {};
  return {
    received: int(r.received),
    answered: int(r.answered),
    rejected: int(r.rejected),
    transferred: int(r.transferred),
    closedUnanswered: int(r.closed_unanswered),
    open: int(r.open),
    escalated: int(r.escalated),
    withinStandard: int(r.within_standard),
    answeredWithStandard: int(r.answered_with_standard),
    firstResponse: timeOf(r, 'fr'),
    resolution: timeOf(r, 'res'),
  };
}

/**
 * For a transaction that reads a range of figures: its rows sorted in memory, not on disk
 * (PostgreSQL's default work_mem is 4 MB: a province's month of figures spilled), and without
 * JIT compilation (~35 ms of compiling a province's month bought nothing, nor on a year:
 * docs/performance.md); for that transaction only.
 */
const ANALYTIC_SETTINGS = "SELECT set_config('work_mem', '32MB', true), set_config('jit', 'off', true)";

/**
 * The figures of the agencies `tenantIds` (already allowed to the caller) over the filter's
 * range, each agency and in total; an agency without cases in the range is there with zeros.
 * `stages: false` leaves out the SLA stages, `breakdowns: false` the months and the breakdowns
 * (empty), for a page that shows none: a province's twenty agencies' breakdowns were most of its
 * dashboard's answer, shown only for one agency.
 */
export async function summarizeFigures(
  sql: SqlRunner,
  scope: DataScope,
  tenantIds: readonly string[],
  filter: FigureFilter,
  now = new Date(),
  parts: { stages: boolean; breakdowns: boolean } = { stages: true, breakdowns: true },
): Promise<FigureSummary> {
  const params = [[...tenantIds], filter.from, filter.to, filter.caseTypeIds, filter.categoryIds, filter.channelIds];
  const nowWall = now.toISOString().replace('Z', '');
  const narrowedByFilter = filter.caseTypeIds !== null || filter.categoryIds !== null || filter.channelIds !== null;
  // The range's counts, its percentiles and the SLA stages are three transactions at once (three
  // connections): on two cores a province's month took the sum of all, ~220 ms, one after the other.
  const several = tenantIds.length > 1;
  const analytic = <T>(work: (runner: Omit<SqlRunner, 'withConnection' | 'transaction'>) => Promise<T>) =>
    withSqlScope(sql, scope, async (runner) => {
      await runner.query(ANALYTIC_SETTINGS);
      return work(runner);
    });
  const rowsOf = async (runner: Omit<SqlRunner, 'withConnection' | 'transaction'>, statement: string) =>
    (await runner.query<{ rows: Row[] }>(asJson(statement), params))[0]!.rows;
  const [counts, times, { finished, running }] = await Promise.all([
    analytic((runner) => rowsOf(runner, countsOf(several, parts.breakdowns))),
    analytic((runner) => rowsOf(runner, timesOf(several))),
    !parts.stages
      ? { finished: [], running: [] }
      : analytic(async (runner) => ({
          finished: await runner.query<Row>(STAGES_FINISHED, params),
          running: narrowedByFilter
            ? await runner.query<Row>(STAGES_RUNNING, [...params, nowWall])
            : await runner.query<Row>(OPEN_STAGES_RECEIVED, [params[0], filter.from, filter.to, nowWall]),
        })),
  ]);
  const totals = joinTimes(
    counts.filter((row) => row.dimension === 'agency' || row.dimension === 'total').map((row) => ({ ...row, is_total: row.dimension === 'total' })),
    times,
  );
  const byTenant = new Map(totals.filter((row) => !row.is_total).map((row) => [String(row.tenant_id), row]));
  const months = counts.filter((row) => row.dimension === 'month').sort((a, b) => String(a.month).localeCompare(String(b.month)));
  const breakdowns = counts.filter((row) => ['caseType', 'category', 'channel', 'status'].includes(String(row.dimension)));
  return {
    agencies: tenantIds.map((tenantId) => ({ tenantId, ...totalsOf(byTenant.get(tenantId)) })),
    total: totalsOf(tenantIds.length > 1 ? totals.find((row) => row.is_total) : totals[0]),
    months: months.map((row) => ({ tenantId: String(row.tenant_id), month: String(row.month), received: int(row.received), answered: int(row.answered) })),
    breakdowns: breakdowns.map((row) => ({
      tenantId: String(row.tenant_id),
      dimension: row.dimension as BreakdownDimension,
      key: row.key === null ? null : String(row.key),
      confidential: Boolean(row.confidential),
      received: int(row.received),
      answered: int(row.answered),
    })),
    stages: stageRows(finished, running),
  };
}
