/**
 * The secretariat's follow-up of an escalation (ADR 0028), posted from the case page of either
 * console: acknowledge, instruct the agency with a deadline date, record the outcome. As the
 * other case actions (console-case-actions.server.ts): a success redirects back with a flash, a
 * refusal answers with its problems next to their fields, in the page's language. The API
 * decides who may (only the province's secretariat) and when; this only turns its answers into words.
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase, consoleCasePath, consoleInboxPath } from '../console/console-paths';
import { isEscalationIntent, type CaseActionData, type EscalationIntent } from '../console/case-action-data';
import { createFlash, type Flash } from '../console/flash';
import { AcknowledgeEscalationDocument, InstructAgencyDocument, RecordEscalationOutcomeDocument } from '../graphql/documents.server';
import { isValueOf } from '../graphql/enum-values';
import { EscalationOutcome } from '../graphql/generated/graphql';
import { isMessageKey } from '../i18n/messages';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type ConsoleCall } from './console.server';
import { createFlashCookie } from './staff-session.server';

/** The API's limit on an instruction and on an outcome's note. */
export const MAX_FOLLOW_UP_TEXT = 2000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The controls of the forms (ids in escalation-follow-up.tsx). */
export const FOLLOW_UP_FIELDS = {
  instruction: 'follow-up-instruction',
  deadline: 'follow-up-deadline',
  outcome: 'follow-up-outcome',
  note: 'follow-up-note',
} as const;

class Refusal {
  constructor(
    readonly problems: FormProblem[],
    readonly status = 400,
  ) {}
}

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

function isDate(value: string): boolean {
  return DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

export async function handleEscalationAction(request: Request, call: ConsoleCall, caseId: string) {
  const t = createTranslator(call.locale);
  const back = consoleCasePath(call.scope, caseId);
  const inbox = consoleInboxPath(call.scope);
  const fields = await request.formData();
  const intentValue = text(fields, 'intent');
  if (!isEscalationIntent(intentValue))
    return data<CaseActionData>({ intent: null, problems: [{ field: null, label: '', message: t('actionError.unknown') }], values: {} }, { status: 400 });
  const intent: EscalationIntent = intentValue;
  const values: Record<string, string> = {};
  for (const [name, value] of fields) if (typeof value === 'string' && name !== 'intent') values[name] = value.slice(0, MAX_FOLLOW_UP_TEXT + 1);

  const done = (flash: Flash, to = back) =>
    redirect(to, {
      headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash(flash)), 'Cache-Control': 'no-store' },
    });

  /** Required text within the API's limit, refused on its control otherwise. */
  const typed = (name: string, field: string, label: string): string => {
    const value = text(fields, name).replace(/\r\n/g, '\n').trim();
    if (!value) throw new Refusal([{ field, label, message: t('actionError.required') }]);
    if ([...value].length > MAX_FOLLOW_UP_TEXT) throw new Refusal([{ field, label, message: t('actionError.tooLong', { max: MAX_FOLLOW_UP_TEXT }) }]);
    return value;
  };

  try {
    switch (intent) {
      case 'acknowledgeEscalation': {
        await callConsole(call, AcknowledgeEscalationDocument, { input: { caseId } });
        return done('escalationAcknowledged');
      }
      case 'instructAgency': {
        const deadlineLabel = t('followUp.deadlineLabel');
        const problems: FormProblem[] = [];
        let instruction = '';
        try {
          instruction = typed('instruction', FOLLOW_UP_FIELDS.instruction, t('followUp.instructionLabel'));
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          problems.push(...error.problems);
        }
        const deadline = text(fields, 'deadline').trim();
        if (!isDate(deadline)) problems.push({ field: FOLLOW_UP_FIELDS.deadline, label: deadlineLabel, message: t('followUp.error.deadlineFormat') });
        if (problems.length > 0) throw new Refusal(problems);
        try {
          await callConsole(call, InstructAgencyDocument, { input: { caseId, instruction, deadline } });
        } catch (error) {
          // The text was checked above: what the API still refuses as input is the deadline's range (the agency's today).
          if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
            throw new Refusal([{ field: FOLLOW_UP_FIELDS.deadline, label: deadlineLabel, message: t('followUp.error.deadlineRange') }]);
          throw error;
        }
        return done('agencyInstructed');
      }
      case 'recordEscalationOutcome': {
        const outcome = text(fields, 'outcome');
        const problems: FormProblem[] = [];
        if (!isValueOf(EscalationOutcome, outcome))
          problems.push({ field: FOLLOW_UP_FIELDS.outcome, label: t('followUp.outcomeLabel'), message: t('actionError.choose') });
        let note = '';
        try {
          note = typed('note', FOLLOW_UP_FIELDS.note, t('followUp.noteLabel'));
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          problems.push(...error.problems);
        }
        if (problems.length > 0) throw new Refusal(problems);
        await callConsole(call, RecordEscalationOutcomeDocument, { input: { caseId, outcome: outcome as EscalationOutcome, note } });
        return done('escalationConcluded');
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return data<CaseActionData>({ intent, problems: error.problems, values }, { status: error.status });
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
    if (error.code === 'NOT_FOUND') return done('gone', inbox);
    let message = t('actionError.unavailable');
    let status = 503;
    if (error.code === 'INVALID_TRANSITION') {
      // Why the step does not fit the escalation now (cases/escalation-follow-up.ts), in the page's language.
      const key = `followUp.refusal.${error.reason ?? ''}`;
      message = isMessageKey(key) ? t(key) : t('actionError.invalidTransition');
      status = 409;
    } else if (error.code === 'FORBIDDEN') {
      message = t('actionError.forbidden');
      status = 403;
    } else if (error.code === 'BAD_USER_INPUT') {
      message = t('actionError.unknown');
      status = 400;
    } else {
      console.warn(`[web] ${error.message}`);
    }
    return data<CaseActionData>({ intent, problems: [{ field: null, label: '', message }], values }, { status });
  }
}
