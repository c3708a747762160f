/**
 * Passwords and session tokens for every kind of account (reporters' pseudonyms, staff):
 * argon2id hashes, a constant-time answer for unknown accounts, the lockout rule, and
 * random bearer tokens stored only as SHA-256 hashes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id, OWASP's second recommended setting (19 MiB, 2 passes). */
const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** Compared against when the account is unknown, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

/** Spends the time a real check would, for an account that does not exist. */
export async function verifyAgainstNobody(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password', PASSWORD_HASH_OPTIONS);
  await verify(await dummyHash, password);
}

/** The account columns to write after a wrong password: count it, or lock the account. */
export function failedLoginUpdate(failedLogins: number, now = Date.now()): { failedLogins: number; lockedUntil?: Date } {
  const next = failedLogins + 1;
  return next >= MAX_FAILED_LOGINS ? { failedLogins: 0, lockedUntil: new Date(now + LOCK_MINUTES * 60_000) } : { failedLogins: next };
}

export function lockedFor(lockedUntil: Date | null, now = Date.now()): number | null {
  return lockedUntil && lockedUntil.getTime() > now ? Math.ceil((lockedUntil.getTime() - now) / 1000) : null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}
