/**
 * Names for the parts of the generated results that the pages pass around. Each is read out of
 * a generated type (`generated/graphql.ts`, from api/schema.graphql and the documents here), never
 * restated, so a changed field or nullability in the schema or a document reaches every page.
 */
import type {
  AuditLogQuery,
  CaseCountersFieldsFragment,
  CaseTypeFormFragment,
  ConflictProposalFieldsFragment,
  ConsoleCaseQuery,
  ConsoleInboxQuery,
  ConsoleNotificationsQuery,
  ConsoleProvincesQuery,
  ConsoleTenantQuery,
  ConsoleViewerFieldsFragment,
  CustodianConsoleQuery,
  IntakeTenantQuery,
  MyReportsQuery,
  RemoveIdentityCustodianMutation,
  ReportingTenantQuery,
  ResponseTemplatesQuery,
  RevealIdentityMutation,
  RoleChangeProposalFieldsFragment,
  StaffAccountsQuery,
  SubmitReportMutation,
  TenantPortalQuery,
  TrackReportQuery,
  TrackedReportFieldsFragment,
  ViewerReporterQuery,
} from './generated/graphql';

/* The public portal. */
export type PortalTenant = TenantPortalQuery['tenant'];
export type PortalCaseType = PortalTenant['caseTypes'][number];
export type PortalServiceStandard = PortalTenant['serviceStandards'][number];
export type PortalChannel = PortalTenant['channels'][number];
export type PortalContact = PortalTenant['contacts'][number];

/* The reporter's pages. */
export type ReportingTenant = ReportingTenantQuery['tenant'];
export type ReportingCaseType = CaseTypeFormFragment;
export type ReportingFormField = CaseTypeFormFragment['formFields'][number];
export type ReporterAccount = NonNullable<ViewerReporterQuery['viewerReporter']>;
export type ReportSummary = MyReportsQuery['myReports'][number];
export type ReportReceipt = SubmitReportMutation['submitReport']['receipt'];
export type EvidenceFile = ReportReceipt['evidence'][number];
export type StageDeadline = ReportReceipt['deadlines'][number];
/** A report as its reporter follows it; the cursor to follow it live from comes with the page's query only. */
export type TrackedReport = TrackedReportFieldsFragment & Partial<Pick<TrackReportQuery['trackReport'], 'liveCursor'>>;

/* The staff console. */
export type StaffViewer = ConsoleViewerFieldsFragment;
export type ConsoleTenant = ConsoleTenantQuery['tenant'];
/** A case type, category or channel as the console lists it. */
export type KeyedName = ConsoleTenant['caseTypes'][number];
export type ConsoleProvince = ConsoleProvincesQuery['provinces'][number];
export type InboxCase = ConsoleInboxQuery['inbox']['cases'][number];
export type CurrentStage = NonNullable<InboxCase['currentStage']>;
/** Open cases of one agency by stage. */
export type AgencyCounters = CaseCountersFieldsFragment;
export type StaffCase = ConsoleCaseQuery['staffCase'];
export type ResponseTemplate = ResponseTemplatesQuery['responseTemplates'][number];
export type IntakeTenant = IntakeTenantQuery['tenant'];
export type IntakeChannel = IntakeTenant['channels'][number];
export type RevealRequest = CustodianConsoleQuery['identityRevealRequests'][number];
export type IdentityCustodian = CustodianConsoleQuery['identityCustodians'][number];
export type RevealedIdentity = RevealIdentityMutation['revealIdentity'];
export type ResealResult = RemoveIdentityCustodianMutation['removeIdentityCustodian'];
export type StaffAccount = StaffAccountsQuery['staffAccounts'][number];
export type StaffNotification = ConsoleNotificationsQuery['staffNotifications'][number];

/* Separation of duties. */
export type RoleChangeProposal = RoleChangeProposalFieldsFragment;
export type ConflictProposal = ConflictProposalFieldsFragment;
export type AuditEntry = AuditLogQuery['auditLog']['entries'][number];
