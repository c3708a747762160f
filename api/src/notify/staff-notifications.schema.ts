/**
 * Staff notifications in GraphQL: the console's `staffNotifications` (reminders, overdue and
 * escalated cases, automatic closures, new cases, the reporter's replies, answers to approve), which of them the viewer has read
 * (`markStaffNotificationsRead`) and the unread count on the viewer.
 */
import { z } from 'zod';
import { StaffNotificationKind } from '../generated/prisma/enums.ts';
import { builder } from '../builder.ts';
import { getStaff } from '../context.ts';
import { AppError } from '../errors.ts';
import { CaseStatus } from '../cases/reporting.schema.ts';
import { EscalationSource } from '../cases/escalation.schema.ts';
import { StaffViewerRef } from '../auth/auth.schema.ts';
import { MAX_NOTIFICATIONS } from './staff-notifications.service.ts';
import {
  countUnreadStaffNotifications,
  listStaffNotificationItems,
  markStaffNotificationsRead,
  receivesNotifications,
  type StaffNotificationItem,
} from './staff-notification-reads.service.ts';

const NotificationKind = builder.enumType(StaffNotificationKind, {
  name: 'StaffNotificationKind',
  description:
    'REMINDER: a stage deadline is near. OVERDUE: a deadline passed and the case was escalated (by the sweep or the reporter). SILENCE_CLOSED: closed after the reporter stayed silent. NEW_CASE: a new case in your queue. REPORTER_REPLIED: the reporter wrote on a case of yours. ANSWER_TO_APPROVE: an answer waits for your approval.',
});

const StaffNotification = builder.objectRef<StaffNotificationItem>('StaffNotification').implement({
  description: "A console notification: never the case's content, only which case and what happened.",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKind, resolve: (item) => item.kind }),
    createdAt: t.field({ type: 'DateTime', resolve: (item) => item.createdAt }),
    forProvince: t.exposeBoolean('forProvince', { description: "True for the province's secretariat (an escalation), false for the agency's staff." }),
    caseId: t.id({ resolve: (item) => item.case.id }),
    registrationNumber: t.string({ resolve: (item) => item.case.registrationNumber }),
    caseStatus: t.field({ type: CaseStatus, resolve: (item) => item.case.status }),
    stageKey: t.string({ nullable: true, resolve: (item) => item.case.stageKey }),
    stageDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (item) => item.case.stageDeadline }),
    escalationSource: t.field({ type: EscalationSource, nullable: true, resolve: (item) => item.case.escalationSource }),
    agencySlug: t.string({
      resolve: async (item, _, ctx) => (await ctx.configs.find(item.case.tenantId))?.slug ?? '',
    }),
    read: t.boolean({ description: 'The signed-in staff member has marked it read.', resolve: (item) => item.readAt !== null }),
    readAt: t.field({ type: 'DateTime', nullable: true, resolve: (item) => item.readAt }),
  }),
});

const notificationArgs = z.object({ first: z.number().int().min(1).max(MAX_NOTIFICATIONS) });

builder.queryFields((t) => ({
  staffNotifications: t.field({
    type: [StaffNotification],
    description: "The signed-in staff member's notifications, newest first: their agency's for their roles, or their province's for the secretariat.",
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (_, args, ctx) => {
      const { first } = notificationArgs.parse({ first: args.first ?? 20 });
      const viewer = await getStaff(ctx);
      return (await listStaffNotificationItems(ctx.db.prisma, viewer, ctx)).slice(0, first);
    },
  }),
}));

builder.objectFields(StaffViewerRef, (t) => ({
  canReadNotifications: t.boolean({
    description: 'The roles receive console notifications (those that read cases): `staffNotifications` lists them.',
    resolve: (viewer) => receivesNotifications(viewer),
  }),
  unreadNotificationCount: t.int({
    description: `How many of the newest ${MAX_NOTIFICATIONS} notifications the staff member has not marked read.`,
    resolve: (viewer, _, ctx) => countUnreadStaffNotifications(ctx.db.prisma, viewer, ctx),
  }),
}));

const MarkStaffNotificationsReadInput = builder.inputType('MarkStaffNotificationsReadInput', {
  fields: (t) => ({ notificationIds: t.idList({ required: true, description: `Of the viewer's own newest ${MAX_NOTIFICATIONS} notifications.` }) }),
});
const NotificationsRead = builder.objectRef<{ marked: number; unread: number }>('StaffNotificationsRead').implement({
  fields: (t) => ({
    markedCount: t.int({ description: 'Newly marked read (ones read before are left as they were).', resolve: (result) => result.marked }),
    unreadCount: t.int({ description: 'Still unread among the newest notifications.', resolve: (result) => result.unread }),
  }),
});
const markArgs = z.object({ notificationIds: z.array(z.uuid()).min(1).max(MAX_NOTIFICATIONS) });

builder.mutationFields((t) => ({
  markStaffNotificationsRead: t.field({
    type: NotificationsRead,
    description:
      "Mark notifications read for the signed-in staff member only (others of the same roles still see them unread). NOT_FOUND, and nothing marked, when an id is not one of the viewer's notifications.",
    args: { input: t.arg({ type: MarkStaffNotificationsReadInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      const parsed = markArgs.safeParse({ notificationIds: input.notificationIds.map(String) });
      if (!parsed.success) {
        // A malformed id is no notification of the viewer's; an empty or too long list is bad input.
        const malformed = parsed.error.issues.some((issue) => issue.path.length > 1);
        if (malformed) throw new AppError('NOT_FOUND', 'No such notification.');
        throw new AppError('BAD_USER_INPUT', `Give between 1 and ${MAX_NOTIFICATIONS} notifications.`, {
          issues: [{ path: ['input', 'notificationIds'], message: `Give between 1 and ${MAX_NOTIFICATIONS} notifications.` }],
        });
      }
      return markStaffNotificationsRead(ctx.db.prisma, viewer, parsed.data.notificationIds);
    },
  }),
}));
