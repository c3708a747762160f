/**
 * Which case events are told to whom, by email and in the console: the one place that decides
 * it. The dispatch (email-dispatch.service.ts) turns each audience into accounts; the sender
 * renders the mail. The console's notifications of the same events (`inAppKindOf`) go to the
 * same staff, whatever they chose for email; the deadline's and the escalation's come from the
 * SLA sweep and the escalation itself (staff-notifications.service.ts).
 */
import type { EmailKind, StaffNotificationKind, StaffRole } from '../generated/prisma/enums.ts';

/** What of a case event the rules read: never its content. */
export interface RuleEvent {
  kind: string;
  actorKind: string;
  visibility: string;
  /** The transition's name for STATUS_CHANGED (case-lifecycle.ts). */
  transition: string | null;
  /** For ANSWER_DRAFTED: whether the draft was submitted for approval. */
  submitted?: boolean;
}

/**
 * - `reporter`: the account the case was filed under (identified or pseudonymous, ADR 0027), when
 *   it gave an address (anonymous reporters and reporters without an account get nothing by email);
 * - `case-staff`: the case's named handlers; without any, the agency's verifiers;
 * - `agency-head`: the agency's head;
 * - `secretariat`: the provincial secretariat of the agency's province (never for a restricted case).
 * Staff excluded from the case are always left out; on a restricted case only its handlers and
 * the head are told; a staff member who opted out of a kind does not get it.
 */
export type Audience = 'reporter' | 'case-staff' | 'agency-head' | 'secretariat';

export interface MailRule {
  kind: EmailKind;
  audience: Audience;
}

const NEW_CASE_EVENTS = new Set(['SUBMITTED', 'RECORDED_OFFLINE', 'TRANSFERRED_IN']);

export function mailsFor(event: RuleEvent): MailRule[] {
  // The reporter is only ever told what the reporter may see.
  const reporterSees = event.visibility === 'REPORTER';
  if (event.kind === 'STATUS_CHANGED' && reporterSees) {
    if (event.transition === 'REQUEST_INFO') return [{ kind: 'REPORTER_QUESTION', audience: 'reporter' }];
    if (event.transition === 'APPROVE_ANSWER') return [{ kind: 'REPORTER_ANSWERED', audience: 'reporter' }];
    if (event.transition === 'TRANSFER') return [{ kind: 'REPORTER_TRANSFERRED', audience: 'reporter' }];
  }
  if (event.kind === 'SILENCE_NOTICE' && reporterSees) return [{ kind: 'REPORTER_SILENCE_WARNING', audience: 'reporter' }];
  if (event.kind === 'ESCALATED') {
    return [
      ...(reporterSees ? [{ kind: 'REPORTER_ESCALATED', audience: 'reporter' } as const] : []),
      { kind: 'STAFF_ESCALATED', audience: 'agency-head' },
      { kind: 'STAFF_ESCALATED', audience: 'secretariat' },
    ];
  }
  if (event.kind === 'MESSAGE' && event.actorKind === 'REPORTER') return [{ kind: 'STAFF_REPORTER_REPLIED', audience: 'case-staff' }];
  if (NEW_CASE_EVENTS.has(event.kind)) return [{ kind: 'STAFF_NEW_CASE', audience: 'case-staff' }];
  if (event.kind === 'REMINDER_SENT') return [{ kind: 'STAFF_DEADLINE_REMINDER', audience: 'case-staff' }];
  if (event.kind === 'ANSWER_DRAFTED' && event.submitted) return [{ kind: 'STAFF_ANSWER_TO_APPROVE', audience: 'agency-head' }];
  return [];
}

/**
 * The staff mails each role may receive under the rules above (a named handler of any role also
 * gets the case's replies and reminders): what a staff member is offered to turn off.
 */
const STAFF_KINDS_BY_ROLE: Partial<Record<StaffRole, readonly EmailKind[]>> = {
  VERIFIER: ['STAFF_NEW_CASE', 'STAFF_REPORTER_REPLIED', 'STAFF_DEADLINE_REMINDER'],
  REVIEWER: ['STAFF_REPORTER_REPLIED', 'STAFF_DEADLINE_REMINDER'],
  AGENCY_HEAD: ['STAFF_ESCALATED', 'STAFF_ANSWER_TO_APPROVE', 'STAFF_REPORTER_REPLIED', 'STAFF_DEADLINE_REMINDER'],
  PROVINCIAL_SECRETARIAT: ['STAFF_ESCALATED'],
};

export function staffMailKindsFor(roles: readonly StaffRole[]): EmailKind[] {
  const kinds = new Set(roles.flatMap((role) => STAFF_KINDS_BY_ROLE[role] ?? []));
  // In one order (STAFF_MAIL_KINDS), so every page lists them alike.
  return STAFF_MAIL_KINDS.filter((kind) => kinds.has(kind));
}

/** Every kind of mail staff may receive, in the order the console lists them; each is optional. */
export const STAFF_MAIL_KINDS: readonly EmailKind[] = [
  'STAFF_NEW_CASE',
  'STAFF_REPORTER_REPLIED',
  'STAFF_DEADLINE_REMINDER',
  'STAFF_ESCALATED',
  'STAFF_ANSWER_TO_APPROVE',
];

/**
 * The console notification that goes with a staff mail, to the same people (opting out of the
 * mail keeps it). The reminder and the escalation are absent: the SLA sweep and the escalation
 * write those to the roles already (staff-notifications.service.ts), once for everyone.
 */
const IN_APP_KINDS: Partial<Record<EmailKind, StaffNotificationKind>> = {
  STAFF_NEW_CASE: 'NEW_CASE',
  STAFF_REPORTER_REPLIED: 'REPORTER_REPLIED',
  STAFF_ANSWER_TO_APPROVE: 'ANSWER_TO_APPROVE',
};

export function inAppKindOf(kind: EmailKind): StaffNotificationKind | null {
  return IN_APP_KINDS[kind] ?? null;
}
