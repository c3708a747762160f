/**
 * The GraphQL documents, as text, for the server-side client. One operation per file; the
 * fragments several share are in `fragments.graphql`, appended to each document that spreads them.
 */
import fragmentsText from './fragments.graphql?raw';
import { readFragments, withFragments } from './fragments';
import addCaseNote from './add-case-note.graphql?raw';
import agencyStaff from './agency-staff.graphql?raw';
import consoleCase from './console-case.graphql?raw';
import consoleInbox from './console-inbox.graphql?raw';
import consoleProvinces from './console-provinces.graphql?raw';
import consoleTenant from './console-tenant.graphql?raw';
import createEvidenceUpload from './create-evidence-upload.graphql?raw';
import draftCaseAnswer from './draft-case-answer.graphql?raw';
import loginStaff from './login-staff.graphql?raw';
import logoutStaff from './logout-staff.graphql?raw';
import recordConflict from './record-conflict.graphql?raw';
import restrictCase from './restrict-case.graphql?raw';
import returnCaseAnswer from './return-case-answer.graphql?raw';
import sendStaffMessage from './send-staff-message.graphql?raw';
import setCasePriority from './set-case-priority.graphql?raw';
import transitionCase from './transition-case.graphql?raw';
import transferCase from './transfer-case.graphql?raw';
import consoleViewer from './console-viewer.graphql?raw';
import recordOfflineIntake from './record-offline-intake.graphql?raw';
import intakeTenant from './intake-tenant.graphql?raw';
import intakeReceipt from './intake-receipt.graphql?raw';
import responseTemplates from './response-templates.graphql?raw';
import requestIdentityReveal from './request-identity-reveal.graphql?raw';
import custodianConsole from './custodian-console.graphql?raw';
import revealIdentity from './reveal-identity.graphql?raw';
import declineIdentityReveal from './decline-identity-reveal.graphql?raw';
import setUpCustodianKey from './set-up-custodian-key.graphql?raw';
import resealIdentities from './reseal-identities.graphql?raw';
import removeIdentityCustodian from './remove-identity-custodian.graphql?raw';
import staffAccounts from './staff-accounts.graphql?raw';
import createStaffMember from './create-staff-member.graphql?raw';
import updateStaffMember from './update-staff-member.graphql?raw';
import consoleNotifications from './console-notifications.graphql?raw';
import markStaffNotificationsRead from './mark-staff-notifications-read.graphql?raw';
import directory from './directory.graphql?raw';
import loginReporter from './login-reporter.graphql?raw';
import logoutReporter from './logout-reporter.graphql?raw';
import myReports from './my-reports.graphql?raw';
import registerReporter from './register-reporter.graphql?raw';
import reportingTenant from './reporting-tenant.graphql?raw';
import sendReporterMessage from './send-reporter-message.graphql?raw';
import submitReport from './submit-report.graphql?raw';
import tenantPortal from './tenant-portal.graphql?raw';
import trackReport from './track-report.graphql?raw';
import viewerReporter from './viewer-reporter.graphql?raw';
import proposeRoleChange from './propose-role-change.graphql?raw';
import decideRoleChange from './decide-role-change.graphql?raw';
import decideConflict from './decide-conflict.graphql?raw';
import auditLog from './audit-log.graphql?raw';
import secretariatDecisions from './secretariat-decisions.graphql?raw';
import caseConflictProposals from './case-conflict-proposals.graphql?raw';
import type {
  AuditLogQuery,
  AuditLogVariables,
  CaseConflictProposalsQuery,
  DecideConflictMutation,
  DecideRoleChangeMutation,
  DecideVariables,
  ProposeRoleChangeMutation,
  ProposeRoleChangeVariables,
  SecretariatDecisionsQuery,
} from './trust-types';
import type {
  CreateEvidenceUploadMutation,
  CreateEvidenceUploadVariables,
  CredentialsVariables,
  LoginReporterMutation,
  LogoutReporterMutation,
  MyReportsQuery,
  RegisterReporterMutation,
  ReportingTenantQuery,
  SendReporterMessageMutation,
  SendReporterMessageVariables,
  SubmitReportMutation,
  SubmitReportVariables,
  TrackReportQuery,
  TrackReportVariables,
  ViewerReporterQuery,
} from './reporting-types';
import type { DirectoryQuery, TenantPortalQuery } from './types';
import type {
  AddCaseNoteVariables,
  AgencyStaffQuery,
  CaseActionResult,
  ConsoleCaseQuery,
  ConsoleInboxQuery,
  ConsoleInboxVariables,
  ConsoleProvincesQuery,
  ConsoleTenantQuery,
  DraftCaseAnswerVariables,
  LoginStaffMutation,
  LoginStaffVariables,
  LogoutStaffMutation,
  RecordConflictVariables,
  RestrictCaseVariables,
  ReturnCaseAnswerVariables,
  SendStaffMessageVariables,
  SetCasePriorityVariables,
  TransitionCaseVariables,
  TransferCaseVariables,
  StaffViewer,
  RecordOfflineIntakeMutation,
  RecordOfflineIntakeVariables,
  IntakeTenantQuery,
  IntakeReceiptQuery,
  ResponseTemplatesQuery,
  RequestIdentityRevealMutation,
  RequestIdentityRevealVariables,
  CustodianConsoleQuery,
  RevealIdentityMutation,
  RevealIdentityVariables,
  DeclineIdentityRevealMutation,
  DeclineIdentityRevealVariables,
  PassphraseVariables,
  SetUpCustodianKeyMutation,
  ResealIdentitiesMutation,
  RemoveIdentityCustodianMutation,
  RemoveIdentityCustodianVariables,
  StaffAccountsQuery,
  CreateStaffMemberMutation,
  CreateStaffMemberVariables,
  UpdateStaffMemberMutation,
  UpdateStaffMemberVariables,
  ConsoleNotificationsQuery,
  MarkStaffNotificationsReadMutation,
  MarkStaffNotificationsReadVariables,
} from './console-types';

/** A document with the types of its result and variables attached. */
export interface Document<Result, Variables = undefined> {
  operationName: string;
  source: string;
  /** Never set: only carries the result type. */
  readonly result?: Result;
  /** Never set: only carries the variables type. */
  readonly variables?: Variables;
}

const FRAGMENTS = readFragments(fragmentsText);

/** A document of one operation, with the shared fragments it spreads. */
function define<Result, Variables = undefined>(operationName: string, source: string): Document<Result, Variables> {
  return { operationName, source: withFragments(source, FRAGMENTS) };
}

export const DirectoryDocument: Document<DirectoryQuery> = define('Directory', directory);
export const TenantPortalDocument: Document<TenantPortalQuery> = define('TenantPortal', tenantPortal);
export const ReportingTenantDocument: Document<ReportingTenantQuery> = define('ReportingTenant', reportingTenant);
export const ViewerReporterDocument: Document<ViewerReporterQuery> = define('ViewerReporter', viewerReporter);
export const RegisterReporterDocument: Document<RegisterReporterMutation, CredentialsVariables> = define('RegisterReporter', registerReporter);
export const LoginReporterDocument: Document<LoginReporterMutation, CredentialsVariables> = define('LoginReporter', loginReporter);
export const LogoutReporterDocument: Document<LogoutReporterMutation> = define('LogoutReporter', logoutReporter);
export const MyReportsDocument: Document<MyReportsQuery> = define('MyReports', myReports);
export const CreateEvidenceUploadDocument: Document<CreateEvidenceUploadMutation, CreateEvidenceUploadVariables> = define('CreateEvidenceUpload', createEvidenceUpload);
export const SubmitReportDocument: Document<SubmitReportMutation, SubmitReportVariables> = define('SubmitReport', submitReport);
export const TrackReportDocument: Document<TrackReportQuery, TrackReportVariables> = define('TrackReport', trackReport);
export const SendReporterMessageDocument: Document<SendReporterMessageMutation, SendReporterMessageVariables> = define('SendReporterMessage', sendReporterMessage);

/* The staff console. */
export const LoginStaffDocument: Document<LoginStaffMutation, LoginStaffVariables> = define('LoginStaff', loginStaff);
export const LogoutStaffDocument: Document<LogoutStaffMutation> = define('LogoutStaff', logoutStaff);
export const ConsoleTenantDocument: Document<ConsoleTenantQuery> = define('ConsoleTenant', consoleTenant);
export const ConsoleProvincesDocument: Document<ConsoleProvincesQuery> = define('ConsoleProvinces', consoleProvinces);
export const ConsoleInboxDocument: Document<ConsoleInboxQuery, ConsoleInboxVariables> = define('ConsoleInbox', consoleInbox);
export const ConsoleCaseDocument: Document<ConsoleCaseQuery, { id: string }> = define('ConsoleCase', consoleCase);
export const AgencyStaffDocument: Document<AgencyStaffQuery> = define('AgencyStaff', agencyStaff);
export const TransitionCaseDocument: Document<CaseActionResult<'transitionCase'>, TransitionCaseVariables> = define('TransitionCase', transitionCase);
export const AddCaseNoteDocument: Document<CaseActionResult<'addCaseNote'>, AddCaseNoteVariables> = define('AddCaseNote', addCaseNote);
export const SendStaffMessageDocument: Document<CaseActionResult<'sendStaffMessage'>, SendStaffMessageVariables> = define('SendStaffMessage', sendStaffMessage);
export const DraftCaseAnswerDocument: Document<CaseActionResult<'draftCaseAnswer'>, DraftCaseAnswerVariables> = define('DraftCaseAnswer', draftCaseAnswer);
export const ReturnCaseAnswerDocument: Document<CaseActionResult<'returnCaseAnswer'>, ReturnCaseAnswerVariables> = define('ReturnCaseAnswer', returnCaseAnswer);
export const SetCasePriorityDocument: Document<CaseActionResult<'setCasePriority'>, SetCasePriorityVariables> = define('SetCasePriority', setCasePriority);
export const RecordConflictDocument: Document<{ recordConflict: { id: string; exclusions: { staff: { id: string } }[] } | null }, RecordConflictVariables> = define('RecordConflict', recordConflict);
export const RestrictCaseDocument: Document<CaseActionResult<'restrictCase'>, RestrictCaseVariables> = define('RestrictCase', restrictCase);
export const TransferCaseDocument: Document<CaseActionResult<'transferCase'> & { transferCase: { transferredTo: string | null } | null }, TransferCaseVariables> = define('TransferCase', transferCase);
export const ResponseTemplatesDocument: Document<ResponseTemplatesQuery> = define('ResponseTemplates', responseTemplates);
export const RequestIdentityRevealDocument: Document<RequestIdentityRevealMutation, RequestIdentityRevealVariables> = define('RequestIdentityReveal', requestIdentityReveal);

/* Offline intake. */
export const IntakeTenantDocument: Document<IntakeTenantQuery> = define('IntakeTenant', intakeTenant);
export const RecordOfflineIntakeDocument: Document<RecordOfflineIntakeMutation, RecordOfflineIntakeVariables> = define('RecordOfflineIntake', recordOfflineIntake);
export const IntakeReceiptDocument: Document<IntakeReceiptQuery, { id: string }> = define('IntakeReceipt', intakeReceipt);

/* Identity custodians. */
export const CustodianConsoleDocument: Document<CustodianConsoleQuery> = define('CustodianConsole', custodianConsole);
export const RevealIdentityDocument: Document<RevealIdentityMutation, RevealIdentityVariables> = define('RevealIdentity', revealIdentity);
export const DeclineIdentityRevealDocument: Document<DeclineIdentityRevealMutation, DeclineIdentityRevealVariables> = define('DeclineIdentityReveal', declineIdentityReveal);
export const SetUpCustodianKeyDocument: Document<SetUpCustodianKeyMutation, PassphraseVariables> = define('SetUpCustodianKey', setUpCustodianKey);
export const ResealIdentitiesDocument: Document<ResealIdentitiesMutation, PassphraseVariables> = define('ResealIdentities', resealIdentities);
export const RemoveIdentityCustodianDocument: Document<RemoveIdentityCustodianMutation, RemoveIdentityCustodianVariables> = define('RemoveIdentityCustodian', removeIdentityCustodian);

/* Staff accounts (tenant admin). */
export const StaffAccountsDocument: Document<StaffAccountsQuery> = define('StaffAccounts', staffAccounts);
export const CreateStaffMemberDocument: Document<CreateStaffMemberMutation, CreateStaffMemberVariables> = define('CreateStaffMember', createStaffMember);
export const UpdateStaffMemberDocument: Document<UpdateStaffMemberMutation, UpdateStaffMemberVariables> = define('UpdateStaffMember', updateStaffMember);
export const ConsoleViewerDocument: Document<{ viewerStaff: StaffViewer | null }> = define('ConsoleViewer', consoleViewer);

/* Notifications. */
export const ConsoleNotificationsDocument: Document<ConsoleNotificationsQuery> = define('ConsoleNotifications', consoleNotifications);
export const MarkStaffNotificationsReadDocument: Document<MarkStaffNotificationsReadMutation, MarkStaffNotificationsReadVariables> = define(
  'MarkStaffNotificationsRead',
  markStaffNotificationsRead,
);

/* Separation of duties: role and conflict proposals, decisions, the audit log. */
export const ProposeRoleChangeDocument: Document<ProposeRoleChangeMutation, ProposeRoleChangeVariables> = define('ProposeRoleChange', proposeRoleChange);
export const DecideRoleChangeDocument: Document<DecideRoleChangeMutation, DecideVariables> = define('DecideRoleChange', decideRoleChange);
export const DecideConflictDocument: Document<DecideConflictMutation, DecideVariables> = define('DecideConflict', decideConflict);
export const AuditLogDocument: Document<AuditLogQuery, AuditLogVariables> = define('AuditLog', auditLog);
export const SecretariatDecisionsDocument: Document<SecretariatDecisionsQuery> = define('SecretariatDecisions', secretariatDecisions);
export const CaseConflictProposalsDocument: Document<CaseConflictProposalsQuery, { caseId: string }> = define('CaseConflictProposals', caseConflictProposals);
