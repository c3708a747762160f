/**
 * Passwords and session tokens for every kind of account (reporters' pseudonyms, staff):
 * argon2id hashes, the same argon2 work for an account that does not exist (or may not be
 * tried now) as for one that does, and random bearer tokens stored only as SHA-256 hashes.
 * How often an address may try an account is the sign-in guard's (abuse/sign-in-guard.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id, OWASP's second recommended setting (19 MiB, 2 passes). */
const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The hash of a random password nobody kept, with the same settings as every account's:
 * verified against when there is no account to verify (unknown, inactive, not this
 * console's, or not to be tried from this address now), so every answer costs one argon2
 * verification. Fixed, so the first such answer is not slower than the next.
 */
const NOBODY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$f0ZbFOX2wQKSe+mo8+tGSg$QvJwhlZb0UtbDydUqpUf1DyCRSdlx++eUTdefu/sDnM';

let verifications = 0;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/**
 * Checks a password against an account's hash, or, when there is no account to check
 * (`null`), against a hash nobody can match, spending the same time. Always false then.
 */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  verifications++;
  const matches = await verify(passwordHash ?? NOBODY_HASH, password);
  return matches && passwordHash !== null;
}

/** How many argon2 verifications this process ran: every sign-in answer must cost exactly one. */
export function countPasswordVerifications(): number {
  return verifications;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}
