/**
 * Result and variable types of the reporter's documents, written by hand from
 * api/schema.graphql; `documents.test.ts` validates the documents against the schema.
 */
import type { CaseEventKind, CaseStatus, CriterionElement, FormFieldType, IdentityMode, MessageAuthor, ReportCriteria, ReporterDetail } from './types';

export interface ReportingFormField {
  key: string;
  type: FormFieldType;
  label: string;
  help: string | null;
  required: boolean;
  maxLength: number | null;
  criterion: CriterionElement | null;
  options: { value: string; label: string }[];
}

export interface ReportingCaseType {
  key: string;
  name: string;
  description: string | null;
  criteria: ReportCriteria;
  criteriaElements: CriterionElement[];
  onlineIntake: boolean;
  requiredDocuments: string[];
  identity: {
    allowed: IdentityMode[];
    confidential: boolean;
    identifiedRequires: ReporterDetail[];
    pseudonymousRequires: ReporterDetail[];
    note: string | null;
  };
  evidence: { required: boolean; maxFiles: number; maxFileBytes: number };
  slaPolicy: { stages: { key: string; name: string; workingDays: number }[] } | null;
  formFields: ReportingFormField[];
}

export interface ReportingTenant {
  slug: string;
  name: string;
  shortName: string;
  parent: string | null;
  timeZone: string;
  registrationPrefix: string;
  theme: {
    primaryColor: string;
    primaryTextColor: string;
    accentColor: string;
    backgroundColor: string;
    textColor: string;
    logoText: string;
    tagline: string | null;
  };
  categories: { key: string; name: string; description: string | null }[];
  caseTypes: ReportingCaseType[];
}

export interface ReportingTenantQuery {
  tenant: ReportingTenant;
}

export interface ReporterAccount {
  pseudonym: string;
}

export interface ViewerReporterQuery {
  viewerReporter: ReporterAccount | null;
}

export interface CredentialsVariables {
  input: { pseudonym: string; password: string };
}

export interface ReporterSession {
  token: string;
  expiresAt: string;
  account: ReporterAccount;
}

export interface RegisterReporterMutation {
  registerReporter: ReporterSession;
}

export interface LoginReporterMutation {
  loginReporter: ReporterSession;
}

export interface LogoutReporterMutation {
  logoutReporter: boolean;
}

export interface ReportSummary {
  registrationNumber: string;
  title: string;
  caseTypeName: string;
  status: CaseStatus;
  submittedAt: string;
}

export interface MyReportsQuery {
  viewerReporter: ReporterAccount | null;
  myReports: ReportSummary[];
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
}

export interface StageDeadline {
  key: string;
  name: string;
  workingDays: number;
  deadline: string;
  provisional: boolean;
}

export interface CreateEvidenceUploadVariables {
  input: { caseTypeKey: string; fileName: string };
}

export interface CreateEvidenceUploadMutation {
  createEvidenceUpload: { evidenceId: string; uploadPath: string; maxBytes: number };
}

export interface ReportReceipt {
  registrationNumber: string;
  agencyName: string;
  agencyAddress: string | null;
  caseTypeName: string;
  categoryName: string | null;
  handlingUnit: string | null;
  identityMode: IdentityMode;
  submittedAt: string;
  timeZone: string;
  deadlines: StageDeadline[];
  evidence: EvidenceFile[];
}

export interface SubmitReportVariables {
  input: {
    caseTypeKey: string;
    categoryKey: string | null;
    answers: { field: string; value: string }[];
    identityMode: IdentityMode;
    reporter: Partial<Record<'name' | 'idNumber' | 'phone' | 'email' | 'address', string>> | null;
    evidenceIds: string[];
    /** The form's random key: sent again, the API answers CONFLICT with the first registration number. */
    clientSubmissionKey?: string | null;
  };
}

export interface SubmitReportMutation {
  submitReport: { registrationNumber: string; trackingCode: string; receipt: ReportReceipt };
}

export interface TrackedReport {
  registrationNumber: string;
  status: CaseStatus;
  caseTypeKey: string;
  caseTypeName: string;
  title: string;
  submittedAt: string;
  /** The running stage's deadline passed without an answer: the reporter may escalate. */
  canEscalate: boolean;
  escalatedAt: string | null;
  escalationTarget: string | null;
  /** The cursor to follow the report live from (absent from a live update's own report). */
  liveCursor?: string | null;
  deadlines: StageDeadline[];
  timeline: { cursor: string; kind: CaseEventKind; status: CaseStatus; at: string }[];
  messages: { id: string; author: MessageAuthor; body: string; sentAt: string; evidence: EvidenceFile[] }[];
  receipt: { agencyName: string; categoryName: string | null; identityMode: IdentityMode; timeZone: string; evidence: EvidenceFile[] };
}

export interface TrackReportVariables {
  registrationNumber: string;
  trackingCode: string | null;
}

export interface TrackReportQuery {
  trackReport: TrackedReport;
}

export interface EscalateReportVariables {
  input: { registrationNumber: string; trackingCode: string | null };
}

export interface EscalateReportMutation {
  escalateReport: { registrationNumber: string; escalatedAt: string };
}

export interface SendReporterMessageVariables {
  input: { registrationNumber: string; trackingCode: string | null; body: string; evidenceIds: string[] };
}

export interface SendReporterMessageMutation {
  sendReporterMessage: { id: string };
}
