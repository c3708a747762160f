/**
 * The console's pages follow a subscription and, on each event, ask Remix to load the
 * page's data again (debounced, so a burst of events costs one reload of the data).
 */
import { useRevalidator } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { followLive, watchLiveStatus, type LiveStatus } from './live-client';
import type { LiveUpdate } from './live-follow';

export const REVALIDATE_DEBOUNCE_MS = 500;

/** Follows `query` at `path` from `after`, revalidating the page's loaders after each event; returns the connection status. */
export function useLiveRevalidation<Data>(options: {
  path: string;
  query: string;
  variables: Record<string, unknown>;
  after: string | null | undefined;
  select(data: Data): LiveUpdate | null | undefined;
  /** A key that, when it changes, starts following anew (e.g. the case id). */
  key: string;
}): LiveStatus | null {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const latest = useRef(options);
  latest.current = options;
  const [status, setStatus] = useState<LiveStatus | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the feed restarts when the page's path or key changes; the rest is read through `latest`.
  useEffect(() => {
    const { path, query, variables, after, select } = latest.current;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stopWatching = watchLiveStatus(path, setStatus);
    const stop = followLive<Data, LiveUpdate>(path, {
      query,
      variables,
      // Only the page's first cursor: the stream keeps its own after that.
      after: after ?? null,
      select,
      onUpdate: () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          revalidate.current();
        }, REVALIDATE_DEBOUNCE_MS);
      },
      onState: (live) => setStatus(live ? 'live' : 'down'),
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
      stopWatching();
    };
  }, [options.path, options.key]);

  return status;
}
