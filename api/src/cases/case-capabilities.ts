/**
 * What a staff member may do on one case now, for the console's buttons (`StaffCase.viewerCan`).
 * Read, never decided here: the viewer's CASL ability on the loaded case (auth/abilities.ts:
 * handle, restrict, reveal), the state machine and the answer rules (case-lifecycle.ts), and
 * the case's own facts. The mutations check the same rules, so a capability is true exactly
 * when its mutation would accept the request now, short of someone else changing the case first.
 * Pure: no I/O.
 */
import {
  ANSWER_RULES,
  availableTransitions,
  OPEN_STATUSES,
  STAFF_TRANSITIONS,
  TRANSITIONS,
  type CaseStatus,
  type StaffTransitionName,
  type TransitionName,
} from './case-lifecycle.ts';
import type { StaffRole } from '../auth/roles.ts';
import type { TemplateUse } from '../generated/prisma/enums.ts';

/** What the capabilities read of the case. */
export interface CapabilityFacts {
  status: CaseStatus;
  /** An answer waits for the head's decision (approve or return). */
  hasSubmittedAnswer: boolean;
  /** The reporter's identity is sealed to the custodians. */
  sealedIdentity: boolean;
}

/** The viewer's CASL ability on this case, each checked on the loaded row. */
export interface CaseAbilityOnRow {
  handle: boolean;
  restrict: boolean;
  reveal: boolean;
}

/** A transition the viewer may make now, with what its form needs, read off the lifecycle table. */
export interface TransitionOption {
  transition: StaffTransitionName;
  reasonRequired: boolean;
  /** The status after it; null: back to the status the case was in before it waited. */
  leadsTo: CaseStatus | null;
  reasonTemplate: TemplateUse | null;
}

export interface CaseCapabilities {
  /** handle on the case (CASL): work on it at all. */
  handle: boolean;
  transitions: StaffTransitionName[];
  transitionOptions: TransitionOption[];
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
  reveal: boolean;
}

/** Every transition a staff member may make now: the machine's, and approval only with an answer to approve. */
export function findStaffTransitions(facts: CapabilityFacts, roles: readonly StaffRole[], can: Pick<CaseAbilityOnRow, 'handle'>): TransitionName[] {
  if (!can.handle) return [];
  return availableTransitions(facts.status, roles).filter((name) => name !== 'APPROVE_ANSWER' || facts.hasSubmittedAnswer);
}

export function findCaseCapabilities(facts: CapabilityFacts, roles: readonly StaffRole[], can: CaseAbilityOnRow): CaseCapabilities {
  const moves = findStaffTransitions(facts, roles, can);
  const holds = (allowed: readonly StaffRole[]) => roles.some((role) => allowed.includes(role));
  const transitions = moves.filter((name): name is StaffTransitionName => (STAFF_TRANSITIONS as readonly TransitionName[]).includes(name));
  return {
    handle: can.handle,
    transitions,
    transitionOptions: transitions.map(describeTransition),
    transfer: moves.includes('TRANSFER'),
    addNote: can.handle,
    sendMessage: can.handle && OPEN_STATUSES.includes(facts.status),
    setPriority: can.handle,
    draftAnswer: can.handle && holds(ANSWER_RULES.draft.roles) && ANSWER_RULES.draft.from.includes(facts.status),
    approveAnswer: moves.includes('APPROVE_ANSWER'),
    returnAnswer: can.handle && holds(ANSWER_RULES.decide.roles) && facts.hasSubmittedAnswer,
    restrict: can.restrict,
    // Whoever works the case may declare their own conflict or mark a colleague's; read-only roles write nothing on it.
    declareConflict: can.handle,
    recordColleagueConflict: can.handle,
    requestReveal: can.handle && facts.sealedIdentity,
    reveal: can.reveal && facts.sealedIdentity,
  };
}

/** What a transition's form needs: a reason or not, the templates that fill it, the status it leads to. */
export function describeTransition(name: StaffTransitionName): TransitionOption {
  const rule = TRANSITIONS[name];
  return { transition: name, reasonRequired: rule.reasonRequired, leadsTo: rule.to === 'resume' ? null : rule.to, reasonTemplate: rule.reasonTemplate ?? null };
}
