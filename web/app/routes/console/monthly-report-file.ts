/**
 * `GET /t/<slug>/konsol/laporan-bulanan/<id>/<pdf|xlsx>` and
 * `/konsol/sekretariat/laporan-bulanan/<id>/<pdf|xlsx>`: a monthly report's file, streamed from
 * the API's staff download (`/monthly-reports/<id>/<format>`, audited there) with the staff
 * session's token (file-download.server.ts). A version the viewer may not read: the 404 page.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { startConsolePage } from '../../server/console.server';
import { streamConsoleDownload } from '../../server/file-download.server';
import { createPageError } from '../../server/page-errors.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader(args: LoaderFunctionArgs) {
  const { request, params } = args;
  const call = startConsolePage(args);
  const id = params.id ?? '';
  const format = params.format ?? '';
  if (!UUID.test(id) || (format !== 'pdf' && format !== 'xlsx')) throw createPageError('PAGE_NOT_FOUND');
  // The agency's console asks its own API address; the secretariat's the platform's.
  const prefix = call.scope.kind === 'agency' ? `/t/${call.scope.slug}` : '';
  return streamConsoleDownload(request, call, `${prefix}/monthly-reports/${id.toLowerCase()}/${format}`, ['x-report-sha256']);
}
