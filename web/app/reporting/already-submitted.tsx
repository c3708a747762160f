/**
 * Shown when a report form's key was already used for a report with other content (the
 * form was changed after it was sent): nothing new was filed. The API's message names the
 * first registration number. The same form sent again unchanged (a reload, a double click,
 * a retried post after a lost answer) gets the first receipt back, tracking code included,
 * and never lands here (ADR 0017).
 */
import { useTranslation } from '../i18n/use-translation';

export function AlreadySubmitted({ message, trackHref, formHref }: { message: string; trackHref: string; formHref: string }) {
  const { t } = useTranslation();
  return (
    <article className="already-submitted" data-already-submitted aria-labelledby="sudah-terkirim">
      <h1 id="sudah-terkirim">{t('duplicate.title')}</h1>
      <div className="note" role="status">
        <p>{message}</p>
        <p>{t('duplicate.note')}</p>
      </div>
      <p className="actions-inline">
        <a href={trackHref}>{t('duplicate.track')}</a>
        <a href={formHref}>{t('duplicate.newReport')}</a>
      </p>
    </article>
  );
}
