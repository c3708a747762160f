/**
 * The offline intake form for one case type: how and when it came in, the agency's own form
 * fields for that type (rendered as on the portal), a category, and how the reporter is
 * known (never a pseudonym: that account is the reporter's own). A plain POST.
 */
import type { IntakeTenantQuery } from '../graphql/generated/graphql';
import type { IntakeChannel, ReportingCaseType } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { describedBy, ErrorSummary, FieldError, Hint, RequiredMark } from '../reporting/form-controls';
import { answerId, identityOptionId } from '../reporting/form-ids';
import { findZoneName } from '../reporting/formats';
import { AnswerField, DetailFields } from '../reporting/report-form';
import { findProblems, type FormProblem } from '../reporting/report-form-data';
import { INTAKE_FIELDS, type IntakeValues } from './intake-data';

/** How far back an intake may be dated (the API's own limit). */
const MAX_AGE_DAYS = 90;

function Problems({ id, problems }: { id: string; problems: FormProblem[] }) {
  return <FieldError id={id} problems={findProblems(problems, id)} />;
}

export function IntakeForm({
  tenant,
  caseType,
  channels,
  values,
  problems,
  today,
  changeHref,
}: {
  tenant: IntakeTenantQuery['tenant'];
  caseType: ReportingCaseType;
  channels: IntakeChannel[];
  values: IntakeValues;
  problems: FormProblem[];
  today: string;
  changeHref: string;
}) {
  const { t } = useTranslation();
  const invalid = (id: string) => findProblems(problems, id).length > 0;
  const fieldClass = (id: string) => (invalid(id) ? 'field invalid' : 'field');
  const aria = (id: string, hint = false) => ({
    'aria-invalid': invalid(id) ? true : undefined,
    'aria-describedby': describedBy(id, { hint, problems: findProblems(problems, id) }),
  });
  const modes = caseType.identity.allowed.filter((mode) => mode !== 'PSEUDONYMOUS');
  const firstId = identityOptionId(modes[0] ?? 'ANONYMOUS');
  const chosenMode = values.identityMode || (modes.length === 1 ? modes[0] : '');
  const reportValues = { answers: values.answers, categoryKey: values.categoryKey, identityMode: '' as const, details: values.details };
  return (
    <>
      <h1>{t('intake.formTitle', { caseType: caseType.name })}</h1>
      <p>
        <a href={changeHref}>{t('intake.changeType')}</a>
      </p>
      <ErrorSummary problems={problems} />
      {problems.some((problem) => problem.field === null) ? (
        <div className="problem" data-problem>
          {problems
            .filter((problem) => problem.field === null)
            .map((problem, index) => (
              <p key={index}>{problem.message}</p>
            ))}
        </div>
      ) : null}
      <form method="post" className="report-form intake-form" data-intake-form={caseType.key}>
        <input type="hidden" name={INTAKE_FIELDS.caseType} value={caseType.key} />
        <section aria-labelledby="bagian-penerimaan">
          <h2 id="bagian-penerimaan">{t('intake.sectionReceipt')}</h2>
          <div className={fieldClass(INTAKE_FIELDS.channel)}>
            <label htmlFor={INTAKE_FIELDS.channel}>
              {t('intake.channel')} <RequiredMark required />
            </label>
            <Problems id={INTAKE_FIELDS.channel} problems={problems} />
            <select
              id={INTAKE_FIELDS.channel}
              name={INTAKE_FIELDS.channel}
              required
              defaultValue={values.channelKey || (channels.length === 1 ? channels[0]!.key : '')}
              {...aria(INTAKE_FIELDS.channel)}
            >
              <option value="">{t('form.choose')}</option>
              {channels.map((channel) => (
                <option key={channel.key} value={channel.key}>
                  {channel.name} ({t(`channelKind.${channel.kind}`)})
                </option>
              ))}
            </select>
          </div>
          <fieldset
            className={invalid(INTAKE_FIELDS.receivedDate) ? 'field invalid received' : 'field received'}
            aria-describedby={describedBy(INTAKE_FIELDS.receivedDate, { hint: true, problems: findProblems(problems, INTAKE_FIELDS.receivedDate) })}
          >
            <legend>
              {t('staffCase.received')} <RequiredMark required />
            </legend>
            <Hint id={INTAKE_FIELDS.receivedDate}>{t('intake.receivedHint', { zone: findZoneName(tenant.timeZone), days: MAX_AGE_DAYS })}</Hint>
            <Problems id={INTAKE_FIELDS.receivedDate} problems={problems} />
            <div className="date-time">
              <div>
                <label htmlFor={INTAKE_FIELDS.receivedDate}>{t('intake.receivedDate')}</label>
                <input
                  type="date"
                  id={INTAKE_FIELDS.receivedDate}
                  name={INTAKE_FIELDS.receivedDate}
                  required
                  max={today}
                  defaultValue={values.receivedDate}
                  aria-invalid={invalid(INTAKE_FIELDS.receivedDate) ? true : undefined}
                />
              </div>
              <div>
                <label htmlFor={INTAKE_FIELDS.receivedTime}>{t('intake.receivedTime')}</label>
                <input type="time" id={INTAKE_FIELDS.receivedTime} name={INTAKE_FIELDS.receivedTime} required defaultValue={values.receivedTime} />
              </div>
            </div>
          </fieldset>
          <div className={fieldClass(INTAKE_FIELDS.externalReference)}>
            <label htmlFor={INTAKE_FIELDS.externalReference}>
              {t('intake.externalReference')} <RequiredMark required={false} />
            </label>
            <Hint id={INTAKE_FIELDS.externalReference}>{t('intake.externalReferenceHint')}</Hint>
            <Problems id={INTAKE_FIELDS.externalReference} problems={problems} />
            <input
              type="text"
              id={INTAKE_FIELDS.externalReference}
              name={INTAKE_FIELDS.externalReference}
              maxLength={100}
              autoComplete="off"
              defaultValue={values.externalReference}
              {...aria(INTAKE_FIELDS.externalReference, true)}
            />
          </div>
        </section>

        <section aria-labelledby="bagian-isi">
          <h2 id="bagian-isi">{t('intake.sectionReport')}</h2>
          {caseType.formFields.map((field) => (
            <AnswerField
              key={field.key}
              field={field}
              value={values.answers[field.key] ?? ''}
              problems={findProblems(problems, answerId(field.key))}
              today={today}
            />
          ))}
        </section>

        {tenant.categories.length > 0 ? (
          <section aria-labelledby="bagian-kategori">
            <h2 id="bagian-kategori">{t('intake.sectionCategory')}</h2>
            <div className={fieldClass(INTAKE_FIELDS.category)}>
              <label htmlFor={INTAKE_FIELDS.category}>
                {t('form.category')} <RequiredMark required={false} />
              </label>
              <Problems id={INTAKE_FIELDS.category} problems={problems} />
              <select id={INTAKE_FIELDS.category} name={INTAKE_FIELDS.category} defaultValue={values.categoryKey} {...aria(INTAKE_FIELDS.category)}>
                <option value="">{t('form.categoryNone')}</option>
                {tenant.categories.map((category) => (
                  <option key={category.key} value={category.key}>
                    {category.name}
                  </option>
                ))}
              </select>
            </div>
          </section>
        ) : null}

        <section aria-labelledby="bagian-identitas">
          <h2 id="bagian-identitas">{t('intake.sectionIdentity')}</h2>
          <fieldset className={invalid(firstId) ? 'identity-choice invalid' : 'identity-choice'}>
            <legend>
              {t('intake.identityLegend')} <RequiredMark required />
            </legend>
            <Problems id={firstId} problems={problems} />
            {modes.map((mode) => {
              const id = identityOptionId(mode);
              return (
                <div key={mode} className="choice">
                  <input
                    type="radio"
                    id={id}
                    name={INTAKE_FIELDS.identity}
                    value={mode}
                    required
                    defaultChecked={chosenMode === mode}
                    aria-describedby={[`${id}-hint`, id === firstId && invalid(firstId) ? `${firstId}-error` : null].filter(Boolean).join(' ')}
                  />
                  <label htmlFor={id}>{t(`identityMode.${mode}`)}</label>
                  <div className="choice-body">
                    <p className="hint" id={`${id}-hint`}>
                      {t(mode === 'IDENTIFIED' ? 'intake.identity.IDENTIFIED' : 'intake.identity.ANONYMOUS')}{' '}
                      {mode === 'IDENTIFIED' && caseType.identity.confidential ? t('intake.identitySealed') : null}
                    </p>
                    {mode === 'IDENTIFIED' ? <DetailFields mode="IDENTIFIED" caseType={caseType} values={reportValues} problems={problems} /> : null}
                  </div>
                </div>
              );
            })}
            {caseType.identity.allowed.includes('PSEUDONYMOUS') ? <p className="hint">{t('intake.noPseudonym')}</p> : null}
            {caseType.identity.note ? <p className="agency-note">{caseType.identity.note}</p> : null}
          </fieldset>
        </section>

        <div className="form-actions">
          <button type="submit" className="button" data-action-submit="intake">
            {t('intake.submit')}
          </button>
          <p className="hint">{t('intake.submitNote')}</p>
        </div>
      </form>
    </>
  );
}
