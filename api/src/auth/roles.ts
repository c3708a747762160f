/**
 * Staff roles: their names (the Prisma enum `StaffRole`, the one source; GraphQL's `StaffRole`
 * is built from it in auth.schema.ts) and the groups of roles the rules name. What each role
 * may do is in abilities.ts; which role changes take two people is in admin/role-rules.ts.
 */
import { StaffRole } from '../generated/prisma/enums.ts';

export { StaffRole };

/** Roles held inside one agency: they give nothing to an account without an agency. */
export const AGENCY_ROLES: readonly StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN'];

/** The roles an agency's tenant admin (or an operator, for an agency) gives its staff. */
export const AGENCY_STAFF_ROLES: readonly StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN'];

/** The roles whose rules in abilities.ts give `handle` on cases (the matrix test keeps the two in step). */
export const CASE_HANDLING_ROLES: readonly StaffRole[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'];
