/**
 * Which mails a staff member chooses to receive. Every staff kind is optional; the reporter's
 * kinds are not staff's to choose. Kept on the staff member (`email_opt_out`), read by the
 * dispatch (nothing is queued for a kind opted out of) and again by the sender.
 */
import { withDataScope } from '../auth/data-scope.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { AppError } from '../errors.ts';
import type { EmailKind } from '../generated/prisma/enums.ts';
import { STAFF_MAIL_KINDS } from './notification-rules.ts';

export async function findStaffEmailOptOut(db: Database, viewer: StaffViewer): Promise<EmailKind[]> {
  const row = await withDataScope(db.prisma, viewer.scope, (tx) => tx.staffUser.findUnique({ where: { id: viewer.userId }, select: { emailOptOut: true } }));
  return row?.emailOptOut ?? [];
}

export async function setStaffEmailOptOut(db: Database, viewer: StaffViewer, kinds: readonly EmailKind[]): Promise<EmailKind[]> {
  const unknown = kinds.filter((kind) => !STAFF_MAIL_KINDS.includes(kind));
  if (unknown.length > 0) {
    const message = `Not a staff email kind: ${unknown.join(', ')}.`;
    throw new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['optOut'], message }] });
  }
  const optOut = [...new Set(kinds)];
  // Their own row only: the viewer's id, never one given by the client.
  await withDataScope(db.prisma, viewer.scope, (tx) => tx.staffUser.update({ where: { id: viewer.userId }, data: { emailOptOut: optOut } }));
  return optOut;
}
