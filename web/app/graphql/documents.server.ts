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
import consoleFigures from './console-figures.graphql?raw';
import consoleFigureChoices from './console-figure-choices.graphql?raw';
import consoleTenant from './console-tenant.graphql?raw';
import createEvidenceUpload from './create-evidence-upload.graphql?raw';
import escalateReport from './escalate-report.graphql?raw';
import rateCaseAnswer from './rate-case-answer.graphql?raw';
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
import setStaffEmailOptOut from './set-staff-email-opt-out.graphql?raw';
import directory from './directory.graphql?raw';
import loginReporter from './login-reporter.graphql?raw';
import logoutReporter from './logout-reporter.graphql?raw';
import myReports from './my-reports.graphql?raw';
import registerReporter from './register-reporter.graphql?raw';
import reportingTenant from './reporting-tenant.graphql?raw';
import reporterNotificationEmail from './reporter-notification-email.graphql?raw';
import sendReporterMessage from './send-reporter-message.graphql?raw';
import setReporterNotificationEmail from './set-reporter-notification-email.graphql?raw';
import submitReport from './submit-report.graphql?raw';
import tenantPortal from './tenant-portal.graphql?raw';
import trackReport from './track-report.graphql?raw';
import viewerReporter from './viewer-reporter.graphql?raw';
import proposeRoleChange from './propose-role-change.graphql?raw';
import decideRoleChange from './decide-role-change.graphql?raw';
import decideConflict from './decide-conflict.graphql?raw';
import auditLog from './audit-log.graphql?raw';
import acknowledgeEscalation from './acknowledge-escalation.graphql?raw';
import instructAgency from './instruct-agency.graphql?raw';
import recordEscalationOutcome from './record-escalation-outcome.graphql?raw';
import mailDeliveries from './mail-deliveries.graphql?raw';
import stopReportEmail from './stop-report-email.graphql?raw';
import secretariatDecisions from './secretariat-decisions.graphql?raw';
import caseConflictProposals from './case-conflict-proposals.graphql?raw';
import publicStatistics from './public-statistics.graphql?raw';
import monthlyReports from './monthly-reports.graphql?raw';
import requestMonthlyReport from './request-monthly-report.graphql?raw';
import type {
  MonthlyReportsQuery,
  MonthlyReportsQueryVariables,
  RequestMonthlyReportMutation,
  RequestMonthlyReportMutationVariables,
  AddCaseNoteMutation,
  AddCaseNoteMutationVariables,
  AgencyStaffQuery,
  AgencyStaffQueryVariables,
  AuditLogQuery,
  AuditLogQueryVariables,
  MailDeliveriesQuery,
  ConsoleFiguresQuery,
  ConsoleFiguresQueryVariables,
  ConsoleFigureChoicesQuery,
  ConsoleFigureChoicesQueryVariables,
  MailDeliveriesQueryVariables,
  StopReportEmailMutation,
  StopReportEmailMutationVariables,
  CaseConflictProposalsQuery,
  CaseConflictProposalsQueryVariables,
  ConsoleCaseQuery,
  ConsoleCaseQueryVariables,
  ConsoleInboxQuery,
  ConsoleInboxQueryVariables,
  ConsoleNotificationsQuery,
  ConsoleNotificationsQueryVariables,
  ConsoleProvincesQuery,
  ConsoleProvincesQueryVariables,
  ConsoleTenantQuery,
  ConsoleTenantQueryVariables,
  ConsoleViewerQuery,
  ConsoleViewerQueryVariables,
  CreateEvidenceUploadMutation,
  CreateEvidenceUploadMutationVariables,
  CreateStaffMemberMutation,
  CreateStaffMemberMutationVariables,
  CustodianConsoleQuery,
  CustodianConsoleQueryVariables,
  DecideConflictMutation,
  DecideConflictMutationVariables,
  DecideRoleChangeMutation,
  DecideRoleChangeMutationVariables,
  DeclineIdentityRevealMutation,
  DeclineIdentityRevealMutationVariables,
  DirectoryQuery,
  DirectoryQueryVariables,
  DraftCaseAnswerMutation,
  DraftCaseAnswerMutationVariables,
  EscalateReportMutation,
  EscalateReportMutationVariables,
  RateCaseAnswerMutation,
  RateCaseAnswerMutationVariables,
  AcknowledgeEscalationMutation,
  AcknowledgeEscalationMutationVariables,
  InstructAgencyMutation,
  InstructAgencyMutationVariables,
  RecordEscalationOutcomeMutation,
  RecordEscalationOutcomeMutationVariables,
  IntakeReceiptQuery,
  IntakeReceiptQueryVariables,
  IntakeTenantQuery,
  IntakeTenantQueryVariables,
  LoginReporterMutation,
  LoginReporterMutationVariables,
  LoginStaffMutation,
  LoginStaffMutationVariables,
  LogoutReporterMutation,
  LogoutReporterMutationVariables,
  LogoutStaffMutation,
  LogoutStaffMutationVariables,
  MarkStaffNotificationsReadMutation,
  MarkStaffNotificationsReadMutationVariables,
  SetStaffEmailOptOutMutation,
  SetStaffEmailOptOutMutationVariables,
  MyReportsQuery,
  MyReportsQueryVariables,
  ProposeRoleChangeMutation,
  ProposeRoleChangeMutationVariables,
  PublicStatisticsQuery,
  PublicStatisticsQueryVariables,
  RecordConflictMutation,
  RecordConflictMutationVariables,
  RecordOfflineIntakeMutation,
  RecordOfflineIntakeMutationVariables,
  RegisterReporterMutation,
  RegisterReporterMutationVariables,
  RemoveIdentityCustodianMutation,
  RemoveIdentityCustodianMutationVariables,
  ReporterNotificationEmailQuery,
  ReporterNotificationEmailQueryVariables,
  ReportingTenantQuery,
  ReportingTenantQueryVariables,
  RequestIdentityRevealMutation,
  RequestIdentityRevealMutationVariables,
  ResealIdentitiesMutation,
  ResealIdentitiesMutationVariables,
  ResponseTemplatesQuery,
  ResponseTemplatesQueryVariables,
  RestrictCaseMutation,
  RestrictCaseMutationVariables,
  ReturnCaseAnswerMutation,
  ReturnCaseAnswerMutationVariables,
  RevealIdentityMutation,
  RevealIdentityMutationVariables,
  SecretariatDecisionsQuery,
  SecretariatDecisionsQueryVariables,
  SendReporterMessageMutation,
  SendReporterMessageMutationVariables,
  SendStaffMessageMutation,
  SendStaffMessageMutationVariables,
  SetCasePriorityMutation,
  SetCasePriorityMutationVariables,
  SetReporterNotificationEmailMutation,
  SetReporterNotificationEmailMutationVariables,
  SetUpCustodianKeyMutation,
  SetUpCustodianKeyMutationVariables,
  StaffAccountsQuery,
  StaffAccountsQueryVariables,
  SubmitReportMutation,
  SubmitReportMutationVariables,
  TenantPortalQuery,
  TenantPortalQueryVariables,
  TrackReportQuery,
  TrackReportQueryVariables,
  TransferCaseMutation,
  TransferCaseMutationVariables,
  TransitionCaseMutation,
  TransitionCaseMutationVariables,
  UpdateStaffMemberMutation,
  UpdateStaffMemberMutationVariables,
  ViewerReporterQuery,
  ViewerReporterQueryVariables,
} from './generated/graphql';

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

export const DirectoryDocument: Document<DirectoryQuery, DirectoryQueryVariables> = define('Directory', directory);
export const TenantPortalDocument: Document<TenantPortalQuery, TenantPortalQueryVariables> = define('TenantPortal', tenantPortal);
export const ReportingTenantDocument: Document<ReportingTenantQuery, ReportingTenantQueryVariables> = define('ReportingTenant', reportingTenant);
export const ViewerReporterDocument: Document<ViewerReporterQuery, ViewerReporterQueryVariables> = define('ViewerReporter', viewerReporter);
export const RegisterReporterDocument: Document<RegisterReporterMutation, RegisterReporterMutationVariables> = define('RegisterReporter', registerReporter);
export const LoginReporterDocument: Document<LoginReporterMutation, LoginReporterMutationVariables> = define('LoginReporter', loginReporter);
export const LogoutReporterDocument: Document<LogoutReporterMutation, LogoutReporterMutationVariables> = define('LogoutReporter', logoutReporter);
export const MyReportsDocument: Document<MyReportsQuery, MyReportsQueryVariables> = define('MyReports', myReports);
export const ReporterNotificationEmailDocument: Document<ReporterNotificationEmailQuery, ReporterNotificationEmailQueryVariables> = define(
  'ReporterNotificationEmail',
  reporterNotificationEmail,
);
export const SetReporterNotificationEmailDocument: Document<SetReporterNotificationEmailMutation, SetReporterNotificationEmailMutationVariables> = define(
  'SetReporterNotificationEmail',
  setReporterNotificationEmail,
);
export const CreateEvidenceUploadDocument: Document<CreateEvidenceUploadMutation, CreateEvidenceUploadMutationVariables> = define(
  'CreateEvidenceUpload',
  createEvidenceUpload,
);
export const SubmitReportDocument: Document<SubmitReportMutation, SubmitReportMutationVariables> = define('SubmitReport', submitReport);
export const TrackReportDocument: Document<TrackReportQuery, TrackReportQueryVariables> = define('TrackReport', trackReport);
export const EscalateReportDocument: Document<EscalateReportMutation, EscalateReportMutationVariables> = define('EscalateReport', escalateReport);
export const RateCaseAnswerDocument: Document<RateCaseAnswerMutation, RateCaseAnswerMutationVariables> = define('RateCaseAnswer', rateCaseAnswer);
export const PublicStatisticsDocument: Document<PublicStatisticsQuery, PublicStatisticsQueryVariables> = define('PublicStatistics', publicStatistics);
export const SendReporterMessageDocument: Document<SendReporterMessageMutation, SendReporterMessageMutationVariables> = define(
  'SendReporterMessage',
  sendReporterMessage,
);

/* The staff console. */
export const AcknowledgeEscalationDocument: Document<AcknowledgeEscalationMutation, AcknowledgeEscalationMutationVariables> = define(
  'AcknowledgeEscalation',
  acknowledgeEscalation,
);
export const InstructAgencyDocument: Document<InstructAgencyMutation, InstructAgencyMutationVariables> = define('InstructAgency', instructAgency);
export const RecordEscalationOutcomeDocument: Document<RecordEscalationOutcomeMutation, RecordEscalationOutcomeMutationVariables> = define(
  'RecordEscalationOutcome',
  recordEscalationOutcome,
);
export const LoginStaffDocument: Document<LoginStaffMutation, LoginStaffMutationVariables> = define('LoginStaff', loginStaff);
export const LogoutStaffDocument: Document<LogoutStaffMutation, LogoutStaffMutationVariables> = define('LogoutStaff', logoutStaff);
export const ConsoleTenantDocument: Document<ConsoleTenantQuery, ConsoleTenantQueryVariables> = define('ConsoleTenant', consoleTenant);
export const ConsoleProvincesDocument: Document<ConsoleProvincesQuery, ConsoleProvincesQueryVariables> = define('ConsoleProvinces', consoleProvinces);
export const ConsoleInboxDocument: Document<ConsoleInboxQuery, ConsoleInboxQueryVariables> = define('ConsoleInbox', consoleInbox);
export const ConsoleCaseDocument: Document<ConsoleCaseQuery, ConsoleCaseQueryVariables> = define('ConsoleCase', consoleCase);
export const AgencyStaffDocument: Document<AgencyStaffQuery, AgencyStaffQueryVariables> = define('AgencyStaff', agencyStaff);
export const TransitionCaseDocument: Document<TransitionCaseMutation, TransitionCaseMutationVariables> = define('TransitionCase', transitionCase);
export const AddCaseNoteDocument: Document<AddCaseNoteMutation, AddCaseNoteMutationVariables> = define('AddCaseNote', addCaseNote);
export const SendStaffMessageDocument: Document<SendStaffMessageMutation, SendStaffMessageMutationVariables> = define('SendStaffMessage', sendStaffMessage);
export const DraftCaseAnswerDocument: Document<DraftCaseAnswerMutation, DraftCaseAnswerMutationVariables> = define('DraftCaseAnswer', draftCaseAnswer);
export const ReturnCaseAnswerDocument: Document<ReturnCaseAnswerMutation, ReturnCaseAnswerMutationVariables> = define('ReturnCaseAnswer', returnCaseAnswer);
export const SetCasePriorityDocument: Document<SetCasePriorityMutation, SetCasePriorityMutationVariables> = define('SetCasePriority', setCasePriority);
export const RecordConflictDocument: Document<RecordConflictMutation, RecordConflictMutationVariables> = define('RecordConflict', recordConflict);
export const RestrictCaseDocument: Document<RestrictCaseMutation, RestrictCaseMutationVariables> = define('RestrictCase', restrictCase);
export const TransferCaseDocument: Document<TransferCaseMutation, TransferCaseMutationVariables> = define('TransferCase', transferCase);
export const ResponseTemplatesDocument: Document<ResponseTemplatesQuery, ResponseTemplatesQueryVariables> = define('ResponseTemplates', responseTemplates);
export const RequestIdentityRevealDocument: Document<RequestIdentityRevealMutation, RequestIdentityRevealMutationVariables> = define(
  'RequestIdentityReveal',
  requestIdentityReveal,
);

/* Offline intake. */
export const IntakeTenantDocument: Document<IntakeTenantQuery, IntakeTenantQueryVariables> = define('IntakeTenant', intakeTenant);
export const RecordOfflineIntakeDocument: Document<RecordOfflineIntakeMutation, RecordOfflineIntakeMutationVariables> = define(
  'RecordOfflineIntake',
  recordOfflineIntake,
);
export const IntakeReceiptDocument: Document<IntakeReceiptQuery, IntakeReceiptQueryVariables> = define('IntakeReceipt', intakeReceipt);

/* Identity custodians. */
export const CustodianConsoleDocument: Document<CustodianConsoleQuery, CustodianConsoleQueryVariables> = define('CustodianConsole', custodianConsole);
export const RevealIdentityDocument: Document<RevealIdentityMutation, RevealIdentityMutationVariables> = define('RevealIdentity', revealIdentity);
export const DeclineIdentityRevealDocument: Document<DeclineIdentityRevealMutation, DeclineIdentityRevealMutationVariables> = define(
  'DeclineIdentityReveal',
  declineIdentityReveal,
);
export const SetUpCustodianKeyDocument: Document<SetUpCustodianKeyMutation, SetUpCustodianKeyMutationVariables> = define(
  'SetUpCustodianKey',
  setUpCustodianKey,
);
export const ResealIdentitiesDocument: Document<ResealIdentitiesMutation, ResealIdentitiesMutationVariables> = define('ResealIdentities', resealIdentities);
export const RemoveIdentityCustodianDocument: Document<RemoveIdentityCustodianMutation, RemoveIdentityCustodianMutationVariables> = define(
  'RemoveIdentityCustodian',
  removeIdentityCustodian,
);

/* Staff accounts (tenant admin). */
export const StaffAccountsDocument: Document<StaffAccountsQuery, StaffAccountsQueryVariables> = define('StaffAccounts', staffAccounts);
export const CreateStaffMemberDocument: Document<CreateStaffMemberMutation, CreateStaffMemberMutationVariables> = define(
  'CreateStaffMember',
  createStaffMember,
);
export const UpdateStaffMemberDocument: Document<UpdateStaffMemberMutation, UpdateStaffMemberMutationVariables> = define(
  'UpdateStaffMember',
  updateStaffMember,
);
export const ConsoleViewerDocument: Document<ConsoleViewerQuery, ConsoleViewerQueryVariables> = define('ConsoleViewer', consoleViewer);

/* Notifications. */
export const ConsoleNotificationsDocument: Document<ConsoleNotificationsQuery, ConsoleNotificationsQueryVariables> = define(
  'ConsoleNotifications',
  consoleNotifications,
);
export const MarkStaffNotificationsReadDocument: Document<MarkStaffNotificationsReadMutation, MarkStaffNotificationsReadMutationVariables> = define(
  'MarkStaffNotificationsRead',
  markStaffNotificationsRead,
);
export const SetStaffEmailOptOutDocument: Document<SetStaffEmailOptOutMutation, SetStaffEmailOptOutMutationVariables> = define(
  'SetStaffEmailOptOut',
  setStaffEmailOptOut,
);

/* Separation of duties: role and conflict proposals, decisions, the audit log. */
export const ProposeRoleChangeDocument: Document<ProposeRoleChangeMutation, ProposeRoleChangeMutationVariables> = define(
  'ProposeRoleChange',
  proposeRoleChange,
);
export const DecideRoleChangeDocument: Document<DecideRoleChangeMutation, DecideRoleChangeMutationVariables> = define('DecideRoleChange', decideRoleChange);
export const DecideConflictDocument: Document<DecideConflictMutation, DecideConflictMutationVariables> = define('DecideConflict', decideConflict);
export const AuditLogDocument: Document<AuditLogQuery, AuditLogQueryVariables> = define('AuditLog', auditLog);
export const MailDeliveriesDocument: Document<MailDeliveriesQuery, MailDeliveriesQueryVariables> = define('MailDeliveries', mailDeliveries);
export const StopReportEmailDocument: Document<StopReportEmailMutation, StopReportEmailMutationVariables> = define('StopReportEmail', stopReportEmail);
export const SecretariatDecisionsDocument: Document<SecretariatDecisionsQuery, SecretariatDecisionsQueryVariables> = define(
  'SecretariatDecisions',
  secretariatDecisions,
);
export const CaseConflictProposalsDocument: Document<CaseConflictProposalsQuery, CaseConflictProposalsQueryVariables> = define(
  'CaseConflictProposals',
  caseConflictProposals,
);

/* The staff and secretariat dashboards (issue 15). */
export const ConsoleFiguresDocument: Document<ConsoleFiguresQuery, ConsoleFiguresQueryVariables> = define('ConsoleFigures', consoleFigures);
export const ConsoleFigureChoicesDocument: Document<ConsoleFigureChoicesQuery, ConsoleFigureChoicesQueryVariables> = define(
  'ConsoleFigureChoices',
  consoleFigureChoices,
);
/* Monthly reports: the versions a staff member may download, and a request for a new one. */
export const MonthlyReportsDocument: Document<MonthlyReportsQuery, MonthlyReportsQueryVariables> = define('MonthlyReports', monthlyReports);
export const RequestMonthlyReportDocument: Document<RequestMonthlyReportMutation, RequestMonthlyReportMutationVariables> = define(
  'RequestMonthlyReport',
  requestMonthlyReport,
);
