/**
 * Which role changes take two people, who may propose them and who confirms, as one table.
 * Pure: no I/O. The services (staff-admin.service.ts, role-proposals.service.ts) and the
 * console read these rules; nothing else restates them.
 *
 * - Nobody changes their own roles or deactivates themselves.
 * - The tenant admin role is never combined with the identity custodian role: the person who
 *   manages accounts must not also hold a key that opens identities.
 * - Appointing or removing an identity custodian is proposed by the tenant admin and confirmed
 *   by the agency head, or the reverse.
 * - Appointing or removing an agency head is proposed by the tenant admin (or a head) and
 *   confirmed by the provincial secretariat: otherwise an admin could create a head of their own
 *   to confirm their own custodian.
 */
import type { StaffRole } from '../auth/roles.ts';

/** Roles no account may hold together. */
export const INCOMPATIBLE_ROLES: readonly (readonly [StaffRole, StaffRole])[] = [['TENANT_ADMIN', 'IDENTITY_CUSTODIAN']];

export interface SensitiveRoleRule {
  /** Who may propose granting or removing the role. */
  proposers: readonly StaffRole[];
  /** Who may confirm; a confirmer must be another person, and hold a role the proposer did not. */
  confirmers: readonly StaffRole[];
}

export const SENSITIVE_ROLES: Readonly<Partial<Record<StaffRole, SensitiveRoleRule>>> = {
  IDENTITY_CUSTODIAN: { proposers: ['TENANT_ADMIN', 'AGENCY_HEAD'], confirmers: ['AGENCY_HEAD', 'TENANT_ADMIN'] },
  AGENCY_HEAD: { proposers: ['TENANT_ADMIN', 'AGENCY_HEAD'], confirmers: ['PROVINCIAL_SECRETARIAT'] },
};

export function isSensitiveRole(role: StaffRole): boolean {
  return SENSITIVE_ROLES[role] !== undefined;
}

/** The pair of roles that may not be held together in `roles`, if any. */
export function findIncompatibleRoles(roles: readonly StaffRole[]): readonly [StaffRole, StaffRole] | null {
  return INCOMPATIBLE_ROLES.find(([a, b]) => roles.includes(a) && roles.includes(b)) ?? null;
}

export function mayProposeRole(proposerRoles: readonly StaffRole[], role: StaffRole): boolean {
  const rule = SENSITIVE_ROLES[role];
  return rule !== undefined && proposerRoles.some((held) => rule.proposers.includes(held));
}

/**
 * Whether someone holding `confirmerRoles` may confirm a change to `role` that a person
 * holding `proposedAs` proposed. The confirmer must hold a confirming role the proposer did
 * not hold (the admin's proposal goes to the head and the head's to the admin); a proposer
 * holding every confirming role may be confirmed by any other holder of one.
 */
export function mayConfirmRole(confirmerRoles: readonly StaffRole[], role: StaffRole, proposedAs: readonly StaffRole[]): boolean {
  const rule = SENSITIVE_ROLES[role];
  if (!rule) return false;
  const others = rule.confirmers.filter((confirmer) => !proposedAs.includes(confirmer));
  const wanted = others.length > 0 ? others : rule.confirmers;
  return confirmerRoles.some((held) => wanted.includes(held));
}
