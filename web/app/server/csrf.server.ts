/**
 * Every form post must come from a page of this site: the browser's Origin (or, without
 * one, its Referer) must name the host the request was sent to. Session cookies are
 * SameSite=Lax already; this also covers the forms that need no session (filing, tracking).
 */
import { createPageError } from './page-errors.server';
import { getRequestHost } from './agency-host.server';

export function isSameOriginPost(request: Request): boolean {
  const source = request.headers.get('Origin') ?? request.headers.get('Referer');
  if (!source || source === 'null') return false;
  try {
    return new URL(source).host.toLowerCase() === getRequestHost(request);
  } catch {
    return false;
  }
}

/** Throws the 403 page when the post came from elsewhere. */
export function assertSameOriginPost(request: Request): void {
  if (!isSameOriginPost(request)) throw createPageError('FORBIDDEN');
}
