/** The tenant admin's staff page: the roles an agency account may have, controls, and what a refusal carries back. */
import type { StaffRole } from '../graphql/generated/graphql';
import type { FormProblem } from '../reporting/report-form-data';

/** Roles of an agency's own staff (the secretariat and platform roles live elsewhere). */
export const AGENCY_ROLES: readonly StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN'];

export const STAFF_INTENTS = ['create', 'roles', 'deactivate', 'activate'] as const;
export type StaffIntent = (typeof STAFF_INTENTS)[number];

export const NEW_STAFF = { name: 'staff-name', email: 'staff-email', title: 'staff-title', roles: 'staff-roles', password: 'staff-password' } as const;

export interface StaffActionData {
  intent: StaffIntent | null;
  /** The account a roles or state form was about. */
  staffUserId: string | null;
  problems: FormProblem[];
  values: { name: string; email: string; title: string; roles: string[] };
}

export function rolesId(staffUserId: string): string {
  return `roles-${staffUserId}`;
}
