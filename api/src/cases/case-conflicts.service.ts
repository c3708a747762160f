/**
 * Conflicts of interest, so that nobody buries a case alone:
 * - a staff member who works the case declares their own conflict and loses the case at once;
 * - marking a colleague is a proposal: the agency head confirms it (or, when the colleague is a
 *   head, the provincial secretariat), never the proposer or the colleague; the head's own mark
 *   on a non-head colleague is the confirmation;
 * - no exclusion may leave a case with nobody able to act on it;
 * - read-only roles (custodian, secretariat) write nothing on a case here, except the
 *   secretariat's decision on a head, which goes to the audit log.
 * Every step is in the audit log.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { ExclusionKind } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { CASE_HANDLING_ROLES } from '../auth/roles.ts';
import { recordAudit } from '../audit/audit-log.service.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { cleanText } from './case-workflow.service.ts';

const caseSelect = { id: true, tenantId: true, status: true, restricted: true } as const;
type ConflictCase = Prisma.CaseGetPayload<{ select: typeof caseSelect }>;

/**
 * How many active staff could still act on the case (handle it: verifier, review team, head;
 * on a restricted case only its named handlers and the heads) once `leaving` is excluded.
 */
export async function countRemainingActors(tx: ScopedTransaction, row: ConflictCase, leaving: string): Promise<number> {
  const [excluded, handlers] = await Promise.all([
    tx.caseExclusion.findMany({ where: { caseId: row.id }, select: { staffUserId: true } }),
    row.restricted ? tx.caseHandler.findMany({ where: { caseId: row.id }, select: { staffUserId: true } }) : Promise.resolve([]),
  ]);
  return tx.staffUser.count({
    where: {
      tenantId: row.tenantId,
      active: true,
      roles: { hasSome: [...CASE_HANDLING_ROLES] },
      id: { notIn: [leaving, ...excluded.map((item) => item.staffUserId)] },
      ...(row.restricted ? { OR: [{ roles: { has: 'AGENCY_HEAD' } }, { id: { in: handlers.map((item) => item.staffUserId) } }] } : {}),
    },
  });
}

async function exclude(
  tx: ScopedTransaction,
  row: ConflictCase,
  input: { staffUserId: string; kind: ExclusionKind; reason: string | null; createdById: string; eventActorId: string | null; data?: Record<string, unknown> },
): Promise<void> {
  if ((await countRemainingActors(tx, row, input.staffUserId)) === 0) {
    throw new AppError('CONFLICT', 'Nobody else could act on this case: ask the agency head to add a handler first.', { reason: 'LAST_ACTOR' });
  }
  await tx.caseExclusion.upsert({
    where: { caseId_staffUserId: { caseId: row.id, staffUserId: input.staffUserId } },
    create: { tenantId: row.tenantId, caseId: row.id, staffUserId: input.staffUserId, kind: input.kind, reason: input.reason, createdById: input.createdById },
    update: {},
  });
  await tx.caseHandler.deleteMany({ where: { caseId: row.id, staffUserId: input.staffUserId } });
  if (input.eventActorId) {
    await tx.caseEvent.create({
      data: {
        tenantId: row.tenantId,
        caseId: row.id,
        kind: 'CONFLICT_RECORDED',
        actorKind: 'STAFF',
        actorId: input.eventActorId,
        visibility: 'INTERNAL',
        status: row.status,
        data: { staffUserId: input.staffUserId, exclusion: input.kind, ...(input.data ?? {}) } as Prisma.InputJsonValue,
      },
    });
  }
}

/**
 * Declares the viewer's own conflict (no `staffUserId`), or marks a colleague: at once when the
 * head marks a non-head, otherwise as a proposal. Returns whether the colleague is now excluded.
 */
export async function recordConflict(db: Database, viewer: StaffViewer, input: { caseId: string; staffUserId?: string | null; reason?: string | null }) {
  const reason = cleanText(input.reason, 'reason', { required: false });
  const self = !input.staffUserId || input.staffUserId === viewer.userId;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    // Whoever works the case may declare or propose; read-only roles write nothing on it.
    const row = await tx.case.findFirst({ where: { AND: [casesWhere(viewer.ability, 'handle'), { id: input.caseId }] }, select: caseSelect });
    if (!row) throw new AppError('NOT_FOUND', 'No such case.');
    const audit = { tenantId: row.tenantId, actorId: viewer.userId, caseId: row.id };
    if (self) {
      await exclude(tx, row, { staffUserId: viewer.userId, kind: 'DECLARED_CONFLICT', reason, createdById: viewer.userId, eventActorId: viewer.userId });
      await recordAudit(tx, { ...audit, action: 'CONFLICT_DECLARED', subjectStaffId: viewer.userId, data: { reason } });
      return { caseId: row.id, excluded: true };
    }
    const colleague = await tx.staffUser.findFirst({ where: { id: input.staffUserId!, tenantId: row.tenantId }, select: { id: true, roles: true } });
    if (!colleague) throw new AppError('NOT_FOUND', 'No such staff member in this agency.');
    if (viewer.roles.includes('AGENCY_HEAD') && !colleague.roles.includes('AGENCY_HEAD')) {
      await exclude(tx, row, { staffUserId: colleague.id, kind: 'NAMED_IN_REPORT', reason, createdById: viewer.userId, eventActorId: viewer.userId });
      await recordAudit(tx, { ...audit, action: 'CONFLICT_CONFIRMED', subjectStaffId: colleague.id, data: { reason, proposedById: viewer.userId } });
      return { caseId: row.id, excluded: true };
    }
    if (await tx.caseExclusion.findUnique({ where: { caseId_staffUserId: { caseId: row.id, staffUserId: colleague.id } }, select: { id: true } })) {
      return { caseId: row.id, excluded: true };
    }
    const pending = await tx.conflictProposal.findFirst({ where: { caseId: row.id, staffUserId: colleague.id, status: 'PENDING' }, select: { id: true } });
    if (pending) throw new AppError('CONFLICT', 'A conflict for this colleague already waits for confirmation.');
    const proposal = await tx.conflictProposal.create({
      data: { tenantId: row.tenantId, caseId: row.id, staffUserId: colleague.id, reason, proposedById: viewer.userId },
    });
    await recordAudit(tx, { ...audit, action: 'CONFLICT_PROPOSED', subjectStaffId: colleague.id, data: { proposalId: proposal.id, reason } });
    return { caseId: row.id, excluded: false };
  });
}

/**
 * The head (for a non-head colleague) or the provincial secretariat (for a head) confirms or
 * declines a proposed conflict; never the proposer, never the colleague concerned.
 */
export async function decideConflict(db: Database, viewer: StaffViewer, input: { proposalId: string; confirm: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const proposal = await tx.conflictProposal.findFirst({ where: { id: input.proposalId, tenantId: { in: [...viewer.scope.tenantIds] } } });
    if (!proposal) throw new AppError('NOT_FOUND', 'No such proposal.');
    if (proposal.status !== 'PENDING') throw new AppError('CONFLICT', 'This proposal was already decided.');
    const subject = await tx.staffUser.findUnique({ where: { id: proposal.staffUserId }, select: { roles: true } });
    const decider = subject?.roles.includes('AGENCY_HEAD') ? 'PROVINCIAL_SECRETARIAT' : 'AGENCY_HEAD';
    if (!viewer.roles.includes(decider)) {
      throw new AppError(
        'FORBIDDEN',
        decider === 'AGENCY_HEAD' ? 'The agency head decides this.' : 'A conflict of the agency head is decided by the provincial secretariat.',
      );
    }
    if (proposal.proposedById === viewer.userId || proposal.staffUserId === viewer.userId) {
      throw new AppError('FORBIDDEN', 'You proposed this, or it is about you: another person decides it.');
    }
    // The head decides only on cases they may act on; the secretariat on its province's.
    const where = decider === 'AGENCY_HEAD' ? { AND: [casesWhere(viewer.ability, 'handle'), { id: proposal.caseId }] } : { id: proposal.caseId };
    const row = await tx.case.findFirst({ where, select: caseSelect });
    if (!row) throw new AppError('NOT_FOUND', 'No such proposal.');
    const decided = await tx.conflictProposal.updateMany({
      where: { id: proposal.id, status: 'PENDING' },
      data: { status: input.confirm ? 'CONFIRMED' : 'DECLINED', decidedById: viewer.userId, decidedAt: now },
    });
    if (decided.count !== 1) throw new AppError('CONFLICT', 'This proposal was already decided.');
    const detail = { proposalId: proposal.id, proposedById: proposal.proposedById, reason: proposal.reason };
    if (input.confirm) {
      await exclude(tx, row, {
        staffUserId: proposal.staffUserId,
        kind: 'NAMED_IN_REPORT',
        reason: proposal.reason,
        createdById: proposal.proposedById,
        // The secretariat reads only: its decision is in the audit log, not on the case.
        eventActorId: decider === 'AGENCY_HEAD' ? viewer.userId : null,
        data: { proposalId: proposal.id },
      });
    }
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: viewer.userId,
      action: input.confirm ? 'CONFLICT_CONFIRMED' : 'CONFLICT_DECLINED',
      caseId: row.id,
      subjectStaffId: proposal.staffUserId,
      data: detail,
    });
    return { proposalId: proposal.id, caseId: row.id };
  });
}

/**
 * Proposals the viewer decides or made: the head's agency (cases they may act on), the
 * secretariat's heads; optionally one case's.
 */
export function listConflictProposals(db: Database, viewer: StaffViewer, input: { caseId?: string | null; pendingOnly: boolean; id?: string }) {
  const secretariat = viewer.roles.includes('PROVINCIAL_SECRETARIAT');
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const rows = await tx.conflictProposal.findMany({
      where: {
        tenantId: { in: [...viewer.scope.tenantIds] },
        ...(input.caseId ? { caseId: input.caseId } : {}),
        ...(input.id ? { id: input.id } : {}),
        ...(input.pendingOnly ? { status: 'PENDING' } : {}),
        ...(secretariat ? {} : { case: casesWhere(viewer.ability, 'handle') }),
      },
      include: { case: { select: { registrationNumber: true, tenantId: true } } },
      orderBy: { createdAt: 'desc' },
      take: 100,
    });
    const people = await tx.staffUser.findMany({
      where: { id: { in: [...new Set(rows.flatMap((row) => [row.staffUserId, row.proposedById]))] } },
      select: { id: true, name: true, roles: true },
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    return rows
      .map((row) => ({ ...row, subject: byId.get(row.staffUserId) ?? null, proposer: byId.get(row.proposedById) ?? null }))
      .filter((row) => !secretariat || row.subject?.roles.includes('AGENCY_HEAD'));
  });
}

export type ConflictProposalView = Awaited<ReturnType<typeof listConflictProposals>>[number];
