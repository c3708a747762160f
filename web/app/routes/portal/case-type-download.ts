/**
 * `GET /t/<slug>/unduh/<caseTypeKey>/<key>`: a file the agency offers with a case type (its
 * own paper form), streamed from the API's `/t/<slug>/documents/<caseTypeKey>/<key>`. The
 * API finds the file by these keys only; here they must be plain keys before anything is
 * asked. Always a download, never rendered in the portal's origin.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { env } from '../../env.server';
import { createApiHeaders } from '../../server/api-client.server';
import { createPageError } from '../../server/page-errors.server';

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PASSED_ON = ['content-type', 'content-length', 'content-disposition'] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const caseTypeKey = params.caseTypeKey ?? '';
  const key = params.key ?? '';
  if (![slug, caseTypeKey, key].every((part) => KEY.test(part))) throw createPageError('PAGE_NOT_FOUND');
  let upstream: Response;
  try {
    upstream = await fetch(`${env.API_URL.replace(/\/+$/, '')}/t/${slug}/documents/${caseTypeKey}/${key}`, {
      headers: createApiHeaders({ locale: 'id' }),
      signal: request.signal,
    });
  } catch (error) {
    if (request.signal.aborted) throw error;
    throw createPageError('SERVICE_UNAVAILABLE');
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
    'Cache-Control': 'public, max-age=300',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  for (const name of PASSED_ON) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  if (!headers.get('content-disposition')?.startsWith('attachment')) headers.set('Content-Disposition', 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
