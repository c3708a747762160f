/**
 * Counts read by group, added up as one viewer may count them (ADR 0037). The database counts
 * per group of cases that share the facts the viewer's CASL rules look at (agency, restricted);
 * each group counts when the rules allow such a case (auth/case-access.ts). A case's own verdict
 * can differ from its group's only through the viewer's own row among its handlers or exclusions:
 * those cases (the viewer's own, few) are read one by one with their handlers and exclusions, and
 * the difference is added or taken away. Used by the per-handler and the satisfaction figures.
 */
import type { AppAbility } from '../auth/abilities.ts';
import { canOnCaseAccess, rulesLookOnlyAtAccess } from '../auth/case-access.ts';
import { AppError } from '../errors.ts';

type Row = Record<string, unknown>;

/** The cases of the agencies `tenants` that the staff member `viewer` handles or is excluded from (SQL parameters). */
export const viewerOwnCases = (tenants: string, viewer: string) => `
  SELECT case_id FROM case_handler WHERE tenant_id = ANY (${tenants}::uuid[]) AND staff_user_id = ${viewer}::uuid
  UNION SELECT case_id FROM case_exclusion WHERE tenant_id = ANY (${tenants}::uuid[]) AND staff_user_id = ${viewer}::uuid`;

/** The case named `alias`'s handlers and exclusions, as columns `handlers` and `exclusions`. */
export const ownAccessColumns = (alias: string) => `
  ARRAY(SELECT x.staff_user_id::text FROM case_handler x WHERE x.case_id = ${alias}.id) AS handlers,
  ARRAY(SELECT x.staff_user_id::text FROM case_exclusion x WHERE x.case_id = ${alias}.id) AS exclusions`;

/** The restricted cases of the agencies `tenants` (a partial index), to left-join a count's rows to. */
export const restrictedCases = (tenants: string) => `SELECT id FROM "case" WHERE tenant_id = ANY (${tenants}::uuid[]) AND restricted`;

const staffList = (value: unknown) => ((value as string[] | null) ?? []).map((staffUserId) => ({ staffUserId }));

/**
 * Adds up `grouped` (rows with tenant_id and restricted, counted by the database) and corrects
 * them by `own` (rows of the viewer's own cases, with handlers and exclusions): `add` receives
 * each row that counts, with +1, or -1 for an own case its group counted but the viewer may not.
 */
export function countAsViewer(
  viewer: { ability: AppAbility; userId: string },
  grouped: readonly Row[],
  own: readonly Row[],
  add: (row: Row, sign: 1 | -1) => void,
): void {
  if (!rulesLookOnlyAtAccess(viewer.ability, 'read', viewer.userId)) {
    throw new AppError('INTERNAL', 'These figures cannot be counted under these case rules.');
  }
  const groupAllows = (row: Row) =>
    canOnCaseAccess(viewer.ability, 'read', { tenantId: String(row.tenant_id), restricted: Boolean(row.restricted), handlers: [], exclusions: [] });
  for (const row of grouped) if (groupAllows(row)) add(row, 1);
  for (const row of own) {
    const verdict = canOnCaseAccess(viewer.ability, 'read', {
      tenantId: String(row.tenant_id),
      restricted: Boolean(row.restricted),
      handlers: staffList(row.handlers),
      exclusions: staffList(row.exclusions),
    });
    const group = groupAllows(row);
    if (verdict && !group) add(row, 1);
    if (!verdict && group) add(row, -1);
  }
}
