/**
 * Which console pages a signed-in staff member may use, and the one they land on (after
 * signing in, and at the console's own address): where their role's work is. The API decides
 * what each page may show (its loader answers 404 otherwise); this keeps the navigation and
 * the landing in step with those rules, so the console never offers a page the role may not use.
 *
 * Landings, by role (a staff member with several roles lands on the first that applies):
 * - verifier, review team, head: the inbox (their cases);
 * - identity custodian: the custodian page (reveal requests wait there);
 * - tenant admin: the staff administration page (they open no case);
 * - provincial secretariat: the province's inbox (escalations, every agency's cases);
 * - anything else (an account left without a role): the inbox page, which says the role opens
 *   no case.
 */
import type { StaffViewer } from '../graphql/results';
import { consoleCustodianPath, consoleInboxPath, type ConsoleScope, consoleStaffPath } from './console-paths';

type Viewer = Pick<StaffViewer, 'roles' | 'canReadCases' | 'canRecordIntake' | 'canReadNotifications'>;

export interface ConsolePages {
  inbox: boolean;
  notifications: boolean;
  intake: boolean;
  custodian: boolean;
  staff: boolean;
  /** The agency's mail deliveries: its admin and head (the API's rule, mail-deliveries.service.ts). */
  mail: boolean;
  decisions: boolean;
  audit: boolean;
  /** The dashboard: the agency's head and admin, the province's secretariat (the API's rule `read CaseFigure`). */
  figures: boolean;
  /** Monthly reports: the agency's head and admin, the secretariat (monthly-report-staff.service.ts). */
  reports: boolean;
}

const CASE_WORK_ROLES: readonly string[] = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'];

export function findConsolePages(viewer: Viewer, scope: ConsoleScope): ConsolePages {
  const roles: readonly string[] = viewer.roles;
  const agency = scope.kind === 'agency';
  return {
    inbox: viewer.canReadCases,
    notifications: viewer.canReadNotifications,
    intake: agency && viewer.canRecordIntake,
    custodian: agency && roles.includes('IDENTITY_CUSTODIAN'),
    staff: agency && (roles.includes('TENANT_ADMIN') || roles.includes('AGENCY_HEAD')),
    mail: agency && (roles.includes('TENANT_ADMIN') || roles.includes('AGENCY_HEAD')),
    decisions: !agency && roles.includes('PROVINCIAL_SECRETARIAT'),
    // The head reads their agency's audit log, the secretariat its province's.
    audit: agency ? roles.includes('AGENCY_HEAD') : roles.includes('PROVINCIAL_SECRETARIAT'),
    figures: agency
      ? roles.includes('AGENCY_HEAD') || roles.includes('TENANT_ADMIN')
      : roles.includes('PROVINCIAL_SECRETARIAT') || roles.includes('PLATFORM_OPERATOR'),
    reports: agency ? roles.includes('AGENCY_HEAD') || roles.includes('TENANT_ADMIN') : roles.includes('PROVINCIAL_SECRETARIAT'),
  };
}

/** The address a staff member lands on: see the list above. */
export function findConsoleLanding(viewer: Viewer, scope: ConsoleScope): string {
  if (scope.kind === 'agency') {
    const pages = findConsolePages(viewer, scope);
    const roles: readonly string[] = viewer.roles;
    if (!roles.some((role) => CASE_WORK_ROLES.includes(role))) {
      if (pages.custodian) return consoleCustodianPath(scope.slug);
      if (pages.staff) return consoleStaffPath(scope.slug);
    }
  }
  return consoleInboxPath(scope);
}
