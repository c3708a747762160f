/**
 * When the agency received a report, and, for one staff recorded later from a letter or a
 * visit, when it was recorded: the deadlines count from the first. A report filed online is
 * received when it is sent, and shows one date.
 */
import type { TrackedReport } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';
import { formatDateTime } from './formats';

export function ReceivedDates({ report }: { report: Pick<TrackedReport, 'receivedAt' | 'submittedAt' | 'receipt'> }) {
  const { locale, t } = useTranslation();
  const zone = report.receipt.timeZone;
  const received = formatDateTime(report.receivedAt, zone, locale);
  const recorded = formatDateTime(report.submittedAt, zone, locale);
  if (received === recorded) {
    return (
      <div>
        <dt>{t('track.submittedAt')}</dt>
        <dd data-received-at>{received}</dd>
      </div>
    );
  }
  return (
    <>
      <div>
        <dt>{t('track.receivedAt')}</dt>
        <dd data-received-at>{received}</dd>
      </div>
      <div>
        <dt>{t('track.recordedAt')}</dt>
        <dd data-recorded-at>{recorded}</dd>
      </div>
    </>
  );
}
