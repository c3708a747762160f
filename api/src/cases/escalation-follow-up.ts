/**
 * The escalation's follow-up by the province's secretariat (ADR 0028), as one pure table:
 * which step may be taken in which state. Pure: no I/O. The service
 * (escalation-follow-up.service.ts) writes each step with a guarded update on the state it
 * read, so two secretariat members acting at once never both succeed.
 *
 *   (escalated) ──acknowledge──▶ ACKNOWLEDGED ──instruct──▶ INSTRUCTED ──record outcome──▶ CONCLUDED
 *                                     │                      │  ▲ instruct again, once    ▲
 *                                     │                      └──┘ the deadline passed     │
 *                                     └──────────────record outcome───────────────────────┘
 *
 * - acknowledge: once, only an escalated case;
 * - instruct: after acknowledging, while the case is open (an agency is told to act on a case
 *   it still handles) and no outcome is recorded; again (a new instruction and deadline) only
 *   once the running deadline has passed, so a deadline given is a deadline kept, and two
 *   secretariat members instructing at once cannot both succeed;
 * - record outcome: once, after acknowledging; "instruction not followed" only after an
 *   instruction. The outcome is final: it is what the Governor is told, so a correction is
 *   a new record outside the platform, not an overwrite.
 */
import type { CaseStatus, EscalationOutcome } from '../generated/prisma/enums.ts';
import { OPEN_STATUSES } from './case-lifecycle.ts';

export type { EscalationOutcome };

export type FollowUpState = 'NOT_ESCALATED' | 'ESCALATED' | 'ACKNOWLEDGED' | 'INSTRUCTED' | 'CONCLUDED';
export type FollowUpStep = 'ACKNOWLEDGE' | 'INSTRUCT' | 'RECORD_OUTCOME';

export const FOLLOW_UP_STEPS: Readonly<Record<FollowUpStep, { from: readonly FollowUpState[]; caseOpen: boolean }>> = {
  ACKNOWLEDGE: { from: ['ESCALATED'], caseOpen: false },
  INSTRUCT: { from: ['ACKNOWLEDGED', 'INSTRUCTED'], caseOpen: true },
  RECORD_OUTCOME: { from: ['ACKNOWLEDGED', 'INSTRUCTED'], caseOpen: false },
};

/** The outcomes that need an instruction first. */
export const OUTCOMES_AFTER_INSTRUCTION: readonly EscalationOutcome[] = ['INSTRUCTION_NOT_FOLLOWED'];

/** What the table reads of a case's `case_sla` row. */
export interface FollowUpFacts {
  escalatedAt: Date | null;
  escalationAcknowledgedAt: Date | null;
  instructedAt: Date | null;
  escalationConcludedAt: Date | null;
  instructionDeadline?: Date | null;
}

export function followUpStateOf(facts: FollowUpFacts | null | undefined): FollowUpState {
  if (!facts?.escalatedAt) return 'NOT_ESCALATED';
  if (facts.escalationConcludedAt) return 'CONCLUDED';
  if (facts.instructedAt) return 'INSTRUCTED';
  if (facts.escalationAcknowledgedAt) return 'ACKNOWLEDGED';
  return 'ESCALATED';
}

export type FollowUpRefusal =
  | 'NOT_ESCALATED'
  | 'ALREADY_ACKNOWLEDGED'
  | 'NOT_ACKNOWLEDGED'
  | 'CONCLUDED'
  | 'CASE_NOT_OPEN'
  | 'INSTRUCTION_RUNNING'
  | 'NOT_INSTRUCTED';

/** Why the step may not be taken now, or null when it may. */
export function findFollowUpRefusal(
  step: FollowUpStep,
  facts: FollowUpFacts | null | undefined,
  caseStatus: CaseStatus,
  now: Date,
  outcome?: EscalationOutcome,
): FollowUpRefusal | null {
  const state = followUpStateOf(facts);
  const rule = FOLLOW_UP_STEPS[step];
  if (!rule.from.includes(state)) {
    if (state === 'NOT_ESCALATED') return 'NOT_ESCALATED';
    if (state === 'CONCLUDED') return 'CONCLUDED';
    if (state === 'ESCALATED') return 'NOT_ACKNOWLEDGED';
    return 'ALREADY_ACKNOWLEDGED';
  }
  if (rule.caseOpen && !OPEN_STATUSES.includes(caseStatus)) return 'CASE_NOT_OPEN';
  if (step === 'INSTRUCT' && state === 'INSTRUCTED' && facts?.instructionDeadline && facts.instructionDeadline >= now) return 'INSTRUCTION_RUNNING';
  if (step === 'RECORD_OUTCOME' && outcome && OUTCOMES_AFTER_INSTRUCTION.includes(outcome) && state !== 'INSTRUCTED') return 'NOT_INSTRUCTED';
  return null;
}

export const FOLLOW_UP_REFUSALS: Record<FollowUpRefusal, string> = {
  NOT_ESCALATED: 'This case has not been escalated.',
  ALREADY_ACKNOWLEDGED: 'This escalation has already been acknowledged.',
  NOT_ACKNOWLEDGED: 'Acknowledge the escalation first.',
  CONCLUDED: 'The outcome of this escalation has already been recorded.',
  CASE_NOT_OPEN: 'The case is no longer being handled, so the agency cannot be instructed on it.',
  INSTRUCTION_RUNNING: "The agency's instructed deadline has not passed yet: instruct it again only after that.",
  NOT_INSTRUCTED: 'The agency was never instructed, so it cannot have failed to follow an instruction.',
};

/** Bounds of an instructed deadline, in days after today (the agency's local date). */
export const INSTRUCTION_DEADLINE_DAYS = { min: 1, max: 90 } as const;
