/**
 * Evidence goes to storage through short-lived upload URLs, never through GraphQL: the
 * API issues a one-time token for one file of a case type (its size limit fixed then),
 * the client PUTs the bytes to it, the content is checked and hashed, and the report or
 * message later references the stored file by id. Downloads come with the staff console.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import type { Locale } from '../i18n/locale.ts';
import { inputError } from '../cases/report-submission.service.ts';
import { reportMessage } from '../cases/report-messages.ts';
import { EVIDENCE_CONTENT_TYPES } from './content-types.ts';
import { EvidenceRejectedError, type EvidenceStorage } from './evidence-storage.ts';
import { sanitizeFileName } from './file-name.ts';

export const UPLOAD_URL_MINUTES = 15;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createEvidenceUpload(
  prisma: PrismaClient,
  request: { tenant: TenantConfig; locale: Locale },
  input: { caseTypeKey: string; fileName: string },
) {
  const caseType = request.tenant.caseTypes.find((item) => item.key === input.caseTypeKey);
  if (!caseType) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('unknownCaseType', request.locale) }], request.locale);
  if (caseType.evidenceMaxFiles === 0) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('tooManyFiles', request.locale, { max: 0 }) }], request.locale);
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + UPLOAD_URL_MINUTES * 60_000);
  await prisma.evidence.create({
    data: {
      id,
      tenantId: request.tenant.id,
      caseTypeId: caseType.id,
      status: 'PENDING',
      uploadTokenHash: hashToken(token),
      uploadExpiresAt: expiresAt,
      maxBytes: caseType.evidenceMaxFileBytes,
      fileName: sanitizeFileName(input.fileName.slice(0, 500), 'application/octet-stream'),
      storageKey: `${request.tenant.id}/${id}`,
    },
  });
  return {
    evidenceId: id,
    uploadPath: `/t/${request.tenant.slug}/evidence-uploads/${token}`,
    expiresAt,
    maxBytes: caseType.evidenceMaxFileBytes,
    allowedContentTypes: EVIDENCE_CONTENT_TYPES,
  };
}

export type UploadOutcome =
  | { status: 201; body: { evidenceId: string; fileName: string; size: number; contentType: string; sha256: string } }
  | { status: 400 | 404 | 409 | 413 | 415; body: { error: string; message: string } };

const REJECTION_STATUS = { TOO_LARGE: 413, EMPTY: 400, TYPE_NOT_ALLOWED: 415 } as const;

/** Receives the bytes of a PUT to an upload URL. */
export async function receiveEvidenceUpload(
  deps: { prisma: PrismaClient; storage: EvidenceStorage },
  request: { tenantId: string; token: string; body: NodeJS.ReadableStream },
): Promise<UploadOutcome> {
  const evidence = await deps.prisma.evidence.findUnique({ where: { uploadTokenHash: hashToken(request.token) } });
  if (!evidence || evidence.tenantId !== request.tenantId || evidence.uploadExpiresAt <= new Date()) {
    return { status: 404, body: { error: 'NOT_FOUND', message: 'This upload link does not exist or has expired. Ask for a new one.' } };
  }
  // Claim the upload once: a second PUT to the same link is refused.
  const claimed = await deps.prisma.evidence.updateMany({
    where: { id: evidence.id, status: 'PENDING', uploadTokenHash: evidence.uploadTokenHash },
    data: { uploadTokenHash: null },
  });
  if (claimed.count === 0) return { status: 409, body: { error: 'CONFLICT', message: 'This upload link was already used.' } };
  try {
    const stored = await deps.storage.put(evidence.storageKey, request.body, { maxBytes: evidence.maxBytes });
    const fileName = sanitizeFileName(evidence.fileName, stored.contentType);
    await deps.prisma.evidence.update({
      where: { id: evidence.id },
      data: { status: 'STORED', fileName, contentType: stored.contentType, size: stored.size, sha256: stored.sha256, storedAt: new Date() },
    });
    return { status: 201, body: { evidenceId: evidence.id, fileName, size: stored.size, contentType: stored.contentType, sha256: stored.sha256 } };
  } catch (error) {
    await deps.prisma.evidence.delete({ where: { id: evidence.id } }).catch(() => {});
    if (error instanceof EvidenceRejectedError) {
      return { status: REJECTION_STATUS[error.reason], body: { error: error.reason, message: error.message } };
    }
    throw error;
  }
}
