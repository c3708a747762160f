/**
 * The reporter rates the answer (ADR 0029): once the report is answered, two choices and an
 * optional comment, a plain form post that works without the page script; the current rating
 * is shown and can be changed until the report is closed.
 */
import { useTranslation } from '../i18n/use-translation';
import { describedBy, errorId, FieldError, Hint } from './form-controls';
import { formatDateTime } from './formats';
import { findProblems } from './report-form-data';
import { INTENT_FIELD, RATING_COMMENT_FIELD, RATING_SATISFIED_FIELD, TRACK_CODE_FIELD, TRACK_NUMBER_FIELD, type TrackView } from './track-data';

/** As the API's limit (api/src/cases/satisfaction.service.ts). */
const COMMENT_MAX_LENGTH = 1000;

export function SatisfactionForm({ view, slug }: { view: TrackView; slug: string }) {
  const { locale, t } = useTranslation();
  const { report } = view;
  const outcome = view.rating ?? null;
  const current = report.rating ?? null;
  if (!report.canRate && !current) return null;
  const refused = outcome && !outcome.done ? outcome : null;
  const choiceProblems = findProblems(refused?.problems ?? [], RATING_SATISFIED_FIELD);
  const commentProblems = findProblems(refused?.problems ?? [], RATING_COMMENT_FIELD);
  const otherProblems = (refused?.problems ?? []).filter((problem) => problem.field === null);
  const chosen = refused ? refused.satisfied : (current?.satisfied ?? null);
  const comment = refused ? refused.comment : (current?.comment ?? '');
  const verdict = (satisfied: boolean) => t(satisfied ? 'rating.satisfied' : 'rating.notSatisfied');
  return (
    <section className="rating" aria-labelledby="penilaian" id="penilaian-jawaban" data-rating>
      <h3 id="penilaian">{t('rating.heading')}</h3>
      {outcome?.done ? (
        <p className="success" role="status">
          {t('rating.saved')}
        </p>
      ) : null}
      {otherProblems.map((problem) => (
        <p key={problem.message} className="error" role="alert">
          {problem.message}
        </p>
      ))}
      {current ? (
        <div data-current-rating={current.satisfied ? 'satisfied' : 'not-satisfied'}>
          <p>{t('rating.current', { verdict: verdict(current.satisfied), at: formatDateTime(current.updatedAt, report.receipt.timeZone, locale) })}</p>
          {current.comment ? <p className="rating-comment">{t('rating.yourComment', { comment: current.comment })}</p> : null}
        </div>
      ) : null}
      {report.canRate ? (
        <form method="post" action={`/t/${slug}/lacak`} className="rating-form">
          <input type="hidden" name={INTENT_FIELD} value="rate" />
          <input type="hidden" name={TRACK_NUMBER_FIELD} value={report.registrationNumber} />
          {view.trackingCode ? <input type="hidden" name={TRACK_CODE_FIELD} value={view.trackingCode} /> : null}
          <fieldset className={choiceProblems.length > 0 ? 'rating-choice invalid' : 'rating-choice'}>
            <legend>{t('rating.question')}</legend>
            <p className="hint">{t('rating.help')}</p>
            <FieldError id={RATING_SATISFIED_FIELD} problems={choiceProblems} />
            {(['yes', 'no'] as const).map((value) => {
              const id = `${RATING_SATISFIED_FIELD}-${value}`;
              return (
                <div key={value} className="choice">
                  <input
                    type="radio"
                    id={id}
                    name={RATING_SATISFIED_FIELD}
                    value={value}
                    required
                    defaultChecked={chosen === (value === 'yes')}
                    aria-describedby={choiceProblems.length > 0 ? errorId(RATING_SATISFIED_FIELD) : undefined}
                  />
                  <label htmlFor={id}>{verdict(value === 'yes')}</label>
                </div>
              );
            })}
          </fieldset>
          <div className={commentProblems.length > 0 ? 'field invalid' : 'field'}>
            <label htmlFor={RATING_COMMENT_FIELD}>{t('rating.comment')}</label>
            <Hint id={RATING_COMMENT_FIELD}>{t('rating.commentHelp', { max: COMMENT_MAX_LENGTH })}</Hint>
            <FieldError id={RATING_COMMENT_FIELD} problems={commentProblems} />
            <textarea
              id={RATING_COMMENT_FIELD}
              name={RATING_COMMENT_FIELD}
              rows={3}
              maxLength={COMMENT_MAX_LENGTH}
              defaultValue={comment}
              aria-describedby={describedBy(RATING_COMMENT_FIELD, { hint: true, problems: commentProblems })}
              aria-invalid={commentProblems.length > 0 ? true : undefined}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t(current ? 'rating.change' : 'rating.submit')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">{t('rating.closed')}</p>
      )}
    </section>
  );
}
