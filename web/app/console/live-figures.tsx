/**
 * The dashboard, live: while the page is open, each change of the open-case counters
 * (`caseCountersUpdates`, the subscription the inbox's counters follow) loads the page's data
 * again, debounced, so its figures move without a reload. Without the script the page is the
 * same, as of its loading.
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import type { CaseCountersUpdatesSubscription } from '../graphql/generated/graphql';
import { followLive, livePaths } from '../live/live-client';
import { CASE_COUNTERS_UPDATES } from '../live/live-documents';
import { REVALIDATE_DEBOUNCE_MS } from '../live/live-revalidate';
import type { ConsoleScope } from './console-paths';

export function LiveFigures({ scope }: { scope: ConsoleScope }) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const path = livePaths.console(scope.kind === 'agency' ? scope.slug : null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The first payload is the count as the page was loaded: only later ones are news.
    let first = true;
    const stop = followLive<CaseCountersUpdatesSubscription, { cursor: string; signal: 'EVENT' }>(path, {
      query: CASE_COUNTERS_UPDATES,
      variables: {},
      after: null,
      resume: false,
      select: () => ({ cursor: '', signal: 'EVENT' }),
      onUpdate: () => {
        if (first) {
          first = false;
          return;
        }
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          revalidate.current();
        }, REVALIDATE_DEBOUNCE_MS);
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [path]);
  return null;
}
