/**
 * The report form, generated from the agency's form definition for one case type: its
 * fields (with the criterion each answers), a category, how the reporter is known, and
 * evidence. It posts as multipart to the route's action and works without a script; the
 * values come back after a refusal, each problem next to its field.
 */
import { useRef, type ReactNode } from 'react';
import type { IdentityMode } from '../graphql/generated/graphql';
import type { ReporterAccount, ReportingCaseType, ReportingFormField, ReportingTenant } from '../graphql/results';
import { joinList } from '../i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import { CaseTypeDownloads } from './case-type-downloads';
import { EvidenceInput } from './evidence-input';
import { formatCount } from './formats';
import { LengthCounter, useLengthLimit } from './length-limit';
import { describedBy, ErrorSummary, FieldError, Hint, RequiredMark } from './form-controls';
import {
  answerId,
  answerName,
  CATEGORY_FIELD,
  DETAIL_FIELDS,
  DETAIL_ORDER,
  detailId,
  detailName,
  IDENTITY_FIELD,
  identityOptionId,
  SUBMISSION_KEY_FIELD,
  type DetailMode,
} from './form-ids';
import { EMPTY_REPORT_VALUES, findProblems, type FormProblem, type KeptEvidence, type ReportFormValues } from './report-form-data';

/** The fields whose length the reporter sees counted (a date, a choice or a number has none). */
function countsLength(field: ReportingFormField): field is ReportingFormField & { maxLength: number } {
  return Boolean(field.maxLength) && (field.type === 'TEXT' || field.type === 'TEXTAREA');
}

/**
 * One field of an agency's form definition (also used by the console's offline intake). A
 * text field carries no `maxlength`: a longer paste is let in and the counter says so
 * (`length-limit.tsx`), rather than cut without a word.
 */
export function AnswerField({ field, value, problems, today }: { field: ReportingFormField; value: string; problems: readonly FormProblem[]; today: string }) {
  const { locale, t } = useTranslation();
  const id = answerId(field.key);
  const counted = countsLength(field);
  const control = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const limit = useLengthLimit(id, counted ? field.maxLength : null, control);
  const hints = [
    field.help,
    field.type === 'DATE' ? t('form.dateHelp') : null,
    field.type === 'NUMBER' ? t('form.numberHelp') : null,
    counted ? t('form.maxLength', { max: formatCount(field.maxLength, locale) }) : null,
  ].filter(Boolean);
  const invalid = problems.length > 0 || limit.over;
  const common = {
    id,
    name: answerName(field.key),
    required: field.required,
    defaultValue: value,
    'aria-describedby': [describedBy(id, { hint: hints.length > 0, problems }), limit.describedBy].filter(Boolean).join(' ') || undefined,
    'aria-invalid': invalid ? true : undefined,
  };
  let element: ReactNode;
  switch (field.type) {
    case 'TEXTAREA':
      element = <textarea {...common} ref={control} rows={5} onInput={(event) => limit.onInput(event.currentTarget.value)} />;
      break;
    case 'DATE':
      element = <input {...common} type="date" max={today} />;
      break;
    case 'SELECT':
      element = (
        <select {...common}>
          <option value="">{t('form.choose')}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      );
      break;
    case 'NUMBER':
      element = <input {...common} type="text" inputMode="decimal" maxLength={field.maxLength ?? 30} autoComplete="off" />;
      break;
    default:
      element = <input {...common} ref={control} type="text" onInput={(event) => limit.onInput(event.currentTarget.value)} />;
  }
  return (
    <div className={invalid ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {field.label} {field.criterion ? <span className="badge criterion">{t(`criterion.${field.criterion}`)}</span> : null}{' '}
        <RequiredMark required={field.required} />
      </label>
      {hints.length > 0 ? <Hint id={id}>{hints.join(' ')}</Hint> : null}
      <FieldError id={id} problems={problems} />
      {element}
      {counted ? <LengthCounter id={id} max={field.maxLength} limit={limit} /> : null}
    </div>
  );
}

const DETAIL_INPUT: Record<(typeof DETAIL_FIELDS)[keyof typeof DETAIL_FIELDS], { autoComplete: string; inputMode?: 'numeric' | 'tel' | 'email' }> = {
  name: { autoComplete: 'name' },
  idNumber: { autoComplete: 'off', inputMode: 'numeric' },
  phone: { autoComplete: 'tel', inputMode: 'tel' },
  email: { autoComplete: 'email', inputMode: 'email' },
  address: { autoComplete: 'street-address' },
};

/**
 * The details asked for one identity mode. They carry no `required` attribute: they are
 * hidden while another mode is chosen, and a hidden required control would block the form.
 */
export function DetailFields({
  mode,
  caseType,
  values,
  problems,
}: {
  mode: DetailMode;
  caseType: ReportingCaseType;
  values: ReportFormValues;
  problems: readonly FormProblem[];
}) {
  const { t } = useTranslation();
  const required = mode === 'IDENTIFIED' ? caseType.identity.identifiedRequires : caseType.identity.pseudonymousRequires;
  // An identified reporter may add any detail; a pseudonymous one gives only what the agency asks.
  const shown = mode === 'IDENTIFIED' ? DETAIL_ORDER : DETAIL_ORDER.filter((detail) => required.includes(detail));
  if (shown.length === 0) return null;
  return (
    <fieldset className={mode === 'IDENTIFIED' ? 'details details-identified' : 'details details-pseudonymous'}>
      <legend>{t(mode === 'IDENTIFIED' ? 'form.identifiedDetails' : 'form.pseudonymousDetails')}</legend>
      {mode === 'PSEUDONYMOUS' ? <p className="hint">{t('form.pseudonymousDetailsNote')}</p> : null}
      {shown.map((detail) => {
        const field = DETAIL_FIELDS[detail];
        const id = detailId(mode, field);
        const fieldProblems = findProblems(problems, id);
        const hint = field === 'idNumber' ? t('form.detail.idNumberHelp') : null;
        return (
          <div key={detail} className={fieldProblems.length > 0 ? 'field invalid' : 'field'}>
            <label htmlFor={id}>
              {t(`form.detail.${field}`)} <RequiredMark required={required.includes(detail)} />
            </label>
            {hint ? <Hint id={id}>{hint}</Hint> : null}
            <FieldError id={id} problems={fieldProblems} />
            <input
              id={id}
              name={detailName(mode, field)}
              type="text"
              defaultValue={values.details[detailName(mode, field)] ?? ''}
              maxLength={field === 'idNumber' ? 20 : 300}
              {...DETAIL_INPUT[field]}
              aria-describedby={describedBy(id, { hint: Boolean(hint), problems: fieldProblems })}
              aria-invalid={fieldProblems.length > 0 ? true : undefined}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

function SignInLinks({ slug, returnPath }: { slug: string; returnPath: string }) {
  const { t } = useTranslation();
  const query = `?kembali=${encodeURIComponent(returnPath)}`;
  return (
    <p className="actions-inline">
      <a href={`/t/${slug}/akun/masuk${query}`}>{t('form.signInLink')}</a>
      <a href={`/t/${slug}/akun/daftar${query}`}>{t('form.registerLink')}</a>
    </p>
  );
}

/**
 * A signed-in reporter is told whether this report will be in their "Laporan saya": an
 * identified or pseudonymous one is filed under the account, an anonymous one never is (ADR 0027).
 */
function AccountListing({ mode, pseudonym }: { mode: IdentityMode; pseudonym: string }) {
  const { t } = useTranslation();
  const key = mode === 'ANONYMOUS' ? 'form.anonymousNotListed' : mode === 'IDENTIFIED' ? 'form.listedInAccount' : 'form.signedInAs';
  return (
    <p className="hint" data-account-listing={mode}>
      {t(key, { pseudonym })}
    </p>
  );
}

function IdentityChoice({
  caseType,
  viewer,
  values,
  problems,
  slug,
  returnPath,
}: {
  caseType: ReportingCaseType;
  viewer: ReporterAccount | null;
  values: ReportFormValues;
  problems: readonly FormProblem[];
  slug: string;
  returnPath: string;
}) {
  const { t } = useTranslation();
  const { allowed, confidential } = caseType.identity;
  const usable = allowed.filter((mode) => mode !== 'PSEUDONYMOUS' || viewer);
  const chosen: IdentityMode | '' = values.identityMode || (usable.length === 1 ? usable[0]! : '');
  const firstId = identityOptionId(allowed[0]!);
  const modeProblems = findProblems(problems, firstId);
  return (
    <fieldset className={modeProblems.length > 0 ? 'identity-choice invalid' : 'identity-choice'} id={IDENTITY_FIELD}>
      <legend>
        {t('form.identityLegend')} <RequiredMark required />
      </legend>
      <FieldError id={firstId} problems={modeProblems} />
      {allowed.map((mode) => {
        const id = identityOptionId(mode);
        const disabled = mode === 'PSEUDONYMOUS' && !viewer;
        return (
          <div key={mode} className="choice">
            <input
              type="radio"
              id={id}
              name={IDENTITY_FIELD}
              value={mode}
              required
              disabled={disabled}
              defaultChecked={chosen === mode}
              aria-describedby={[
                `${id}-hint`,
                mode === 'PSEUDONYMOUS' && caseType.identity.pseudonymousNote ? `${id}-note` : null,
                id === firstId && modeProblems.length > 0 ? `${firstId}-error` : null,
              ]
                .filter(Boolean)
                .join(' ')}
            />
            <label htmlFor={id}>{t(`identityMode.${mode}`)}</label>
            <div className="choice-body">
              <p className="hint" id={`${id}-hint`}>
                {t(`form.identity.${mode}`)} {mode === 'ANONYMOUS' ? null : t(confidential ? 'form.identitySealed' : 'form.identityVisible')}
              </p>
              {/* The agency's advice on a pseudonym belongs to that choice alone, script or not. */}
              {mode === 'PSEUDONYMOUS' && caseType.identity.pseudonymousNote ? (
                <p className="agency-note" id={`${id}-note`} data-pseudonymous-note>
                  {caseType.identity.pseudonymousNote}
                </p>
              ) : null}
              {mode === 'PSEUDONYMOUS' && !viewer ? (
                <>
                  <p className="hint">{t('form.signInNeeded')}</p>
                  <SignInLinks slug={slug} returnPath={returnPath} />
                </>
              ) : null}
              {viewer ? <AccountListing mode={mode} pseudonym={viewer.pseudonym} /> : null}
              {mode === 'IDENTIFIED' || (mode === 'PSEUDONYMOUS' && viewer) ? (
                <DetailFields mode={mode} caseType={caseType} values={values} problems={problems} />
              ) : null}
            </div>
          </div>
        );
      })}
      {caseType.identity.note ? <p className="agency-note">{caseType.identity.note}</p> : null}
    </fieldset>
  );
}

export function ReportForm({
  tenant,
  caseType,
  viewer,
  today,
  submissionKey,
  values = EMPTY_REPORT_VALUES,
  problems = [],
  kept = [],
}: {
  tenant: ReportingTenant;
  caseType: ReportingCaseType;
  viewer: ReporterAccount | null;
  today: string;
  /** Sent with the form so that sending it twice files one report (see `SUBMISSION_KEY_FIELD`). */
  submissionKey: string;
  values?: ReportFormValues;
  problems?: readonly FormProblem[];
  /** Files uploaded before the form was refused: kept, and sent with it again. */
  kept?: readonly KeptEvidence[];
}) {
  const { locale, t } = useTranslation();
  const returnPath = `/t/${tenant.slug}/lapor/${caseType.key}`;
  const pseudonymOnly = caseType.identity.allowed.every((mode) => mode === 'PSEUDONYMOUS');
  const elements = joinList(
    caseType.criteriaElements.map((element) => t(`criterion.${element}`)),
    locale,
  );
  const categoryProblems = findProblems(problems, CATEGORY_FIELD);
  return (
    <>
      <h1>{t('form.title', { caseType: caseType.name })}</h1>
      {caseType.description ? <p className="lead-text">{caseType.description}</p> : null}
      <CaseTypeDownloads slug={tenant.slug} caseTypeKey={caseType.key} downloads={caseType.downloads} />
      <ErrorSummary problems={problems} />
      {pseudonymOnly && !viewer ? (
        <div className="note">
          <p>{t('form.signInOnly')}</p>
          <SignInLinks slug={tenant.slug} returnPath={returnPath} />
          {caseType.identity.pseudonymousNote ? <p className="agency-note">{caseType.identity.pseudonymousNote}</p> : null}
          {caseType.identity.note ? <p className="agency-note">{caseType.identity.note}</p> : null}
        </div>
      ) : (
        <form method="post" encType="multipart/form-data" className="report-form">
          <input type="hidden" name={SUBMISSION_KEY_FIELD} value={submissionKey} />
          <p>{t('form.intro')}</p>
          {caseType.criteriaElements.length > 0 ? (
            <p className="note">{t('form.criteria', { criteria: t(`criteria.${caseType.criteria}`), elements })}</p>
          ) : null}
          <section aria-labelledby="bagian-isi">
            <h2 id="bagian-isi">{t('form.sectionReport')}</h2>
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
              <h2 id="bagian-kategori">{t('form.sectionCategory')}</h2>
              <div className={categoryProblems.length > 0 ? 'field invalid' : 'field'}>
                <label htmlFor={CATEGORY_FIELD}>
                  {t('form.category')} <RequiredMark required={false} />
                </label>
                <Hint id={CATEGORY_FIELD}>{t('form.categoryHelp')}</Hint>
                <FieldError id={CATEGORY_FIELD} problems={categoryProblems} />
                <select
                  id={CATEGORY_FIELD}
                  name={CATEGORY_FIELD}
                  defaultValue={values.categoryKey}
                  aria-describedby={describedBy(CATEGORY_FIELD, { hint: true, problems: categoryProblems })}
                  aria-invalid={categoryProblems.length > 0 ? true : undefined}
                >
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
            <h2 id="bagian-identitas">{t('form.sectionIdentity')}</h2>
            <IdentityChoice caseType={caseType} viewer={viewer} values={values} problems={problems} slug={tenant.slug} returnPath={returnPath} />
          </section>
          {caseType.evidence.maxFiles > 0 ? (
            <section aria-labelledby="bagian-bukti">
              <h2 id="bagian-bukti">{t('form.sectionEvidence')}</h2>
              {caseType.requiredDocuments.length > 0 ? (
                <ul className="required-documents">
                  {caseType.requiredDocuments.map((document, index) => (
                    <li key={index}>{document}</li>
                  ))}
                </ul>
              ) : null}
              <EvidenceInput
                uploadHref={`/t/${tenant.slug}/unggah/${caseType.key}`}
                limits={caseType.evidence}
                problems={findProblems(problems, 'evidence')}
                reattach={false}
                kept={kept}
                label={t('form.evidence')}
                neutralNames={caseType.identity.confidential}
              />
            </section>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button">
              {t('form.submit')}
            </button>
            <p className="hint">{t('form.submitNote')}</p>
          </div>
        </form>
      )}
    </>
  );
}
