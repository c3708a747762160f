/**
 * Which of the console's notifications a staff member has read. A notification goes to the
 * roles of an agency (or to a province's secretariat), not to a person, so each staff member
 * marks it read for themselves. What a viewer may mark, and what their unread count counts,
 * is exactly what `listStaffNotifications` shows them (the newest MAX_NOTIFICATIONS of their
 * agency's or province's, about cases they may read): one rule, no second one here.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { listStaffNotifications, MAX_NOTIFICATIONS, type StaffNotificationView } from './staff-notifications.service.ts';

export interface StaffNotificationItem extends StaffNotificationView {
  /** When the viewer marked it read; null while unread. */
  readAt: Date | null;
}

/** Whether the viewer's roles receive notifications at all: those who read cases. */
export function receivesNotifications(viewer: StaffViewer): boolean {
  return viewer.ability.can('read', 'Case');
}

/** The newest MAX_NOTIFICATIONS, read once per request (the page's list and the header's count share it). */
const perRequest = new WeakMap<object, Promise<StaffNotificationItem[]>>();

async function loadNewest(prisma: PrismaClient, viewer: StaffViewer): Promise<StaffNotificationItem[]> {
  if (!receivesNotifications(viewer)) return [];
  const notifications = await listStaffNotifications(prisma, viewer, MAX_NOTIFICATIONS);
  if (notifications.length === 0) return [];
  const marks = await withDataScope(prisma, viewer.scope, (tx) =>
    tx.staffNotificationRead.findMany({
      where: { staffUserId: viewer.userId, notificationId: { in: notifications.map((item) => item.id) } },
      select: { notificationId: true, readAt: true },
    }),
  );
  const readAt = new Map(marks.map((mark) => [mark.notificationId, mark.readAt]));
  return notifications.map((item) => ({ ...item, readAt: readAt.get(item.id) ?? null }));
}

/**
 * The viewer's notifications, newest first, each with whether they have read it. `request`
 * is the per-request object (the GraphQL context) the result is kept on.
 */
export function listStaffNotificationItems(prisma: PrismaClient, viewer: StaffViewer, request: object): Promise<StaffNotificationItem[]> {
  let newest = perRequest.get(request);
  if (!newest) {
    newest = loadNewest(prisma, viewer);
    perRequest.set(request, newest);
  }
  return newest;
}

/** How many of the viewer's newest notifications they have not read (at most MAX_NOTIFICATIONS). */
export async function countUnreadStaffNotifications(prisma: PrismaClient, viewer: StaffViewer, request: object): Promise<number> {
  const items = await listStaffNotificationItems(prisma, viewer, request);
  return items.filter((item) => item.readAt === null).length;
}

/**
 * Marks notifications read for the viewer only. Every id must be one of the viewer's own
 * notifications (as listed to them); otherwise NOT_FOUND and nothing is marked, so an id of
 * another agency, role or restricted case says nothing about it. Marking again keeps the
 * first time it was read.
 */
export async function markStaffNotificationsRead(
  prisma: PrismaClient,
  viewer: StaffViewer,
  notificationIds: readonly string[],
  now = new Date(),
): Promise<{ marked: number; unread: number }> {
  if (!receivesNotifications(viewer)) throw new AppError('FORBIDDEN', 'Your role receives no notifications.');
  const ids = [...new Set(notificationIds)];
  const mine = await loadNewest(prisma, viewer);
  const byId = new Map(mine.map((item) => [item.id, item]));
  if (ids.some((id) => !byId.has(id))) throw new AppError('NOT_FOUND', 'No such notification.');
  const fresh = ids.filter((id) => byId.get(id)!.readAt === null);
  if (fresh.length > 0) {
    await withDataScope(prisma, viewer.scope, (tx) =>
      tx.staffNotificationRead.createMany({
        data: fresh.map((notificationId) => ({
          staffUserId: viewer.userId,
          notificationId,
          tenantId: viewer.tenantId,
          provinceId: viewer.tenantId ? null : viewer.provinceId,
          readAt: now,
        })),
        skipDuplicates: true,
      }),
    );
  }
  const unread = mine.filter((item) => item.readAt === null && !ids.includes(item.id)).length;
  return { marked: fresh.length, unread };
}
