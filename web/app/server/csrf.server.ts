/**
 * Every form post must come from a page of this site: the browser's Origin (or, without
 * one, its Referer) must name the host the request was sent to. Session cookies are
 * SameSite=Lax already; this also covers the forms that need no session (filing, tracking).
 * The rule itself is `browser-request.server.ts`, which the web server applies first.
 */
import { getRequestHost } from './agency-host.server';
import { isSameOriginSource } from './browser-request.server';
import { createPageError } from './page-errors.server';

export function isSameOriginPost(request: Request): boolean {
  return isSameOriginSource(request.headers.get('Origin'), request.headers.get('Referer'), getRequestHost(request));
}

/** Throws the 403 page when the post came from elsewhere. */
export function assertSameOriginPost(request: Request): void {
  if (!isSameOriginPost(request)) throw createPageError('FORBIDDEN');
}
