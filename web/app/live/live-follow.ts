/**
 * Following one subscription of the live API with resume: the last cursor seen is kept, a
 * payload repeating a cursor already seen is skipped (a resumed stream may repeat a few), and
 * after a dropped connection the subscription starts again with `after` set to that cursor and
 * a growing, jittered delay. Cursors are opaque tokens (docs/trust/live-cursors.md): they are
 * compared only for equality, never ordered. Pure logic over a `subscribe` function, so it is
 * tested without a socket.
 */
import type { LiveSignal } from '../graphql/generated/graphql';

/** What the server sends for each change: its cursor, and EVENT or RELOAD. */
export interface LiveUpdate {
  cursor: string;
  signal: LiveSignal;
}

/** A subscription's end: the server's GraphQL errors, a close event, or an error of the socket. */
export type LiveFailure = readonly { message: string; extensions?: Record<string, unknown> }[] | { code: number; reason?: string } | Error | unknown;

export interface LiveSink<Data> {
  next(value: { data?: Data | null; errors?: unknown }): void;
  error(failure: LiveFailure): void;
  complete(): void;
}

/** graphql-ws's `client.subscribe`, or a fake. Returns the function that stops it. */
export type Subscribe = <Data>(payload: { query: string; variables: Record<string, unknown> }, sink: LiveSink<Data>) => () => void;

export interface FollowOptions<Data, Update extends LiveUpdate> {
  subscribe: Subscribe;
  query: string;
  variables: Record<string, unknown>;
  /** The page's live cursor: nothing after it is missed. */
  after: string | null;
  /**
   * False for a stream without cursors (each payload the whole state, like the counters):
   * no `after` is sent and nothing is skipped. Default true.
   */
  resume?: boolean;
  /** The update in a payload (its subscription field). */
  select(data: Data): Update | null | undefined;
  onUpdate(update: Update): void;
  /** Told when the stream runs (true) or is down and waiting to retry (false). */
  onState?(live: boolean): void;
  /** For tests: the timer and the randomness of the backoff. */
  schedule?(run: () => void, ms: number): () => void;
  random?(): number;
}

/** Cursors remembered to recognise repeats: far more than a resumed stream repeats. */
export const SEEN_CURSORS_LIMIT = 1000;

/**
 * The cursors a page has: its own live cursor and every one delivered since, across
 * reconnects, the oldest forgotten past `limit`. A repeat is recognised by equality alone.
 */
export function createSeenCursors(limit = SEEN_CURSORS_LIMIT) {
  const seen = new Set<string>();
  return {
    has: (cursor: string) => seen.has(cursor),
    add(cursor: string) {
      if (seen.has(cursor)) return;
      seen.add(cursor);
      if (seen.size > limit) seen.delete(seen.values().next().value as string);
    },
  };
}

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/** The wait before retry number `attempt` (0 first): doubling from 1 s up to 30 s, half of it random so clients spread out. */
export function retryDelay(attempt: number, random: number): number {
  const full = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(full / 2 + (full / 2) * random);
}

/** Close codes that will not get better by retrying: the session ended, the agency is unknown, the request is bad. */
const FATAL_CLOSE = new Set([4400, 4401, 4403, 4404, 4406, 4409]);
/** GraphQL error codes of a refused subscription that retrying may cure. */
const RETRYABLE_CODES = new Set(['RATE_LIMITED', 'INTERNAL', 'SERVICE_UNAVAILABLE']);

/** Whether to try again after this failure. */
export function shouldRetry(failure: LiveFailure): boolean {
  if (Array.isArray(failure)) {
    return failure.some((error) => RETRYABLE_CODES.has(String((error as { extensions?: { code?: unknown } }).extensions?.code ?? '')));
  }
  if (typeof failure === 'object' && failure !== null && 'code' in failure && typeof (failure as { code: unknown }).code === 'number') {
    return !FATAL_CLOSE.has((failure as { code: number }).code);
  }
  return true;
}

/** Starts following; returns the function that stops it. */
export function follow<Data, Update extends LiveUpdate>(options: FollowOptions<Data, Update>): () => void {
  const schedule =
    options.schedule ??
    ((run: () => void, ms: number) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    });
  const random = options.random ?? Math.random;
  const resume = options.resume ?? true;
  let cursor = options.after;
  const seen = createSeenCursors();
  if (cursor !== null) seen.add(cursor);
  let attempt = 0;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let cancelRetry: (() => void) | null = null;

  const retry = (failure: LiveFailure) => {
    unsubscribe = null;
    options.onState?.(false);
    if (stopped || !shouldRetry(failure)) return;
    cancelRetry = schedule(
      () => {
        cancelRetry = null;
        start();
      },
      retryDelay(attempt++, random()),
    );
  };

  function start() {
    if (stopped) return;
    let ended = false;
    unsubscribe = options.subscribe<Data>(
      { query: options.query, variables: resume ? { ...options.variables, after: cursor } : options.variables },
      {
        next(value) {
          if (stopped || ended) return;
          if (value.errors && !value.data) {
            ended = true;
            unsubscribe?.();
            retry(value.errors);
            return;
          }
          const update = value.data ? options.select(value.data) : null;
          if (!update) return;
          attempt = 0;
          options.onState?.(true);
          if (resume) {
            // A repeated event is skipped; a RELOAD never is (its cursor may be one already seen).
            if (update.signal === 'EVENT' && seen.has(update.cursor)) return;
            seen.add(update.cursor);
          }
          cursor = update.cursor;
          options.onUpdate(update);
        },
        error(failure) {
          if (stopped || ended) return;
          ended = true;
          retry(failure);
        },
        // The server ends a stream only when it is shutting down or the session ended: try again.
        complete() {
          if (stopped || ended) return;
          ended = true;
          retry(new Error('completed'));
        },
      },
    );
  }

  start();
  return () => {
    stopped = true;
    cancelRetry?.();
    unsubscribe?.();
  };
}
