/**
 * Escalation by the reporter: when the running stage's deadline has passed without an
 * answer, the reporter may send the case up to the escalation target (the province's
 * secretariat, which reads every agency of its province). Once per case, whoever comes
 * first: the reporter or the SLA sweep (both write `case_sla` only where `escalated_at` is null).
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import { withTenantScope } from '../auth/data-scope.ts';
import { notifyEscalation } from '../notify/staff-notifications.service.ts';
import { isOverdue, overdueWhere } from '../sla/deadline-state.ts';
import { OPEN_STATUSES, type CaseStatus } from './case-lifecycle.ts';
import { findReporterCase } from './report-tracking.service.ts';

/** What the check reads of a case (a tracked case has all of it; a just-filed one may not). */
export interface EscalationFacts {
  status: CaseStatus;
  stageKey?: string | null;
  stageDeadline?: Date | null;
  waitingSince?: Date | null;
  /** The case's `case_sla` row (report-tracking.service.ts reads it); none means not escalated. */
  sla?: { escalatedAt: Date | null } | null;
}

export type EscalationRefusal = 'NOT_OPEN' | 'ALREADY_ESCALATED' | 'WAITING_FOR_REPORTER' | 'NO_DEADLINE' | 'NOT_OVERDUE';

/** Why the reporter may not escalate now, or null when they may. */
export function findEscalationRefusal(found: EscalationFacts, now: Date): EscalationRefusal | null {
  if (found.sla?.escalatedAt) return 'ALREADY_ESCALATED';
  if (!OPEN_STATUSES.includes(found.status)) return 'NOT_OPEN';
  if (found.waitingSince || found.status === 'NEEDS_INFO') return 'WAITING_FOR_REPORTER';
  if (!found.stageDeadline) return 'NO_DEADLINE';
  const facts = { status: found.status, stageDeadline: found.stageDeadline, waitingSince: found.waitingSince ?? null };
  if (!isOverdue(facts, OPEN_STATUSES, now)) return 'NOT_OVERDUE';
  return null;
}

const REFUSALS: Record<EscalationRefusal, string> = {
  NOT_OPEN: 'This report is no longer being handled, so it cannot be escalated.',
  ALREADY_ESCALATED: 'This report has already been escalated.',
  WAITING_FOR_REPORTER: 'The agency is waiting for your answer; the deadline is paused, so the report cannot be escalated now.',
  NO_DEADLINE: 'No stage deadline is running for this report, so it cannot be escalated.',
  NOT_OVERDUE: "The current stage's deadline has not passed yet; a report can be escalated only after it.",
};

export async function escalateReport(
  prisma: PrismaClient,
  request: { tenantId: string; provinceId: string; reporterAccountId: string | null },
  input: { registrationNumber: string; trackingCode?: string | null },
  now = new Date(),
): Promise<{ caseId: string; escalatedAt: Date }> {
  const found = await findReporterCase(prisma, request.tenantId, { ...input, reporterAccountId: request.reporterAccountId });
  const refusal = findEscalationRefusal(found, now);
  if (refusal) throw new AppError('INVALID_TRANSITION', REFUSALS[refusal], { reason: refusal });
  const actorId = found.reporterAccountId && found.reporterAccountId === request.reporterAccountId ? request.reporterAccountId : null;
  await withTenantScope(prisma, request.tenantId, async (tx) => {
    // The same guard as the sweep's: whichever commits first escalates, the other finds nothing.
    const written = await tx.caseSla.updateMany({
      where: { caseId: found.id, escalatedAt: null, case: { AND: [overdueWhere(OPEN_STATUSES, now), { status: found.status }] } },
      data: { escalatedAt: now, escalationSource: 'REPORTER', nextReminderAt: null },
    });
    if (written.count !== 1) throw new AppError('INVALID_TRANSITION', REFUSALS.ALREADY_ESCALATED, { reason: 'ALREADY_ESCALATED' });
    await tx.caseEvent.create({
      data: {
        tenantId: request.tenantId,
        caseId: found.id,
        kind: 'ESCALATED',
        actorKind: 'REPORTER',
        actorId,
        visibility: 'REPORTER',
        status: found.status,
        data: { source: 'REPORTER', stageKey: found.stageKey, deadline: found.stageDeadline?.toISOString() ?? null, provinceId: request.provinceId },
        createdAt: now,
      },
    });
    await notifyEscalation(tx, { tenantId: request.tenantId, provinceId: request.provinceId, caseId: found.id, at: now });
  });
  return { caseId: found.id, escalatedAt: now };
}
