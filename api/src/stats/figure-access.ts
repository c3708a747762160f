/**
 * Which agencies' figures a staff member may see (the CASL rule `read CaseFigure`,
 * auth/abilities.ts): their own agency for its head and admin, every agency of the province for
 * its secretariat, every agency for the platform operator. An agency asked for by id that the
 * viewer may not see is NOT_FOUND, the same as one that does not exist.
 */
import { subject } from '@casl/ability';
import type { DataScope } from '../auth/data-scope.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { AppError } from '../errors.ts';

export interface FigureAudience {
  /** The agencies whose figures this query counts. */
  tenantIds: string[];
  /** The data scope to count them in (row-level security). */
  scope: DataScope;
}

export function mayReadFigures(viewer: StaffViewer, tenantId: string): boolean {
  return viewer.ability.can('read', subject('CaseFigure', { tenantId } as never));
}

/**
 * The agencies of `allTenantIds` (every agency on the platform) whose figures `viewer` may see,
 * narrowed to `asked` when given. FORBIDDEN for a role that sees no figures at all.
 */
export function figureAudience(viewer: StaffViewer, allTenantIds: readonly string[], asked?: readonly string[] | null): FigureAudience {
  const allowed = allTenantIds.filter((tenantId) => mayReadFigures(viewer, tenantId));
  if (allowed.length === 0) throw new AppError('FORBIDDEN', 'Your role does not show figures.');
  let tenantIds = allowed;
  if (asked && asked.length > 0) {
    for (const tenantId of asked) {
      if (!allowed.includes(tenantId)) throw new AppError('NOT_FOUND', 'No such agency.', { issues: [{ path: ['tenantIds'], message: 'No such agency.' }] });
    }
    tenantIds = [...new Set(asked)];
  }
  return { tenantIds, scope: { tenantIds } };
}
