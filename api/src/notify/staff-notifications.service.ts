/**
 * The console's staff notifications: who is told about a case's deadline (the roles of an
 * agency, and the province's secretariat for an escalation), how an escalation's notification
 * is written, and what a staff member lists. A notification names a case and what happened,
 * never the case's content. The SLA sweep (jobs/sla-sweep.sql.ts) writes its notifications in
 * SQL with the same roles (`agencyRolesSql`); the reporter's escalation
 * (cases/escalation.service.ts) with `notifyEscalation`. Read state is in
 * staff-notification-reads.service.ts.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { withDataScope } from '../auth/data-scope.ts';
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { CASE_HANDLING_ROLES } from '../auth/roles.ts';

/** The agency roles told about a reminder, an overdue case or an automatic closure: those who handle cases. */
export const AGENCY_NOTIFICATION_ROLES = CASE_HANDLING_ROLES;

/** AGENCY_NOTIFICATION_ROLES as a SQL array literal, for the sweep's statements. */
export const agencyRolesSql = `ARRAY[${AGENCY_NOTIFICATION_ROLES.map((role) => `'${role}'`).join(', ')}]::"StaffRole"[]`;

export const MAX_NOTIFICATIONS = 100;

/**
 * An escalation's notification, in the escalating transaction: one row for the agency's
 * roles and the province's secretariat (see listStaffNotifications).
 */
export async function notifyEscalation(
  tx: { staffNotification: Pick<Prisma.TransactionClient['staffNotification'], 'create'> },
  escalation: { tenantId: string; provinceId: string; caseId: string; at: Date },
): Promise<void> {
  await tx.staffNotification.create({
    data: {
      tenantId: escalation.tenantId,
      provinceId: escalation.provinceId,
      roles: [...AGENCY_NOTIFICATION_ROLES],
      caseId: escalation.caseId,
      kind: 'OVERDUE',
      createdAt: escalation.at,
    },
  });
}

export interface StaffNotificationView {
  id: string;
  kind: 'REMINDER' | 'OVERDUE' | 'SILENCE_NOTICE' | 'SILENCE_CLOSED' | 'INSTRUCTION' | 'INSTRUCTION_OVERDUE';
  createdAt: Date;
  forProvince: boolean;
  case: {
    id: string;
    tenantId: string;
    registrationNumber: string;
    status: CaseStatus;
    stageKey: string | null;
    stageDeadline: Date | null;
    escalationSource: 'SLA_SWEEP' | 'REPORTER' | null;
  };
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
      select: {
        id: true,
        tenantId: true,
        registrationNumber: true,
        status: true,
        stageKey: true,
        stageDeadline: true,
        sla: { select: { escalationSource: true } },
      },
    });
    const byId = new Map(cases.map(({ sla, ...item }) => [item.id, { ...item, escalationSource: sla?.escalationSource ?? null }]));
    const forProvince = !viewer.tenantId;
    return notifications
      .flatMap((item) => {
        const found = byId.get(item.caseId);
        return found ? [{ id: item.id, kind: item.kind, createdAt: item.createdAt, forProvince, case: found }] : [];
      })
      .slice(0, first);
  });
}
