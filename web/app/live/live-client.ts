/**
 * The pages' connection to live updates: graphql-ws over the web server's own address
 * (`/t/<slug>/langsung`, `/t/<slug>/konsol/langsung`, `/konsol/sekretariat/langsung`), which
 * proxies to the API with the session cookie as the bearer token, so no API address or
 * token is ever in the page. One lazy connection per address, shared by the page's
 * subscriptions; retries are ours (`follow`), so each resumes from its own last cursor.
 */
import { createClient, type Client } from 'graphql-ws';
import { follow, type FollowOptions, type LiveUpdate, type Subscribe } from './live-follow';

export type LiveStatus = 'connecting' | 'live' | 'down';

interface Connection {
  client: Client;
  status: LiveStatus;
  listeners: Set<(status: LiveStatus) => void>;
}

const connections = new Map<string, Connection>();

function setStatus(connection: Connection, status: LiveStatus) {
  connection.status = status;
  for (const listener of connection.listeners) listener(status);
}

function connectionTo(path: string): Connection {
  // Live data comes in the page's language (its <html lang>), not the browser's Accept-Language:
  // the API reads the connection's `locale`. A page in another language gets its own connection.
  const locale = document.documentElement.lang || 'id';
  const key = `${path}|${locale}`;
  const connection = connections.get(key);
  if (connection) return connection;
  const url = `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}${path}`;
  const created: Connection = {
    status: 'connecting',
    listeners: new Set(),
    client: createClient({
      url,
      connectionParams: { locale },
      lazy: true,
      // A page left open with nothing followed closes its socket.
      lazyCloseTimeout: 3000,
      retryAttempts: 0,
      on: {
        connected: () => setStatus(created, 'live'),
        closed: () => setStatus(created, 'down'),
      },
    }),
  };
  connections.set(key, created);
  return created;
}

/** Follows one subscription at the live address `path`; returns the function that stops it. */
export function followLive<Data, Update extends LiveUpdate>(path: string, options: Omit<FollowOptions<Data, Update>, 'subscribe'>): () => void {
  const connection = connectionTo(path);
  const subscribe: Subscribe = (payload, sink) => connection.client.subscribe(payload, sink as never);
  return follow({ ...options, subscribe });
}

/** Calls `listener` with the connection's status now and whenever it changes. */
export function watchLiveStatus(path: string, listener: (status: LiveStatus) => void): () => void {
  const connection = connectionTo(path);
  connection.listeners.add(listener);
  listener(connection.status);
  return () => connection.listeners.delete(listener);
}

/** The live address of a page's surface. */
export const livePaths = {
  reporter: (slug: string) => `/t/${slug}/langsung`,
  console: (slug: string | null) => (slug ? `/t/${slug}/konsol/langsung` : '/konsol/sekretariat/langsung'),
};
