/** The HTTP end of an upload link: `PUT /t/<slug>/evidence-uploads/<token>` with the raw bytes. */
import type { RequestHandler } from 'express';
import type { AppServices } from '../context.ts';
import { isAppError } from '../errors.ts';
import { receiveEvidenceUpload } from './evidence-upload.service.ts';

export function createEvidenceUploadHandler(services: AppServices): RequestHandler {
  return async (request, response, next) => {
    try {
      const tenant = await services.directory.findBySlug(String(request.params.slug));
      if (!tenant) {
        response.status(404).json({ error: 'TENANT_NOT_FOUND', message: 'Tenant not found.' });
        return;
      }
      await services.rateLimits.consume('upload', `ip:${request.ip}`);
      const outcome = await receiveEvidenceUpload(
        { db: services.db, storage: services.evidenceStorage, vault: services.vault },
        { tenantId: tenant.id, token: String(request.params.token), body: request },
      );
      // A refused upload may leave unread bytes: close the connection rather than read them.
      if (outcome.status !== 201) response.set('connection', 'close');
      response.status(outcome.status).json(outcome.body);
    } catch (error) {
      if (isAppError(error) && error.code === 'RATE_LIMITED') {
        response.status(429).set('connection', 'close').json({ error: 'RATE_LIMITED', message: error.message });
        return;
      }
      next(error);
    }
  };
}
