/**
 * The agency's staff accounts, managed by its tenant admin: add a member with roles, change
 * roles, deactivate (which also ends their sessions). Roles above the agency (secretariat,
 * operator) are not given here. Nobody changes their own account; changes to the custodian and
 * head roles become proposals that a second person confirms (role-rules.ts); every change is in
 * the audit log.
 */
import { AppError, isUniqueViolation } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { emailKey } from '../auth/staff-auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { AGENCY_STAFF_ROLES, type StaffRole } from '../auth/roles.ts';
import { recordAudit } from '../audit/audit-log.service.ts';
import { findIncompatibleRoles, isSensitiveRole } from './role-rules.ts';
import { createRoleProposal } from './role-proposals.service.ts';

const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const staffSelect = {
  id: true,
  email: true,
  name: true,
  title: true,
  roles: true,
  active: true,
  lastLoginAt: true,
  createdAt: true,
  roleProposals: {
    where: { status: 'PENDING' },
    select: { id: true, role: true, change: true, proposedById: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  },
} as const;

function requireAdmin(viewer: StaffViewer): string {
  if (!viewer.tenantId || !viewer.ability.can('manage', 'StaffUser')) throw new AppError('FORBIDDEN', "Only the agency's admin manages staff accounts.");
  return viewer.tenantId;
}

function checkRoles(roles: readonly string[]): StaffRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw badInput('roles', 'Give at least one role.');
  const outside = unique.filter((role) => !AGENCY_STAFF_ROLES.includes(role as StaffRole));
  if (outside.length > 0) throw badInput('roles', `Not an agency role: ${outside.join(', ')}.`);
  const clash = findIncompatibleRoles(unique as StaffRole[]);
  if (clash) throw badInput('roles', `${clash[0]} and ${clash[1]} are never held by one person.`);
  return unique as StaffRole[];
}

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['input', field], message }] });
}

/** Applies the wanted roles: the plain ones at once, the sensitive ones as proposals. */
async function applyRoles(
  tx: ScopedTransaction,
  viewer: StaffViewer,
  tenantId: string,
  staffUserId: string,
  current: readonly StaffRole[],
  wanted: readonly StaffRole[],
) {
  const direct = [
    ...current.filter((role) => isSensitiveRole(role) || wanted.includes(role)),
    ...wanted.filter((role) => !isSensitiveRole(role) && !current.includes(role)),
  ];
  const clash = findIncompatibleRoles(direct);
  if (clash) throw badInput('roles', `${clash[0]} and ${clash[1]} are never held by one person: the custodian role is removed first, by two people.`);
  const changed = direct.length !== current.length || direct.some((role) => !current.includes(role));
  if (changed) {
    await tx.staffUser.update({ where: { id: staffUserId }, data: { roles: direct } });
    await recordAudit(tx, {
      tenantId,
      actorId: viewer.userId,
      action: 'STAFF_ROLES_CHANGED',
      subjectStaffId: staffUserId,
      data: { before: current, after: direct },
    });
  }
  const pending = await tx.roleProposal.findMany({ where: { staffUserId, status: 'PENDING' }, select: { role: true } });
  for (const role of AGENCY_STAFF_ROLES.filter(isSensitiveRole)) {
    const change = wanted.includes(role) && !current.includes(role) ? 'GRANT' : !wanted.includes(role) && current.includes(role) ? 'REVOKE' : null;
    if (change && !pending.some((proposal) => proposal.role === role)) await createRoleProposal(tx, viewer, { staffUserId, role, change });
  }
}

export function listStaffMembers(db: Database, viewer: StaffViewer) {
  const tenantId = viewer.tenantId;
  if (!tenantId || !viewer.ability.can('read', 'StaffUser')) throw new AppError('FORBIDDEN', "Only the agency's admin and head see staff accounts.");
  return withDataScope(db.prisma, viewer.scope, (tx) => tx.staffUser.findMany({ where: { tenantId }, select: staffSelect, orderBy: { name: 'asc' } }));
}

export async function createStaffMember(
  db: Database,
  viewer: StaffViewer,
  input: { email: string; name: string; title?: string | null; roles: string[]; password: string },
) {
  const tenantId = requireAdmin(viewer);
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 200) throw badInput('email', 'Give a valid email address.');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) throw badInput('name', 'Give the name (2 to 200 characters).');
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 200)
    throw badInput('password', `A staff password has ${MIN_PASSWORD_LENGTH} to 200 characters.`);
  const roles = checkRoles(input.roles);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withDataScope(db.prisma, viewer.scope, async (tx) => {
      const created = await tx.staffUser.create({
        data: {
          tenantId,
          email,
          emailKey: emailKey(email),
          name,
          title: input.title?.trim() || null,
          passwordHash,
          roles: roles.filter((role) => !isSensitiveRole(role)),
        },
        select: { id: true, roles: true },
      });
      await recordAudit(tx, { tenantId, actorId: viewer.userId, action: 'STAFF_CREATED', subjectStaffId: created.id, data: { roles: created.roles } });
      await applyRoles(tx, viewer, tenantId, created.id, created.roles, roles);
      return tx.staffUser.findUniqueOrThrow({ where: { id: created.id }, select: staffSelect });
    });
  } catch (error) {
    // Emails are unique across the platform; the answer does not say which agency has it.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This email address already has an account: use another.', { reason: 'EMAIL_TAKEN' });
    throw error;
  }
}

export async function updateStaffMember(db: Database, viewer: StaffViewer, input: { staffUserId: string; roles?: string[] | null; active?: boolean | null }) {
  const tenantId = requireAdmin(viewer);
  if (input.staffUserId === viewer.userId && (input.roles != null || input.active != null)) {
    throw new AppError('FORBIDDEN', 'Nobody changes their own roles or account: ask another admin.');
  }
  const roles = input.roles ? checkRoles(input.roles) : undefined;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const found = await tx.staffUser.findFirst({ where: { id: input.staffUserId, tenantId }, select: { id: true, roles: true, active: true } });
    if (!found) throw new AppError('NOT_FOUND', 'No such staff member.');
    if (roles) await applyRoles(tx, viewer, tenantId, found.id, found.roles, roles);
    if (input.active != null && input.active !== found.active) {
      await tx.staffUser.update({ where: { id: found.id }, data: { active: input.active } });
      await recordAudit(tx, { tenantId, actorId: viewer.userId, action: input.active ? 'STAFF_REACTIVATED' : 'STAFF_DEACTIVATED', subjectStaffId: found.id });
    }
    return tx.staffUser.findUniqueOrThrow({ where: { id: found.id }, select: staffSelect });
  });
}
