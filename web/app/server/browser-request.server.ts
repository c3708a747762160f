/**
 * What the web server (`web/server/`) and the pages both decide about a browser's request, in
 * one place: which host it was sent to, whether it comes from a page of this site (the CSRF
 * check), and which session cookie signs it in. The server checks before Remix (a clear 403,
 * and live sockets); the actions check again (`csrf.server.ts`), for servers without it.
 *
 * Pure functions of header values, so both an express request and a Fetch `Request` can use
 * them. Imported by the server at run time through tsx: keep it free of Remix and Vite.
 */
import { parseCookie } from 'cookie';

/** A pseudonymous reporter's session, scoped to `/t/<slug>` (`reporter-session.server.ts`). */
export const REPORTER_SESSION_COOKIE = 'aduan_pelapor';
/** A staff member's session, scoped to the console's path (`staff-session.server.ts`). */
export const STAFF_SESSION_COOKIE = 'aduan_staf';
/** The shape of the API's session tokens: anything else in a session cookie is ignored. */
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

/** Methods that change something: they must come from a page of this site. */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The value of the first cookie called `name` in a Cookie header that has the given shape, or
 * null. Values of another shape are skipped, as if absent.
 */
export function findCookieValue(cookieHeader: string | null | undefined, name: string, shape: RegExp): string | null {
  if (!cookieHeader) return null;
  // Undecoded: the shapes we accept have no escapes, and a percent sign is not one of them.
  const value = parseCookie(cookieHeader, { decode: (raw) => (shape.test(raw) ? raw : undefined) })[name];
  return value ?? null;
}

/** The session token in the named session cookie, or null. */
export function findSessionToken(cookieHeader: string | null | undefined, cookieName: string): string | null {
  return findCookieValue(cookieHeader, cookieName, SESSION_TOKEN);
}

/**
 * The host the browser asked for, with its port, lowercased: the first X-Forwarded-Host, as a
 * reverse proxy forwards it (the web server removes that header from peers it does not trust,
 * TRUST_PROXY), else Host.
 */
export function resolveRequestHost(forwardedHost: string | null | undefined, host: string | null | undefined): string {
  const forwarded = forwardedHost?.split(',')[0]?.trim();
  return (forwarded || host || '').toLowerCase();
}

/**
 * True when the browser says the request comes from a page of `host`: its Origin, or without
 * one its Referer, names that host. No source (or the opaque `null` origin) is not same-origin.
 */
export function isSameOriginSource(origin: string | null | undefined, referer: string | null | undefined, host: string): boolean {
  const source = origin ?? referer;
  if (!source || source === 'null' || !host) return false;
  try {
    return new URL(source).host.toLowerCase() === host;
  } catch {
    return false;
  }
}
