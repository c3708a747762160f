/**
 * The track page's report, kept current: once a report is shown (and the page script runs),
 * it follows `reportUpdates` from the page's live cursor and replaces the shown report
 * (status, timeline, messages, deadlines) with each update. A polite live region says when
 * it changed. Without the script this renders the same page as `CaseView` alone. The tracking
 * code goes only into the subscription's variables over the socket, never into an address.
 */
import { useEffect, useState } from 'react';
import type { ReportUpdatesSubscription } from '../graphql/generated/graphql';
import type { ReportingCaseType, TrackedReport } from '../graphql/results';
import { CaseView } from '../reporting/case-view';
import { formatDateTime } from '../reporting/formats';
import type { TrackView } from '../reporting/track-data';
import { REPORT_UPDATES, type ReportUpdate } from './live-documents';
import { followLive, livePaths, watchLiveStatus, type LiveStatus } from './live-client';
import { LiveIndicator } from './live-indicator';

export function LiveCaseView({ view, slug, caseType }: { view: TrackView; slug: string; caseType: ReportingCaseType | undefined }) {
  const [report, setReport] = useState<TrackedReport>(view.report);
  const [status, setStatus] = useState<LiveStatus | null>(null);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  const { registrationNumber, liveCursor } = view.report;
  const { trackingCode } = view;

  // A new answer from the server (another look-up, a sent reply) is the report from now on.
  useEffect(() => {
    setReport(view.report);
    setChangedAt(null);
  }, [view.report]);

  useEffect(() => {
    const path = livePaths.reporter(slug);
    const stopWatching = watchLiveStatus(path, setStatus);
    const stop = followLive<ReportUpdatesSubscription, ReportUpdate>(path, {
      query: REPORT_UPDATES,
      variables: { registrationNumber, trackingCode },
      after: liveCursor ?? null,
      select: (data) => data.reportUpdates,
      onUpdate: (update) => {
        setReport(update.report);
        setChangedAt(new Date().toISOString());
      },
      onState: (live) => setStatus(live ? 'live' : 'down'),
    });
    return () => {
      stop();
      stopWatching();
    };
  }, [slug, registrationNumber, trackingCode, liveCursor]);

  return (
    <CaseView
      view={report === view.report ? view : { ...view, report }}
      slug={slug}
      caseType={caseType}
      live={
        <LiveIndicator
          status={status}
          changed={changedAt ? { at: changedAt, format: (at, locale) => formatDateTime(at, report.receipt.timeZone, locale) } : null}
        />
      }
    />
  );
}
