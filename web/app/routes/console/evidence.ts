/**
 * `GET /t/<slug>/konsol/bukti/<id>` and `/konsol/sekretariat/bukti/<agency>/<id>`: an evidence
 * file, streamed from the API's staff download (`/t/<agency>/evidence/<id>`) with the staff
 * session's token, never held in memory or on disk here. The API's own headers that keep the
 * file from being sniffed, cached or run are passed on. No session: the sign-in page; a file
 * the viewer may not read: the 404 page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { env } from '../../env.server';
import { createApiHeaders } from '../../server/api-client.server';
import { createSignInRedirect, startConsolePage } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PASSED_ON = ['content-type', 'content-length', 'content-disposition', 'x-evidence-sha256'] as const;

export async function loader(args: LoaderFunctionArgs) {
  const { request, params } = args;
  const call = startConsolePage(args);
  const agency = call.scope.kind === 'agency' ? call.scope.slug : (params.agency ?? '').toLowerCase();
  const id = params.id ?? '';
  if (!SLUG.test(agency) || !UUID.test(id)) throw createPageError('PAGE_NOT_FOUND');

  let upstream: Response;
  try {
    upstream = await fetch(`${env.API_URL.replace(/\/+$/, '')}/t/${agency}/evidence/${id.toLowerCase()}`, {
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
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  // Always a download, whatever the API said: a file from a reporter never renders in the console's origin.
  if (!headers.get('content-disposition')?.startsWith('attachment')) headers.set('Content-Disposition', 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
