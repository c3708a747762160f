/**
 * Satisfaction figures for the dashboards (issue 15): how many answers were rated and how many
 * of them satisfied the reporter, per agency, case type and handler (who drafted the approved
 * answer, ADR 0029). Counted with the viewer's CASL filter inside their data scope, as the case
 * counters are (case-counters.service.ts): a figure never includes a case the viewer could not
 * open, so a restricted case counts only for its handlers and the head, and a case a staff
 * member is excluded from never counts for them. No comment is ever read here.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope, type DataScope } from '../auth/data-scope.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

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

/**
 * The finest figures the viewer may see: per agency, case type and handler, counting ratings
 * first given in [from, to) when given.
 */
export async function listSatisfactionFigures(
  prisma: PrismaClient,
  viewer: { ability: AppAbility; scope: DataScope },
  period: { from?: Date; to?: Date } = {},
): Promise<SatisfactionFigure[]> {
  const ratedAt = period.from || period.to ? { ratedAt: { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lt: period.to } : {}) } } : {};
  const rows = await withDataScope(prisma, viewer.scope, (tx) =>
    tx.caseRating.groupBy({
      by: ['tenantId', 'caseTypeId', 'handlerId', 'satisfied'],
      where: { AND: [{ case: casesWhere(viewer.ability, 'read') }, ratedAt] },
      _count: { _all: true },
    }),
  );
  const figures = new Map<string, SatisfactionFigure>();
  for (const row of rows) {
    const key = `${row.tenantId}/${row.caseTypeId}/${row.handlerId ?? ''}`;
    let figure = figures.get(key);
    if (!figure) {
      figure = { tenantId: row.tenantId, caseTypeId: row.caseTypeId, handlerId: row.handlerId, rated: 0, satisfied: 0 };
      figures.set(key, figure);
    }
    figure.rated += row._count._all;
    if (row.satisfied) figure.satisfied += row._count._all;
  }
  return [...figures.values()].sort((a, b) => keyOrder(a, b));
}

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
