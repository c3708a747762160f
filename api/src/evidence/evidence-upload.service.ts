/**
 * Evidence goes to storage through short-lived upload URLs, never through GraphQL: the
 * API issues a one-time token for one file of a case type (its size limit fixed then),
 * the client PUTs the bytes to it, the content is checked and hashed, and the report or
 * message later references the stored file by id. Downloads come with the staff console.
 *
 * Each database step is one parameterised SQL statement through `db.sql`, not Prisma: this
 * is the hot path of every submission (ADR 0007). Each runs in the agency's scope. Timestamps are passed as UTC ISO text and
 * cast to `timestamp`, which is how Prisma stores DateTime.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../db.ts';
import { queryInScope } from '../auth/data-scope.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import type { Locale } from '../i18n/locale.ts';
import { inputError } from '../errors.ts';
import { reportMessage } from '../cases/report-messages.ts';
import { EVIDENCE_CONTENT_TYPES } from './content-types.ts';
import { EvidenceRejectedError, type EvidenceStorage } from './evidence-storage.ts';
import { sanitizeFileName } from './file-name.ts';
import { evidenceContext } from './evidence-crypto.ts';
import type { IdentityVault } from '../identity/identity-vault.service.ts';

export const UPLOAD_URL_MINUTES = 15;
/** The name of a confidential type's file until it is attached (then `bukti-<n>.<ext>`). */
export const NEUTRAL_FILE_NAME = 'bukti';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createEvidenceUpload(db: Database, request: { tenant: TenantConfig; locale: Locale }, input: { caseTypeKey: string; fileName: string }) {
  const caseType = request.tenant.caseTypes.find((item) => item.key === input.caseTypeKey);
  if (!caseType) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('unknownCaseType', request.locale) }], request.locale);
  if (caseType.evidenceMaxFiles === 0)
    throw inputError([{ path: ['caseTypeKey'], message: reportMessage('tooManyFiles', request.locale, { max: 0 }) }], request.locale);
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + UPLOAD_URL_MINUTES * 60_000);
  await queryInScope(
    db.sql,
    { tenantIds: [request.tenant.id] },
    `INSERT INTO evidence (id, tenant_id, case_type_id, status, upload_token_hash, upload_expires_at, max_bytes, file_name, storage_key, created_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, 'PENDING', $4, $5::timestamp, $6, $7, $8, $9::timestamp)`,
    [
      id,
      request.tenant.id,
      caseType.id,
      hashToken(token),
      expiresAt.toISOString(),
      caseType.evidenceMaxFileBytes,
      // Confidential types keep no name of the reporter's: a file name often says who took it.
      caseType.confidential ? NEUTRAL_FILE_NAME : sanitizeFileName(input.fileName.slice(0, 500), 'application/octet-stream'),
      `${request.tenant.id}/${id}`,
      now.toISOString(),
    ],
  );
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
  | { status: 400 | 404 | 409 | 413 | 415 | 422; body: { error: string; message: string } };

const REJECTION_STATUS = { TOO_LARGE: 413, EMPTY: 400, TYPE_NOT_ALLOWED: 415, CONTENT_REFUSED: 422 } as const;
/** The error code in the answer: a refused content is bad input like any other (the reason says which). */
const REJECTION_CODE = { TOO_LARGE: 'TOO_LARGE', EMPTY: 'EMPTY', TYPE_NOT_ALLOWED: 'TYPE_NOT_ALLOWED', CONTENT_REFUSED: 'BAD_USER_INPUT' } as const;

interface ClaimRow {
  id: string;
  claimed: boolean;
  storage_key: string;
  max_bytes: number;
  file_name: string;
}

/**
 * Finds the upload by its token and claims it in the same statement: the token is cleared,
 * so the link works once. `claimed` is false when the link exists but was used by a PUT
 * racing this one (the UPDATE re-checks the token after waiting for that PUT's row lock).
 */
const CLAIM_UPLOAD = `
  WITH found AS (
    SELECT id FROM evidence
    WHERE upload_token_hash = $1 AND tenant_id = $2::uuid AND upload_expires_at > $3::timestamp
  ),
  claimed AS (
    UPDATE evidence SET upload_token_hash = NULL
    WHERE id = (SELECT id FROM found) AND upload_token_hash = $1 AND status = 'PENDING'
    RETURNING id, storage_key, max_bytes, file_name
  )
  SELECT found.id, claimed.id IS NOT NULL AS claimed, claimed.storage_key, claimed.max_bytes, claimed.file_name
  FROM found LEFT JOIN claimed ON claimed.id = found.id`;

/** Receives the bytes of a PUT to an upload URL. */
export async function receiveEvidenceUpload(
  deps: { db: Database; storage: EvidenceStorage; vault: IdentityVault },
  request: { tenantId: string; token: string; body: NodeJS.ReadableStream },
): Promise<UploadOutcome> {
  const scope = { tenantIds: [request.tenantId] };
  const [evidence] = await queryInScope<ClaimRow>(deps.db.sql, scope, CLAIM_UPLOAD, [hashToken(request.token), request.tenantId, new Date().toISOString()]);
  if (!evidence) {
    return { status: 404, body: { error: 'NOT_FOUND', message: 'This upload link does not exist or has expired. Ask for a new one.' } };
  }
  if (!evidence.claimed) return { status: 409, body: { error: 'CONFLICT', message: 'This upload link was already used.' } };
  try {
    // Encrypted at rest with the tenant's key, bound to this record (evidence-crypto.ts).
    const context = evidenceContext(request.tenantId, evidence.id);
    const sealing = { key: await deps.vault.evidenceKey(deps.db.prisma, request.tenantId), context };
    const stored = await deps.storage.put(evidence.storage_key, request.body, { maxBytes: evidence.max_bytes, sealing });
    const fileName = sanitizeFileName(evidence.file_name, stored.contentType);
    const updated = await queryInScope(
      deps.db.sql,
      scope,
      `UPDATE evidence SET status = 'STORED', file_name = $2, content_type = $3, size = $4, sha256 = $5, stored_at = $6::timestamp, encrypted_for = $7
       WHERE id = $1::uuid AND status = 'PENDING' RETURNING id`,
      [evidence.id, fileName, stored.contentType, stored.size, stored.sha256, new Date().toISOString(), context],
    );
    if (updated.length === 0) {
      // The cleanup job took the link while the bytes were arriving: keep nothing.
      await deps.storage.delete(evidence.storage_key);
      return { status: 404, body: { error: 'NOT_FOUND', message: 'This upload link does not exist or has expired. Ask for a new one.' } };
    }
    return { status: 201, body: { evidenceId: evidence.id, fileName, size: stored.size, contentType: stored.contentType, sha256: stored.sha256 } };
  } catch (error) {
    await queryInScope(deps.db.sql, scope, 'DELETE FROM evidence WHERE id = $1::uuid', [evidence.id]).catch(() => {});
    if (error instanceof EvidenceRejectedError) {
      return { status: REJECTION_STATUS[error.reason], body: { error: REJECTION_CODE[error.reason], message: error.message } };
    }
    throw error;
  }
}
