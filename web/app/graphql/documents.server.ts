/** The GraphQL documents, as text, for the server-side client. One operation per file. */
import createEvidenceUpload from './create-evidence-upload.graphql?raw';
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
