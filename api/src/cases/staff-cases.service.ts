/**
 * What staff read: the inbox (cases the viewer may see, filtered, newest first, by keyset
 * pagination) and one case with everything staff work from. Every read runs inside the
 * viewer's data scope (row-level security) and through the viewer's CASL filter.
 */
import { accessibleBy } from '@casl/prisma/runtime';
import type { Prisma } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { AppAbility, CaseAction } from '../auth/abilities.ts';
import type { ScopedTransaction } from '../auth/data-scope.ts';
import { OPEN_STATUSES, type CaseStatus } from './case-lifecycle.ts';

export const INBOX_MAX_PAGE = 100;

export interface InboxFilter {
  statuses?: CaseStatus[] | null;
  tenantIds?: string[] | null;
  caseTypeIds?: string[] | null;
  categoryIds?: string[] | null;
  channelIds?: string[] | null;
  priorities?: ('LOW' | 'NORMAL' | 'HIGH' | 'URGENT')[] | null;
  /** Only cases whose running stage's deadline has passed (and that are not waiting on the reporter). */
  overdue?: boolean | null;
  escalated?: boolean | null;
  /** A registration number, or part of one. */
  search?: string | null;
}

export const inboxSelect = {
  id: true,
  tenantId: true,
  registrationNumber: true,
  title: true,
  status: true,
  priority: true,
  receivedAt: true,
  stageKey: true,
  stageDeadline: true,
  stageProvisional: true,
  waitingSince: true,
  escalatedAt: true,
  restricted: true,
  identityMode: true,
  caseTypeId: true,
  categoryId: true,
  channelId: true,
} satisfies Prisma.CaseSelect;

export type InboxCase = Prisma.CaseGetPayload<{ select: typeof inboxSelect }>;

interface Cursor {
  receivedAt: Date;
  id: string;
}

export function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const receivedAt = new Date(at ?? '');
  if (!id || Number.isNaN(receivedAt.getTime())) throw new AppError('BAD_USER_INPUT', 'The page cursor is not valid.');
  return { receivedAt, id };
}

/**
 * The CASL filter of an action on cases, as a Prisma where clause. A role with no rule for
 * the action at all is FORBIDDEN (it says nothing about any record): Prisma reads the empty
 * `OR: []` that CASL would give as "match everything", never let it through.
 */
export function casesWhere(ability: AppAbility, action: CaseAction): Prisma.CaseWhereInput {
  if (!ability.can(action, 'Case')) throw new AppError('FORBIDDEN', `Your role may not ${action} cases.`, { action });
  const where = accessibleBy(ability, action).ofType('Case') as Prisma.CaseWhereInput;
  if (Array.isArray(where.OR) && where.OR.length === 0) throw new AppError('FORBIDDEN', `Your role may not ${action} cases.`, { action });
  return where;
}

export function inboxWhere(ability: AppAbility, filter: InboxFilter, now: Date): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [casesWhere(ability, 'read')];
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.tenantIds?.length) and.push({ tenantId: { in: filter.tenantIds } });
  if (filter.caseTypeIds?.length) and.push({ caseTypeId: { in: filter.caseTypeIds } });
  if (filter.categoryIds?.length) and.push({ categoryId: { in: filter.categoryIds } });
  if (filter.channelIds?.length) and.push({ channelId: { in: filter.channelIds } });
  if (filter.priorities?.length) and.push({ priority: { in: filter.priorities } });
  if (filter.overdue === true) and.push({ stageDeadline: { lt: now }, waitingSince: null, status: { in: [...OPEN_STATUSES] } });
  if (filter.overdue === false) and.push({ OR: [{ stageDeadline: null }, { stageDeadline: { gte: now } }, { waitingSince: { not: null } }] });
  if (filter.escalated === true) and.push({ escalatedAt: { not: null } });
  if (filter.escalated === false) and.push({ escalatedAt: null });
  const search = filter.search?.trim();
  if (search) and.push({ registrationNumber: { contains: search.toUpperCase() } });
  return { AND: and };
}

export async function listInbox(
  tx: ScopedTransaction,
  ability: AppAbility,
  input: { filter: InboxFilter; first: number; after?: string | null; now?: Date },
): Promise<{ cases: InboxCase[]; hasNextPage: boolean; endCursor: string | null }> {
  const first = Math.min(Math.max(input.first, 1), INBOX_MAX_PAGE);
  const where = inboxWhere(ability, input.filter, input.now ?? new Date());
  if (input.after) {
    const cursor = decodeCursor(input.after);
    (where.AND as Prisma.CaseWhereInput[]).push({
      OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }],
    });
  }
  const rows = await tx.case.findMany({
    where,
    select: inboxSelect,
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: first + 1,
  });
  const cases = rows.slice(0, first);
  const last = cases.at(-1);
  return { cases, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
}

export function countInbox(tx: ScopedTransaction, ability: AppAbility, filter: InboxFilter, now = new Date()): Promise<number> {
  return tx.case.count({ where: inboxWhere(ability, filter, now) });
}

export const staffCaseInclude = {
  events: { orderBy: { id: 'asc' } },
  messages: { orderBy: { createdAt: 'asc' }, include: { evidence: { where: { status: 'ATTACHED' } } } },
  notes: { orderBy: { createdAt: 'asc' } },
  officialAnswers: { orderBy: { createdAt: 'asc' } },
  evidence: { where: { status: 'ATTACHED' }, orderBy: { createdAt: 'asc' } },
  exclusions: true,
  handlers: true,
} satisfies Prisma.CaseInclude;

export type StaffCase = Prisma.CaseGetPayload<{ include: typeof staffCaseInclude }>;

/** One case the viewer may see, by id or registration number; NOT_FOUND otherwise. */
export async function getStaffCase(
  tx: ScopedTransaction,
  ability: AppAbility,
  key: { id?: string | null; registrationNumber?: string | null },
): Promise<StaffCase> {
  const by: Prisma.CaseWhereInput = key.id ? { id: key.id } : { registrationNumber: (key.registrationNumber ?? '').trim().toUpperCase() };
  const found = await tx.case.findFirst({ where: { AND: [casesWhere(ability, 'read'), by] }, include: staffCaseInclude });
  if (!found) throw new AppError('NOT_FOUND', 'No such case.');
  return found;
}

/** Whether the viewer may take `action` on the case (evaluated in SQL, as for reads). */
export async function canOnCase(tx: ScopedTransaction, ability: AppAbility, action: CaseAction, caseId: string): Promise<boolean> {
  if (!ability.can(action, 'Case')) return false;
  const found = await tx.case.findFirst({ where: { AND: [casesWhere(ability, action), { id: caseId }] }, select: { id: true } });
  return found !== null;
}
