/**
 * Result and variable types of the separation-of-duties documents (role proposals, conflict
 * proposals, the audit log), written by hand from api/schema.graphql; `documents.test.ts`
 * validates the documents against the schema.
 */
import type { StaffViewer } from './console-types';
import type { AuditAction, ConflictProposalStatus, ProposalStatus, RoleChange, StaffRole } from './types';

export interface PendingRoleChange {
  id: string;
  role: StaffRole;
  change: RoleChange;
  proposedAt: string;
}

export interface RoleChangeProposal {
  id: string;
  staffUserId: string;
  staffName: string;
  staffEmail: string;
  role: StaffRole;
  change: RoleChange;
  status: ProposalStatus;
  proposedAt: string;
  proposedById: string;
  viewerMayDecide: boolean;
}

export interface ConflictProposal {
  id: string;
  caseId: string;
  registrationNumber: string;
  staffUserId: string;
  staffName: string | null;
  proposedById: string;
  proposedByName: string | null;
  reason: string | null;
  proposedAt: string;
  status: ConflictProposalStatus;
  viewerMayDecide: boolean;
}

export interface ProposeRoleChangeVariables {
  input: { staffUserId: string; role: StaffRole; change: RoleChange };
}
export interface ProposeRoleChangeMutation {
  proposeRoleChange: { id: string; status: ProposalStatus };
}
export interface DecideVariables {
  input: { proposalId: string; confirm: boolean };
}
export interface DecideRoleChangeMutation {
  decideRoleChange: { id: string; status: ProposalStatus };
}
export interface DecideConflictMutation {
  decideConflict: { id: string; status: ConflictProposalStatus; caseId: string };
}

export interface AuditEntry {
  id: string;
  at: string;
  action: AuditAction;
  actorName: string | null;
  actorLabel: string | null;
  subjectName: string | null;
  caseId: string | null;
  registrationNumber: string | null;
  agencySlug: string | null;
  agencyName: string | null;
  /** JSON: roles before and after, the proposal, counts, the reason given. */
  details: string;
}
export interface AuditLogVariables {
  first: number;
  before: string | null;
  agencySlug: string | null;
}
export interface AuditLogQuery {
  viewerStaff: StaffViewer | null;
  auditLog: { entries: AuditEntry[]; hasMore: boolean; nextBefore: string | null };
}

export interface SecretariatDecisionsQuery {
  viewerStaff: StaffViewer | null;
  roleChangeProposals: RoleChangeProposal[];
  conflictProposals: ConflictProposal[];
}
export interface CaseConflictProposalsQuery {
  conflictProposals: ConflictProposal[];
}
