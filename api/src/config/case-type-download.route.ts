/**
 * A case type's downloads (e.g. Kalbar's gratification reporting form): public files the
 * agency lists in its `case-types.yaml` and keeps in `tenants/<slug>/documents/`.
 * `GET /t/<slug>/documents/<caseTypeKey>/<key>` serves only a file the active configuration
 * names, found by keys, never by a path from the request: a "../" matches no key. The file's
 * name is checked again (one plain name) and its resolved path must stay inside the tenant's
 * documents folder, as a second wall.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from 'express';
import type { AppServices } from '../context.ts';
import { contentDisposition } from '../evidence/evidence-download.route.ts';
import { DOWNLOAD_FILE_NAME, DOWNLOADS_FOLDER, findDownloadContentType, type CaseTypeDownloadShape } from './tenant-files.schema.ts';

/** The file on disk, or null when it is not one the folder may serve. */
export async function findDownloadFile(tenantsDir: string, slug: string, file: string): Promise<string | null> {
  if (!DOWNLOAD_FILE_NAME.test(file)) return null;
  try {
    const folder = await realpath(path.join(tenantsDir, slug, DOWNLOADS_FOLDER));
    const resolved = await realpath(path.join(folder, file));
    if (path.dirname(resolved) !== folder) return null;
    return (await stat(resolved)).isFile() ? resolved : null;
  } catch {
    return null;
  }
}

export function createCaseTypeDownloadHandler(services: AppServices): RequestHandler {
  return async (request, response, next) => {
    const notFound = () => response.status(404).json({ error: 'NOT_FOUND', message: 'No such document.' });
    try {
      const tenant = await services.directory.findBySlug(String(request.params.slug));
      if (!tenant) return void notFound();
      const config = await services.configs.find(tenant.id);
      const caseType = config?.caseTypes.find((item) => item.key === String(request.params.caseTypeKey));
      const download = (caseType?.downloads as unknown as CaseTypeDownloadShape[] | undefined)?.find((item) => item.key === String(request.params.key));
      const file = download ? await findDownloadFile(services.env.TENANTS_DIR, tenant.slug, download.file) : null;
      if (!download || !file) return void notFound();
      response.set({
        'Content-Type': findDownloadContentType(download.file),
        'Content-Disposition': contentDisposition(download.file),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'public, max-age=300',
      });
      createReadStream(file).on('error', next).pipe(response);
    } catch (error) {
      next(error);
    }
  };
}
