/**
 * Shown instead of a second receipt when the same report form was sent again (a reload of
 * the receipt, a double click, a retried post): nothing new was filed. The API's message
 * names the first registration number; its tracking code cannot be shown again.
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
