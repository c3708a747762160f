/**
 * The tenant admin's staff page: its controls and what a refusal carries back. The roles an
 * agency account may hold come from the API (`agencyStaffRoles`).
 */
import type { FormProblem } from '../reporting/report-form-data';

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
