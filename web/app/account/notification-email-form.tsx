/**
 * "Laporan saya"'s email section: whether news of the reports goes by email, what such a mail
 * says (and never says), and the form to set, change or remove the address. Plain POST forms
 * whose answers land back on this section, so it works without the page script.
 */
import { useTranslation } from '../i18n/use-translation';
import { describedBy, ErrorSummary, FieldError, Hint } from '../reporting/form-controls';
import { findProblems, type FormProblem } from '../reporting/report-form-data';
import { EMAIL_FIELD, EMAIL_INTENT_FIELD, EMAIL_SECTION_ID, type EmailIntent, type EmailNotice } from './notification-email-data';

function IntentInput({ intent }: { intent: EmailIntent }) {
  return <input type="hidden" name={EMAIL_INTENT_FIELD} value={intent} />;
}

export function NotificationEmailSection({
  email,
  notice,
  typed,
  problems = [],
}: {
  /** The address kept now, or null when email news is off. */
  email: string | null;
  notice: EmailNotice | null;
  /** What the person typed, after a refusal. */
  typed?: string;
  problems?: readonly FormProblem[];
}) {
  const { t } = useTranslation();
  const fieldProblems = findProblems(problems, EMAIL_FIELD);
  const action = `#${EMAIL_SECTION_ID}`;
  return (
    <section id={EMAIL_SECTION_ID} className="portal-section" aria-labelledby={`${EMAIL_SECTION_ID}-title`} data-notification-email>
      <h2 id={`${EMAIL_SECTION_ID}-title`}>{t('accountEmail.title')}</h2>
      {notice && problems.length === 0 ? (
        <p className="success" role="status" data-flash>
          {t(notice)}
        </p>
      ) : null}
      <p data-email-status={email ? 'on' : 'off'}>
        <strong>{t(email ? 'accountEmail.on' : 'accountEmail.off')}</strong> {email ? t('accountEmail.onDetail', { email }) : t('accountEmail.offDetail')}
      </p>
      <p>{t('accountEmail.what')}</p>
      <p>{t('accountEmail.kept')}</p>
      <div className="warning" role="note">
        <p>{t('accountEmail.personal')}</p>
      </div>
      <ErrorSummary problems={problems} />
      {/* noValidate: the API's own message, in the page's language, rather than the browser's. */}
      <form method="post" action={action} noValidate>
        <IntentInput intent="save" />
        <div className={fieldProblems.length > 0 ? 'field invalid' : 'field'}>
          <label htmlFor={EMAIL_FIELD}>{t('accountEmail.label')}</label>
          <Hint id={EMAIL_FIELD}>{t('accountEmail.hint')}</Hint>
          <FieldError id={EMAIL_FIELD} problems={fieldProblems} />
          <input
            id={EMAIL_FIELD}
            name={EMAIL_FIELD}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={254}
            defaultValue={typed ?? email ?? ''}
            aria-describedby={describedBy(EMAIL_FIELD, { hint: true, problems: fieldProblems })}
            aria-invalid={fieldProblems.length > 0 ? true : undefined}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t('accountEmail.save')}
          </button>
        </div>
      </form>
      {email ? (
        <form method="post" action={action} className="form-actions">
          <IntentInput intent="remove" />
          <button type="submit" className="button secondary">
            {t('accountEmail.remove')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
