/**
 * Changes to sensitive roles (role-rules.ts) wait as proposals until a second, different person
 * confirms them. Confirming applies the change; removing a custodian also retires their key, so
 * new reports are no longer sealed to it. Every step is in the audit log.
 */
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import type { StaffRole } from '../auth/roles.ts';
import { recordAudit } from '../audit/audit-log.service.ts';
import type { RoleChange } from '../generated/prisma/enums.ts';
import { findIncompatibleRoles, mayConfirmRole, mayProposeRole, SENSITIVE_ROLES } from './role-rules.ts';

export type { RoleChange };

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['input', field], message }] });
}

const subjectSelect = { id: true, tenantId: true, roles: true, active: true } as const;

/**
 * Records a proposal inside the caller's transaction (used by the admin's account changes and
 * by `proposeRoleChange`). Refuses a change to oneself, a change with nothing to do, and a grant
 * that would combine incompatible roles.
 */
export async function createRoleProposal(tx: ScopedTransaction, viewer: StaffViewer, input: { staffUserId: string; role: StaffRole; change: RoleChange }) {
  if (!viewer.tenantId || !mayProposeRole(viewer.roles, input.role)) {
    throw new AppError(
      'FORBIDDEN',
      `You may not propose this change: ${SENSITIVE_ROLES[input.role] ? 'ask the tenant admin or the agency head' : 'this role is changed directly by the tenant admin'}.`,
    );
  }
  if (input.staffUserId === viewer.userId) throw new AppError('FORBIDDEN', 'Nobody changes their own roles: ask a colleague.');
  const subject = await tx.staffUser.findFirst({ where: { id: input.staffUserId, tenantId: viewer.tenantId }, select: subjectSelect });
  if (!subject) throw new AppError('NOT_FOUND', 'No such staff member.');
  const holds = subject.roles.includes(input.role);
  if (input.change === 'GRANT' && holds) throw badInput('role', 'This staff member already holds the role.');
  if (input.change === 'REVOKE' && !holds) throw badInput('role', 'This staff member does not hold the role.');
  if (input.change === 'GRANT') {
    if (!subject.active) throw badInput('staffUserId', 'This account is deactivated.');
    const clash = findIncompatibleRoles([...subject.roles, input.role]);
    if (clash) throw badInput('role', `${clash[0]} and ${clash[1]} are never held by one person.`);
  }
  const pending = await tx.roleProposal.findFirst({ where: { staffUserId: subject.id, role: input.role, status: 'PENDING' }, select: { id: true } });
  if (pending) throw new AppError('CONFLICT', 'A change to this role already waits for confirmation.');
  const proposal = await tx.roleProposal.create({
    data: {
      tenantId: viewer.tenantId,
      staffUserId: subject.id,
      role: input.role,
      change: input.change,
      proposedById: viewer.userId,
      proposedAs: [...viewer.roles],
    },
  });
  await recordAudit(tx, {
    tenantId: viewer.tenantId,
    actorId: viewer.userId,
    action: 'ROLE_CHANGE_PROPOSED',
    subjectStaffId: subject.id,
    data: { proposalId: proposal.id, role: input.role, change: input.change },
  });
  return proposal;
}

export async function proposeRoleChange(db: Database, viewer: StaffViewer, input: { staffUserId: string; role: StaffRole; change: RoleChange }) {
  return withDataScope(db.prisma, viewer.scope, (tx) => createRoleProposal(tx, viewer, input));
}

/**
 * A second person confirms or declines a proposal. The confirmer is neither the proposer nor the
 * person the change is about, and holds a confirming role the proposer did not; the provincial
 * secretariat confirms heads of its province's agencies.
 */
export async function decideRoleChange(db: Database, viewer: StaffViewer, input: { proposalId: string; confirm: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const proposal = await tx.roleProposal.findFirst({ where: { id: input.proposalId, tenantId: { in: [...viewer.scope.tenantIds] } } });
    if (!proposal) throw new AppError('NOT_FOUND', 'No such proposal.');
    if (proposal.status !== 'PENDING') throw new AppError('CONFLICT', 'This proposal was already decided.');
    if (proposal.proposedById === viewer.userId) throw new AppError('FORBIDDEN', 'You proposed this change: another person must confirm it.');
    if (proposal.staffUserId === viewer.userId) throw new AppError('FORBIDDEN', 'This change is about you: another person must confirm it.');
    if (!mayConfirmRole(viewer.roles, proposal.role, proposal.proposedAs)) throw new AppError('FORBIDDEN', 'Your role may not confirm this change.');
    const decided = await tx.roleProposal.updateMany({
      where: { id: proposal.id, status: 'PENDING' },
      data: { status: input.confirm ? 'CONFIRMED' : 'DECLINED', decidedById: viewer.userId, decidedAt: now },
    });
    if (decided.count !== 1) throw new AppError('CONFLICT', 'This proposal was already decided.');
    const audit = { tenantId: proposal.tenantId, actorId: viewer.userId, subjectStaffId: proposal.staffUserId };
    const detail = { proposalId: proposal.id, role: proposal.role, change: proposal.change, proposedById: proposal.proposedById };
    if (!input.confirm) {
      await recordAudit(tx, { ...audit, action: 'ROLE_CHANGE_DECLINED', data: detail });
      return { proposalId: proposal.id, staffUserId: proposal.staffUserId };
    }
    const subject = await tx.staffUser.findUnique({ where: { id: proposal.staffUserId }, select: subjectSelect });
    if (!subject) throw new AppError('NOT_FOUND', 'No such staff member.');
    const before = subject.roles;
    const after = proposal.change === 'GRANT' ? [...new Set([...before, proposal.role])] : before.filter((role) => role !== proposal.role);
    // The account may have changed since the proposal: the same rules hold at confirmation.
    const clash = findIncompatibleRoles(after);
    if (clash) throw new AppError('CONFLICT', `${clash[0]} and ${clash[1]} are never held by one person: the account changed since the proposal.`);
    if (proposal.change === 'GRANT' && !subject.active) throw new AppError('CONFLICT', 'This account was deactivated since the proposal.');
    await tx.staffUser.update({ where: { id: subject.id }, data: { roles: after } });
    await recordAudit(tx, { ...audit, action: 'ROLE_CHANGE_CONFIRMED', data: { ...detail, before, after } });
    if (proposal.role === 'IDENTITY_CUSTODIAN' && proposal.change === 'REVOKE') {
      const keys = await tx.identityCustodian.findMany({ where: { tenantId: proposal.tenantId, staffUserId: subject.id, active: true }, select: { id: true } });
      await tx.identityCustodian.updateMany({ where: { id: { in: keys.map((key) => key.id) } }, data: { active: false, removedAt: now } });
      for (const key of keys) {
        await recordAudit(tx, { ...audit, action: 'CUSTODIAN_KEY_REMOVED', data: { custodianId: key.id, proposalId: proposal.id } });
      }
    }
    return { proposalId: proposal.id, staffUserId: proposal.staffUserId };
  });
}

/**
 * Proposals the viewer may see: the agency's for its admin and head, and the heads of the
 * province's agencies for the secretariat.
 */
export function listRoleProposals(db: Database, viewer: StaffViewer, input: { pendingOnly: boolean; id?: string }) {
  const agency = viewer.tenantId !== null && (viewer.roles.includes('TENANT_ADMIN') || viewer.roles.includes('AGENCY_HEAD'));
  const secretariat = viewer.roles.includes('PROVINCIAL_SECRETARIAT');
  if (!agency && !secretariat) return Promise.resolve([]);
  return withDataScope(db.prisma, viewer.scope, (tx) =>
    tx.roleProposal.findMany({
      where: {
        tenantId: { in: [...viewer.scope.tenantIds] },
        ...(input.id ? { id: input.id } : {}),
        ...(agency ? {} : { role: 'AGENCY_HEAD' }),
        ...(input.pendingOnly ? { status: 'PENDING' } : {}),
      },
      include: { staffUser: { select: { name: true, email: true } } },
      orderBy: { createdAt: 'desc' },
      take: 100,
    }),
  );
}

export type RoleProposalView = Awaited<ReturnType<typeof listRoleProposals>>[number];
