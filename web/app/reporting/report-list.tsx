/**
 * A pseudonymous reporter's own reports. Each opens in the track view through a small POST
 * form, so report numbers never land in the browser's history or a server log.
 */
import type { ReportSummary } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatShortDate } from './formats';
import { INTENT_FIELD, TRACK_NUMBER_FIELD } from './track-data';

export function ReportList({ reports, slug, timeZone }: { reports: readonly ReportSummary[]; slug: string; timeZone: string }) {
  const { locale, t } = useTranslation();
  return (
    <ul className="report-list" data-my-reports>
      {reports.map((report) => (
        <li key={report.registrationNumber} className="card">
          <form method="post" action={`/t/${slug}/lacak`}>
            <input type="hidden" name={INTENT_FIELD} value="open" />
            <input type="hidden" name={TRACK_NUMBER_FIELD} value={report.registrationNumber} />
            <p className="report-number">
              <button type="submit" className="link-button" aria-label={t('track.open', { number: report.registrationNumber })}>
                {report.registrationNumber}
              </button>
            </p>
          </form>
          <p className="report-title">{report.title}</p>
          <p className="muted">
            {report.caseTypeName} · {formatShortDate(report.submittedAt, timeZone, locale)} ·{' '}
            <span data-status={report.status}>{t(`caseStatus.${report.status}`)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
