/**
 * The case lifecycle as one explicit state machine: every transition, the statuses it
 * leaves from, the status it leads to, who may make it, and what it does to the SLA
 * clock. Nothing else in the code changes a case's status. Pure: no I/O.
 *
 *   SUBMITTED ──take──▶ IN_VERIFICATION ──accept──▶ ACCEPTED ──start follow-up──▶ IN_FOLLOW_UP
 *       │                   │   ▲                                                  │  ▲
 *       │                   ▼   │ reporter answers                    request info ▼  │
 *       └──request info──▶ NEEDS_INFO ──silence──▶ CLOSED              NEEDS_INFO ─────┘
 *   IN_FOLLOW_UP ──approve answer──▶ ANSWERED ──close──▶ CLOSED
 *   before the answer: reject ▶ REJECTED (verification only), transfer ▶ TRANSFERRED
 */
import { AppError } from '../errors.ts';
import type { StaffRole } from '../auth/roles.ts';
import type { CaseStatus, EventVisibility, TemplateUse } from '../generated/prisma/enums.ts';

/** A case's status: the Prisma enum, the one list of statuses (GraphQL's CaseStatus is built from it). */
export type { CaseStatus };

/** Who makes a transition: staff in a role, the reporter (by answering), or the SLA sweep. */
export type TransitionActor = { kind: 'STAFF'; roles: readonly StaffRole[] } | { kind: 'REPORTER' } | { kind: 'SYSTEM' };

/**
 * What a transition does to the SLA clock:
 * - `next-stage`: the running stage ends and the policy's next stage (if any) starts;
 * - `pause` / `resume`: the clock stops while the case waits for the reporter, and resumes;
 * - `end`: no stage runs any more; `keep`: nothing changes.
 */
export type ClockEffect = 'next-stage' | 'pause' | 'resume' | 'end' | 'keep';

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** The status after; `resume` goes back to the status the case was in before it waited. */
  to: CaseStatus | 'resume';
  by: { staff?: readonly StaffRole[]; reporter?: true; system?: true };
  /** Where the staff who may make it depend on the status it leaves from. */
  staffByStatus?: Partial<Record<CaseStatus, readonly StaffRole[]>>;
  clock: ClockEffect;
  /** A reason the actor must give (shown to the reporter when the event is theirs to see). */
  reasonRequired: boolean;
  /** The agency's response templates that may fill the reason (the console offers them beside it). */
  reasonTemplate?: TemplateUse;
  /** Whether the reporter sees the event. */
  visibility: EventVisibility;
}

const BEFORE_ANSWER: readonly CaseStatus[] = ['SUBMITTED', 'IN_VERIFICATION', 'ACCEPTED', 'IN_FOLLOW_UP'];

/** The table itself, typed as written so the names and who makes each can be read off it. */
const TRANSITION_TABLE = {
  TAKE_FOR_VERIFICATION: {
    from: ['SUBMITTED'],
    to: 'IN_VERIFICATION',
    by: { staff: ['VERIFIER'] },
    clock: 'keep',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  // The verifier (or, during follow-up, the review team) asks the reporter for missing facts.
  REQUEST_INFO: {
    from: ['SUBMITTED', 'IN_VERIFICATION', 'IN_FOLLOW_UP'],
    to: 'NEEDS_INFO',
    by: { staff: ['VERIFIER', 'REVIEWER'] },
    staffByStatus: { SUBMITTED: ['VERIFIER'], IN_VERIFICATION: ['VERIFIER'], IN_FOLLOW_UP: ['REVIEWER'] },
    clock: 'pause',
    reasonRequired: true,
    reasonTemplate: 'REQUEST_INFO',
    visibility: 'REPORTER',
  },
  RECEIVE_INFO: {
    from: ['NEEDS_INFO'],
    to: 'resume',
    by: { reporter: true },
    clock: 'resume',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  // Forwarded to the review team (Tim Telaah).
  ACCEPT: {
    from: ['SUBMITTED', 'IN_VERIFICATION'],
    to: 'ACCEPTED',
    by: { staff: ['VERIFIER'] },
    clock: 'next-stage',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  REJECT: {
    from: ['SUBMITTED', 'IN_VERIFICATION'],
    to: 'REJECTED',
    by: { staff: ['VERIFIER', 'AGENCY_HEAD'] },
    clock: 'end',
    reasonRequired: true,
    reasonTemplate: 'REJECT',
    visibility: 'REPORTER',
  },
  START_FOLLOW_UP: {
    from: ['ACCEPTED'],
    to: 'IN_FOLLOW_UP',
    by: { staff: ['REVIEWER'] },
    clock: 'keep',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  // The head approves the review team's submitted answer; it is sent to the reporter.
  APPROVE_ANSWER: {
    from: ['IN_FOLLOW_UP'],
    to: 'ANSWERED',
    by: { staff: ['AGENCY_HEAD'] },
    clock: 'end',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  CLOSE: {
    from: ['ANSWERED'],
    to: 'CLOSED',
    by: { staff: ['AGENCY_HEAD', 'REVIEWER'] },
    clock: 'end',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  // The SLA policy's silence period passed without an answer from the reporter.
  CLOSE_FOR_SILENCE: {
    from: ['NEEDS_INFO'],
    to: 'CLOSED',
    by: { system: true },
    clock: 'end',
    reasonRequired: false,
    visibility: 'REPORTER',
  },
  // To the competent agency, which receives it as its own new case.
  TRANSFER: {
    from: BEFORE_ANSWER,
    to: 'TRANSFERRED',
    by: { staff: ['VERIFIER', 'AGENCY_HEAD'] },
    clock: 'end',
    reasonRequired: true,
    reasonTemplate: 'TRANSFER',
    visibility: 'REPORTER',
  },
} as const satisfies Record<string, TransitionRule>;

/** A transition's name: a key of the table (GraphQL's CaseTransition and StaffTransition are built from it). */
export type TransitionName = keyof typeof TRANSITION_TABLE;

export const TRANSITIONS: Readonly<Record<TransitionName, TransitionRule>> = TRANSITION_TABLE;

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** The transitions the table gives to a staff role (not the reporter's or the sweep's), in the table's order. */
export type StaffMadeTransition = {
  [Name in TransitionName]: (typeof TRANSITION_TABLE)[Name]['by'] extends { staff: readonly StaffRole[] } ? Name : never;
}[TransitionName];

export const STAFF_MADE_TRANSITIONS: readonly StaffMadeTransition[] = TRANSITION_NAMES.filter(
  (name): name is StaffMadeTransition => TRANSITIONS[name].by.staff !== undefined,
);

/** The staff transitions made with `transitionCase`: a transfer has its own mutation (case-transfer.service.ts). */
export type StaffTransitionName = Exclude<StaffMadeTransition, 'TRANSFER'>;

export const STAFF_TRANSITIONS: readonly StaffTransitionName[] = STAFF_MADE_TRANSITIONS.filter((name): name is StaffTransitionName => name !== 'TRANSFER');

/** Statuses in which the case is still being handled (an SLA stage may run). */
export const OPEN_STATUSES: readonly CaseStatus[] = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP'];

/**
 * The official answer, around APPROVE_ANSWER: who writes it (drafts and submits it to the
 * head) and while which status, and who decides on a submitted answer (approves it with the
 * transition, or returns it): the roles that may APPROVE_ANSWER.
 */
export const ANSWER_RULES = {
  draft: { roles: ['REVIEWER', 'AGENCY_HEAD'] as readonly StaffRole[], from: TRANSITIONS.APPROVE_ANSWER.from },
  decide: { roles: TRANSITIONS.APPROVE_ANSWER.by.staff ?? [] },
} as const;

export function isActorAllowed(rule: TransitionRule, actor: TransitionActor, from?: CaseStatus): boolean {
  if (actor.kind === 'REPORTER') return rule.by.reporter === true;
  if (actor.kind === 'SYSTEM') return rule.by.system === true;
  const staff = (from && rule.staffByStatus?.[from]) ?? rule.by.staff ?? [];
  return staff.some((role) => actor.roles.includes(role));
}

export interface PlannedTransition {
  name: TransitionName;
  from: CaseStatus;
  to: CaseStatus;
  clock: ClockEffect;
  visibility: EventVisibility;
}

/**
 * Checks a transition against the machine. Throws FORBIDDEN when the actor may never make
 * it, INVALID_TRANSITION when the case is not in a status it leaves from, BAD_USER_INPUT
 * when a required reason is missing.
 */
export function planTransition(
  current: { status: CaseStatus; resumeStatus: CaseStatus | null },
  name: TransitionName,
  actor: TransitionActor,
  reason?: string | null,
): PlannedTransition {
  const rule = TRANSITIONS[name];
  if (!isActorAllowed(rule, actor)) {
    throw new AppError('FORBIDDEN', `Your role may not ${describe(name)}.`, { transition: name });
  }
  if (rule.from.includes(current.status) && !isActorAllowed(rule, actor, current.status)) {
    throw new AppError('FORBIDDEN', `Your role may not ${describe(name)} while the case is ${current.status}.`, { transition: name, status: current.status });
  }
  if (!rule.from.includes(current.status)) {
    throw new AppError('INVALID_TRANSITION', `A case that is ${current.status} cannot ${describe(name)}.`, {
      transition: name,
      status: current.status,
      allowedFrom: rule.from,
    });
  }
  if (rule.reasonRequired && !(reason ?? '').trim()) {
    throw new AppError('BAD_USER_INPUT', 'Give a reason.', { issues: [{ path: ['input', 'reason'], message: 'Give a reason.' }] });
  }
  const to = rule.to === 'resume' ? (current.resumeStatus ?? 'IN_VERIFICATION') : rule.to;
  return { name, from: current.status, to, clock: rule.clock, visibility: rule.visibility };
}

/** The transitions a staff member could make on a case now (for the console's buttons). */
export function availableTransitions(status: CaseStatus, roles: readonly StaffRole[]): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => {
    const rule = TRANSITIONS[name];
    return rule.from.includes(status) && isActorAllowed(rule, { kind: 'STAFF', roles }, status);
  });
}

function describe(name: TransitionName): string {
  return name.toLowerCase().replace(/_/g, ' ');
}
