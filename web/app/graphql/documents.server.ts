/** The GraphQL documents, as text, for the server-side client. One operation per file. */
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

export const DirectoryDocument: Document<DirectoryQuery> = { operationName: 'Directory', source: directory };
export const TenantPortalDocument: Document<TenantPortalQuery> = { operationName: 'TenantPortal', source: tenantPortal };
export const ReportingTenantDocument: Document<ReportingTenantQuery> = { operationName: 'ReportingTenant', source: reportingTenant };
export const ViewerReporterDocument: Document<ViewerReporterQuery> = { operationName: 'ViewerReporter', source: viewerReporter };
export const RegisterReporterDocument: Document<RegisterReporterMutation, CredentialsVariables> = {
  operationName: 'RegisterReporter',
  source: registerReporter,
};
export const LoginReporterDocument: Document<LoginReporterMutation, CredentialsVariables> = { operationName: 'LoginReporter', source: loginReporter };
export const LogoutReporterDocument: Document<LogoutReporterMutation> = { operationName: 'LogoutReporter', source: logoutReporter };
export const MyReportsDocument: Document<MyReportsQuery> = { operationName: 'MyReports', source: myReports };
export const CreateEvidenceUploadDocument: Document<CreateEvidenceUploadMutation, CreateEvidenceUploadVariables> = {
  operationName: 'CreateEvidenceUpload',
  source: createEvidenceUpload,
};
export const SubmitReportDocument: Document<SubmitReportMutation, SubmitReportVariables> = { operationName: 'SubmitReport', source: submitReport };
export const TrackReportDocument: Document<TrackReportQuery, TrackReportVariables> = { operationName: 'TrackReport', source: trackReport };
export const SendReporterMessageDocument: Document<SendReporterMessageMutation, SendReporterMessageVariables> = {
  operationName: 'SendReporterMessage',
  source: sendReporterMessage,
};

/* The staff console. */
export const LoginStaffDocument: Document<LoginStaffMutation, LoginStaffVariables> = { operationName: 'LoginStaff', source: loginStaff };
export const LogoutStaffDocument: Document<LogoutStaffMutation> = { operationName: 'LogoutStaff', source: logoutStaff };
export const ConsoleTenantDocument: Document<ConsoleTenantQuery> = { operationName: 'ConsoleTenant', source: consoleTenant };
export const ConsoleProvincesDocument: Document<ConsoleProvincesQuery> = { operationName: 'ConsoleProvinces', source: consoleProvinces };
export const ConsoleInboxDocument: Document<ConsoleInboxQuery, ConsoleInboxVariables> = { operationName: 'ConsoleInbox', source: consoleInbox };
export const ConsoleCaseDocument: Document<ConsoleCaseQuery, { id: string }> = { operationName: 'ConsoleCase', source: consoleCase };
export const AgencyStaffDocument: Document<AgencyStaffQuery> = { operationName: 'AgencyStaff', source: agencyStaff };
export const TransitionCaseDocument: Document<CaseActionResult<'transitionCase'>, TransitionCaseVariables> = { operationName: 'TransitionCase', source: transitionCase };
export const AddCaseNoteDocument: Document<CaseActionResult<'addCaseNote'>, AddCaseNoteVariables> = { operationName: 'AddCaseNote', source: addCaseNote };
export const SendStaffMessageDocument: Document<CaseActionResult<'sendStaffMessage'>, SendStaffMessageVariables> = {
  operationName: 'SendStaffMessage',
  source: sendStaffMessage,
};
export const DraftCaseAnswerDocument: Document<CaseActionResult<'draftCaseAnswer'>, DraftCaseAnswerVariables> = { operationName: 'DraftCaseAnswer', source: draftCaseAnswer };
export const ReturnCaseAnswerDocument: Document<CaseActionResult<'returnCaseAnswer'>, ReturnCaseAnswerVariables> = {
  operationName: 'ReturnCaseAnswer',
  source: returnCaseAnswer,
};
export const SetCasePriorityDocument: Document<CaseActionResult<'setCasePriority'>, SetCasePriorityVariables> = { operationName: 'SetCasePriority', source: setCasePriority };
export const RecordConflictDocument: Document<CaseActionResult<'recordConflict'>, RecordConflictVariables> = { operationName: 'RecordConflict', source: recordConflict };
export const RestrictCaseDocument: Document<CaseActionResult<'restrictCase'>, RestrictCaseVariables> = { operationName: 'RestrictCase', source: restrictCase };
export const TransferCaseDocument: Document<CaseActionResult<'transferCase'> & { transferCase: { transferredTo: string | null } | null }, TransferCaseVariables> = {
  operationName: 'TransferCase',
  source: transferCase,
};
export const ResponseTemplatesDocument: Document<ResponseTemplatesQuery> = { operationName: 'ResponseTemplates', source: responseTemplates };
export const RequestIdentityRevealDocument: Document<RequestIdentityRevealMutation, RequestIdentityRevealVariables> = {
  operationName: 'RequestIdentityReveal',
  source: requestIdentityReveal,
};

/* Offline intake. */
export const IntakeTenantDocument: Document<IntakeTenantQuery> = { operationName: 'IntakeTenant', source: intakeTenant };
export const RecordOfflineIntakeDocument: Document<RecordOfflineIntakeMutation, RecordOfflineIntakeVariables> = {
  operationName: 'RecordOfflineIntake',
  source: recordOfflineIntake,
};
export const IntakeReceiptDocument: Document<IntakeReceiptQuery, { id: string }> = { operationName: 'IntakeReceipt', source: intakeReceipt };

/* Identity custodians. */
export const CustodianConsoleDocument: Document<CustodianConsoleQuery> = { operationName: 'CustodianConsole', source: custodianConsole };
export const RevealIdentityDocument: Document<RevealIdentityMutation, RevealIdentityVariables> = { operationName: 'RevealIdentity', source: revealIdentity };
export const DeclineIdentityRevealDocument: Document<DeclineIdentityRevealMutation, DeclineIdentityRevealVariables> = {
  operationName: 'DeclineIdentityReveal',
  source: declineIdentityReveal,
};
export const SetUpCustodianKeyDocument: Document<SetUpCustodianKeyMutation, PassphraseVariables> = { operationName: 'SetUpCustodianKey', source: setUpCustodianKey };
export const ResealIdentitiesDocument: Document<ResealIdentitiesMutation, PassphraseVariables> = { operationName: 'ResealIdentities', source: resealIdentities };
export const RemoveIdentityCustodianDocument: Document<RemoveIdentityCustodianMutation, RemoveIdentityCustodianVariables> = {
  operationName: 'RemoveIdentityCustodian',
  source: removeIdentityCustodian,
};

/* Staff accounts (tenant admin). */
export const StaffAccountsDocument: Document<StaffAccountsQuery> = { operationName: 'StaffAccounts', source: staffAccounts };
export const CreateStaffMemberDocument: Document<CreateStaffMemberMutation, CreateStaffMemberVariables> = {
  operationName: 'CreateStaffMember',
  source: createStaffMember,
};
export const UpdateStaffMemberDocument: Document<UpdateStaffMemberMutation, UpdateStaffMemberVariables> = {
  operationName: 'UpdateStaffMember',
  source: updateStaffMember,
};
export const ConsoleViewerDocument: Document<{ viewerStaff: StaffViewer | null }> = { operationName: 'ConsoleViewer', source: consoleViewer };
