/**
 * The agency's mails as its admin and head see them: what was sent or is stuck, to whom by kind
 * (a reporter, or which colleague), how often it was tried and why it failed. Never a reporter's
 * address: the outbox holds none, and the reason for a failure is kept without addresses. The
 * case's number only for a case the viewer may read: the admin reads no case, and a restricted
 * case or one the head is excluded from is not named (nor, so, that its reporter gets mail).
 */
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope } from '../auth/data-scope.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { AppError } from '../errors.ts';
import type { EmailKind, EmailStatus } from '../generated/prisma/enums.ts';

export const MAIL_DELIVERIES_MAX = 100;

export interface MailDeliveryView {
  id: string;
  kind: EmailKind;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  /** Null when the viewer may not read the case. */
  caseId: string | null;
  registrationNumber: string | null;
  recipient: 'REPORTER' | 'STAFF';
  /** The colleague's name for a mail to staff; null for the reporter. */
  staffName: string | null;
}

export function canReadMailDeliveries(viewer: Pick<StaffViewer, 'roles' | 'tenantId'>): boolean {
  return viewer.tenantId !== null && (viewer.roles.includes('TENANT_ADMIN') || viewer.roles.includes('AGENCY_HEAD'));
}

export async function listMailDeliveries(
  db: Database,
  viewer: StaffViewer,
  input: { statuses: EmailStatus[] | null; first: number },
): Promise<MailDeliveryView[]> {
  if (!canReadMailDeliveries(viewer) || !viewer.tenantId) throw new AppError('FORBIDDEN', "Only the agency's admin and head see its mail deliveries.");
  const tenantId = viewer.tenantId;
  const first = Math.min(Math.max(input.first, 1), MAIL_DELIVERIES_MAX);
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const rows = await tx.emailOutbox.findMany({
      where: { tenantId, ...(input.statuses?.length ? { status: { in: input.statuses } } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first,
    });
    const caseIds = [...new Set(rows.map((row) => row.caseId))];
    const staffIds = [...new Set(rows.flatMap((row) => (row.staffUserId ? [row.staffUserId] : [])))];
    const [cases, staff] = await Promise.all([
      viewer.ability.can('read', 'Case')
        ? tx.case.findMany({
            where: { AND: [casesWhere(viewer.ability, 'read'), { tenantId, id: { in: caseIds } }] },
            select: { id: true, registrationNumber: true },
          })
        : [],
      tx.staffUser.findMany({ where: { tenantId, id: { in: staffIds } }, select: { id: true, name: true } }),
    ]);
    const numbers = new Map(cases.map((item) => [item.id, item.registrationNumber]));
    const names = new Map(staff.map((item) => [item.id, item.name]));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      sentAt: row.sentAt,
      nextAttemptAt: row.nextAttemptAt,
      caseId: numbers.has(row.caseId) ? row.caseId : null,
      registrationNumber: numbers.get(row.caseId) ?? null,
      recipient: row.staffUserId ? 'STAFF' : 'REPORTER',
      staffName: row.staffUserId ? (names.get(row.staffUserId) ?? null) : null,
    }));
  });
}
