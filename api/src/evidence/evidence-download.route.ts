/**
 * Evidence files for staff: `GET /t/<slug>/evidence/<id>` with the staff member's bearer
 * token. Never a public URL: the file is served only to a signed-in staff member who may
 * read its case (CASL and row-level security, as for the case itself), as an attachment
 * that the browser does not sniff or cache.
 */
import type { Readable } from 'node:stream';
import type { RequestHandler } from 'express';
import type { AppServices } from '../context.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { findStaffSession } from '../auth/staff-auth.service.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { createDecryptStream, tenantOfContext } from './evidence-crypto.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A file name safe in a Content-Disposition header (ASCII fallback plus RFC 5987 UTF-8). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function createEvidenceDownloadHandler(services: AppServices): RequestHandler {
  return async (request, response, next) => {
    const refuse = (status: number, error: string, message: string) => response.status(status).json({ error, message });
    try {
      const tenant = await services.directory.findBySlug(String(request.params.slug));
      const id = String(request.params.id);
      if (!tenant || !UUID.test(id)) return void refuse(404, 'NOT_FOUND', 'No such file.');
      const header = request.get('authorization') ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const session = token ? await findStaffSession(services.db.prisma, token) : null;
      const reaches = session && (session.tenantId === tenant.id || session.provinceTenantIds.includes(tenant.id));
      if (!session || !reaches) return void refuse(401, 'UNAUTHENTICATED', 'Sign in to the staff console first.');
      const viewer = toStaffViewer(session);
      if (!viewer.ability.can('read', 'Case')) return void refuse(404, 'NOT_FOUND', 'No such file.');
      const file = await withDataScope(services.db.prisma, viewer.scope, (tx) =>
        tx.evidence.findFirst({
          where: { id, tenantId: tenant.id, status: 'ATTACHED', case: casesWhere(viewer.ability, 'read') },
          select: { storageKey: true, fileName: true, contentType: true, size: true, sha256: true, encryptedFor: true },
        }),
      );
      if (!file) return void refuse(404, 'NOT_FOUND', 'No such file.');
      const stored = (await services.evidenceStorage.get(file.storageKey)) as Readable;
      // Files from before encryption at rest have no context and are served as stored.
      const body = file.encryptedFor
        ? stored.pipe(
            createDecryptStream({ key: await services.vault.evidenceKey(services.db.prisma, tenantOfContext(file.encryptedFor)), context: file.encryptedFor }),
          )
        : stored;
      if (body !== stored) stored.on('error', (error) => body.destroy(error));
      response.set({
        'content-type': file.contentType ?? 'application/octet-stream',
        'content-disposition': contentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
        ...(file.size !== null ? { 'content-length': String(file.size) } : {}),
        ...(file.sha256 ? { 'x-evidence-sha256': file.sha256 } : {}),
      });
      // A file that fails to decrypt ends the download midway: the client sees a broken transfer.
      body.on('error', (error) => {
        services.logger.error({ err: error }, 'evidence download failed');
        response.destroy();
      });
      body.pipe(response);
    } catch (error) {
      next(error);
    }
  };
}
