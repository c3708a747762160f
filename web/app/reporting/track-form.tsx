/** The look-up form: registration number and tracking code, posted (never put in a URL). */
import type { ReportSummary, ReporterAccount } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { ErrorSummary, Hint, RequiredMark } from './form-controls';
import type { FormProblem } from './report-form-data';
import { ReportList } from './report-list';
import { INTENT_FIELD, TRACK_CODE_FIELD, TRACK_NUMBER_FIELD } from './track-data';

export function TrackForm({
  slug,
  example,
  timeZone,
  registrationNumber = '',
  problems = [],
  viewer,
  myReports,
}: {
  slug: string;
  example: string;
  timeZone: string;
  registrationNumber?: string;
  problems?: readonly FormProblem[];
  viewer: ReporterAccount | null;
  myReports: readonly ReportSummary[] | null;
}) {
  const { t } = useTranslation();
  const invalid = problems.length > 0 ? true : undefined;
  return (
    <>
      <h1>{t('track.title')}</h1>
      <ErrorSummary problems={problems} />
      {viewer && myReports ? (
        <section aria-labelledby="laporan-anda">
          <h2 id="laporan-anda">{t('track.mine')}</h2>
          <p>{t('track.mineIntro', { pseudonym: viewer.pseudonym })}</p>
          {myReports.length > 0 ? <ReportList reports={myReports} slug={slug} timeZone={timeZone} /> : <p>{t('track.mineEmpty')}</p>}
        </section>
      ) : null}
      <section aria-labelledby={viewer ? 'lacak-kode' : undefined}>
        {viewer ? <h2 id="lacak-kode">{t('track.another')}</h2> : null}
        <p>{t('track.intro')}</p>
        <form method="post" className="track-form">
          <input type="hidden" name={INTENT_FIELD} value="track" />
          <div className="field">
            <label htmlFor={TRACK_NUMBER_FIELD}>
              {t('track.number')} <RequiredMark required />
            </label>
            <Hint id={TRACK_NUMBER_FIELD}>{t('track.numberHelp', { example })}</Hint>
            <input
              id={TRACK_NUMBER_FIELD}
              name={TRACK_NUMBER_FIELD}
              type="text"
              required
              maxLength={40}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              defaultValue={registrationNumber}
              aria-describedby={`${TRACK_NUMBER_FIELD}-hint`}
              aria-invalid={invalid}
              className="mono"
            />
          </div>
          <div className="field">
            <label htmlFor={TRACK_CODE_FIELD}>
              {t('track.code')} <RequiredMark required />
            </label>
            <Hint id={TRACK_CODE_FIELD}>{t('track.codeHelp')}</Hint>
            <input
              id={TRACK_CODE_FIELD}
              name={TRACK_CODE_FIELD}
              type="text"
              required
              maxLength={100}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby={`${TRACK_CODE_FIELD}-hint`}
              aria-invalid={invalid}
              className="mono"
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button">
              {t('track.submit')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
