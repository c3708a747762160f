/**
 * The secretariat's follow-up of an escalation on the console's case page (ADR 0028): where it
 * stands (escalated, acknowledged, the instruction and its deadline, the outcome and its note),
 * for the agency's staff and the province's secretariat alike; and, for the secretariat
 * (`viewerCanOversee`), the form of the step the follow-up allows now. Every form is a plain
 * POST with its intent (console-escalation-actions.server.ts), as the case's other actions.
 */
import { ESCALATION_OUTCOMES } from './enum-order';
import type { StaffCase } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { describedBy, FieldError, Hint } from '../reporting/form-controls';
import { findToday, findZoneName, formatDate } from '../reporting/formats';
import { ActionForms, TextActionForm, useFormState, type ActionFormsValue } from './case-action-forms';
import { ConsoleTime } from './console-time';

/** The API's limit on an instruction and an outcome's note. */
const MAX_TEXT = 2000;
const OPEN_STATUSES: readonly StaffCase['status'][] = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP'];
const DAY_MS = 86_400_000;

/** A local date some days after the agency's today, `YYYY-MM-DD` (the date input's bounds). */
function daysAhead(timeZone: string, days: number): string {
  const today = findToday(timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function EscalationFollowUpSection({ item, forms }: { item: StaffCase; forms: ActionFormsValue }) {
  const { t, locale } = useTranslation();
  const followUp = item.escalationFollowUp;
  if (!followUp) return null;
  const zone = item.agency.timeZone;
  const at = (iso: string) => <ConsoleTime iso={iso} timeZone={zone} />;
  const deadlinePassed = followUp.instructionDeadline ? Date.parse(followUp.instructionDeadline) < Date.now() : false;
  const oversee = item.viewerCanOversee;
  const state = followUp.state;
  const open = OPEN_STATUSES.includes(item.status);
  return (
    <section aria-labelledby="tindak-lanjut-eskalasi-judul" id="tindak-lanjut-eskalasi" className="case-section" data-escalation-follow-up={state}>
      <h2 id="tindak-lanjut-eskalasi-judul">{t('followUp.heading')}</h2>
      <dl className="facts">
        <div data-fact="follow-up-state">
          <dt>{t('followUp.state')}</dt>
          <dd>
            <strong>{t(`followUp.state.${state}`)}</strong>
          </dd>
        </div>
        <div>
          <dt>{t('followUp.escalatedAt')}</dt>
          <dd>{at(followUp.escalatedAt)}</dd>
        </div>
        {followUp.acknowledgedAt ? (
          <div data-fact="follow-up-acknowledged">
            <dt>{t('followUp.acknowledgedAt')}</dt>
            <dd>{at(followUp.acknowledgedAt)}</dd>
          </div>
        ) : null}
        {followUp.instructedAt ? (
          <div>
            <dt>{t('followUp.instructedAt')}</dt>
            <dd>{at(followUp.instructedAt)}</dd>
          </div>
        ) : null}
        {followUp.instructionDeadline ? (
          <div data-fact="follow-up-deadline">
            <dt>{t('followUp.deadline')}</dt>
            <dd>
              <time dateTime={followUp.instructionDeadline}>{t('followUp.deadlineBy', { date: formatDate(followUp.instructionDeadline, zone, locale) })}</time>
              {deadlinePassed && !followUp.outcome ? (
                <>
                  {' '}
                  <span className="badge overdue">{t('followUp.deadlinePassed')}</span>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
        {followUp.outcome ? (
          <div data-fact="follow-up-outcome">
            <dt>{t('followUp.outcome')}</dt>
            <dd>
              <strong>{t(`followUp.outcome.${followUp.outcome}`)}</strong>
              {followUp.concludedAt ? (
                <>
                  {' '}
                  <span className="muted">({at(followUp.concludedAt)})</span>
                </>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      {followUp.instruction ? (
        <>
          <h3>{t('followUp.instruction')}</h3>
          <p className="message-body" data-follow-up-instruction>
            {followUp.instruction}
          </p>
        </>
      ) : null}
      {followUp.outcomeNote ? (
        <>
          <h3>{t('followUp.outcomeNote')}</h3>
          <p className="message-body" data-follow-up-note>
            {followUp.outcomeNote}
          </p>
        </>
      ) : null}
      {!oversee && followUp.instruction ? <p className="hint">{t('followUp.agencyNote')}</p> : null}
      {oversee ? (
        <ActionForms.Provider value={forms}>
          {state === 'ESCALATED' ? (
            <TextActionForm intent="acknowledgeEscalation" hook="acknowledge-escalation" heading={t('followUp.acknowledge')}>
              <p className="hint">{t('followUp.acknowledgeHelp')}</p>
              <button type="submit" className="button">
                {t('followUp.acknowledge')}
              </button>
            </TextActionForm>
          ) : null}
          {(state === 'ACKNOWLEDGED' || state === 'INSTRUCTED') && open ? (
            state === 'INSTRUCTED' && !deadlinePassed ? (
              <p className="note" data-instruction-running>
                {t('followUp.instructionRunning', { date: formatDate(followUp.instructionDeadline!, zone, locale) })}
              </p>
            ) : (
              <TextActionForm
                intent="instructAgency"
                hook="instruct-agency"
                heading={t(state === 'INSTRUCTED' ? 'followUp.instructAgain' : 'followUp.instruct')}
                text={{
                  id: 'follow-up-instruction',
                  name: 'instruction',
                  label: t('followUp.instructionLabel'),
                  hint: t('followUp.instructionHint', { max: MAX_TEXT }),
                }}
                after={(formState) => <DeadlineInput timeZone={zone} problems={formState.problems('follow-up-deadline')} value={formState.value('deadline')} />}
              >
                <button type="submit" className="button">
                  {t('followUp.instructSubmit')}
                </button>
              </TextActionForm>
            )
          ) : null}
          {state === 'ACKNOWLEDGED' || state === 'INSTRUCTED' ? (
            <TextActionForm
              intent="recordEscalationOutcome"
              hook="record-escalation-outcome"
              heading={t('followUp.record')}
              before={<OutcomeChoice instructed={state === 'INSTRUCTED'} />}
              text={{ id: 'follow-up-note', name: 'note', label: t('followUp.noteLabel'), hint: t('followUp.noteHint', { max: MAX_TEXT }) }}
            >
              <button type="submit" className="button">
                {t('followUp.recordSubmit')}
              </button>
            </TextActionForm>
          ) : null}
        </ActionForms.Provider>
      ) : null}
    </section>
  );
}

function DeadlineInput({ timeZone, problems, value }: { timeZone: string; problems: ReturnType<ReturnType<typeof useFormState>['problems']>; value: string }) {
  const { t } = useTranslation();
  const id = 'follow-up-deadline';
  return (
    <div className={problems.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {t('followUp.deadlineLabel')} <span className="mark required">{t('action.required')}</span>
      </label>
      <Hint id={id}>{t('followUp.deadlineHint', { zone: findZoneName(timeZone) })}</Hint>
      <FieldError id={id} problems={problems} />
      <input
        type="date"
        id={id}
        name="deadline"
        required
        min={daysAhead(timeZone, 1)}
        max={daysAhead(timeZone, 90)}
        defaultValue={value}
        aria-invalid={problems.length > 0 ? true : undefined}
        aria-describedby={describedBy(id, { hint: true, problems })}
      />
    </div>
  );
}

/** The outcomes, as radio buttons; "instruction not followed" only once there was an instruction. The first radio carries the field's id. */
function OutcomeChoice({ instructed }: { instructed: boolean }) {
  const { t } = useTranslation();
  const state = useFormState('recordEscalationOutcome');
  const id = 'follow-up-outcome';
  const problems = state.problems(id);
  const chosen = state.value('outcome');
  const outcomes = ESCALATION_OUTCOMES.filter((outcome) => instructed || outcome !== 'INSTRUCTION_NOT_FOLLOWED');
  return (
    <fieldset className={problems.length > 0 ? 'field follow-up-outcome invalid' : 'field follow-up-outcome'}>
      <legend>
        {t('followUp.outcomeLabel')} <span className="mark required">{t('action.required')}</span>
      </legend>
      <Hint id={id}>{t('followUp.outcomeHint')}</Hint>
      <FieldError id={id} problems={problems} />
      {outcomes.map((outcome, index) => {
        const optionId = index === 0 ? id : `${id}-${outcome}`;
        return (
          <div key={outcome} className="choice">
            <input
              type="radio"
              id={optionId}
              name="outcome"
              value={outcome}
              required
              defaultChecked={chosen === outcome}
              aria-describedby={describedBy(id, { hint: true, problems })}
            />
            <label htmlFor={optionId}>{t(`followUp.outcome.${outcome}`)}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
