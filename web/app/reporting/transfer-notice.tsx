/**
 * Where a transferred report is followed now: one sentence in the page's language naming the
 * receiving agency, linked to its track page with the new number filled in (the number alone
 * opens nothing; the tracking code is never put in a URL).
 */
import type { TrackedReport } from '../graphql/results';
import { useTranslation } from '../i18n/use-translation';

/** The receiving agency's track page, its number field filled in. */
export function transferTrackHref(transfer: NonNullable<TrackedReport['transferredTo']>): string {
  return `/t/${encodeURIComponent(transfer.agencySlug)}/lacak?nomor=${encodeURIComponent(transfer.registrationNumber)}`;
}

export function TransferNotice({ report }: { report: TrackedReport }) {
  const { t } = useTranslation();
  const transfer = report.transferredTo;
  if (!transfer) return null;
  // The agency's name is the link: the sentence is split where it goes, so word order stays the catalog's.
  const [before, after = ''] = t('track.transferredTo', { number: transfer.registrationNumber }).split('{agency}');
  return (
    <p className="transfer-notice" data-transfer>
      {before}
      <a href={transferTrackHref(transfer)}>{transfer.agencyName}</a>
      {after}
    </p>
  );
}

/** Said where the reply form would be, on a report nobody here can answer any more. */
export function RepliesClosed({ report }: { report: TrackedReport }) {
  const { t } = useTranslation();
  return (
    <p className="muted" data-replies-closed>
      {report.transferredTo ? t('track.repliesClosedTransferred') : t('track.repliesClosed')}
    </p>
  );
}
