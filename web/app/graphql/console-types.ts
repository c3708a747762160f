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
  EventVisibility,
  ExclusionKind,
  IdentityMode,
  NoteKind,
  StaffRole,
  StaffTransition,
} from './types';
import type { EvidenceFile, StageDeadline } from './reporting-types';

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
  inbox: { totalCount: number; hasNextPage: boolean; endCursor: string | null; cases: InboxCase[] };
}

export interface StaffMember {
  id: string;
  name: string;
  title?: string | null;
}

export interface StaffCase {
  id: string;
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
  channel: KeyedName | null;
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
  availableTransitions: CaseTransition[];
  canHandle: boolean;
  canRestrict: boolean;
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
