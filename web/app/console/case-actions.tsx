/**
 * The case page's actions, ONLY those the API allows this viewer now: the transitions it
 * lists (a transfer has its own form, with the competent agency and a reason), and the forms
 * for notes, messages, priority, answers, conflicts, restriction and a request to reveal a
 * sealed identity as `canHandle`, `canRestrict`, `confidential` and the viewer's roles allow.
 * Every form is a plain POST (works without a script); response templates are picked with a
 * small GET form beside the textarea they fill.
 */
import type { AgencyStaffQuery, ResponseTemplate, StaffCase, StaffViewer } from '../graphql/console-types';
import { ENUMS, type StaffTransition, type TemplateUse } from '../graphql/types';
import { useTranslation } from '../i18n/use-translation';
import { describedBy, FieldError, Hint } from '../reporting/form-controls';
import { findProblems, type FormProblem } from '../reporting/report-form-data';
import { TEMPLATE_TARGETS, type CaseActionData } from './case-action-data';

/** Agencies a case can be transferred to, by province. */
export interface TransferTargets {
  province: string;
  agencies: { slug: string; name: string }[];
}

/** A response template chosen with the small GET form (`?untuk=<use>&templat=<key>`). */
export interface ChosenTemplate {
  use: TemplateUse;
  key: string;
  name: string;
  body: string;
}

/**
 * Picks a response template for one textarea: a GET form (works without a script) that
 * loads the page again with the template's text in that textarea. It sits before the
 * textarea's own form, never inside it.
 */
function TemplatePicker({ use, templates, chosen, casePath }: { use: TemplateUse; templates: ResponseTemplate[]; chosen: ChosenTemplate | null; casePath: string }) {
  const { t } = useTranslation();
  const usable = templates.filter((template) => template.uses.includes(use));
  if (usable.length === 0) return null;
  const id = `templat-${use}`;
  return (
    <form method="get" action={`${casePath}#${TEMPLATE_TARGETS[use]}`} className="template-picker" data-template-picker={use}>
      <input type="hidden" name="untuk" value={use} />
      <label htmlFor={id}>{t('template.label', { use: t(`templateUse.${use}`) })}</label>
      <div className="inline-field">
        <select id={id} name="templat" defaultValue={chosen?.use === use ? chosen.key : usable[0]!.key}>
          {usable.map((template) => (
            <option key={template.key} value={template.key}>
              {template.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t('template.use')}
        </button>
      </div>
    </form>
  );
}

function TemplateApplied({ use, chosen }: { use: TemplateUse; chosen: ChosenTemplate | null }) {
  const { t } = useTranslation();
  if (chosen?.use !== use) return null;
  return (
    <p className="note" role="status" data-template-applied={use}>
      {t('template.applied', { name: chosen.name })}
    </p>
  );
}

const OPEN = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP'];
const WITH_REASON: readonly string[] = ['REQUEST_INFO', 'REJECT'];

/** What this viewer may do on this case, from what the API said. */
export function findAllowedActions(item: StaffCase, viewer: StaffViewer, colleagues: AgencyStaffQuery['agencyStaff']) {
  const roles: readonly string[] = viewer.roles;
  const agencyViewer = viewer.tenantId !== null;
  const transitions = item.availableTransitions.filter((name): name is StaffTransition => (ENUMS.StaffTransition as readonly string[]).includes(name));
  const excluded = new Set(item.exclusions.map((exclusion) => exclusion.staff.id));
  return {
    transitions,
    note: item.canHandle,
    message: item.canHandle && OPEN.includes(item.status),
    priority: item.canHandle,
    answer: item.canHandle && item.status === 'IN_FOLLOW_UP' && (roles.includes('REVIEWER') || roles.includes('AGENCY_HEAD')),
    returnAnswer: item.canHandle && roles.includes('AGENCY_HEAD') && item.officialAnswers.some((answer) => answer.status === 'SUBMITTED'),
    conflictSelf: agencyViewer,
    colleagues: item.canHandle ? colleagues.filter((member) => member.id !== viewer.id && !excluded.has(member.id)) : [],
    restrict: item.canRestrict,
    restrictable: colleagues.filter((member) => !excluded.has(member.id)),
    transfer: item.availableTransitions.includes('TRANSFER'),
    revealRequest: item.confidential && item.canHandle,
  };
}

export type AllowedActions = ReturnType<typeof findAllowedActions>;

export function hasAnyAction(allowed: AllowedActions): boolean {
  return (
    allowed.transitions.length > 0 ||
    allowed.note ||
    allowed.message ||
    allowed.priority ||
    allowed.answer ||
    allowed.returnAnswer ||
    allowed.conflictSelf ||
    allowed.colleagues.length > 0 ||
    allowed.restrict ||
    allowed.transfer ||
    allowed.revealRequest
  );
}

function TextArea({
  id,
  name,
  label,
  hint,
  required,
  problems,
  value,
  rows = 4,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  required: boolean;
  problems: FormProblem[];
  value?: string;
  rows?: number;
}) {
  const { t } = useTranslation();
  return (
    <div className={problems.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} <span className={required ? 'mark required' : 'mark'}>{t(required ? 'action.required' : 'action.optional')}</span>
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      <FieldError id={id} problems={problems} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        required={required}
        maxLength={10_000}
        defaultValue={value}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: Boolean(hint), problems })}
      />
    </div>
  );
}

/** Problems of the form that was just refused (none for the other forms on the page). */
function problemsOf(result: CaseActionData | undefined, intent: CaseActionData['intent'], field: string): FormProblem[] {
  return result?.intent === intent ? findProblems(result.problems, field) : [];
}

function generalProblems(result: CaseActionData | undefined, intent: CaseActionData['intent'], transition?: string) {
  if (result?.intent !== intent) return null;
  if (transition && result.values.transition !== transition) return null;
  const general = result.problems.filter((problem) => problem.field === null);
  if (general.length === 0) return null;
  return (
    <div className="problem" data-problem>
      {general.map((problem, index) => (
        <p key={index}>{problem.message}</p>
      ))}
    </div>
  );
}

export function CaseActions({
  item,
  allowed,
  result,
  draftBody,
  casePath,
  templates,
  chosenTemplate,
  transferTargets,
}: {
  item: StaffCase;
  allowed: AllowedActions;
  result: CaseActionData | undefined;
  /** The open draft's text, to edit it further. */
  draftBody: string;
  casePath: string;
  templates: ResponseTemplate[];
  chosenTemplate: ChosenTemplate | null;
  transferTargets: TransferTargets[];
}) {
  const { t } = useTranslation();
  const valueOf = (intent: CaseActionData['intent'], name: string, fallback = '') => (result?.intent === intent ? (result.values[name] ?? fallback) : fallback);
  /** A chosen template's text for the textarea of that use (what was typed and refused wins). */
  const prefill = (use: TemplateUse, fallback = '') => (chosenTemplate?.use === use ? chosenTemplate.body : fallback);
  const picker = (use: TemplateUse) => <TemplatePicker use={use} templates={templates} chosen={chosenTemplate} casePath={casePath} />;
  const transferProblems = (field: string) => problemsOf(result, 'transfer', field);
  return (
    <section aria-labelledby="tindakan-judul" className="case-actions" data-actions>
      <h2 id="tindakan-judul">{t('action.title')}</h2>

      {allowed.transitions.length > 0 ? (
        <div className="action-block" data-action="transitions">
          <h3>{t('action.transitions')}</h3>
                    {allowed.transitions.map((transition) => {
            const id = `reason-${transition}`;
            const use = WITH_REASON.includes(transition) ? (transition as 'REQUEST_INFO' | 'REJECT') : null;
            return (
              <div key={transition} className="transition-item">
              {use ? picker(use) : null}
              <form method="post" className="transition-form">
                <input type="hidden" name="intent" value="transition" />
                <input type="hidden" name="transition" value={transition} />
                {generalProblems(result, 'transition', transition)}
                {WITH_REASON.includes(transition) ? (
                  <TextArea
                    id={id}
                    name="reason"
                    label={t(`transitionReason.${transition as 'REJECT'}`)}
                    hint={t(`transitionReason.${transition as 'REJECT'}.hint`)}
                    required
                    rows={3}
                    problems={problemsOf(result, 'transition', id)}
                    value={result?.values.transition === transition ? valueOf('transition', 'reason') : use ? prefill(use) : ''}
                  />
                ) : null}
                {use ? <TemplateApplied use={use} chosen={chosenTemplate} /> : null}
                <button type="submit" className={transition === 'REJECT' ? 'button secondary' : 'button'} data-transition={transition}>
                  {t(`transition.${transition}`)}
                </button>
              </form>
              </div>
            );
          })}
        </div>
      ) : null}

      {allowed.transfer && transferTargets.length > 0 ? (
        <div className="action-block" data-action="transfer">
          <h3>{t('action.transfer')}</h3>
          {picker('TRANSFER')}
          <form method="post">
            <input type="hidden" name="intent" value="transfer" />
            {generalProblems(result, 'transfer')}
            <div className={transferProblems('transfer-target').length > 0 ? 'field invalid' : 'field'}>
              <label htmlFor="transfer-target">
                {t('action.transferTarget')} <span className="mark required">{t('action.required')}</span>
              </label>
              <Hint id="transfer-target">{t('action.transferTargetHint')}</Hint>
              <FieldError id="transfer-target" problems={transferProblems('transfer-target')} />
              <select
                id="transfer-target"
                name="targetAgencySlug"
                required
                defaultValue={valueOf('transfer', 'targetAgencySlug')}
                aria-invalid={transferProblems('transfer-target').length > 0 ? true : undefined}
                aria-describedby={describedBy('transfer-target', { hint: true, problems: transferProblems('transfer-target') })}
              >
                <option value="">{t('form.choose')}</option>
                {transferTargets.map((group) => (
                  <optgroup key={group.province} label={group.province}>
                    {group.agencies.map((agency) => (
                      <option key={agency.slug} value={agency.slug}>
                        {agency.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
            <TextArea
              id="transfer-reason"
              name="reason"
              label={t('action.transferReason')}
              hint={t('action.transferReasonHint')}
              required
              rows={3}
              problems={transferProblems('transfer-reason')}
              value={valueOf('transfer', 'reason', prefill('TRANSFER'))}
            />
            <TemplateApplied use="TRANSFER" chosen={chosenTemplate} />
            <button type="submit" className="button secondary" data-action-submit="transfer">
              {t('action.transferSubmit')}
            </button>
          </form>
        </div>
      ) : null}

      {allowed.revealRequest ? (
        <form method="post" className="action-block" data-action="reveal-request">
          <h3>{t('action.revealRequest')}</h3>
          <input type="hidden" name="intent" value="revealRequest" />
          {generalProblems(result, 'revealRequest')}
          <p className="hint">{t('action.revealIntro')}</p>
          <TextArea
            id="reveal-reason"
            name="reason"
            label={t('action.revealReason')}
            required
            rows={3}
            problems={problemsOf(result, 'revealRequest', 'reveal-reason')}
            value={valueOf('revealRequest', 'reason')}
          />
          <button type="submit" className="button secondary" data-action-submit="reveal-request">
            {t('action.revealSubmit')}
          </button>
        </form>
      ) : null}

      {allowed.answer ? (
        <div className="action-block" data-action="answer">
          <h3>{t('action.answer')}</h3>
          {picker('ANSWER')}
          <form method="post">
          <input type="hidden" name="intent" value="answer" />
          {generalProblems(result, 'answer')}
          <TextArea
            id="answer-body"
            name="body"
            label={t('action.answerBody')}
            hint={t('action.answerHint')}
            required
            rows={6}
            problems={problemsOf(result, 'answer', 'answer-body')}
            value={valueOf('answer', 'body', prefill('ANSWER', draftBody))}
          />
          <TemplateApplied use="ANSWER" chosen={chosenTemplate} />
          <div className="actions-inline">
            <button type="submit" name="ajukan" value="1" className="button">
              {t('action.answerSubmit')}
            </button>
            <button type="submit" name="ajukan" value="0" className="button secondary">
              {t('action.answerSave')}
            </button>
          </div>
          </form>
        </div>
      ) : null}

      {allowed.returnAnswer ? (
        <form method="post" className="action-block" data-action="return-answer">
          <h3>{t('action.returnAnswer')}</h3>
          <input type="hidden" name="intent" value="returnAnswer" />
          {generalProblems(result, 'returnAnswer')}
          <TextArea
            id="return-reason"
            name="reason"
            label={t('action.returnReason')}
            hint={t('action.returnHint')}
            required
            rows={3}
            problems={problemsOf(result, 'returnAnswer', 'return-reason')}
            value={valueOf('returnAnswer', 'reason')}
          />
          <button type="submit" className="button secondary">
            {t('action.returnSubmit')}
          </button>
        </form>
      ) : null}

      {allowed.message ? (
        <div className="action-block" data-action="message">
          <h3>{t('action.message')}</h3>
          {picker('MESSAGE')}
          <form method="post">
          <input type="hidden" name="intent" value="message" />
          {generalProblems(result, 'message')}
          <TextArea
            id="message-body"
            name="body"
            label={t('action.messageBody')}
            hint={t('action.messageHint')}
            required
            problems={problemsOf(result, 'message', 'message-body')}
            value={valueOf('message', 'body', prefill('MESSAGE'))}
          />
          <TemplateApplied use="MESSAGE" chosen={chosenTemplate} />
          <button type="submit" className="button">
            {t('action.messageSubmit')}
          </button>
          </form>
        </div>
      ) : null}

      {allowed.note ? (
        <form method="post" className="action-block" data-action="note">
          <h3>{t('action.note')}</h3>
          <input type="hidden" name="intent" value="note" />
          {generalProblems(result, 'note')}
          <div className="field">
            <label htmlFor="note-kind">{t('action.noteKind')}</label>
            <select id="note-kind" name="kind" defaultValue={valueOf('note', 'kind', 'NOTE')}>
              {ENUMS.NoteKind.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`noteKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <TextArea
            id="note-body"
            name="body"
            label={t('action.noteBody')}
            hint={t('action.noteHint')}
            required
            problems={problemsOf(result, 'note', 'note-body')}
            value={valueOf('note', 'body')}
          />
          <button type="submit" className="button">
            {t('action.noteSubmit')}
          </button>
        </form>
      ) : null}

      {allowed.priority ? (
        <form method="post" className="action-block" data-action="priority">
          <h3>
            <label htmlFor="priority">{t('action.priority')}</label>
          </h3>
          <input type="hidden" name="intent" value="priority" />
          {generalProblems(result, 'priority')}
          <div className="inline-field">
            <select id="priority" name="priority" defaultValue={valueOf('priority', 'priority', item.priority)}>
              {[...ENUMS.CasePriority].reverse().map((priority) => (
                <option key={priority} value={priority}>
                  {t(`priority.${priority}`)}
                </option>
              ))}
            </select>
            <button type="submit" className="button secondary">
              {t('action.prioritySubmit')}
            </button>
          </div>
        </form>
      ) : null}

      {allowed.restrict ? (
        <form method="post" className="action-block" data-action="restrict">
          <h3>{t('action.restrict')}</h3>
          <input type="hidden" name="intent" value="restrict" />
          {generalProblems(result, 'restrict')}
          <fieldset id="handlers">
            <legend>{t('action.restrictHandlers')}</legend>
            <p className="hint">{t('action.restrictIntro')}</p>
            {allowed.restrictable.map((member) => (
              <label key={member.id} className="check">
                <input type="checkbox" name="handlerIds" value={member.id} defaultChecked={item.handlers.some((handler) => handler.id === member.id)} /> {member.name}
                {member.title ? <span className="muted"> · {member.title}</span> : null}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button secondary">
            {t('action.restrictSubmit')}
          </button>
        </form>
      ) : null}

      {allowed.colleagues.length > 0 || allowed.conflictSelf ? (
        <div className="action-block" data-action="conflict">
          <h3>{t('action.conflict')}</h3>
          {allowed.colleagues.length > 0 ? (
            <form method="post" className="sub-form">
              <input type="hidden" name="intent" value="conflictColleague" />
              {generalProblems(result, 'conflictColleague')}
              <div className={problemsOf(result, 'conflictColleague', 'colleague-id').length > 0 ? 'field invalid' : 'field'}>
                <label htmlFor="colleague-id">{t('action.colleague')}</label>
                <Hint id="colleague-id">{t('action.colleagueHint')}</Hint>
                <FieldError id="colleague-id" problems={problemsOf(result, 'conflictColleague', 'colleague-id')} />
                <select
                  id="colleague-id"
                  name="staffUserId"
                  defaultValue={valueOf('conflictColleague', 'staffUserId')}
                  aria-describedby={describedBy('colleague-id', { hint: true, problems: problemsOf(result, 'conflictColleague', 'colleague-id') })}
                >
                  <option value="">{t('form.choose')}</option>
                  {allowed.colleagues.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.title ? `${member.name} (${member.title})` : member.name}
                    </option>
                  ))}
                </select>
              </div>
              <TextArea
                id="colleague-reason"
                name="reason"
                label={t('action.conflictReason')}
                required={false}
                rows={2}
                problems={problemsOf(result, 'conflictColleague', 'colleague-reason')}
                value={valueOf('conflictColleague', 'reason')}
              />
              <button type="submit" className="button secondary">
                {t('action.colleagueSubmit')}
              </button>
            </form>
          ) : null}
          {allowed.conflictSelf ? (
            <form method="post" className="sub-form">
              <input type="hidden" name="intent" value="conflictSelf" />
              {generalProblems(result, 'conflictSelf')}
              <p className="hint">{t('action.conflictSelfIntro')}</p>
              <TextArea
                id="conflict-reason"
                name="reason"
                label={t('action.conflictReason')}
                required={false}
                rows={2}
                problems={problemsOf(result, 'conflictSelf', 'conflict-reason')}
                value={valueOf('conflictSelf', 'reason')}
              />
              <div className={problemsOf(result, 'conflictSelf', 'conflict-confirm').length > 0 ? 'field invalid' : 'field'}>
                <FieldError id="conflict-confirm" problems={problemsOf(result, 'conflictSelf', 'conflict-confirm')} />
                <label className="check">
                  <input
                    type="checkbox"
                    id="conflict-confirm"
                    name="confirm"
                    value="1"
                    required
                    aria-describedby={describedBy('conflict-confirm', { problems: problemsOf(result, 'conflictSelf', 'conflict-confirm') })}
                  />{' '}
                  {t('action.conflictConfirm')}
                </label>
              </div>
              <button type="submit" className="button secondary">
                {t('action.conflictSelfSubmit')}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
