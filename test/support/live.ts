/** A graphql-ws client for tests: subscribe, then wait for the next payloads or for the close. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Closed {
  code: number;
  reason: string;
}

export interface LiveSubscription<Data> {
  /** Payloads received so far (data, or errors), in order. */
  readonly received: { data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] }[];
  /** Waits for the next payload not yet taken by `next`. */
  next(timeoutMs?: number): Promise<{ data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  /** Resolves when the server completes the subscription. */
  readonly completed: Promise<void>;
  stop(): void;
}

export interface LiveClient {
  /**
   * `seen`: the cursors the client already has (the page's live cursor): an event payload
   * with one of them, or repeating an earlier payload's cursor, is dropped, as a client does
   * (web/app/live/live-follow.ts): a resumed stream may repeat a few. Cursors are opaque
   * tokens, so repeats are recognised by equality. Without `seen`, every payload is kept.
   */
  subscribe<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { seen?: readonly (string | null | undefined)[] },
  ): LiveSubscription<Data>;
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<Closed>;
  /** Resolves once the server acknowledged the connection. */
  readonly connected: Promise<void>;
  dispose(): Promise<void>;
}

/** ws://… for an http:// API address and an agency slug (null: the platform's address). */
export function liveUrl(apiUrl: string, slug: string | null): string {
  return `${apiUrl.replace(/^http/, 'ws')}${slug ? `/t/${slug}` : ''}/graphql`;
}

export function liveClient(url: string, options: { authToken?: string; headers?: Record<string, string> } = {}): LiveClient {
  let resolveClosed!: (closed: Closed) => void;
  const closed = new Promise<Closed>((resolve) => (resolveClosed = resolve));
  let resolveConnected!: () => void;
  const connected = new Promise<void>((resolve) => (resolveConnected = resolve));
  const headers = options.headers;
  const client: Client = createClient({
    url,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.authToken ? { authToken: options.authToken } : {},
    webSocketImpl: headers
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers });
          }
        }
      : WebSocket,
    on: {
      connected: () => resolveConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        resolveClosed({ code, reason: String(reason) });
      },
    },
    onNonLazyError: () => {},
  });
  return {
    closed,
    connected,
    subscribe<Data>(
      query: string,
      variables?: Record<string, unknown>,
      options: { seen?: readonly (string | null | undefined)[] } = {},
    ): LiveSubscription<Data> {
      type Payload = { data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      const received: Payload[] = [];
      const waiters: ((payload: Payload) => void)[] = [];
      let taken = 0;
      let resolveCompleted!: () => void;
      const completed = new Promise<void>((resolve) => (resolveCompleted = resolve));
      const seen = options.seen ? new Set(options.seen.filter((cursor): cursor is string => typeof cursor === 'string')) : null;
      const push = (payload: Payload) => {
        const update = Object.values((payload.data ?? {}) as Record<string, { cursor?: string; signal?: string } | null>)[0];
        if (seen && update?.cursor !== undefined && update.signal !== 'RELOAD') {
          if (seen.has(update.cursor)) return;
          seen.add(update.cursor);
        }
        received.push(payload);
        const waiter = waiters.shift();
        if (waiter) {
          taken++;
          waiter(payload);
        }
      };
      const stop = client.subscribe<Data>(
        { query, variables },
        {
          next: (value) => push(value as Payload),
          error: (error) => {
            const errors = Array.isArray(error) ? error : [{ message: String((error as Error)?.message ?? error) }];
            push({ errors });
            resolveCompleted();
          },
          complete: () => resolveCompleted(),
        },
      );
      return {
        received,
        completed,
        stop,
        next(timeoutMs = 15_000) {
          if (taken < received.length) return Promise.resolve(received[taken++]!);
          return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no live payload within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
            waiters.push((payload) => {
              clearTimeout(timer);
              resolve(payload);
            });
          });
        },
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits a while and returns what arrived: for asserting that nothing (more) came. */
export async function settle(ms = 1500): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A reporter following their report: the whole report as it is now, after each change. */
export const REPORT_UPDATES = /* GraphQL */ `
  subscription Report($number: String!, $code: String, $after: ID) {
    reportUpdates(registrationNumber: $number, trackingCode: $code, after: $after) {
      cursor signal report { status timeline { kind status } messages { author body } }
    }
  }
`;
