/** The case page's forms: their intents, the controls each has, what a refusal carries back, and a transition reason's label. */
import { isMessageKey } from '../i18n/messages';
import type { MessageKey, Translate } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';

export const ACTION_INTENTS = [
  'transition',
  'note',
  'message',
  'priority',
  'answer',
  'returnAnswer',
  'conflictSelf',
  'conflictColleague',
  'restrict',
  'transfer',
  'revealRequest',
] as const;
export type ActionIntent = (typeof ACTION_INTENTS)[number];

/** The secretariat's follow-up of an escalation (ADR 0028): its own handler, on either console. */
export const ESCALATION_INTENTS = ['acknowledgeEscalation', 'instructAgency', 'recordEscalationOutcome'] as const;
export type EscalationIntent = (typeof ESCALATION_INTENTS)[number];
export type FormIntent = ActionIntent | EscalationIntent;

export function isEscalationIntent(value: unknown): value is EscalationIntent {
  return typeof value === 'string' && (ESCALATION_INTENTS as readonly string[]).includes(value);
}

/** A refused form: which one, its problems, and what was typed (by control name). */
export interface CaseActionData {
  intent: FormIntent | null;
  problems: FormProblem[];
  values: Record<string, string>;
}

/** Each form's controls: the API input field, the control's id (per transition for reasons), its label. */
export const ACTION_FIELDS: Record<ActionIntent, { input: string; id: string | ((transition: string) => string); label: MessageKey }[]> = {
  transition: [{ input: 'reason', id: (transition) => `reason-${transition}`, label: 'action.reason' }],
  note: [
    { input: 'body', id: 'note-body', label: 'action.noteBody' },
    { input: 'kind', id: 'note-kind', label: 'action.noteKind' },
  ],
  message: [{ input: 'body', id: 'message-body', label: 'action.messageBody' }],
  priority: [{ input: 'priority', id: 'priority', label: 'action.priority' }],
  answer: [{ input: 'body', id: 'answer-body', label: 'action.answerBody' }],
  returnAnswer: [{ input: 'reason', id: 'return-reason', label: 'action.returnReason' }],
  conflictSelf: [{ input: 'reason', id: 'conflict-reason', label: 'action.conflictReason' }],
  conflictColleague: [
    { input: 'staffUserId', id: 'colleague-id', label: 'action.colleague' },
    { input: 'reason', id: 'colleague-reason', label: 'action.conflictReason' },
  ],
  restrict: [{ input: 'handlerIds', id: 'handlers', label: 'action.restrictHandlers' }],
  transfer: [
    { input: 'targetAgencySlug', id: 'transfer-target', label: 'action.transferTarget' },
    { input: 'reason', id: 'transfer-reason', label: 'action.transferReason' },
  ],
  revealRequest: [{ input: 'reason', id: 'reveal-reason', label: 'action.revealReason' }],
};

/** A transition's reason label, or the general one for a transition that has none of its own. */
export function transitionReasonLabel(t: Translate, transition: string): { label: string; hint?: string } {
  const label = `transitionReason.${transition}`;
  const hint = `${label}.hint`;
  return { label: t(isMessageKey(label) ? label : 'action.reason'), hint: isMessageKey(hint) ? t(hint) : undefined };
}
