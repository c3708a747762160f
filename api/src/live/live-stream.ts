/**
 * One subscription's stream: what a resuming client missed, then what the feed reads,
 * each event authorised and turned into a payload in order.
 *
 * An async generator cannot be stopped while it awaits the next event (its `return()`
 * waits for that await), so a subscription that the client ends would linger until its
 * next event. This iterator ends at once: `return()` settles the pending `next()`.
 */
import type { CaseFeed, FeedItem, FeedScope } from './case-feed.ts';

class PushIterator<T> implements AsyncIterableIterator<T> {
  readonly #buffer: T[] = [];
  readonly #onEnd: () => void;
  #waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;
  #error: unknown = null;
  #done = false;

  constructor(onEnd: () => void) {
    this.#onEnd = onEnd;
  }

  get buffered(): number {
    return this.#buffer.length;
  }

  get done(): boolean {
    return this.#done;
  }

  push(value: T): void {
    if (this.#done) return;
    if (this.#waiting) {
      this.#waiting.resolve({ value, done: false });
      this.#waiting = null;
    } else {
      this.#buffer.push(value);
    }
  }

  /** Replaces whatever waits to be sent (a consumer too slow to keep up gets one value instead). */
  replaceBuffered(value: T): void {
    this.#buffer.length = 0;
    this.push(value);
  }

  fail(error: unknown): void {
    if (this.#done) return;
    if (this.#waiting) {
      this.#waiting.reject(error);
      this.#waiting = null;
      this.#finish();
    } else {
      this.#error = error;
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#buffer.length > 0) return Promise.resolve({ value: this.#buffer.shift()!, done: false });
    if (this.#error !== null) {
      const error = this.#error;
      this.#error = null;
      this.#finish();
      return Promise.reject(error);
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.#finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.#finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }

  #finish(): void {
    if (this.#done) return;
    this.#done = true;
    this.#buffer.length = 0;
    this.#waiting?.resolve({ value: undefined, done: true });
    this.#waiting = null;
    this.#onEnd();
  }
}

export interface FollowOptions<T> {
  feed: CaseFeed;
  scope: FeedScope;
  /** The last cursor the client saw (an event id: decoded from the client's token); what it missed comes first. */
  after: string | null;
  /** More missed events than this, or an unknown cursor: one reload signal instead. */
  replayLimit: number;
  /** More payloads than this waiting for a slow client: they are replaced by one reload signal. */
  maxBuffered: number;
  /** Checked for every event, at the moment it is delivered; throwing ends the subscription. */
  accept(item: FeedItem): boolean | Promise<boolean>;
  toPayload(item: FeedItem): T | Promise<T>;
  /** Tells the client to reload, with a cursor to follow from afterwards. */
  reload(): Promise<T>;
}

/** Follows the feed for one subscriber: replay first (if resuming), then live, in order. */
export function followFeed<T>(options: FollowOptions<T>): AsyncIterableIterator<T> {
  const { feed, scope } = options;
  const replayed = new Set<string>();
  let ready = false;
  const waiting: FeedItem[] = [];
  let chain: Promise<void> = Promise.resolve();

  const stream = new PushIterator<T>(() => unlisten());
  let startFloor = 0n;
  const deliver = async (item: FeedItem) => {
    // The client's own cursor names an event it has: the feed may read that one just after subscribing.
    if (stream.done || replayed.has(item.cursor) || item.cursor === options.after || BigInt(item.cursor) <= startFloor) return;
    if (!(await options.accept(item)) || stream.done) return;
    const payload = await options.toPayload(item);
    if (stream.buffered >= options.maxBuffered) stream.replaceBuffered(await options.reload());
    else stream.push(payload);
  };
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => stream.fail(error));
  };
  const unlisten = feed.listen(scope, (item) => {
    if (!ready) waiting.push(item);
    else enqueue(() => deliver(item));
  });

  enqueue(async () => {
    if (options.after === null) {
      // Following from now: the feed may still hand over events read just before this subscription.
      startFloor = BigInt((await feed.latestCursor(scope)) ?? '0');
    } else {
      const missed = await feed.replay(scope, options.after, options.replayLimit);
      if (missed.kind === 'reload') {
        // The client reloads its page and follows from now: as for a subscription without a cursor,
        // the feed may still hand over events it read just before; the page will have those.
        startFloor = BigInt((await feed.latestCursor(scope)) ?? '0');
        stream.push(await options.reload());
      } else {
        for (const item of missed.items) {
          await deliver(item);
          replayed.add(item.cursor);
        }
      }
    }
    ready = true;
    for (const item of waiting.splice(0)) await deliver(item);
  });
  return stream;
}

export interface ThrottledOptions<T> {
  feed: CaseFeed;
  scope: FeedScope;
  intervalMs: number;
  /** Checked for every event; throwing ends the subscription. */
  accept(item: FeedItem): boolean | Promise<boolean>;
  compute(): Promise<T>;
}

/** A value now, then again after events in scope, at most once per `intervalMs` (dashboard counters). */
export function followThrottled<T>(options: ThrottledOptions<T>): AsyncIterableIterator<T> {
  let timer: NodeJS.Timeout | null = null;
  let computing = false;
  let dirty = false;
  let lastRun = 0;
  const stream = new PushIterator<T>(() => {
    unlisten();
    if (timer) clearTimeout(timer);
  });
  const run = async () => {
    timer = null;
    computing = true;
    dirty = false;
    lastRun = Date.now();
    try {
      const value = await options.compute();
      // A slow client holds only the newest counters.
      if (stream.buffered > 0) stream.replaceBuffered(value);
      else stream.push(value);
    } catch (error) {
      stream.fail(error);
    } finally {
      computing = false;
      if (dirty && !stream.done) schedule();
    }
  };
  const schedule = () => {
    if (timer || stream.done) return;
    if (computing) {
      dirty = true;
      return;
    }
    timer = setTimeout(() => void run(), Math.max(0, lastRun + options.intervalMs - Date.now()));
  };
  const unlisten = options.feed.listen(options.scope, (item) => {
    void Promise.resolve()
      .then(() => options.accept(item))
      .then(
        (accepted) => accepted && schedule(),
        (error: unknown) => stream.fail(error),
      );
  });
  void run();
  return stream;
}
