/**
 * The open cases a dashboard lists for action: overdue (sla/deadline-state.ts) or escalated,
 * most overdue first (the overdue ones by deadline, then the escalated ones not overdue), limited.
 * How many there are is counted with what is open now (open-cases.service.ts `needsAttention`,
 * every case of the audience, as the other counts). Only cases the viewer may open (the
 * CASL filter `casesWhere(ability, 'read')` inside their data scope): the secretariat never
 * sees a restricted case here, an excluded staff member never their case, and a role that opens
 * no case (the tenant admin) gets no list at all (null), only the counts of open-cases.service.ts.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope, type DataScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isOverdue, notOverdueWhere, overdueWhere } from '../sla/deadline-state.ts';

export const ATTENTION_LIMIT = 50;

const MS_PER_DAY = 86_400_000;

export interface AttentionCase {
  id: string;
  tenantId: string;
  registrationNumber: string;
  status: string;
  stageKey: string | null;
  stageDeadline: Date | null;
  /** Calendar days begun since the deadline passed; null when not overdue. */
  daysOverdue: number | null;
  escalatedAt: Date | null;
}

const SELECT = {
  id: true,
  tenantId: true,
  registrationNumber: true,
  status: true,
  stageKey: true,
  stageDeadline: true,
  waitingSince: true,
  sla: { select: { escalatedAt: true } },
} as const;

const ORDER = [{ stageDeadline: { sort: 'asc', nulls: 'last' } }, { receivedAt: 'asc' }, { id: 'asc' }] as const;

/** Null when the viewer's role opens no case. */
export async function listAttentionCases(
  prisma: PrismaClient,
  viewer: { ability: AppAbility; scope: DataScope },
  tenantIds: readonly string[],
  now = new Date(),
  limit = ATTENTION_LIMIT,
): Promise<AttentionCase[] | null> {
  if (!viewer.ability.can('read', 'Case')) return null;
  const base = [casesWhere(viewer.ability, 'read'), { tenantId: { in: [...tenantIds] }, status: { in: [...OPEN_STATUSES] } }];
  // Two reads an index answers in order (the OR of both in one statement is a scan of every open case).
  const rows = await withDataScope(prisma, viewer.scope, async (tx) => {
    const overdue = await tx.case.findMany({ where: { AND: [...base, overdueWhere(OPEN_STATUSES, now)] }, orderBy: [...ORDER], take: limit, select: SELECT });
    if (overdue.length === limit) return overdue;
    const escalated = await tx.case.findMany({
      where: { AND: [...base, notOverdueWhere(OPEN_STATUSES, now), { sla: { is: { escalatedAt: { not: null } } } }] },
      orderBy: [...ORDER],
      take: limit - overdue.length,
      select: SELECT,
    });
    return [...overdue, ...escalated];
  });
  return rows.map((row) => ({
    id: row.id,
    tenantId: row.tenantId,
    registrationNumber: row.registrationNumber,
    status: row.status,
    stageKey: row.stageKey,
    stageDeadline: row.stageDeadline,
    daysOverdue: isOverdue(row, OPEN_STATUSES, now) ? Math.ceil((now.getTime() - row.stageDeadline!.getTime()) / MS_PER_DAY) : null,
    escalatedAt: row.sla?.escalatedAt ?? null,
  }));
}
