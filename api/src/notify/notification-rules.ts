/**
 * Which case events are told to whom by email: the one place that decides it. The dispatch
 * (email-dispatch.service.ts) turns each audience into accounts; the sender renders the mail.
 */
import type { EmailKind } from '../generated/prisma/enums.ts';

/** What of a case event the rules read: never its content. */
export interface RuleEvent {
  kind: string;
  actorKind: string;
  visibility: string;
  /** The transition's name for STATUS_CHANGED (case-lifecycle.ts). */
  transition: string | null;
}

/**
 * - `reporter`: the case's pseudonymous account, when it gave an address (anonymous reporters
 *   and reporters without an account get nothing by email);
 * - `case-staff`: the case's named handlers; without any, the agency's verifiers. Staff excluded
 *   from the case and, on a restricted case, everyone but its handlers and the head are left out.
 */
export type Audience = 'reporter' | 'case-staff';

export interface MailRule {
  kind: EmailKind;
  audience: Audience;
}

export function mailsFor(event: RuleEvent): MailRule[] {
  // The reporter is only ever told what the reporter may see.
  if (event.kind === 'STATUS_CHANGED' && event.visibility === 'REPORTER') {
    if (event.transition === 'REQUEST_INFO') return [{ kind: 'REPORTER_QUESTION', audience: 'reporter' }];
    if (event.transition === 'APPROVE_ANSWER') return [{ kind: 'REPORTER_ANSWERED', audience: 'reporter' }];
  }
  if (event.kind === 'MESSAGE' && event.actorKind === 'REPORTER') return [{ kind: 'STAFF_REPORTER_REPLIED', audience: 'case-staff' }];
  return [];
}
