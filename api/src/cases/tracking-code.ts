/**
 * The secret a reporter uses to follow a report: 160 random bits in Crockford base32,
 * shown once as XXXX-XXXX-…; only its SHA-256 is stored (a fast hash is enough for a
 * secret of this entropy). Typing is forgiving: case, dashes, spaces, O/0 and I/L/1.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
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
