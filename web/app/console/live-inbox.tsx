/**
 * The inbox, live: new and changed cases appear and move without a reload (the page's data
 * is loaded again after `inboxUpdates` events), and a small panel counts the open cases by
 * stage per agency (the provincial secretariat sees every agency of its province). The
 * server renders the panel from the page's data; with the script, `caseCountersUpdates`
 * replaces the numbers as they change.
 */
import { useEffect, useState } from 'react';
import { followLive, livePaths } from '../live/live-client';
import type { CaseCountersUpdatesSubscription, InboxUpdatesSubscription } from '../graphql/generated/graphql';
import type { AgencyCounters } from '../graphql/results';
import { CASE_COUNTERS_UPDATES, INBOX_UPDATES } from '../live/live-documents';
import { LiveIndicator } from '../live/live-indicator';
import { useLiveText } from '../live/live-messages';
import { useLiveRevalidation } from '../live/live-revalidate';
import type { ConsoleScope } from './console-paths';

const COLUMNS = ['open', 'inVerification', 'waitingForReporter', 'inFollowUp', 'overdue', 'escalated'] as const;

function CountersPanel({ path, initial }: { path: string; initial: AgencyCounters[] }) {
  const { text } = useLiveText();
  const [counters, setCounters] = useState<AgencyCounters[]>(initial);
  // The page's data, loaded again after inbox events, is as fresh as the last live count.
  useEffect(() => setCounters(initial), [initial]);

  useEffect(
    () =>
      // Counters carry no cursor: each payload is the whole count now; a resumed stream starts with the count.
      followLive<CaseCountersUpdatesSubscription, { cursor: string; signal: 'EVENT'; counters: AgencyCounters[] }>(path, {
        query: CASE_COUNTERS_UPDATES,
        variables: {},
        after: null,
        resume: false,
        select: (data) => ({ cursor: '', signal: 'EVENT', counters: data.caseCountersUpdates }),
        onUpdate: (update) => setCounters(update.counters),
      }),
    [path],
  );

  if (counters.length === 0) return null;
  return (
    <section className="live-counters" aria-labelledby="penghitung-aduan" data-live-counters>
      <h2 id="penghitung-aduan" style={{ fontSize: '1.05rem', marginBottom: '0.3rem' }}>
        {text('countersTitle')}
      </h2>
      {counters.map((row) => (
        <div key={row.agency.slug} data-counters-agency={row.agency.slug} style={{ marginBottom: '0.4rem' }}>
          {counters.length > 1 ? <p style={{ margin: '0 0 0.15rem', fontWeight: 600 }}>{row.agency.shortName}</p> : null}
          <dl style={{ display: 'flex', flexWrap: 'wrap', gap: '0.3rem 1.1rem', margin: 0 }}>
            {COLUMNS.map((column) => (
              <div key={column} data-counter={column} style={{ display: 'flex', gap: '0.35rem', alignItems: 'baseline' }}>
                <dt className="muted">{text(column)}</dt>
                <dd style={{ margin: 0, fontWeight: 700 }}>{row[column]}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

export function LiveInbox({ scope, after, counters }: { scope: ConsoleScope; after: string | null | undefined; counters: AgencyCounters[] }) {
  const path = livePaths.console(scope.kind === 'agency' ? scope.slug : null);
  const status = useLiveRevalidation<InboxUpdatesSubscription>({
    path,
    query: INBOX_UPDATES,
    variables: {},
    after,
    select: (data) => data.inboxUpdates,
    key: path,
  });
  return (
    <div className="live-inbox" data-live-inbox>
      <LiveIndicator status={status} />
      <CountersPanel path={path} initial={counters} />
    </div>
  );
}
