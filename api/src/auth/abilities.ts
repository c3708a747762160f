/**
 * What each staff role may do, as CASL rules: one function per role, every rule carrying
 * the tenant. Lists filter in SQL with `accessibleBy`; a mutation loads its row through
 * the same filter for its action, so a record the viewer may not act on is NOT_FOUND.
 *
 * Actions on a Case:
 * - read: see it in the inbox and open it (never a confidential identity);
 * - handle: transitions, notes, messages, answers, priority, conflicts;
 * - restrict: limit it to named handlers (the head);
 * - reveal: open a confidential identity (the identity custodian, with their passphrase);
 * - record: take in a case from an offline channel;
 * - oversee: follow up an escalation (acknowledge, instruct the agency, record the outcome):
 *   the province's secretariat, on the cases it may read (ADR 0028).
 * Conflicts of interest: a staff member excluded from a case loses every action on it.
 *
 * Figures (CaseFigure, read): the statistics of an agency's cases, counted, never a case
 * (stats/figure-access.ts): its head and admin; the province's secretariat for each of its
 * agencies; the platform operator for every agency. Monthly reports (MonthlyReport: read to list
 * and download, request a new version): the same people, and a province's own report for its
 * secretariat (and the operator).
 */
import { AbilityBuilder, type Ability } from '@casl/ability';
import { createPrismaAbility, type PrismaQueryOf, type Subjects } from '@casl/prisma/runtime';
import type { Prisma } from '../generated/prisma/client.ts';
import { AGENCY_ROLES, type StaffRole } from './roles.ts';

export type CaseAction = 'read' | 'handle' | 'restrict' | 'reveal' | 'record' | 'oversee';
export type StaffAction = 'read' | 'manage';
export type ReportAction = 'read' | 'request';

type CaseRow = Prisma.CaseGetPayload<object>;
type StaffUserRow = Prisma.StaffUserGetPayload<object>;
type CaseFigureRow = Prisma.CaseFigureGetPayload<object>;
type MonthlyReportRow = Prisma.MonthlyReportGetPayload<object>;
export type AppSubjects = Subjects<{ Case: CaseRow; StaffUser: StaffUserRow; CaseFigure: CaseFigureRow; MonthlyReport: MonthlyReportRow }>;
type PrismaQuery = PrismaQueryOf<Prisma.TypeMap>;
export type AppAbility = Ability<[CaseAction | StaffAction | ReportAction, AppSubjects], PrismaQuery>;

export interface StaffPrincipal {
  userId: string;
  roles: readonly StaffRole[];
  /** The staff member's agency, or null for secretariat staff and operators. */
  tenantId: string | null;
  /** The tenants of the secretariat's province (empty for agency staff). */
  provinceTenantIds: readonly string[];
  /** The secretariat's province (null or absent for agency staff). */
  provinceId?: string | null;
}

/** An agency's figures and monthly reports: what its head and admin, and its secretariat, read. */
function agencyFigures(can: Can, tenant: string | { in: string[] }): void {
  can('read', 'CaseFigure', { tenantId: tenant });
  can('read', 'MonthlyReport', { tenantId: tenant });
  can('request', 'MonthlyReport', { tenantId: tenant });
}

type Can = AbilityBuilder<AppAbility>['can'];

/** Cases of the tenant that the user is not excluded from; restricted ones only as a named handler. */
function visibleCases(can: Can, action: CaseAction, viewer: StaffPrincipal & { tenantId: string }): void {
  const notExcluded = { exclusions: { none: { staffUserId: viewer.userId } } };
  can(action, 'Case', { tenantId: viewer.tenantId, restricted: false, ...notExcluded });
  can(action, 'Case', { tenantId: viewer.tenantId, handlers: { some: { staffUserId: viewer.userId } }, ...notExcluded });
}

const RULES: Record<StaffRole, (can: Can, viewer: StaffPrincipal) => void> = {
  VERIFIER(can, viewer) {
    if (!viewer.tenantId) return;
    const agency = { ...viewer, tenantId: viewer.tenantId };
    visibleCases(can, 'read', agency);
    visibleCases(can, 'handle', agency);
    can('record', 'Case', { tenantId: viewer.tenantId });
  },
  REVIEWER(can, viewer) {
    if (!viewer.tenantId) return;
    const agency = { ...viewer, tenantId: viewer.tenantId };
    visibleCases(can, 'read', agency);
    visibleCases(can, 'handle', agency);
  },
  // The head oversees every case of the agency, restricted ones too, unless excluded.
  AGENCY_HEAD(can, viewer) {
    if (!viewer.tenantId) return;
    const mine = { tenantId: viewer.tenantId, exclusions: { none: { staffUserId: viewer.userId } } };
    can('read', 'Case', mine);
    can('handle', 'Case', mine);
    can('restrict', 'Case', mine);
    can('record', 'Case', { tenantId: viewer.tenantId });
    can('read', 'StaffUser', { tenantId: viewer.tenantId });
    agencyFigures(can, viewer.tenantId);
  },
  IDENTITY_CUSTODIAN(can, viewer) {
    if (!viewer.tenantId) return;
    visibleCases(can, 'read', { ...viewer, tenantId: viewer.tenantId });
    can('reveal', 'Case', { tenantId: viewer.tenantId, exclusions: { none: { staffUserId: viewer.userId } } });
  },
  TENANT_ADMIN(can, viewer) {
    if (!viewer.tenantId) return;
    can('read', 'StaffUser', { tenantId: viewer.tenantId });
    can('manage', 'StaffUser', { tenantId: viewer.tenantId });
    agencyFigures(can, viewer.tenantId);
  },
  // Reads every agency of the province (not restricted cases), to oversee and receive escalations.
  PROVINCIAL_SECRETARIAT(can, viewer) {
    if (viewer.provinceTenantIds.length === 0) return;
    const province = { tenantId: { in: [...viewer.provinceTenantIds] }, restricted: false, exclusions: { none: { staffUserId: viewer.userId } } };
    can('read', 'Case', province);
    can('oversee', 'Case', province);
    agencyFigures(can, { in: [...viewer.provinceTenantIds] });
    if (viewer.provinceId) {
      can('read', 'MonthlyReport', { provinceId: viewer.provinceId });
      can('request', 'MonthlyReport', { provinceId: viewer.provinceId });
    }
  },
  // Runs the platform through ops commands; sees no case, and every agency's figures.
  PLATFORM_OPERATOR(can) {
    can('read', 'CaseFigure');
    can('read', 'MonthlyReport');
    can('request', 'MonthlyReport');
  },
};

export function defineAbilityFor(viewer: StaffPrincipal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
  for (const role of viewer.roles) {
    // Agency roles need an agency; a secretariat account holding one by mistake gets nothing from it.
    if (AGENCY_ROLES.includes(role) && !viewer.tenantId) continue;
    RULES[role](can, viewer);
  }
  return build();
}
