/**
 * The agency's staff accounts, managed by its tenant admin: add a member with roles, change
 * roles, deactivate (which also ends their sessions). Roles above the agency (secretariat,
 * operator) are not given here.
 */
import { AppError, isUniqueViolation } from '../errors.ts';
import type { StaffViewer } from '../context.ts';
import type { Database } from '../db.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { emailKey } from '../auth/staff-auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { StaffRole } from '../cases/case-lifecycle.ts';

export const AGENCY_STAFF_ROLES: readonly StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN'];
const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const staffSelect = { id: true, email: true, name: true, title: true, roles: true, active: true, lastLoginAt: true, createdAt: true } as const;

function requireAdmin(viewer: StaffViewer): string {
  if (!viewer.tenantId || !viewer.ability.can('manage', 'StaffUser')) throw new AppError('FORBIDDEN', "Only the agency's admin manages staff accounts.");
  return viewer.tenantId;
}

function checkRoles(roles: readonly string[]): StaffRole[] {
  const unique = [...new Set(roles)];
  if (unique.length === 0) throw badInput('roles', 'Give at least one role.');
  const outside = unique.filter((role) => !AGENCY_STAFF_ROLES.includes(role as StaffRole));
  if (outside.length > 0) throw badInput('roles', `Not an agency role: ${outside.join(', ')}.`);
  return unique as StaffRole[];
}

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['input', field], message }] });
}

export function listStaffMembers(db: Database, viewer: StaffViewer) {
  const tenantId = requireAdmin(viewer);
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
  if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > 200) throw badInput('password', `A staff password has ${MIN_PASSWORD_LENGTH} to 200 characters.`);
  const roles = checkRoles(input.roles);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withDataScope(db.prisma, viewer.scope, (tx) =>
      tx.staffUser.create({
        data: { tenantId, email, emailKey: emailKey(email), name, title: input.title?.trim() || null, passwordHash, roles },
        select: staffSelect,
      }),
    );
  } catch (error) {
    // Emails are unique across the platform; the answer does not say which agency has it.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This email address already has an account: use another.', { reason: 'EMAIL_TAKEN' });
    throw error;
  }
}

export async function updateStaffMember(
  db: Database,
  viewer: StaffViewer,
  input: { staffUserId: string; roles?: string[] | null; active?: boolean | null },
) {
  const tenantId = requireAdmin(viewer);
  const roles = input.roles ? checkRoles(input.roles) : undefined;
  if (input.staffUserId === viewer.userId && (input.active === false || (roles && !roles.includes('TENANT_ADMIN')))) {
    throw new AppError('BAD_USER_INPUT', 'You cannot take away your own admin access: ask another admin.');
  }
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const found = await tx.staffUser.findFirst({ where: { id: input.staffUserId, tenantId }, select: { id: true } });
    if (!found) throw new AppError('NOT_FOUND', 'No such staff member.');
    const updated = await tx.staffUser.update({
      where: { id: found.id },
      data: { ...(roles ? { roles } : {}), ...(input.active != null ? { active: input.active } : {}) },
      select: staffSelect,
    });
    return updated;
  });
}
