/**
 * Escalation by the reporter: when the running stage's deadline has passed without an
 * answer, the reporter may send the case up to the escalation target (the province's
 * secretariat, which reads every agency of its province). Once per case, whoever comes
 * first: the reporter or the SLA sweep (both write `case_sla` only where `escalated_at` is null).
 * And the console's notifications, read inside the viewer's data scope.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { withDataScope, withTenantScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES, type CaseStatus } from '../cases/case-lifecycle.ts';
import { findReporterCase } from '../cases/report-tracking.service.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { AGENCY_NOTIFICATION_ROLES } from './sla-sweep.sql.ts';

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
  if (found.stageDeadline.getTime() >= now.getTime()) return 'NOT_OVERDUE';
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
      where: { caseId: found.id, escalatedAt: null, case: { waitingSince: null, status: found.status, stageDeadline: { lt: now } } },
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
    // One notification for the agency's roles and the province's secretariat (see listStaffNotifications).
    await tx.staffNotification.create({
      data: { tenantId: request.tenantId, provinceId: request.provinceId, roles: [...AGENCY_NOTIFICATION_ROLES], caseId: found.id, kind: 'OVERDUE', createdAt: now },
    });
  });
  return { caseId: found.id, escalatedAt: now };
}

export const MAX_NOTIFICATIONS = 100;

export interface StaffNotificationView {
  id: string;
  kind: 'REMINDER' | 'OVERDUE' | 'SILENCE_NOTICE' | 'SILENCE_CLOSED';
  createdAt: Date;
  forProvince: boolean;
  case: { id: string; tenantId: string; registrationNumber: string; status: CaseStatus; stageKey: string | null; stageDeadline: Date | null; escalationSource: 'SLA_SWEEP' | 'REPORTER' | null };
}

/**
 * The viewer's notifications, newest first: an agency's staff get their agency's that name
 * one of their roles (or none); secretariat staff get their province's. An escalation is one
 * row for both: its agency and roles (`tenant_id`, `roles`) and its province (`province_id`);
 * older escalations have two rows, the province's without a tenant, which read the same. A
 * notification about a case the viewer may not read (restricted, excluded) is left out, so it
 * leaks nothing.
 */
export async function listStaffNotifications(prisma: PrismaClient, viewer: StaffViewer, first: number): Promise<StaffNotificationView[]> {
  let where: Prisma.StaffNotificationWhereInput;
  if (viewer.tenantId) {
    where = { tenantId: viewer.tenantId, OR: [{ roles: { isEmpty: true } }, { roles: { hasSome: [...viewer.roles] } }] };
  } else if (viewer.provinceId && viewer.roles.includes('PROVINCIAL_SECRETARIAT')) {
    where = { provinceId: viewer.provinceId };
  } else {
    return [];
  }
  return withDataScope(prisma, viewer.scope, async (tx) => {
    const notifications = await tx.staffNotification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first * 2 });
    if (notifications.length === 0) return [];
    const cases = await tx.case.findMany({
      where: { AND: [casesWhere(viewer.ability, 'read'), { id: { in: [...new Set(notifications.map((item) => item.caseId))] } }] },
      select: { id: true, tenantId: true, registrationNumber: true, status: true, stageKey: true, stageDeadline: true, sla: { select: { escalationSource: true } } },
    });
    const byId = new Map(cases.map(({ sla, ...item }) => [item.id, { ...item, escalationSource: sla?.escalationSource ?? null }]));
    const forProvince = !viewer.tenantId;
    return notifications.flatMap((item) => {
      const found = byId.get(item.caseId);
      return found ? [{ id: item.id, kind: item.kind, createdAt: item.createdAt, forProvince, case: found }] : [];
    }).slice(0, first);
  });
}
