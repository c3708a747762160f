/**
 * Workload and compliance per handler (the staff members named on a case, case_handler), for
 * the dashboards: of the cases received in the range, how many each handled, answered, and
 * answered within the service standard (the case figures, case_figure); and now, how many of
 * their cases are open and open overdue (docs/statistics.md "Dashboards"). Only cases the
 * viewer may open count (`casesWhere(ability, 'read')` in their data scope): a handler's
 * restricted cases never count for the secretariat, and a role that opens no case (the
 * tenant admin) gets no handler figures (null).
 */
import type { AppAbility } from '../auth/abilities.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { overdueWhere } from '../sla/deadline-state.ts';
import type { FigureFilter } from './figure-filter.ts';

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

const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

export async function listHandlerFigures(
  prisma: PrismaClient,
  viewer: { ability: AppAbility; scope: DataScope },
  tenantIds: readonly string[],
  filter: FigureFilter,
  now = new Date(),
): Promise<HandlerFigure[] | null> {
  if (!viewer.ability.can('read', 'Case')) return null;
  const readable = casesWhere(viewer.ability, 'read');
  const inRange: Prisma.CaseFigureWhereInput = {
    receivedDate: { gte: day(filter.from), lte: day(filter.to) },
    ...(filter.caseTypeIds ? { caseTypeId: { in: [...filter.caseTypeIds] } } : {}),
    ...(filter.categoryIds ? { categoryId: { in: [...filter.categoryIds] } } : {}),
    ...(filter.channelIds ? { channelId: { in: [...filter.channelIds] } } : {}),
  };
  const narrowed: Prisma.CaseWhereInput = {
    ...(filter.caseTypeIds ? { caseTypeId: { in: [...filter.caseTypeIds] } } : {}),
    ...(filter.categoryIds ? { categoryId: { in: [...filter.categoryIds] } } : {}),
    ...(filter.channelIds ? { channelId: { in: [...filter.channelIds] } } : {}),
  };
  const groups = (caseWhere: Prisma.CaseWhereInput) => ({
    by: ['tenantId', 'staffUserId'] as ['tenantId', 'staffUserId'],
    where: { tenantId: { in: [...tenantIds] }, case: { AND: [readable, caseWhere] } },
    _count: { _all: true as const },
  });
  const { counts, staff } = await withDataScope(prisma, viewer.scope, async (tx) => {
    const counts = {
      handled: await tx.caseHandler.groupBy(groups({ figure: { is: inRange } })),
      answered: await tx.caseHandler.groupBy(groups({ figure: { is: { ...inRange, outcome: 'ANSWERED' } } })),
      withinStandard: await tx.caseHandler.groupBy(groups({ figure: { is: { ...inRange, withinStandard: true } } })),
      open: await tx.caseHandler.groupBy(groups({ ...narrowed, status: { in: [...OPEN_STATUSES] } })),
      openOverdue: await tx.caseHandler.groupBy(groups({ ...narrowed, ...overdueWhere(OPEN_STATUSES, now) })),
    };
    const ids = [...new Set(Object.values(counts).flatMap((rows) => rows.map((row) => row.staffUserId)))];
    const staff = await tx.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return { counts, staff };
  });
  const names = new Map(staff.map((member) => [member.id, member.name]));
  const figures = new Map<string, HandlerFigure>();
  for (const [measure, rows] of Object.entries(counts) as [keyof typeof counts, (typeof counts)['handled']][]) {
    for (const row of rows) {
      const key = `${row.tenantId}/${row.staffUserId}`;
      let figure = figures.get(key);
      if (!figure) {
        figure = {
          tenantId: row.tenantId,
          staffUserId: row.staffUserId,
          name: names.get(row.staffUserId) ?? '',
          handled: 0,
          answered: 0,
          withinStandard: 0,
          open: 0,
          openOverdue: 0,
        };
        figures.set(key, figure);
      }
      figure[measure] = row._count._all;
    }
  }
  return [...figures.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId) || b.handled - a.handled || a.name.localeCompare(b.name));
}
