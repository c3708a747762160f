/** The order the console lists some enums in (the schema's is alphabetical). */
import type { CasePriority, CaseStatus, EscalationOutcome, NoteKind } from '../graphql/generated/graphql';
import { listInOrder } from '../graphql/enum-values';

/** Statuses in the order a case moves through them. */
export const CASE_STATUSES = listInOrder<CaseStatus>({
  SUBMITTED: true,
  IN_VERIFICATION: true,
  NEEDS_INFO: true,
  ACCEPTED: true,
  IN_FOLLOW_UP: true,
  ANSWERED: true,
  CLOSED: true,
  REJECTED: true,
  TRANSFERRED: true,
});

/** Priorities from the lowest. */
export const CASE_PRIORITIES = listInOrder<CasePriority>({ LOW: true, NORMAL: true, HIGH: true, URGENT: true });

/** Note kinds, the plain note first. */
export const NOTE_KINDS = listInOrder<NoteKind>({ NOTE: true, FOLLOW_UP: true, COORDINATION: true });

/** An escalation's outcomes (ADR 0028), the agency's own resolution first. */
export const ESCALATION_OUTCOMES = listInOrder<EscalationOutcome>({ RESOLVED_BY_AGENCY: true, INSTRUCTION_NOT_FOLLOWED: true, NOT_WARRANTED: true });
