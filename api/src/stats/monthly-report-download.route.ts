/**
 * Monthly report files for staff: `GET /monthly-reports/<id>/<pdf|xlsx>` (on an agency's
 * `/t/<slug>/` prefix too) with the staff member's bearer token: only a READY version the viewer
 * may read (monthly-report-staff.service.ts), as an attachment the browser does not sniff or
 * cache; each download is in the audit log.
 */
import type { Readable } from 'node:stream';
import type { RequestHandler } from 'express';
import { findStaffSession } from '../auth/staff-auth.service.ts';
import { toStaffViewer } from '../auth/staff-viewer.ts';
import type { AppServices } from '../context.ts';
import { isAppError } from '../errors.ts';
import { contentDisposition } from '../evidence/evidence-download.route.ts';
import { openMonthlyReportFile } from './monthly-report-staff.service.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createMonthlyReportDownloadHandler(services: AppServices): RequestHandler {
  return async (request, response, next) => {
    const refuse = (status: number, error: string, message: string) => response.status(status).json({ error, message });
    try {
      const id = String(request.params.id);
      const format = String(request.params.format);
      if (!UUID.test(id) || (format !== 'pdf' && format !== 'xlsx')) return void refuse(404, 'NOT_FOUND', 'No such report.');
      const header = request.get('authorization') ?? '';
      const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
      const session = token ? await findStaffSession(services.db.prisma, token) : null;
      if (!session) return void refuse(401, 'UNAUTHENTICATED', 'Sign in to the staff console first.');
      let file: Awaited<ReturnType<typeof openMonthlyReportFile>>;
      try {
        file = await openMonthlyReportFile({ db: services.db, storage: services.evidenceStorage }, toStaffViewer(session), id.toLowerCase(), format);
      } catch (error) {
        if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return void refuse(404, 'NOT_FOUND', 'No such report.');
        throw error;
      }
      response.set({
        'content-type': file.contentType,
        'content-disposition': contentDisposition(file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        'content-security-policy': "default-src 'none'; sandbox",
        ...(file.size !== null ? { 'content-length': String(file.size) } : {}),
        ...(file.sha256 ? { 'x-report-sha256': file.sha256 } : {}),
      });
      const body = file.body as Readable;
      body.on('error', (error) => {
        services.logger.error({ err: error }, 'monthly report download failed');
        response.destroy();
      });
      body.pipe(response);
    } catch (error) {
      next(error);
    }
  };
}
