/**
 * Dashboard counters: per agency, how many cases the viewer may see are open, by stage,
 * overdue and escalated. Counted with the viewer's CASL filter inside their data scope,
 * so a counter never includes a case the viewer could not open. The live module
 * (live/live.schema.ts) pushes them to the console; dashboards will read them here.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { withDataScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { overdueWhere } from '../sla/deadline-state.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface AgencyCounters {
  tenantId: string;
  open: number;
  /** New and being verified. */
  inVerification: number;
  waitingForReporter: number;
  /** Accepted and in follow-up by the review team. */
  inFollowUp: number;
  /** Overdue (sla/deadline-state.ts). */
  overdue: number;
  /** Open and escalated. */
  escalated: number;
}

function empty(tenantId: string): AgencyCounters {
  return { tenantId, open: 0, inVerification: 0, waitingForReporter: 0, inFollowUp: 0, overdue: 0, escalated: 0 };
}

export async function countCases(prisma: PrismaClient, viewer: { ability: AppAbility; scope: DataScope }, now = new Date()): Promise<AgencyCounters[]> {
  const readable = casesWhere(viewer.ability, 'read');
  const open = { status: { in: [...OPEN_STATUSES] } };
  const [byStatus, overdue, escalated] = await withDataScope(prisma, viewer.scope, (tx) =>
    Promise.all([
      tx.case.groupBy({ by: ['tenantId', 'status'], where: { AND: [readable, open] }, _count: { _all: true } }),
      tx.case.groupBy({
        by: ['tenantId'],
        where: { AND: [readable, overdueWhere(OPEN_STATUSES, now)] },
        _count: { _all: true },
      }),
      tx.case.groupBy({ by: ['tenantId'], where: { AND: [readable, open, { sla: { is: { escalatedAt: { not: null } } } }] }, _count: { _all: true } }),
    ]),
  );
  const counters = new Map(viewer.scope.tenantIds.map((tenantId) => [tenantId, empty(tenantId)]));
  const of = (tenantId: string) => counters.get(tenantId) ?? counters.set(tenantId, empty(tenantId)).get(tenantId)!;
  for (const row of byStatus) {
    const entry = of(row.tenantId);
    const count = row._count._all;
    entry.open += count;
    if (row.status === 'SUBMITTED' || row.status === 'IN_VERIFICATION') entry.inVerification += count;
    else if (row.status === 'NEEDS_INFO') entry.waitingForReporter += count;
    else entry.inFollowUp += count;
  }
  for (const row of overdue) of(row.tenantId).overdue = row._count._all;
  for (const row of escalated) of(row.tenantId).escalated = row._count._all;
  return [...counters.values()];
}
