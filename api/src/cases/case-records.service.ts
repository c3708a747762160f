/**
 * What staff record on a case besides its status: internal notes (follow-up, coordination),
 * messages to the reporter, the priority, the official answer's drafts and access
 * restriction (conflicts of interest: case-conflicts.service.ts). Each is an event on the timeline (internal unless the
 * reporter is meant to see it).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { CasePriority, EventVisibility, NoteKind } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import type { Database } from '../db.ts';
import { ANSWER_RULES, OPEN_STATUSES, type CaseStatus } from './case-lifecycle.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { cleanText, loadForHandling, type TransitionRow } from './case-workflow.service.ts';
import { recordAudit } from '../audit/audit-log.service.ts';

type EventKind = Prisma.CaseEventCreateManyInput['kind'];

async function recordEvent(
  tx: ScopedTransaction,
  row: { id: string; tenantId: string; status: CaseStatus },
  viewer: StaffViewer,
  event: { kind: EventKind; visibility?: EventVisibility; reason?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await tx.caseEvent.create({
    data: {
      tenantId: row.tenantId,
      caseId: row.id,
      kind: event.kind,
      actorKind: 'STAFF',
      actorId: viewer.userId,
      visibility: event.visibility ?? 'INTERNAL',
      status: row.status,
      reason: event.reason ?? null,
      data: (event.data ?? {}) as Prisma.InputJsonValue,
    },
  });
}

function assertOpen(row: TransitionRow): void {
  if (!OPEN_STATUSES.includes(row.status)) {
    throw new AppError('INVALID_TRANSITION', `A case that is ${row.status} takes no more work.`, { status: row.status });
  }
}

function requireRole(viewer: StaffViewer, roles: readonly string[], what: string): void {
  if (!viewer.roles.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN', `Your role may not ${what}.`);
}

export async function addCaseNote(db: Database, viewer: StaffViewer, input: { caseId: string; kind: NoteKind; body: string }) {
  const body = cleanText(input.body, 'body', { required: true })!;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    const note = await tx.caseNote.create({ data: { tenantId: row.tenantId, caseId: row.id, authorId: viewer.userId, kind: input.kind, body } });
    await recordEvent(tx, row, viewer, { kind: 'NOTE_ADDED', data: { noteId: note.id, noteKind: input.kind } });
    return note;
  });
}

/** A message the reporter reads on the track page. */
export async function sendStaffMessage(db: Database, viewer: StaffViewer, input: { caseId: string; body: string }) {
  const body = cleanText(input.body, 'body', { required: true })!;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    assertOpen(row);
    const message = await tx.caseMessage.create({
      data: { tenantId: row.tenantId, caseId: row.id, authorKind: 'STAFF', authorId: viewer.userId, visibility: 'REPORTER', body },
    });
    await recordEvent(tx, row, viewer, { kind: 'MESSAGE', visibility: 'REPORTER', data: { messageId: message.id } });
    return message;
  });
}

export async function setCasePriority(db: Database, viewer: StaffViewer, input: { caseId: string; priority: CasePriority }) {
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    const before = await tx.case.findUniqueOrThrow({ where: { id: row.id }, select: { priority: true } });
    if (before.priority === input.priority) return row.id;
    await tx.case.update({ where: { id: row.id }, data: { priority: input.priority } });
    await recordEvent(tx, row, viewer, { kind: 'PRIORITY_CHANGED', data: { from: before.priority, to: input.priority } });
    return row.id;
  });
}

/**
 * The review team writes the official answer; `submit` sends it to the head for approval.
 * A draft is edited in place until it is submitted; a returned answer starts a new draft.
 */
export async function draftCaseAnswer(db: Database, viewer: StaffViewer, input: { caseId: string; body: string; submit: boolean }) {
  requireRole(viewer, ANSWER_RULES.draft.roles, 'draft the official answer');
  const body = cleanText(input.body, 'body', { required: true })!;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    if (!ANSWER_RULES.draft.from.includes(row.status)) {
      throw new AppError('INVALID_TRANSITION', 'An answer is drafted while the case is in follow-up.', { status: row.status });
    }
    const status = input.submit ? 'SUBMITTED' : 'DRAFT';
    const open = await tx.caseAnswer.findFirst({ where: { caseId: row.id, status: { in: ['DRAFT', 'SUBMITTED'] } }, orderBy: { createdAt: 'desc' } });
    const answer = open
      ? await tx.caseAnswer.update({ where: { id: open.id }, data: { body, status, draftedById: viewer.userId } })
      : await tx.caseAnswer.create({ data: { tenantId: row.tenantId, caseId: row.id, body, status, draftedById: viewer.userId } });
    await recordEvent(tx, row, viewer, { kind: 'ANSWER_DRAFTED', data: { answerId: answer.id, submitted: input.submit } });
    return answer;
  });
}

/** The head sends a submitted answer back to the review team, with a reason. */
export async function returnCaseAnswer(db: Database, viewer: StaffViewer, input: { caseId: string; reason: string }) {
  requireRole(viewer, ANSWER_RULES.decide.roles, 'return an answer');
  const reason = cleanText(input.reason, 'reason', { required: true })!;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    const answer = await tx.caseAnswer.findFirst({ where: { caseId: row.id, status: 'SUBMITTED' }, orderBy: { createdAt: 'desc' } });
    if (!answer) throw new AppError('INVALID_TRANSITION', 'There is no answer submitted for approval.');
    const returned = await tx.caseAnswer.update({
      where: { id: answer.id },
      data: { status: 'RETURNED', decidedById: viewer.userId, decidedAt: new Date(), decisionReason: reason },
    });
    await recordEvent(tx, row, viewer, { kind: 'ANSWER_RETURNED', reason, data: { answerId: answer.id } });
    return returned;
  });
}

/** The head limits a sensitive case to named handlers (or lifts the limit with none). */
export async function restrictCase(db: Database, viewer: StaffViewer, input: { caseId: string; handlerIds: string[] }) {
  const handlerIds = [...new Set(input.handlerIds)];
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await tx.case.findFirst({
      where: { AND: [casesWhere(viewer.ability, 'restrict'), { id: input.caseId }] },
      select: { id: true, tenantId: true, status: true },
    });
    if (!row) throw new AppError('NOT_FOUND', 'No such case.');
    const staff = await tx.staffUser.findMany({ where: { id: { in: handlerIds }, tenantId: row.tenantId, active: true }, select: { id: true } });
    if (staff.length !== handlerIds.length) throw new AppError('BAD_USER_INPUT', 'Every handler must be an active staff member of this agency.');
    const excluded = await tx.caseExclusion.count({ where: { caseId: row.id, staffUserId: { in: handlerIds } } });
    if (excluded > 0) throw new AppError('BAD_USER_INPUT', 'A staff member with a conflict of interest cannot handle this case.');
    await tx.caseHandler.deleteMany({ where: { caseId: row.id } });
    if (handlerIds.length > 0) {
      await tx.caseHandler.createMany({ data: handlerIds.map((staffUserId) => ({ tenantId: row.tenantId, caseId: row.id, staffUserId })) });
    }
    await tx.case.update({ where: { id: row.id }, data: { restricted: handlerIds.length > 0 } });
    await recordEvent(tx, row, viewer, { kind: 'ACCESS_RESTRICTED', data: { handlerIds, restricted: handlerIds.length > 0 } });
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: viewer.userId,
      action: 'CASE_RESTRICTED',
      caseId: row.id,
      data: { handlerIds, restricted: handlerIds.length > 0 },
    });
    return row.id;
  });
}
