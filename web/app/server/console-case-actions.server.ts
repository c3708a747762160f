/**
 * The case page's actions: each form posts an `intent` with its fields; a success redirects
 * back to the case (post, redirect, get) with a flash; a refusal answers with the problems,
 * each next to its field, and what was typed. The API decides what is allowed; this only
 * turns its codes into words.
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase, consoleCasePath, consoleInboxPath } from '../console/console-paths';
import { ACTION_FIELDS, ACTION_INTENTS, transitionReasonLabel, type ActionIntent, type CaseActionData } from '../console/case-action-data';
import { createFlash, type Flash } from '../console/flash';
import {
  AddCaseNoteDocument,
  DraftCaseAnswerDocument,
  RecordConflictDocument,
  RestrictCaseDocument,
  ReturnCaseAnswerDocument,
  SendStaffMessageDocument,
  SetCasePriorityDocument,
  TransitionCaseDocument,
  TransferCaseDocument,
  RequestIdentityRevealDocument,
} from '../graphql/documents.server';
import { isValueOf } from '../graphql/enum-values';
import { CasePriority, NoteKind, StaffTransition, type CaseStatus } from '../graphql/generated/graphql';
import { createTranslator, type Translate } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type AgencyConsoleCall } from './console.server';
import { createFlashCookie } from './staff-session.server';

/** The API's own limit on typed text. */
export const MAX_TEXT = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Thrown inside a handler: the form is refused with these problems. */
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

function isOneOf<Value extends string>(value: string, allowed: readonly Value[]): value is Value {
  return (allowed as readonly string[]).includes(value);
}

/** What the API said, in words, for a problem that belongs to no field. */
function describeCode(error: ApiError, t: Translate): { message: string; status: number } {
  switch (error.code) {
    case 'INVALID_TRANSITION':
      return { message: t('actionError.invalidTransition'), status: 409 };
    case 'FORBIDDEN':
      return { message: t('actionError.forbidden'), status: 403 };
    case 'CONFLICT':
      // The last person able to act on a case cannot be excluded: say so, not "try again".
      if (error.reason === 'LAST_ACTOR') return { message: t('actionError.lastActor'), status: 409 };
      return { message: t('actionError.conflict'), status: 409 };
    case 'RATE_LIMITED':
      return { message: t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }), status: 429 };
    case 'BAD_USER_INPUT':
      return { message: error.apiMessage ?? t('actionError.unknown'), status: 400 };
    default:
      console.warn(`[web] ${error.message}`);
      return { message: t('actionError.unavailable'), status: 503 };
  }
}

export async function handleCaseAction(request: Request, call: AgencyConsoleCall, caseId: string) {
  const t = createTranslator(call.locale);
  const base = consoleBase(call.scope);
  const inbox = consoleInboxPath(call.scope);
  const back = consoleCasePath(call.scope, caseId);
  const fields = await request.formData();
  const intentValue = text(fields, 'intent');
  if (!isOneOf(intentValue, ACTION_INTENTS))
    return data<CaseActionData>({ intent: null, problems: [{ field: null, label: '', message: t('actionError.unknown') }], values: {} }, { status: 400 });
  const intent: ActionIntent = intentValue;
  const transition = text(fields, 'transition');
  const values: Record<string, string> = {};
  for (const [name, value] of fields) if (typeof value === 'string' && name !== 'intent') values[name] = value.slice(0, MAX_TEXT + 1);

  /** Typed text: required or not, within the API's limit; the problem names the control. */
  const typed = (name: string, field: string, label: string, required: boolean): string | null => {
    const value = text(fields, name).trim();
    if (!value) {
      if (required) throw new Refusal([{ field, label, message: t('actionError.required') }]);
      return null;
    }
    if ([...value].length > MAX_TEXT) throw new Refusal([{ field, label, message: t('actionError.tooLong', { max: MAX_TEXT }) }]);
    return value;
  };

  const done = (flash: Flash, options: { status?: CaseStatus; to?: string } = {}) =>
    redirect(options.to ?? back, {
      headers: { 'Set-Cookie': createFlashCookie(request, base, createFlash(flash, options.status)), 'Cache-Control': 'no-store' },
    });

  /** Which control an API input issue belongs to, for this form. */
  const fieldOf = (path: (string | number)[]): { field: string; label: string } | null => {
    const name = path[path.length - 1];
    const controls = ACTION_FIELDS[intent];
    const match = controls.find((control) => control.input === name);
    if (!match) return null;
    return { field: typeof match.id === 'function' ? match.id(transition) : match.id, label: t(match.label) };
  };

  try {
    switch (intent) {
      case 'transition': {
        if (!isValueOf(StaffTransition, transition)) throw new Refusal([{ field: null, label: '', message: t('actionError.unknown') }]);
        // The form has a reason exactly when the API said the transition needs one (viewerCan.transitionOptions);
        // an empty one is refused here, in the page's language, and the API refuses it again in any case.
        const reason = typed('reason', `reason-${transition}`, transitionReasonLabel(t, transition).label, fields.has('reason'));
        const { transitionCase } = await callConsole(call, TransitionCaseDocument, { input: { caseId, transition, reason } });
        if (!transitionCase) return done('gone', { to: inbox });
        return done('transition', { status: transitionCase.status });
      }
      case 'note': {
        const kind = text(fields, 'kind');
        if (!isValueOf(NoteKind, kind)) throw new Refusal([{ field: 'note-kind', label: t('action.noteKind'), message: t('actionError.choose') }]);
        const body = typed('body', 'note-body', t('action.noteBody'), true)!;
        const { addCaseNote } = await callConsole(call, AddCaseNoteDocument, { input: { caseId, kind: kind as NoteKind, body } });
        return addCaseNote ? done('note') : done('gone', { to: inbox });
      }
      case 'message': {
        const body = typed('body', 'message-body', t('action.messageBody'), true)!;
        const { sendStaffMessage } = await callConsole(call, SendStaffMessageDocument, { input: { caseId, body } });
        return sendStaffMessage ? done('message') : done('gone', { to: inbox });
      }
      case 'priority': {
        const priority = text(fields, 'priority');
        if (!isValueOf(CasePriority, priority)) throw new Refusal([{ field: 'priority', label: t('action.priority'), message: t('actionError.choose') }]);
        const { setCasePriority } = await callConsole(call, SetCasePriorityDocument, { input: { caseId, priority: priority as CasePriority } });
        return setCasePriority ? done('priority') : done('gone', { to: inbox });
      }
      case 'answer': {
        const body = typed('body', 'answer-body', t('action.answerBody'), true)!;
        const submit = text(fields, 'ajukan') === '1';
        const { draftCaseAnswer } = await callConsole(call, DraftCaseAnswerDocument, { input: { caseId, body, submit } });
        return draftCaseAnswer ? done(submit ? 'answerSubmitted' : 'answerSaved') : done('gone', { to: inbox });
      }
      case 'returnAnswer': {
        const reason = typed('reason', 'return-reason', t('action.returnReason'), true)!;
        const { returnCaseAnswer } = await callConsole(call, ReturnCaseAnswerDocument, { input: { caseId, reason } });
        return returnCaseAnswer ? done('answerReturned') : done('gone', { to: inbox });
      }
      case 'conflictSelf': {
        if (text(fields, 'confirm') !== '1')
          throw new Refusal([{ field: 'conflict-confirm', label: t('action.conflictConfirm'), message: t('actionError.confirm') }]);
        const reason = typed('reason', 'conflict-reason', t('action.conflictReason'), false);
        await callConsole(call, RecordConflictDocument, { input: { caseId, staffUserId: null, reason } });
        // Declaring one's own conflict takes the case away from the viewer: back to the inbox.
        return done('conflictSelf', { to: inbox });
      }
      case 'conflictColleague': {
        const staffUserId = text(fields, 'staffUserId');
        if (!UUID.test(staffUserId)) throw new Refusal([{ field: 'colleague-id', label: t('action.colleague'), message: t('actionError.choose') }]);
        const reason = typed('reason', 'colleague-reason', t('action.conflictReason'), false);
        let recorded;
        try {
          recorded = (await callConsole(call, RecordConflictDocument, { input: { caseId, staffUserId, reason } })).recordConflict;
        } catch (error) {
          if (error instanceof ApiError && error.code === 'CONFLICT' && error.reason !== 'LAST_ACTOR')
            throw new Refusal([{ field: null, label: '', message: t('actionError.conflictPending') }], 409);
          throw error;
        }
        if (!recorded) return done('gone', { to: inbox });
        // The head's mark on a non-head excludes at once; any other mark waits for a decision.
        return done(recorded.exclusions.some((exclusion) => exclusion.staff.id === staffUserId) ? 'conflictColleague' : 'conflictProposed');
      }
      case 'restrict': {
        const handlerIds = fields.getAll('handlerIds').filter((value): value is string => typeof value === 'string' && UUID.test(value));
        const { restrictCase } = await callConsole(call, RestrictCaseDocument, { input: { caseId, handlerIds } });
        if (!restrictCase) return done('gone', { to: inbox });
        return done(handlerIds.length > 0 ? 'restricted' : 'unrestricted');
      }
      case 'transfer': {
        const targetAgencySlug = text(fields, 'targetAgencySlug');
        if (!SLUG.test(targetAgencySlug))
          throw new Refusal([{ field: 'transfer-target', label: t('action.transferTarget'), message: t('actionError.choose') }]);
        const reason = typed('reason', 'transfer-reason', t('action.transferReason'), true)!;
        const { transferCase } = await callConsole(call, TransferCaseDocument, { input: { caseId, targetAgencySlug, reason } });
        return transferCase ? done('transferred') : done('gone', { to: inbox });
      }
      case 'revealRequest': {
        const reason = typed('reason', 'reveal-reason', t('action.revealReason'), true)!;
        await callConsole(call, RequestIdentityRevealDocument, { input: { caseId, reason } });
        return done('revealRequested');
      }
    }
  } catch (error) {
    if (error instanceof Refusal) return data<CaseActionData>({ intent, problems: error.problems, values }, { status: error.status });
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
    if (error.code === 'NOT_FOUND') return done('gone', { to: inbox });
    if (error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      const problems = error.issues.map((issue) => {
        const control = fieldOf(issue.path);
        return control ? { ...control, message: issue.message } : { field: null, label: '', message: issue.message };
      });
      return data<CaseActionData>({ intent, problems, values }, { status: 400 });
    }
    const { message, status } = describeCode(error, t);
    return data<CaseActionData>({ intent, problems: [{ field: null, label: '', message }], values }, { status });
  }
}
