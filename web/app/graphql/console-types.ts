/**
 * Result and variable types of the staff console's documents, written by hand from
 * api/schema.graphql; `documents.test.ts` validates the documents against the schema.
 */
import type {
  ActorKind,
  AnswerStatus,
  CaseEventKind,
  CasePriority,
  CaseStatus,
  CaseTransition,
  ChannelKind,
  DuplicateReason,
  EscalationSource,
  EventVisibility,
  ExclusionKind,
  IdentityMode,
  NoteKind,
  RevealRequestStatus,
  StaffNotificationKind,
  StaffRole,
  StaffTransition,
  TemplateUse,
} from './types';
import type { EvidenceFile, ReportingCaseType, StageDeadline } from './reporting-types';
import type { PendingRoleChange, RoleChangeProposal } from './trust-types';

export interface StaffSession {
  token: string;
  expiresAt: string;
}

export interface LoginStaffVariables {
  input: { email: string; password: string };
}

export interface LoginStaffMutation {
  loginStaff: StaffSession;
}

export interface LogoutStaffMutation {
  logoutStaff: boolean;
}

export interface StaffViewer {
  id: string;
  name: string;
  title: string | null;
  email: string;
  roles: StaffRole[];
  provinceId: string | null;
  tenantId: string | null;
  canRecordIntake: boolean;
  /** The roles receive console notifications (the header links them). */
  canReadNotifications: boolean;
  /** Unread among the newest notifications (the header shows it). */
  unreadNotificationCount: number;
}

export interface KeyedName {
  key: string;
  name: string;
}

export interface ConsoleTenant {
  slug: string;
  name: string;
  shortName: string;
  parent: string | null;
  timeZone: string;
  theme: {
    primaryColor: string;
    primaryTextColor: string;
    accentColor: string;
    backgroundColor: string;
    textColor: string;
    logoText: string;
    tagline: string | null;
  };
  caseTypes: KeyedName[];
  categories: KeyedName[];
  channels: KeyedName[];
}

export interface ConsoleTenantQuery {
  tenant: ConsoleTenant;
}

export interface ConsoleProvince {
  id: string;
  slug: string;
  name: string;
  secretariat: string;
  tenants: { slug: string; name: string; shortName: string; timeZone: string }[];
}

export interface ConsoleProvincesQuery {
  provinces: ConsoleProvince[];
}

export interface CurrentStage {
  key: string;
  name: string;
  deadline: string;
  overdue: boolean;
  dueSoon: boolean;
  paused: boolean;
  provisional: boolean;
}

export interface InboxFilterInput {
  agencySlugs?: string[];
  statuses?: CaseStatus[];
  caseTypeKeys?: string[];
  categoryKeys?: string[];
  channelKeys?: string[];
  priorities?: CasePriority[];
  overdue?: boolean;
  escalated?: boolean;
  search?: string;
}

export interface ConsoleInboxVariables {
  filter: InboxFilterInput | null;
  first: number;
  after: string | null;
}

export interface InboxCase {
  id: string;
  registrationNumber: string;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  receivedAt: string;
  escalatedAt: string | null;
  restricted: boolean;
  agency: { slug: string; shortName: string; timeZone: string };
  caseType: KeyedName | null;
  category: KeyedName | null;
  channel: KeyedName | null;
  currentStage: CurrentStage | null;
}

export interface ConsoleInboxQuery {
  viewerStaff: StaffViewer | null;
  /** Absent when the page had no inbox to read. */
  caseCounters?: AgencyCounters[];
  /** `liveCursor`: to follow the inbox live from (absent when the page had no inbox to read). */
  inbox: { totalCount: number; hasNextPage: boolean; endCursor: string | null; liveCursor?: string | null; cases: InboxCase[] };
}

/** Open cases of one agency by stage (`CaseCountersFields`). */
export interface AgencyCounters {
  agency: { slug: string; shortName: string };
  open: number;
  inVerification: number;
  waitingForReporter: number;
  inFollowUp: number;
  overdue: number;
  escalated: number;
}

export interface StaffMember {
  id: string;
  name: string;
  title?: string | null;
}

/** What the viewer may do on a case now, as the API says (the same rules its mutations check). */
export interface CaseCapabilities {
  handle: boolean;
  transitions: StaffTransition[];
  transfer: boolean;
  addNote: boolean;
  sendMessage: boolean;
  setPriority: boolean;
  draftAnswer: boolean;
  approveAnswer: boolean;
  returnAnswer: boolean;
  restrict: boolean;
  declareConflict: boolean;
  recordColleagueConflict: boolean;
  requestReveal: boolean;
}

export interface StaffCase {
  id: string;
  /** The cursor to follow the case live from. */
  liveCursor?: string | null;
  registrationNumber: string;
  title: string;
  status: CaseStatus;
  priority: CasePriority;
  identityMode: IdentityMode;
  confidential: boolean;
  restricted: boolean;
  externalReference: string | null;
  receivedAt: string;
  submittedAt: string;
  closedAt: string | null;
  escalatedAt: string | null;
  waitingSince: string | null;
  silenceCloseAt: string | null;
  transferredFrom: string | null;
  transferredTo: string | null;
  agency: { slug: string; name: string; shortName: string; timeZone: string };
  caseType: KeyedName | null;
  category: KeyedName | null;
  channel: (KeyedName & { kind: ChannelKind }) | null;
  recordedBy: StaffMember | null;
  reporter: ReporterDetails | null;
  possibleDuplicates: PossibleDuplicate[];
  currentStage: CurrentStage | null;
  deadlines: StageDeadline[];
  answers: { label: string; value: string }[];
  evidence: EvidenceFile[];
  timeline: {
    cursor: string;
    kind: CaseEventKind;
    status: CaseStatus;
    visibility: EventVisibility;
    actorKind: ActorKind;
    actor: StaffMember | null;
    transition: string | null;
    reason: string | null;
    at: string;
  }[];
  messages: { id: string; authorKind: ActorKind; author: StaffMember | null; body: string; sentAt: string; evidence: EvidenceFile[] }[];
  notes: { id: string; kind: NoteKind; body: string; at: string; author: StaffMember | null }[];
  officialAnswers: {
    id: string;
    status: AnswerStatus;
    body: string;
    updatedAt: string;
    decisionReason: string | null;
    draftedBy: StaffMember | null;
    decidedBy: StaffMember | null;
  }[];
  exclusions: { kind: ExclusionKind; reason: string | null; staff: StaffMember }[];
  handlers: StaffMember[];
  viewerCan: CaseCapabilities;
}

export interface ConsoleCaseQuery {
  viewerStaff: StaffViewer | null;
  staffCase: StaffCase;
}

export interface AgencyStaffQuery {
  agencyStaff: StaffMember[];
}

/** Every console action answers with the case id, or null when the viewer lost sight of it. */
export type CaseActionResult<Field extends string> = Record<Field, { id: string } | null>;

export interface TransitionCaseVariables {
  input: { caseId: string; transition: StaffTransition; reason: string | null };
}
export interface AddCaseNoteVariables {
  input: { caseId: string; kind: NoteKind; body: string };
}
export interface SendStaffMessageVariables {
  input: { caseId: string; body: string };
}
export interface DraftCaseAnswerVariables {
  input: { caseId: string; body: string; submit: boolean };
}
export interface ReturnCaseAnswerVariables {
  input: { caseId: string; reason: string };
}
export interface SetCasePriorityVariables {
  input: { caseId: string; priority: CasePriority };
}
export interface RecordConflictVariables {
  input: { caseId: string; staffUserId: string | null; reason: string | null };
}
export interface RestrictCaseVariables {
  input: { caseId: string; handlerIds: string[] };
}

export interface ReporterDetails {
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface PossibleDuplicate {
  id: string;
  registrationNumber: string;
  title: string;
  status: CaseStatus;
  receivedAt: string;
  similarity: number;
  reasons: DuplicateReason[];
}

export interface TransferCaseVariables {
  input: { caseId: string; targetAgencySlug: string; reason: string };
}
export interface RequestIdentityRevealVariables {
  input: { caseId: string; reason: string };
}
export interface RequestIdentityRevealMutation {
  requestIdentityReveal: { id: string; status: RevealRequestStatus };
}

export interface ResponseTemplate {
  key: string;
  name: string;
  body: string;
  uses: TemplateUse[];
}
export interface ResponseTemplatesQuery {
  responseTemplates: ResponseTemplate[];
}

/* Offline intake. */
export interface IntakeChannel {
  key: string;
  kind: ChannelKind;
  name: string;
  staffIntake: boolean;
  caseTypeKeys: string[];
}
export interface IntakeTenantQuery {
  viewerStaff: StaffViewer | null;
  tenant: {
    slug: string;
    timeZone: string;
    categories: { key: string; name: string; description: string | null }[];
    channels: IntakeChannel[];
    caseTypes: ReportingCaseType[];
  };
}
export interface RecordOfflineIntakeVariables {
  input: {
    caseTypeKey: string;
    categoryKey: string | null;
    channelKey: string;
    receivedAt: string;
    externalReference: string | null;
    answers: { field: string; value: string }[];
    identityMode: IdentityMode;
    reporter: Partial<Record<keyof ReporterDetails, string>> | null;
  };
}
export interface RecordOfflineIntakeMutation {
  recordOfflineIntake: { trackingCode: string; case: { id: string; registrationNumber: string } };
}
export interface IntakeReceiptCase {
  id: string;
  registrationNumber: string;
  title: string;
  receivedAt: string;
  identityMode: IdentityMode;
  externalReference: string | null;
  agency: { name: string; shortName: string; timeZone: string };
  caseType: { name: string; handlingUnit: string } | null;
  category: { name: string } | null;
  channel: { name: string; kind: ChannelKind } | null;
  recordedBy: StaffMember | null;
  deadlines: StageDeadline[];
  timeline: { kind: CaseEventKind }[];
}
export interface IntakeReceiptQuery {
  viewerStaff: StaffViewer | null;
  staffCase: IntakeReceiptCase;
}

/* Identity custodians. */
export interface RevealRequest {
  id: string;
  caseId: string;
  registrationNumber: string;
  reason: string;
  status: RevealRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
}
export interface IdentityCustodian {
  id: string;
  name: string;
  staffUserId: string | null;
  active: boolean;
  createdAt: string;
  removedAt: string | null;
}
export interface CustodianConsoleQuery {
  viewerStaff: StaffViewer | null;
  identityRevealRequests: RevealRequest[];
  identityCustodians: IdentityCustodian[];
}
export interface RevealedIdentity extends ReporterDetails {
  requestId: string;
  caseId: string;
}
export interface RevealIdentityVariables {
  input: { requestId: string; passphrase: string };
}
export interface RevealIdentityMutation {
  revealIdentity: RevealedIdentity;
}
export interface DeclineIdentityRevealVariables {
  input: { requestId: string };
}
export interface DeclineIdentityRevealMutation {
  declineIdentityReveal: string;
}
export interface PassphraseVariables {
  input: { passphrase: string };
}
export interface SetUpCustodianKeyMutation {
  setUpCustodianKey: { custodianId: string; recoveryKey: string };
}
export interface ResealResult {
  resealed: number;
  skipped: number;
  custodians: number;
}
export interface ResealIdentitiesMutation {
  resealIdentities: ResealResult;
}
export interface RemoveIdentityCustodianVariables {
  input: { custodianId: string; passphrase: string };
}
export interface RemoveIdentityCustodianMutation {
  removeIdentityCustodian: ResealResult;
}

/* Staff accounts (tenant admin). */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  title: string | null;
  roles: StaffRole[];
  active: boolean;
  lastLoginAt: string | null;
  /** Changes to the custodian or head role that wait for a second person. */
  pendingRoleChanges: PendingRoleChange[];
}
export interface StaffAccountsQuery {
  viewerStaff: StaffViewer | null;
  staffAccounts: StaffAccount[];
  roleChangeProposals: RoleChangeProposal[];
}
export interface CreateStaffMemberVariables {
  input: { email: string; name: string; title: string | null; roles: StaffRole[]; password: string };
}
export interface CreateStaffMemberMutation {
  createStaffMember: { id: string; email: string; roles: StaffRole[] };
}
export interface UpdateStaffMemberVariables {
  input: { staffUserId: string; roles?: StaffRole[]; active?: boolean };
}
export interface UpdateStaffMemberMutation {
  updateStaffMember: { id: string; roles: StaffRole[]; active: boolean };
}

/* Notifications (reminders, escalations, silence notices and closures). */
export interface StaffNotification {
  id: string;
  kind: StaffNotificationKind;
  createdAt: string;
  forProvince: boolean;
  caseId: string;
  registrationNumber: string;
  caseStatus: CaseStatus;
  stageDeadline: string | null;
  escalationSource: EscalationSource | null;
  agencySlug: string;
  read: boolean;
}
export interface ConsoleNotificationsQuery {
  viewerStaff: StaffViewer | null;
  staffNotifications: StaffNotification[];
}
export interface MarkStaffNotificationsReadVariables {
  input: { notificationIds: string[] };
}
export interface MarkStaffNotificationsReadMutation {
  markStaffNotificationsRead: { markedCount: number; unreadCount: number };
}
