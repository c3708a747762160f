/**
 * The secret a reporter uses to follow a report: 160 random bits in Crockford base32,
 * shown once as XXXX-XXXX-…; only its SHA-256 is stored (a fast hash is enough for a
 * secret of this entropy). Typing is forgiving: case, dashes, spaces, O/0 and I/L/1.
 * Beside the hash, the case keeps the code sealed under its form's submission key, so a
 * re-sent form recovers it after a lost answer (ADR 0017).
 */
import { createHash, hkdfSync, timingSafeEqual } from 'node:crypto';
import { decryptAesGcm, encryptAesGcm } from '../identity/aead.ts';
import { createReadableSecret } from '../identity/readable-secret.ts';

export function createTrackingCode(): string {
  return createReadableSecret();
}

export function normalizeTrackingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashTrackingCode(code: string): string {
  return createHash('sha256').update(normalizeTrackingCode(code)).digest('hex');
}

/** Constant-time comparison of a typed code with a stored hash (a missing hash compares against a dummy). */
export function trackingCodeMatches(code: string, storedHash: string | null): boolean {
  const given = Buffer.from(hashTrackingCode(code), 'hex');
  const stored = Buffer.from(storedHash ?? '0'.repeat(64), 'hex');
  return timingSafeEqual(given, stored) && storedHash !== null;
}

/**
 * A form's `clientSubmissionKey` must carry at least 128 random bits: base64url text of at
 * least 16 random bytes (22 characters or more). A UUID (122 random bits, and often not
 * from a strong generator) is refused by name, as the most common mistake.
 */
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{22,128}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSubmissionKeyWellFormed(key: string): boolean {
  return SUBMISSION_KEY.test(key) && !UUID.test(key);
}

/** What the database keeps of a submission key: its SHA-256 (the key itself opens the sealed code). */
export function hashSubmissionKey(key: string): string {
  return createHash('sha256').update(`aduan/submission-key\u0000${key}`).digest('hex');
}

const SEAL_VERSION = 'v1';

function sealKey(submissionKey: string, tenantId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(submissionKey, 'utf8'), Buffer.from(tenantId, 'utf8'), 'aduan/tracking-code-seal/v1', 32));
}

/** The associated data: the case the sealed code belongs to and a digest of what was filed. */
function sealContext(caseId: string, contentDigest: string): Buffer {
  return Buffer.from(`${caseId}\u0000${contentDigest}`, 'utf8');
}

/**
 * Seals a report's tracking code under a key only the form's submission key derives
 * (HKDF-SHA256, AES-256-GCM, the case id and a digest of the filed content as associated
 * data), so that the same form sent again after a lost answer gets its code back, and
 * nobody without the submission key (an operator, a database dump) can read it.
 */
export function sealTrackingCode(code: string, context: { submissionKey: string; tenantId: string; caseId: string; contentDigest: string }): string {
  const parts = encryptAesGcm(sealKey(context.submissionKey, context.tenantId), Buffer.from(code, 'utf8'), sealContext(context.caseId, context.contentDigest));
  return [SEAL_VERSION, parts.iv, parts.ciphertext, parts.tag].join('.');
}

/** The tracking code back, or null for another key, another case, other content, or a damaged seal. */
export function openTrackingCode(sealed: string, context: { submissionKey: string; tenantId: string; caseId: string; contentDigest: string }): string | null {
  const [version, iv, ciphertext, tag, ...rest] = sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !ciphertext || !tag || rest.length > 0) return null;
  try {
    const plain = decryptAesGcm(sealKey(context.submissionKey, context.tenantId), { iv, ciphertext, tag }, sealContext(context.caseId, context.contentDigest));
    return plain ? plain.toString('utf8') : null;
  } catch {
    return null;
  }
}

/** A digest of what a report files, in a fixed order, so that a changed form does not match. */
export function digestReportContent(content: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
