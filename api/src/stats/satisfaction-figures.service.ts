/**
 * Satisfaction figures for the dashboards (issue 15): how many answers were rated and how many
 * of them satisfied the reporter, per agency, case type and handler (who drafted the approved
 * answer, ADR 0029). Counted as the viewer's CASL rules allow inside their data scope
 * (counted-as-viewer.ts): a figure never includes a case the viewer could not
 * open, so a restricted case counts only for its handlers and the head, and a case a staff
 * member is excluded from never counts for them. No comment is ever read here.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { withSqlScope, type DataScope } from '../auth/data-scope.ts';
import type { SqlRunner } from '../db.ts';
import { countAsViewer, ownAccessColumns, restrictedCases, viewerOwnCases } from './counted-as-viewer.ts';

/** One group of ratings: an agency's case type and handler (null: no drafted answer). */
export interface SatisfactionFigure {
  tenantId: string;
  caseTypeId: string;
  handlerId: string | null;
  rated: number;
  satisfied: number;
}

/** What the figures group by, beyond the agency. */
export type SatisfactionGrouping = 'tenant' | 'caseType' | 'handler';

/** A group's totals, with the share satisfied (0 to 1; null when nothing was rated). */
export interface SatisfactionSummary {
  tenantId: string;
  /** The case type or handler id, by the grouping; null for the agency as a whole or no handler. */
  key: string | null;
  rated: number;
  satisfied: number;
  notSatisfied: number;
  satisfiedShare: number | null;
}

// Ratings first given in the period ($2..$3, UTC wall times; null: unbounded) of the agencies $1.
const RATED_IN = (alias: string) => `
  ${alias}.tenant_id = ANY ($1::uuid[])
  AND ($2::timestamp IS NULL OR ${alias}.rated_at >= $2::timestamp) AND ($3::timestamp IS NULL OR ${alias}.rated_at < $3::timestamp)`;

// By group: agency, case type, handler, satisfied, and whether the case is restricted.
const GROUPED = `
  SELECT r.tenant_id, r.case_type_id, r.handler_id, r.satisfied, x.id IS NOT NULL AS restricted, count(*)::int AS ratings
  FROM case_rating r LEFT JOIN (${restrictedCases('$1')}) x ON x.id = r.case_id
  WHERE ${RATED_IN('r')}
  GROUP BY 1, 2, 3, 4, 5`;

// The ratings of the viewer's own cases ($4: the viewer), one by one.
const OWN = `
  SELECT r.tenant_id, r.case_type_id, r.handler_id, r.satisfied, c.restricted, ${ownAccessColumns('c')}, 1 AS ratings
  FROM (${viewerOwnCases('$1', '$4')}) mine JOIN case_rating r ON r.case_id = mine.case_id JOIN "case" c ON c.id = r.case_id
  WHERE ${RATED_IN('r')}`;

const wall = (instant: Date | undefined) => (instant ? instant.toISOString().replace('Z', '') : null);

/**
 * The finest figures the viewer may see: per agency, case type and handler, counting ratings
 * first given in [from, to) when given. Counted by group, each judged by the viewer's CASL
 * rules, the viewer's own cases one by one (counted-as-viewer.ts, ADR 0037).
 */
export async function listSatisfactionFigures(
  sql: SqlRunner,
  viewer: { ability: AppAbility; scope: DataScope; userId: string },
  period: { from?: Date; to?: Date } = {},
): Promise<SatisfactionFigure[]> {
  const params = [[...viewer.scope.tenantIds], wall(period.from), wall(period.to), viewer.userId];
  const { grouped, own } = await withSqlScope(sql, viewer.scope, async (runner) => ({
    grouped: await runner.query<Row>(GROUPED, params.slice(0, 3)),
    own: await runner.query<Row>(OWN, params),
  }));
  const figures = new Map<string, SatisfactionFigure>();
  countAsViewer(viewer, grouped, own, (row, sign) => {
    const handlerId = row.handler_id === null ? null : String(row.handler_id);
    const key = `${String(row.tenant_id)}/${String(row.case_type_id)}/${handlerId ?? ''}`;
    let figure = figures.get(key);
    if (!figure) {
      figure = { tenantId: String(row.tenant_id), caseTypeId: String(row.case_type_id), handlerId, rated: 0, satisfied: 0 };
      figures.set(key, figure);
    }
    figure.rated += sign * Number(row.ratings);
    if (row.satisfied) figure.satisfied += sign * Number(row.ratings);
  });
  return [...figures.values()].filter((figure) => figure.rated !== 0).sort((a, b) => keyOrder(a, b));
}

type Row = Record<string, unknown>;

function keyOrder(a: SatisfactionFigure, b: SatisfactionFigure): number {
  return a.tenantId.localeCompare(b.tenantId) || a.caseTypeId.localeCompare(b.caseTypeId) || (a.handlerId ?? '').localeCompare(b.handlerId ?? '');
}

/** Folds the figures per agency, or per agency and case type, or per agency and handler. Pure. */
export function summarizeSatisfaction(figures: readonly SatisfactionFigure[], by: SatisfactionGrouping): SatisfactionSummary[] {
  const groups = new Map<string, SatisfactionSummary>();
  for (const figure of figures) {
    const key = by === 'tenant' ? null : by === 'caseType' ? figure.caseTypeId : figure.handlerId;
    const id = `${figure.tenantId}/${key ?? ''}`;
    let group = groups.get(id);
    if (!group) {
      group = { tenantId: figure.tenantId, key, rated: 0, satisfied: 0, notSatisfied: 0, satisfiedShare: null };
      groups.set(id, group);
    }
    group.rated += figure.rated;
    group.satisfied += figure.satisfied;
  }
  return [...groups.values()]
    .map((group) => ({ ...group, notSatisfied: group.rated - group.satisfied, satisfiedShare: group.rated > 0 ? group.satisfied / group.rated : null }))
    .sort((a, b) => a.tenantId.localeCompare(b.tenantId) || (a.key ?? '').localeCompare(b.key ?? ''));
}
