/**
 * A pseudonymous reporter's session token lives only in an httpOnly, SameSite=Lax cookie
 * scoped to the agency's path (`/t/<slug>`), Secure on https: never in a URL, never in
 * the page. The web server sends it on to the API as a bearer token.
 */
import { findSessionToken as findSessionTokenIn, REPORTER_SESSION_COOKIE as SESSION_COOKIE } from './browser-request.server';

/** The session token the browser sent, or null. */
export function findSessionToken(request: Request): string | null {
  return findSessionTokenIn(request.headers.get('Cookie'), SESSION_COOKIE);
}

function cookieAttributes(request: Request, slug: string): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `Path=/t/${slug}; HttpOnly; SameSite=Lax${secure}`;
}

/** Set-Cookie for a new session; it lasts as long as the API keeps the session. */
export function createSessionCookie(request: Request, slug: string, token: string, expiresAt: string): string {
  const seconds = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Max-Age=${seconds}; ${cookieAttributes(request, slug)}`;
}

/** Set-Cookie that removes the session cookie (signed out, or the API no longer knows it). */
export function createClearSessionCookie(request: Request, slug: string): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${cookieAttributes(request, slug)}`;
}
