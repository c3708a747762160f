/**
 * The reporter's rating of the answer on the console's case page (ADR 0029): read-only for
 * every staff member (only the reporter gives or changes it); each change is in the timeline.
 */
import type { StaffCase } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatDateTime } from '../reporting/formats';

export function CaseRatingSection({ item }: { item: StaffCase }) {
  const { t, locale } = useTranslation();
  const rating = item.rating;
  // Nothing to say before the answer: a rating can only come after it.
  if (!rating && item.status !== 'ANSWERED' && item.status !== 'CLOSED') return null;
  const when = (iso: string) => formatDateTime(iso, item.agency.timeZone, locale);
  return (
    <section
      aria-labelledby="penilaian-judul"
      id="penilaian"
      className="case-section"
      data-case-rating={rating ? (rating.satisfied ? 'satisfied' : 'not-satisfied') : 'none'}
    >
      <h2 id="penilaian-judul">{t('staffRating.heading')}</h2>
      {rating ? (
        <>
          <p>
            <strong className={rating.satisfied ? 'badge satisfied' : 'badge not-satisfied'}>
              {t(rating.satisfied ? 'staffRating.event.satisfied' : 'staffRating.event.notSatisfied')}
            </strong>{' '}
            {t('staffRating.verdict', { verdict: t(rating.satisfied ? 'staffRating.satisfied' : 'staffRating.notSatisfied') })}
          </p>
          <p className="muted">
            {t('staffRating.ratedAt', { at: when(rating.ratedAt) })}
            {rating.changed ? ` · ${t('staffRating.changedAt', { at: when(rating.updatedAt) })}` : null}
          </p>
          {rating.comment ? (
            <>
              <h3>{t('staffRating.comment')}</h3>
              <p className="message-body" data-rating-comment>
                {rating.comment}
              </p>
            </>
          ) : null}
        </>
      ) : (
        <p>{t('staffRating.none')}</p>
      )}
      <p className="hint">{t('staffRating.note')}</p>
    </section>
  );
}

/** Which way a RATED event of the timeline went. */
export function RatedVerdict({ satisfied }: { satisfied: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (satisfied === null || satisfied === undefined) return null;
  return (
    <span className={satisfied ? 'badge satisfied' : 'badge not-satisfied'}>
      {t(satisfied ? 'staffRating.event.satisfied' : 'staffRating.event.notSatisfied')}
    </span>
  );
}
