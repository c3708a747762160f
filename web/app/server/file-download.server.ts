/**
 * A file streamed from the API to a console browser: fetched with the staff session's token
 * and passed on as it arrives (never held in memory or on disk here), with the API's own
 * headers that name and size it, and the ones that keep it from being sniffed, cached or run.
 * Always an attachment. No session: the sign-in page; a file the viewer may not read: the 404
 * page; anything else the API answers: the "unavailable" page.
 */
import { env } from '../env.server';
import { createApiHeaders } from './api-client.server';
import { type ConsoleCall, createSignInRedirect } from './console.server';
import { createPageError } from './page-errors.server';

const PASSED_ON = ['content-type', 'content-length', 'content-disposition'] as const;

/**
 * Streams `<API_URL><path>` (a path starting with `/`) to the browser as the console's staff
 * member; `extraHeaders` names further API headers to pass on (e.g. a checksum).
 */
export async function streamConsoleDownload(request: Request, call: ConsoleCall, path: string, extraHeaders: readonly string[] = []): Promise<Response> {
  let upstream: Response;
  try {
    upstream = await fetch(`${env.API_URL.replace(/\/+$/, '')}${path}`, {
      headers: createApiHeaders({ locale: call.locale, token: call.token, clientIp: call.clientIp }),
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw createPageError('SERVICE_UNAVAILABLE');
  }
  if (upstream.status === 401) {
    await upstream.body?.cancel();
    throw createSignInRedirect(request, call, 'ended');
  }
  if (upstream.status === 404) {
    await upstream.body?.cancel();
    throw createPageError('PAGE_NOT_FOUND');
  }
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    throw createPageError('SERVICE_UNAVAILABLE');
  }
  const headers = new Headers({
    'Content-Type': 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Referrer-Policy': 'no-referrer',
  });
  for (const name of [...PASSED_ON, ...extraHeaders]) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  // Always a download, whatever the API said: a file never renders in the console's origin.
  if (!headers.get('content-disposition')?.startsWith('attachment')) headers.set('Content-Disposition', 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
