/**
 * Result types of the documents in this folder, written by hand from api/schema.graphql.
 * `documents.test.ts` validates the documents against the schema, so drift fails a test.
 */

/** Enum values as the API defines them; `documents.test.ts` checks them against the schema. */
export const ENUMS = {
  TenantKind: ['INSPECTORATE', 'FINANCE_AGENCY', 'SERVICE_AGENCY', 'REGIONAL_SECRETARIAT', 'OTHER'],
  CaseTypeKind: ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST', 'WHISTLEBLOWING', 'GRATIFICATION', 'ILLEGAL_LEVY', 'NO_FINDINGS_CERTIFICATE'],
  ReportCriteria: ['THREE_W', 'FIVE_W_ONE_H', 'NONE'],
  CriterionElement: ['WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW'],
  IdentityMode: ['IDENTIFIED', 'PSEUDONYMOUS', 'ANONYMOUS'],
  ReporterDetail: ['NAME', 'ID_NUMBER', 'ADDRESS', 'PHONE', 'EMAIL'],
  ChannelKind: [
    'WEB_PORTAL',
    'SP4N_LAPOR',
    'SMS',
    'WHATSAPP',
    'EMAIL',
    'PHONE',
    'CALL_CENTER',
    'FAX',
    'OFFICE_VISIT',
    'COMPLAINT_BOX',
    'LETTER',
    'MOBILE_APP',
    'SOCIAL_MEDIA',
  ],
  ContactKind: ['ADDRESS', 'PHONE', 'CALL_CENTER', 'SMS', 'WHATSAPP', 'EMAIL', 'FAX', 'WEBSITE'],
  FormFieldType: ['TEXT', 'TEXTAREA', 'DATE', 'SELECT', 'NUMBER'],
  CaseStatus: ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED'],
  CaseEventKind: [
    'SUBMITTED', 'MESSAGE', 'EVIDENCE_ADDED', 'STATUS_CHANGED', 'NOTE_ADDED', 'PRIORITY_CHANGED', 'ANSWER_DRAFTED',
    'ANSWER_RETURNED', 'REMINDER_SENT', 'ESCALATED', 'CONFLICT_RECORDED', 'ACCESS_RESTRICTED', 'IDENTITY_REVEAL_REQUESTED',
    'IDENTITY_REVEALED', 'SILENCE_NOTICE', 'RECORDED_OFFLINE', 'TRANSFERRED_IN',
  ],
  MessageAuthor: ['REPORTER', 'STAFF', 'SYSTEM'],
  CasePriority: ['LOW', 'NORMAL', 'HIGH', 'URGENT'],
  CaseTransition: ['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT', 'START_FOLLOW_UP', 'APPROVE_ANSWER', 'CLOSE', 'TRANSFER'],
  StaffTransition: ['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT', 'START_FOLLOW_UP', 'APPROVE_ANSWER', 'CLOSE'],
  NoteKind: ['NOTE', 'FOLLOW_UP', 'COORDINATION'],
  AnswerStatus: ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'],
  EventVisibility: ['REPORTER', 'INTERNAL'],
  ActorKind: ['REPORTER', 'STAFF', 'SYSTEM'],
  ExclusionKind: ['NAMED_IN_REPORT', 'DECLARED_CONFLICT'],
  StaffRole: ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN', 'PROVINCIAL_SECRETARIAT', 'PLATFORM_OPERATOR'],
  TemplateUse: ['REQUEST_INFO', 'REJECT', 'TRANSFER', 'MESSAGE', 'ANSWER'],
  DuplicateReason: ['SAME_REPORTER', 'SAME_CATEGORY_AND_PLACE', 'SIMILAR_TEXT'],
  RevealRequestStatus: ['PENDING', 'REVEALED', 'DECLINED'],
  StaffNotificationKind: ['REMINDER', 'OVERDUE', 'SILENCE_NOTICE', 'SILENCE_CLOSED'],
  EscalationSource: ['SLA_SWEEP', 'REPORTER'],
  RoleChange: ['GRANT', 'REVOKE'],
  ProposalStatus: ['PENDING', 'CONFIRMED', 'DECLINED'],
  ConflictProposalStatus: ['PENDING', 'CONFIRMED', 'DECLINED'],
  AuditAction: [
    'CASE_RESTRICTED',
    'CONFLICT_CONFIRMED',
    'CONFLICT_DECLARED',
    'CONFLICT_DECLINED',
    'CONFLICT_PROPOSED',
    'CUSTODIAN_KEY_REMOVED',
    'CUSTODIAN_KEY_SET_UP',
    'IDENTITIES_RESEALED',
    'IDENTITY_REVEALED',
    'IDENTITY_REVEAL_DECLINED',
    'IDENTITY_REVEAL_REQUESTED',
    'ROLE_CHANGE_CONFIRMED',
    'ROLE_CHANGE_DECLINED',
    'ROLE_CHANGE_PROPOSED',
    'STAFF_CREATED',
    'STAFF_DEACTIVATED',
    'STAFF_REACTIVATED',
    'STAFF_ROLES_CHANGED',
  ],
} as const;

type EnumOf<Name extends keyof typeof ENUMS> = (typeof ENUMS)[Name][number];
export type TenantKind = EnumOf<'TenantKind'>;
export type CaseTypeKind = EnumOf<'CaseTypeKind'>;
export type ReportCriteria = EnumOf<'ReportCriteria'>;
export type CriterionElement = EnumOf<'CriterionElement'>;
export type IdentityMode = EnumOf<'IdentityMode'>;
export type ReporterDetail = EnumOf<'ReporterDetail'>;
export type ChannelKind = EnumOf<'ChannelKind'>;
export type ContactKind = EnumOf<'ContactKind'>;
export type FormFieldType = EnumOf<'FormFieldType'>;
export type CaseStatus = EnumOf<'CaseStatus'>;
export type CaseEventKind = EnumOf<'CaseEventKind'>;
export type MessageAuthor = EnumOf<'MessageAuthor'>;
export type CasePriority = EnumOf<'CasePriority'>;
export type CaseTransition = EnumOf<'CaseTransition'>;
export type StaffTransition = EnumOf<'StaffTransition'>;
export type NoteKind = EnumOf<'NoteKind'>;
export type AnswerStatus = EnumOf<'AnswerStatus'>;
export type EventVisibility = EnumOf<'EventVisibility'>;
export type ActorKind = EnumOf<'ActorKind'>;
export type ExclusionKind = EnumOf<'ExclusionKind'>;
export type StaffRole = EnumOf<'StaffRole'>;
export type TemplateUse = EnumOf<'TemplateUse'>;
export type DuplicateReason = EnumOf<'DuplicateReason'>;
export type RevealRequestStatus = EnumOf<'RevealRequestStatus'>;
export type StaffNotificationKind = EnumOf<'StaffNotificationKind'>;
export type EscalationSource = EnumOf<'EscalationSource'>;
export type RoleChange = EnumOf<'RoleChange'>;
export type ProposalStatus = EnumOf<'ProposalStatus'>;
export type ConflictProposalStatus = EnumOf<'ConflictProposalStatus'>;
export type AuditAction = EnumOf<'AuditAction'>;

export interface DirectoryQuery {
  provinces: {
    slug: string;
    name: string;
    secretariat: string;
    tenants: {
      slug: string;
      name: string;
      shortName: string;
      kind: TenantKind;
      theme: { primaryColor: string; primaryTextColor: string; logoText: string };
    }[];
  }[];
}

export interface PortalTheme {
  primaryColor: string;
  primaryTextColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  logoText: string;
  tagline: string | null;
}

export interface PortalCaseType {
  key: string;
  kind: CaseTypeKind;
  name: string;
  description: string | null;
  criteria: ReportCriteria;
  criteriaElements: CriterionElement[];
  onlineIntake: boolean;
  requiredDocuments: string[];
  handlingUnit: string;
  identity: {
    allowed: IdentityMode[];
    confidential: boolean;
    identifiedRequires: ReporterDetail[];
    pseudonymousRequires: ReporterDetail[];
    note: string | null;
  };
  evidence: { required: boolean; maxFiles: number; maxFileBytes: number };
  slaPolicy: {
    key: string;
    name: string;
    escalationTarget: string | null;
    silenceClosureWorkingDays: number | null;
    stages: { key: string; name: string; workingDays: number }[];
  } | null;
}

export interface PortalServiceStandard {
  key: string;
  name: string;
  legalBasis: string | null;
  requirements: string[];
  procedure: string[];
  completionTime: string | null;
  completionWorkingDays: number | null;
  fee: string | null;
  products: string[];
  complaintHandling: string[];
  caseTypeKeys: string[];
}

export interface PortalChannel {
  key: string;
  kind: ChannelKind;
  name: string;
  contact: string | null;
  url: string | null;
  note: string | null;
  caseTypeKeys: string[];
}

export interface PortalContact {
  kind: ContactKind;
  label: string | null;
  value: string;
}

export interface PortalTenant {
  slug: string;
  name: string;
  shortName: string;
  kind: TenantKind;
  parent: string | null;
  description: string | null;
  address: string;
  website: string | null;
  province: { name: string };
  theme: PortalTheme;
  caseTypes: PortalCaseType[];
  serviceStandards: PortalServiceStandard[];
  channels: PortalChannel[];
  faqs: { question: string; answer: string }[];
  contacts: PortalContact[];
}

export interface TenantPortalQuery {
  tenant: PortalTenant;
}
