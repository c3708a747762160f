/**
 * The case page's actions, ONLY those the API says the viewer may do now (`viewerCan`: the
 * same CASL rules and case lifecycle its mutations check): the transitions (a transfer has its
 * own form, with the competent agency and a reason), notes, messages, priority, answers,
 * conflicts, restriction and a request to reveal a sealed identity. Every form is a plain POST
 * (works without a script), built as one `TextActionForm`; response templates are picked with
 * a small GET form beside the textarea they fill.
 */
import type { AgencyStaffQuery } from '../graphql/generated/graphql';
import { CASE_PRIORITIES, NOTE_KINDS } from './enum-order';
import type { StaffCase, StaffViewer } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { describedBy, FieldError, Hint } from '../reporting/form-controls';
import { transitionReasonLabel } from './case-action-data';
import { ActionForms, GeneralProblems, TextActionForm, useFormState, type ActionFormsValue } from './case-action-forms';

export type { ChosenTemplate } from './case-action-forms';

/** Agencies a case can be transferred to, by province. */
export interface TransferTargets {
  province: string;
  agencies: { slug: string; name: string }[];
}

/** The forms to show, from what the API says the viewer may do, and the colleagues each form lists. */
export function findAllowedActions(item: StaffCase, viewer: StaffViewer, colleagues: AgencyStaffQuery['agencyStaff']) {
  const can = item.viewerCan;
  const excluded = new Set(item.exclusions.map((exclusion) => exclusion.staff.id));
  return {
    transitions: can.transitionOptions,
    note: can.addNote,
    message: can.sendMessage,
    priority: can.setPriority,
    answer: can.draftAnswer,
    returnAnswer: can.returnAnswer,
    conflictSelf: can.declareConflict,
    colleagues: can.recordColleagueConflict ? colleagues.filter((member) => member.id !== viewer.id && !excluded.has(member.id)) : [],
    restrict: can.restrict,
    restrictable: colleagues.filter((member) => !excluded.has(member.id)),
    transfer: can.transfer,
    revealRequest: can.requestReveal,
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

/** A select of the refused-or-not form `state`, with its label, hint and problems. */
function ChoiceField({
  id,
  name,
  label,
  hint,
  required,
  problems,
  value,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  required: boolean;
  problems: ReturnType<ReturnType<typeof useFormState>['problems']>;
  value: string;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className={problems.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} {required ? <span className="mark required">{t('action.required')}</span> : null}
      </label>
      <Hint id={id}>{hint}</Hint>
      <FieldError id={id} problems={problems} />
      <select
        id={id}
        name={name}
        required={required}
        defaultValue={value}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: true, problems })}
      >
        <option value="">{t('form.choose')}</option>
        {children}
      </select>
    </div>
  );
}

function PriorityForm({ priority }: { priority: StaffCase['priority'] }) {
  const { t } = useTranslation();
  const state = useFormState('priority');
  return (
    <form method="post" className="action-block" data-action="priority">
      <h3>
        <label htmlFor="priority">{t('action.priority')}</label>
      </h3>
      <input type="hidden" name="intent" value="priority" />
      <GeneralProblems state={state} />
      <div className="inline-field">
        <select id="priority" name="priority" defaultValue={state.value('priority', priority)}>
          {[...CASE_PRIORITIES].reverse().map((value) => (
            <option key={value} value={value}>
              {t(`priority.${value}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button secondary">
          {t('action.prioritySubmit')}
        </button>
      </div>
    </form>
  );
}

function RestrictForm({ item, allowed }: { item: StaffCase; allowed: AllowedActions }) {
  const { t } = useTranslation();
  const state = useFormState('restrict');
  return (
    <form method="post" className="action-block" data-action="restrict">
      <h3>{t('action.restrict')}</h3>
      <input type="hidden" name="intent" value="restrict" />
      <GeneralProblems state={state} />
      <fieldset id="handlers">
        <legend>{t('action.restrictHandlers')}</legend>
        <p className="hint">{t('action.restrictIntro')}</p>
        {allowed.restrictable.map((member) => (
          <label key={member.id} className="check">
            <input type="checkbox" name="handlerIds" value={member.id} defaultChecked={item.handlers.some((handler) => handler.id === member.id)} />{' '}
            {member.name}
            {member.title ? <span className="muted"> · {member.title}</span> : null}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button secondary">
        {t('action.restrictSubmit')}
      </button>
    </form>
  );
}

export function CaseActions({
  item,
  allowed,
  forms,
  draftBody,
  transferTargets,
}: {
  item: StaffCase;
  allowed: AllowedActions;
  /** The last refusal, the templates and the page's address, for every form. */
  forms: ActionFormsValue;
  /** The open draft's text, to edit it further. */
  draftBody: string;
  transferTargets: TransferTargets[];
}) {
  const { t } = useTranslation();
  return (
    <ActionForms.Provider value={forms}>
      <section aria-labelledby="tindakan-judul" className="case-actions" data-actions>
        <h2 id="tindakan-judul">{t('action.title')}</h2>

        {allowed.transitions.length > 0 ? (
          <div className="action-block" data-action="transitions">
            <h3>{t('action.transitions')}</h3>
            {allowed.transitions.map(({ transition, reasonRequired, reasonTemplate }) => {
              return (
                <TextActionForm
                  key={transition}
                  intent="transition"
                  hidden={{ transition }}
                  match={(values) => values.transition === transition}
                  template={reasonTemplate ?? undefined}
                  text={reasonRequired ? { id: `reason-${transition}`, name: 'reason', ...transitionReasonLabel(t, transition), rows: 3 } : undefined}
                  className="transition-item"
                  formClassName="transition-form"
                >
                  <button type="submit" className={transition === 'REJECT' ? 'button secondary' : 'button'} data-transition={transition}>
                    {t(`transition.${transition}`)}
                  </button>
                </TextActionForm>
              );
            })}
          </div>
        ) : null}

        {allowed.transfer && transferTargets.length > 0 ? (
          <TextActionForm
            intent="transfer"
            hook="transfer"
            heading={t('action.transfer')}
            template="TRANSFER"
            before={(state) => (
              <ChoiceField
                id="transfer-target"
                name="targetAgencySlug"
                label={t('action.transferTarget')}
                hint={t('action.transferTargetHint')}
                required
                problems={state.problems('transfer-target')}
                value={state.value('targetAgencySlug')}
              >
                {transferTargets.map((group) => (
                  <optgroup key={group.province} label={group.province}>
                    {group.agencies.map((agency) => (
                      <option key={agency.slug} value={agency.slug}>
                        {agency.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </ChoiceField>
            )}
            text={{ id: 'transfer-reason', name: 'reason', label: t('action.transferReason'), hint: t('action.transferReasonHint'), rows: 3 }}
          >
            <button type="submit" className="button secondary" data-action-submit="transfer">
              {t('action.transferSubmit')}
            </button>
          </TextActionForm>
        ) : null}

        {allowed.revealRequest ? (
          <TextActionForm
            intent="revealRequest"
            hook="reveal-request"
            heading={t('action.revealRequest')}
            before={<p className="hint">{t('action.revealIntro')}</p>}
            text={{ id: 'reveal-reason', name: 'reason', label: t('action.revealReason'), rows: 3 }}
          >
            <button type="submit" className="button secondary" data-action-submit="reveal-request">
              {t('action.revealSubmit')}
            </button>
          </TextActionForm>
        ) : null}

        {allowed.answer ? (
          <TextActionForm
            intent="answer"
            hook="answer"
            heading={t('action.answer')}
            template="ANSWER"
            text={{ id: 'answer-body', name: 'body', label: t('action.answerBody'), hint: t('action.answerHint'), rows: 6, initial: draftBody }}
          >
            <div className="actions-inline">
              <button type="submit" name="ajukan" value="1" className="button">
                {t('action.answerSubmit')}
              </button>
              <button type="submit" name="ajukan" value="0" className="button secondary">
                {t('action.answerSave')}
              </button>
            </div>
          </TextActionForm>
        ) : null}

        {allowed.returnAnswer ? (
          <TextActionForm
            intent="returnAnswer"
            hook="return-answer"
            heading={t('action.returnAnswer')}
            text={{ id: 'return-reason', name: 'reason', label: t('action.returnReason'), hint: t('action.returnHint'), rows: 3 }}
          >
            <button type="submit" className="button secondary">
              {t('action.returnSubmit')}
            </button>
          </TextActionForm>
        ) : null}

        {allowed.message ? (
          <TextActionForm
            intent="message"
            hook="message"
            heading={t('action.message')}
            template="MESSAGE"
            text={{ id: 'message-body', name: 'body', label: t('action.messageBody'), hint: t('action.messageHint') }}
          >
            <button type="submit" className="button">
              {t('action.messageSubmit')}
            </button>
          </TextActionForm>
        ) : null}

        {allowed.note ? (
          <TextActionForm
            intent="note"
            hook="note"
            heading={t('action.note')}
            before={(state) => (
              <div className="field">
                <label htmlFor="note-kind">{t('action.noteKind')}</label>
                <select id="note-kind" name="kind" defaultValue={state.value('kind', 'NOTE')}>
                  {NOTE_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`noteKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </div>
            )}
            text={{ id: 'note-body', name: 'body', label: t('action.noteBody'), hint: t('action.noteHint') }}
          >
            <button type="submit" className="button">
              {t('action.noteSubmit')}
            </button>
          </TextActionForm>
        ) : null}

        {allowed.priority ? <PriorityForm priority={item.priority} /> : null}
        {allowed.restrict ? <RestrictForm item={item} allowed={allowed} /> : null}

        {allowed.colleagues.length > 0 || allowed.conflictSelf ? (
          <div className="action-block" data-action="conflict">
            <h3>{t('action.conflict')}</h3>
            {allowed.colleagues.length > 0 ? (
              <TextActionForm
                intent="conflictColleague"
                className="sub-form"
                before={(state) => (
                  <ChoiceField
                    id="colleague-id"
                    name="staffUserId"
                    label={t('action.colleague')}
                    hint={t('action.colleagueHint')}
                    required={false}
                    problems={state.problems('colleague-id')}
                    value={state.value('staffUserId')}
                  >
                    {allowed.colleagues.map((member) => (
                      <option key={member.id} value={member.id}>
                        {member.title ? `${member.name} (${member.title})` : member.name}
                      </option>
                    ))}
                  </ChoiceField>
                )}
                text={{ id: 'colleague-reason', name: 'reason', label: t('action.conflictReason'), required: false, rows: 2 }}
                after={
                  <p className="hint" data-conflict-waits>
                    {t('action.colleagueWaits')}
                  </p>
                }
              >
                <button type="submit" className="button secondary">
                  {t('action.colleagueSubmit')}
                </button>
              </TextActionForm>
            ) : null}
            {allowed.conflictSelf ? (
              <TextActionForm
                intent="conflictSelf"
                className="sub-form"
                before={<p className="hint">{t('action.conflictSelfIntro')}</p>}
                text={{ id: 'conflict-reason', name: 'reason', label: t('action.conflictReason'), required: false, rows: 2 }}
                after={(state) => (
                  <div className={state.problems('conflict-confirm').length > 0 ? 'field invalid' : 'field'}>
                    <FieldError id="conflict-confirm" problems={state.problems('conflict-confirm')} />
                    <label className="check">
                      <input
                        type="checkbox"
                        id="conflict-confirm"
                        name="confirm"
                        value="1"
                        required
                        aria-describedby={describedBy('conflict-confirm', { problems: state.problems('conflict-confirm') })}
                      />{' '}
                      {t('action.conflictConfirm')}
                    </label>
                  </div>
                )}
              >
                <button type="submit" className="button secondary">
                  {t('action.conflictSelfSubmit')}
                </button>
              </TextActionForm>
            ) : null}
          </div>
        ) : null}
      </section>
    </ActionForms.Provider>
  );
}
