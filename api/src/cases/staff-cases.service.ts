/**
 * What staff read: the inbox (cases the viewer may see, filtered, newest first, by keyset
 * pagination) and one case with everything staff work from. Every read runs inside the
 * viewer's data scope (row-level security) and through the viewer's CASL filter.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CasePriority } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { AppAbility, CaseAction } from '../auth/abilities.ts';
import type { ScopedTransaction } from '../auth/data-scope.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { slaStateOf, type CaseSlaState } from '../sla/case-sla.ts';
import { notOverdueWhere, overdueWhere } from '../sla/deadline-state.ts';
import { OPEN_STATUSES, type CaseStatus } from './case-lifecycle.ts';
import { registrationNumberSearch } from './registration-number.ts';

export const INBOX_MAX_PAGE = 100;

export interface InboxFilter {
  statuses?: CaseStatus[] | null;
  tenantIds?: string[] | null;
  caseTypeIds?: string[] | null;
  categoryIds?: string[] | null;
  channelIds?: string[] | null;
  priorities?: CasePriority[] | null;
  /** Only cases overdue (true) or not (false), as sla/deadline-state.ts defines it. */
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
  sla: { select: { escalatedAt: true, instructionDeadline: true, escalationConcludedAt: true } },
  restricted: true,
  identityMode: true,
  caseTypeId: true,
  categoryId: true,
  channelId: true,
} satisfies Prisma.CaseSelect;

type InboxRow = Prisma.CaseGetPayload<{ select: typeof inboxSelect }>;
/** `instructionDeadline`: the secretariat's instructed deadline while its follow-up is open (ADR 0028). */
export type InboxCase = Omit<InboxRow, 'sla'> & { escalatedAt: Date | null; instructionDeadline: Date | null };

/** The SLA columns kept beside the case (case_sla, ADR 0011), read as the case's own. */
function withSla<T extends { sla: Partial<CaseSlaState> | null }>({ sla, ...row }: T): Omit<T, 'sla'> & CaseSlaState {
  return { ...row, ...slaStateOf(sla) };
}

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
 * (A and B) or (A and C) as A and (B or C): CASL gives one OR branch per rule, each
 * repeating the tenant and the `exclusions: { none }` subquery. Prisma writes each copy as
 * its own correlated subquery, which PostgreSQL cannot merge; inside an OR they run as
 * filters over every scanned row and inflate the plan's cost (enough to switch JIT on).
 * Hoisted, the exclusion check is one anti-join and only `restricted = false OR handler`
 * stays in the OR. Same rows, by construction: a key is hoisted only when every branch
 * has it with the same value.
 */
function hoistCommonConditions(where: Prisma.CaseWhereInput): Prisma.CaseWhereInput {
  const branches = where.OR;
  if (!Array.isArray(branches) || branches.length < 2 || Object.keys(where).length !== 1) return where;
  if (!branches.every((branch) => branch && typeof branch === 'object' && !Array.isArray(branch))) return where;
  const records = branches as Record<string, unknown>[];
  const common = Object.keys(records[0]!).filter((key) => records.every((branch) => key in branch && isDeepStrictEqual(branch[key], records[0]![key])));
  if (common.length === 0) return where;
  const hoisted = Object.fromEntries(common.map((key) => [key, records[0]![key]])) as Prisma.CaseWhereInput;
  const rest = records.map((branch) => Object.fromEntries(Object.entries(branch).filter(([key]) => !common.includes(key))));
  // A branch left empty matches every row the hoisted part matches: the OR adds nothing.
  return rest.some((branch) => Object.keys(branch).length === 0) ? hoisted : { AND: [hoisted, { OR: rest as Prisma.CaseWhereInput[] }] };
}

/**
 * The tenants the viewer's rules for an action reach, when every rule names its tenants
 * (they all do, see abilities.ts); null when that cannot be read off the rules.
 */
function ruleTenantIds(ability: AppAbility, action: CaseAction): string[] | null {
  const tenants = new Set<string>();
  for (const rule of ability.rulesFor(action, 'Case')) {
    const tenantId = (rule.conditions as { tenantId?: unknown } | undefined)?.tenantId;
    if (rule.inverted) continue;
    if (typeof tenantId === 'string') tenants.add(tenantId);
    else if (tenantId && typeof tenantId === 'object' && Array.isArray((tenantId as { in?: unknown }).in))
      for (const id of (tenantId as { in: string[] }).in) tenants.add(id);
    else return null;
  }
  return [...tenants].sort();
}

export function inboxWhere(ability: AppAbility, filter: InboxFilter, now: Date): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [hoistCommonConditions(casesWhere(ability, 'read'))];
  if (filter.statuses?.length) and.push({ status: { in: filter.statuses } });
  if (filter.tenantIds?.length) and.push({ tenantId: { in: filter.tenantIds } });
  if (filter.caseTypeIds?.length) and.push({ caseTypeId: { in: filter.caseTypeIds } });
  if (filter.categoryIds?.length) and.push({ categoryId: { in: filter.categoryIds } });
  if (filter.channelIds?.length) and.push({ channelId: { in: filter.channelIds } });
  if (filter.priorities?.length) and.push({ priority: { in: filter.priorities } });
  if (filter.overdue === true) and.push(overdueWhere(OPEN_STATUSES, now));
  if (filter.overdue === false) and.push(notOverdueWhere(OPEN_STATUSES, now));
  if (filter.escalated === true) and.push({ sla: { is: { escalatedAt: { not: null } } } });
  if (filter.escalated === false) and.push({ sla: { isNot: { escalatedAt: { not: null } } } });
  // A whole number or its beginning, as comparisons an index answers under row-level security.
  if (filter.search?.trim()) and.push(registrationNumberSearch(filter.search, now));
  return { AND: and };
}

/**
 * Newest first, by keyset. The indexes that keep a page cheap start with the tenant and
 * then go by received_at (prisma/migrations/20261124020000_inbox_indexes); they give rows
 * in order only for one tenant at a time. A viewer who reaches several agencies (the
 * provincial secretariat) therefore gets one small ordered query per agency, merged here,
 * instead of one query that sorts the whole province. See ops/bench/results/inbox.md.
 */
export async function listInbox(
  tx: ScopedTransaction,
  ability: AppAbility,
  input: { filter: InboxFilter; first: number; after?: string | null; now?: Date },
): Promise<{ cases: InboxCase[]; hasNextPage: boolean; endCursor: string | null }> {
  const first = Math.min(Math.max(input.first, 1), INBOX_MAX_PAGE);
  // Escalated cases are read newest first from case_sla's index of them, each checked against
  // the rest of the filter, instead of reading the agency's cases newest first and looking each
  // up in case_sla (the escalation lives there, ADR 0011; ~2,900 rows per page in the benchmark).
  const escalatedOnly = input.filter.escalated === true;
  const where = inboxWhere(ability, escalatedOnly ? { ...input.filter, escalated: null } : input.filter, input.now ?? new Date());
  const cursor = input.after ? decodeCursor(input.after) : null;
  if (cursor) {
    (where.AND as Prisma.CaseWhereInput[]).push({
      OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, id: { lt: cursor.id } }],
    });
  }
  const { sla: _sla, ...caseColumns } = inboxSelect;
  const page = async (tenantId: string | null, slaTenantId: string | null): Promise<InboxRow[]> => {
    const scoped = tenantId ? { AND: [...(where.AND as Prisma.CaseWhereInput[]), { tenantId }] } : where;
    if (!escalatedOnly) return tx.case.findMany({ where: scoped, select: inboxSelect, orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: first + 1 });
    const escalated = await tx.caseSla.findMany({
      where: {
        escalatedAt: { not: null },
        ...(slaTenantId ? { tenantId: slaTenantId } : {}),
        ...(cursor ? { OR: [{ receivedAt: { lt: cursor.receivedAt } }, { receivedAt: cursor.receivedAt, caseId: { lt: cursor.id } }] } : {}),
        case: { is: scoped },
      },
      select: { escalatedAt: true, instructionDeadline: true, escalationConcludedAt: true, case: { select: caseColumns } },
      orderBy: [{ receivedAt: 'desc' }, { caseId: 'desc' }],
      take: first + 1,
    });
    return escalated.map(({ case: row, ...sla }) => ({ ...row, sla }));
  };
  // Row-level security and the CASL subqueries make PostgreSQL overestimate these plans'
  // cost (by 100x), enough to JIT-compile a query that reads a page: 60 ms to 1.5 s lost.
  await tx.$executeRaw`SET LOCAL jit = off`;
  let tenants = ruleTenantIds(ability, 'read');
  if (tenants && input.filter.tenantIds?.length) tenants = tenants.filter((id) => input.filter.tenantIds!.includes(id));
  let rows: InboxRow[];
  if (!tenants || tenants.length <= 1) rows = await page(null, tenants?.[0] ?? null);
  else {
    // One after the other: a transaction runs one statement at a time anyway.
    rows = [];
    for (const tenantId of tenants) rows.push(...(await page(tenantId, tenantId)));
    rows.sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }
  const cases = rows.slice(0, first).map((row) => {
    const instructionDeadline = row.sla && !row.sla.escalationConcludedAt ? row.sla.instructionDeadline : null;
    const { escalatedAt, silenceCloseAt: _silence, escalationSource: _source, ...rest } = withSla(row);
    return { ...rest, escalatedAt, instructionDeadline };
  });
  const last = cases.at(-1);
  return { cases, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
}

/** Counting stops here: an exact count of a large agency's whole inbox costs a scan of it. */
export const INBOX_COUNT_LIMIT = 10_000;

/** The matching cases, counted up to INBOX_COUNT_LIMIT (`capped` when there are more). */
export async function countInbox(
  tx: ScopedTransaction,
  ability: AppAbility,
  filter: InboxFilter,
  now = new Date(),
): Promise<{ count: number; capped: boolean }> {
  await tx.$executeRaw`SET LOCAL jit = off`;
  const count = await tx.case.count({ where: inboxWhere(ability, filter, now), take: INBOX_COUNT_LIMIT + 1 });
  return { count: Math.min(count, INBOX_COUNT_LIMIT), capped: count > INBOX_COUNT_LIMIT };
}

export const staffCaseInclude = {
  events: { orderBy: { id: 'asc' } },
  messages: { orderBy: { createdAt: 'asc' }, include: { evidence: { where: { status: 'ATTACHED' } } } },
  notes: { orderBy: { createdAt: 'asc' } },
  officialAnswers: { orderBy: { createdAt: 'asc' } },
  evidence: { where: { status: 'ATTACHED' }, orderBy: { createdAt: 'asc' } },
  exclusions: true,
  handlers: true,
  sla: { select: { escalatedAt: true, escalationSource: true, silenceCloseAt: true } },
  // The reporter's rating of the answer (satisfaction.schema.ts), seen with the case.
  rating: { select: { caseId: true, satisfied: true, comment: true, ratedAt: true, updatedAt: true, changes: true } },
} satisfies Prisma.CaseInclude;

export type StaffCase = Omit<Prisma.CaseGetPayload<{ include: typeof staffCaseInclude }>, 'sla'> & CaseSlaState;

/** One case the viewer may see, by id or registration number; NOT_FOUND otherwise. */
export async function getStaffCase(
  tx: ScopedTransaction,
  ability: AppAbility,
  key: { id?: string | null; registrationNumber?: string | null },
): Promise<StaffCase> {
  const by: Prisma.CaseWhereInput = key.id ? { id: key.id } : { registrationNumber: (key.registrationNumber ?? '').trim().toUpperCase() };
  const found = await tx.case.findFirst({ where: { AND: [casesWhere(ability, 'read'), by] }, include: staffCaseInclude });
  if (!found) throw new AppError('NOT_FOUND', 'No such case.');
  return withSla(found);
}

/** Whether the viewer may take `action` on the case (evaluated in SQL, as for reads). */
export async function canOnCase(tx: ScopedTransaction, ability: AppAbility, action: CaseAction, caseId: string): Promise<boolean> {
  if (!ability.can(action, 'Case')) return false;
  const found = await tx.case.findFirst({ where: { AND: [casesWhere(ability, action), { id: caseId }] }, select: { id: true } });
  return found !== null;
}
