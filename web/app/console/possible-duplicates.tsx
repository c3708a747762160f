/** Other recent cases that may be the same report, shown before a verifier accepts this one. */
import type { StaffCase } from '../graphql/results';
import { joinList } from '../i18n/translate';
import { useTranslation } from '../i18n/use-translation';
import { formatShortDate } from '../reporting/formats';
import { consoleCasePath, type ConsoleScope } from './console-paths';

export function PossibleDuplicates({ scope, item }: { scope: ConsoleScope; item: StaffCase }) {
  const { t, locale } = useTranslation();
  if (item.possibleDuplicates.length === 0) return null;
  return (
    <section className="duplicates" aria-labelledby="duplikat-judul" data-duplicates>
      <h2 id="duplikat-judul">{t('duplicates.title')}</h2>
      <p>{t('duplicates.intro')}</p>
      <ul className="plain">
        {item.possibleDuplicates.map((duplicate) => (
          <li key={duplicate.id} data-duplicate={duplicate.registrationNumber}>
            <a href={consoleCasePath(scope, duplicate.id)} className="report-number">
              {duplicate.registrationNumber}
            </a>{' '}
            <span className="duplicate-title">{duplicate.title}</span>
            <span className="muted block">
              {t(`staffStatus.${duplicate.status}`)} · {t('duplicates.received', { date: formatShortDate(duplicate.receivedAt, item.agency.timeZone, locale) })}
            </span>
            <span className="block">
              {joinList(
                duplicate.reasons.map((reason) => t(`duplicateReason.${reason}`)),
                locale,
              )}
              {duplicate.reasons.includes('SIMILAR_TEXT') ? ` (${t('duplicates.similarity', { percent: Math.round(duplicate.similarity * 100) })})` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
