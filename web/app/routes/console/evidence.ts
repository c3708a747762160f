/**
 * `GET /t/<slug>/konsol/bukti/<id>` and `/konsol/sekretariat/bukti/<agency>/<id>`: an evidence
 * file, streamed from the API's staff download (`/t/<agency>/evidence/<id>`) with the staff
 * session's token (file-download.server.ts: never buffered, always an attachment; no session:
 * the sign-in page; a file the viewer may not read: the 404 page).
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { startConsolePage } from '../../server/console.server';
import { streamConsoleDownload } from '../../server/file-download.server';
import { createPageError } from '../../server/page-errors.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loader(args: LoaderFunctionArgs) {
  const { request, params } = args;
  const call = startConsolePage(args);
  const agency = call.scope.kind === 'agency' ? call.scope.slug : (params.agency ?? '').toLowerCase();
  const id = params.id ?? '';
  if (!SLUG.test(agency) || !UUID.test(id)) throw createPageError('PAGE_NOT_FOUND');
  return streamConsoleDownload(request, call, `/t/${agency}/evidence/${id.toLowerCase()}`, ['x-evidence-sha256']);
}
