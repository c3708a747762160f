/**
 * Workload and compliance per handler (the staff members named on a case, case_handler), for
 * the dashboards: of the cases received in the range, how many each handled, answered, and
 * answered within the service standard (the case figures, case_figure); and now, how many of
 * their cases are open and open overdue (docs/statistics.md "Dashboards"). Only cases the
 * viewer may open count: a handler's restricted cases never count for the secretariat, and a
 * role that opens no case (the tenant admin) gets no handler figures (null).
 *
 * Counted by group (stats/counted-as-viewer.ts, ADR 0037): the database counts per agency,
 * handler and restricted (the range from the figures, what is open now from the handlers'
 * tallies that triggers keep, migration 20261206100000_open_handler_tally), and the viewer's
 * CASL rules judge each group; the cases the viewer handles or is excluded from are judged one
 * by one.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { withSqlScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { SqlRunner } from '../db.ts';
import { overdueSql, statusInSql } from '../sla/deadline-state.ts';
import { countAsViewer, ownAccessColumns, restrictedCases, viewerOwnCases } from './counted-as-viewer.ts';
import type { FigureFilter } from './figure-filter.ts';
import { FIGURES_IN_RANGE, narrowed } from './figures.service.ts';

export interface HandlerFigure {
  tenantId: string;
  staffUserId: string;
  name: string;
  /** Received in the range. */
  handled: number;
  answered: number;
  withinStandard: number;
  /** Now, whatever their date of receipt. */
  open: number;
  openOverdue: number;
}

type Measure = 'handled' | 'answered' | 'withinStandard' | 'open' | 'openOverdue';
const MEASURES: readonly Measure[] = ['handled', 'answered', 'withinStandard', 'open', 'openOverdue'];
const COLUMNS: Record<Measure, string> = {
  handled: 'handled',
  answered: 'answered',
  withinStandard: 'within_standard',
  open: 'open',
  openOverdue: 'open_overdue',
};

// $1..$6: tenants, from, to, filters (figures.service.ts); $7: now (UTC wall time); $8: the viewer.
// Whether a case is restricted from the few restricted cases (a partial index), not a probe per case.
const RANGE = `
  SELECT h.tenant_id, h.staff_user_id, r.id IS NOT NULL AS restricted, count(*)::int AS handled,
    count(*) FILTER (WHERE f.outcome = 'ANSWERED')::int AS answered, count(*) FILTER (WHERE f.within_standard)::int AS within_standard
  FROM (${FIGURES_IN_RANGE}) f
  JOIN case_handler h ON h.case_id = f.case_id AND h.tenant_id = f.tenant_id
  LEFT JOIN (${restrictedCases('$1')}) r ON r.id = f.case_id
  GROUP BY 1, 2, 3`;

const OPEN = statusInSql('c', OPEN_STATUSES);
const OVERDUE = overdueSql('c', OPEN_STATUSES, '$7::timestamp');

// Open now, from the handlers' tallies and the changes not yet folded ($1: tenants, $2: now).
const OPEN_TALLIED = `
  SELECT tenant_id, staff_user_id, restricted, sum(open)::int AS open, sum(overdue)::int AS open_overdue FROM (
    SELECT tenant_id, staff_user_id, restricted, cases AS open, 0 AS overdue FROM open_handler_sum WHERE tenant_id = ANY ($1::uuid[])
    UNION ALL
    SELECT tenant_id, staff_user_id, restricted, 0, cases FROM running_handler_tally WHERE tenant_id = ANY ($1::uuid[]) AND deadline < $2::timestamp
    UNION ALL
    SELECT tenant_id, staff_user_id, restricted, cases, CASE WHEN deadline < $2::timestamp THEN cases ELSE 0 END
    FROM open_handler_change WHERE tenant_id = ANY ($1::uuid[])
  ) o GROUP BY 1, 2, 3`;

// Open now, from the cases themselves, when a filter narrows them (the tallies know no case type,
// category or channel): every handler row of the agencies, each agency by its own index ($1:
// tenants, $2..$4: the filters, $5: now).
const OPEN_NARROWED = `
  SELECT h.tenant_id, h.staff_user_id, c.restricted, count(*)::int AS open,
    count(*) FILTER (WHERE ${overdueSql('c', OPEN_STATUSES, '$5::timestamp')})::int AS open_overdue
  FROM unnest($1::uuid[]) AS agency (id)
  CROSS JOIN LATERAL (SELECT * FROM case_handler h WHERE h.tenant_id = agency.id) h
  JOIN "case" c ON c.id = h.case_id AND c.tenant_id = h.tenant_id
  WHERE ${OPEN} ${narrowed('c', 2)}
  GROUP BY 1, 2, 3`;

// The viewer's own cases with handlers, a row per handler, with what each counts for.
const OWN = `
  SELECT c.tenant_id, h.staff_user_id, c.restricted, ${ownAccessColumns('c')},
    coalesce(in_range.yes, false) AS handled,
    coalesce(in_range.yes AND f.outcome = 'ANSWERED', false) AS answered,
    coalesce(in_range.yes AND f.within_standard, false) AS within_standard,
    coalesce(${OPEN} ${narrowed('c')}, false) AS open,
    coalesce(${OVERDUE} ${narrowed('c')}, false) AS open_overdue
  FROM (${viewerOwnCases('$1', '$8')}) mine JOIN "case" c ON c.id = mine.case_id
  JOIN case_handler h ON h.case_id = c.id
  LEFT JOIN case_figure f ON f.case_id = c.id
  CROSS JOIN LATERAL (SELECT f.received_date BETWEEN $2::date AND $3::date ${narrowed('f')} AS yes) in_range
  WHERE c.tenant_id = ANY ($1::uuid[])`;

type Row = Record<string, unknown>;

export async function listHandlerFigures(
  sql: SqlRunner,
  viewer: { ability: AppAbility; scope: DataScope; userId: string },
  tenantIds: readonly string[],
  filter: FigureFilter,
  now = new Date(),
): Promise<HandlerFigure[] | null> {
  if (!viewer.ability.can('read', 'Case')) return null;
  const nowWall = now.toISOString().replace('Z', '');
  const params = [[...tenantIds], filter.from, filter.to, filter.caseTypeIds, filter.categoryIds, filter.channelIds, nowWall, viewer.userId];
  const narrowedByFilter = filter.caseTypeIds !== null || filter.categoryIds !== null || filter.channelIds !== null;
  const { range, open, own, staff } = await withSqlScope(sql, viewer.scope, async (runner) => {
    const range = await runner.query<Row>(RANGE, params.slice(0, 6));
    const open = narrowedByFilter
      ? await runner.query<Row>(OPEN_NARROWED, [params[0], ...params.slice(3, 6), nowWall])
      : await runner.query<Row>(OPEN_TALLIED, [params[0], nowWall]);
    const own = await runner.query<Row>(OWN, params);
    const ids = [...new Set([...range, ...open, ...own].map((row) => String(row.staff_user_id)))];
    const staff = await runner.query<{ id: string; name: string }>('SELECT id::text, name FROM staff_user WHERE id = ANY ($1::uuid[])', [ids]);
    return { range, open, own, staff };
  });
  const names = new Map(staff.map((member) => [member.id, member.name]));

  const figures = new Map<string, HandlerFigure>();
  const figureOf = (row: Row) => {
    const key = `${String(row.tenant_id)}/${String(row.staff_user_id)}`;
    return (
      figures.get(key) ??
      figures
        .set(key, {
          tenantId: String(row.tenant_id),
          staffUserId: String(row.staff_user_id),
          name: names.get(String(row.staff_user_id)) ?? '',
          handled: 0,
          answered: 0,
          withinStandard: 0,
          open: 0,
          openOverdue: 0,
        })
        .get(key)!
    );
  };
  countAsViewer(viewer, [...range, ...open], own, (row, sign) => {
    const figure = figureOf(row);
    for (const measure of MEASURES) figure[measure] += sign * Number(row[COLUMNS[measure]] ?? 0);
  });

  const counted = [...figures.values()].filter((figure) => MEASURES.some((measure) => figure[measure] !== 0));
  return counted.sort((a, b) => a.tenantId.localeCompare(b.tenantId) || b.handled - a.handled || a.name.localeCompare(b.name));
}
