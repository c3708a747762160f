/**
 * The signed-in staff member as every service sees them: their session, their CASL ability
 * and their row-level security scope. Services take a `StaffViewer`; how a request finds
 * one (its bearer token, its tenant) stays in context.ts.
 */
import { defineAbilityFor, type AppAbility } from './abilities.ts';
import type { DataScope } from './data-scope.ts';
import { staffTenantIds, type StaffSessionRef } from './staff-auth.service.ts';

/** A signed-in staff member with their CASL ability and row-level security scope. */
export interface StaffViewer extends StaffSessionRef {
  ability: AppAbility;
  scope: DataScope;
}

export function toStaffViewer(session: StaffSessionRef): StaffViewer {
  return { ...session, ability: defineAbilityFor(session), scope: { tenantIds: staffTenantIds(session) } };
}
