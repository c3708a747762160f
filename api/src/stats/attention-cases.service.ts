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
import { isOverdue, notOverdueWhere, overdueSql } from '../sla/deadline-state.ts';

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

// The overdue cases of the agencies ($1) at $2, most overdue first, after the key ($3..$5): each
// agency's first ones from the partial index case_running_deadline_idx, then merged. Per agency,
// because a list of agencies beside row-level security's own leaves the planner guessing a few
// hundred rows and sorting every overdue case of a province; the statuses as literals, because
// Prisma's parameters cast to the enum cannot prove the index's condition.
const OVERDUE_AFTER = `
  SELECT x.id, x.deadline, x.received FROM unnest($1::uuid[]) AS agency (id)
  CROSS JOIN LATERAL (
    SELECT c.id, c.stage_deadline AS deadline, c.received_at AS received FROM "case" c
    WHERE c.tenant_id = agency.id AND ${overdueSql('c', OPEN_STATUSES, '$2::timestamp')} AND c.stage_deadline IS NOT NULL
      AND (c.stage_deadline, c.received_at, c.id) > ($3::timestamp, $4::timestamp, $5::uuid)
    ORDER BY c.stage_deadline, c.received_at, c.id LIMIT $6
  ) x
  ORDER BY x.deadline, x.received, x.id LIMIT $6`;

const FIRST_KEY = ['-infinity', '-infinity', '00000000-0000-0000-0000-000000000000'] as const;

/** Null when the viewer's role opens no case. */
export async function listAttentionCases(
  prisma: PrismaClient,
  viewer: { ability: AppAbility; scope: DataScope },
  tenantIds: readonly string[],
  now = new Date(),
  limit = ATTENTION_LIMIT,
): Promise<AttentionCase[] | null> {
  if (!viewer.ability.can('read', 'Case')) return null;
  const readable = casesWhere(viewer.ability, 'read');
  const nowWall = now.toISOString().replace('Z', '');
  const rows = await withDataScope(prisma, viewer.scope, async (tx) => {
    // The overdue ones in deadline order, a batch at a time, keeping those the viewer may open.
    const overdue: Awaited<ReturnType<typeof tx.case.findMany<{ select: typeof SELECT }>>> = [];
    let key: readonly unknown[] = FIRST_KEY;
    for (let batch = limit * 2; overdue.length < limit; batch *= 2) {
      const candidates = await tx.$queryRawUnsafe<{ id: string; deadline: Date; received: Date }[]>(OVERDUE_AFTER, [...tenantIds], nowWall, ...key, batch);
      if (candidates.length === 0) break;
      const found = await tx.case.findMany({ where: { AND: [readable, { id: { in: candidates.map((row) => row.id) } }] }, select: SELECT });
      const byId = new Map(found.map((row) => [row.id, row]));
      for (const candidate of candidates) {
        const row = byId.get(candidate.id);
        if (row && overdue.length < limit) overdue.push(row);
      }
      const last = candidates[candidates.length - 1]!;
      key = [last.deadline.toISOString().replace('Z', ''), last.received.toISOString().replace('Z', ''), last.id];
      if (candidates.length < batch) break;
    }
    if (overdue.length === limit) return overdue;
    const escalated = await tx.case.findMany({
      where: {
        AND: [
          readable,
          { tenantId: { in: [...tenantIds] }, status: { in: [...OPEN_STATUSES] } },
          notOverdueWhere(OPEN_STATUSES, now),
          { sla: { is: { escalatedAt: { not: null } } } },
        ],
      },
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
