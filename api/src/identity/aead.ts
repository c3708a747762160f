/**
 * The primitives every identity envelope is built from: AES-256-GCM with a random 96-bit
 * IV and a 128-bit tag, strict base64url, and one error type.
 *
 * Why GCM with random IVs: every key here encrypts few messages (a data key encrypts one
 * identity, a wrapping key wraps one data key, a tenant key encrypts at most millions of
 * values), far below the 2^32 messages per key at which random 96-bit IVs become a
 * collision risk. Why strict base64url: envelopes live in jsonb columns that operators
 * and a compromised server can edit, so a value that is not exactly what we wrote is
 * rejected instead of being silently "repaired" by Node's lenient decoder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/**
 * Why an identity operation failed, so the caller can map it without parsing messages:
 * WRONG_SECRET (passphrase or recovery key) and WEAK_PASSPHRASE are user errors;
 * NOT_A_RECIPIENT means this custodian was never given the identity; DECRYPTION_FAILED
 * means a wrong key, a wrong context (AAD) or a tampered envelope, which look the same
 * by design; INVALID_INPUT is a malformed key or envelope (a bug or a corrupted row);
 * MASTER_KEY is a deployment error in the master key configuration.
 */
export type IdentityCryptoErrorReason = 'WRONG_SECRET' | 'WEAK_PASSPHRASE' | 'NOT_A_RECIPIENT' | 'DECRYPTION_FAILED' | 'INVALID_INPUT' | 'MASTER_KEY';

/** Messages never contain key material, plaintext or secrets, so they are safe to log. */
export class IdentityCryptoError extends Error {
  readonly reason: IdentityCryptoErrorReason;
  constructor(reason: IdentityCryptoErrorReason, message: string) {
    super(message);
    this.name = 'IdentityCryptoError';
    this.reason = reason;
  }
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function encodeBase64Url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Decodes unpadded base64url and, when `expectedBytes` is given, checks the length.
 * Rejects anything that would not round-trip (stray characters, non-canonical tails).
 */
export function decodeBase64Url(value: string, what: string, expectedBytes?: number): Buffer {
  if (typeof value !== 'string' || !BASE64URL.test(value) || value.length % 4 === 1) {
    throw new IdentityCryptoError('INVALID_INPUT', `${what} is not base64url`);
  }
  const bytes = Buffer.from(value, 'base64url');
  if (bytes.toString('base64url') !== value) {
    throw new IdentityCryptoError('INVALID_INPUT', `${what} is not canonical base64url`);
  }
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) {
    throw new IdentityCryptoError('INVALID_INPUT', `${what} must be ${expectedBytes} bytes`);
  }
  return bytes;
}

/** An AAD is mandatory: a ciphertext without context could be moved to another record. */
export function requireAad(aad: string): Buffer {
  if (typeof aad !== 'string' || aad.length === 0) {
    throw new IdentityCryptoError('INVALID_INPUT', 'an AAD (the record the ciphertext belongs to) is required');
  }
  return Buffer.from(aad, 'utf8');
}

export function requireKey(key: Buffer, what: string): Buffer {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new IdentityCryptoError('INVALID_INPUT', `${what} must be ${KEY_BYTES} bytes`);
  }
  return key;
}

export interface AesGcmParts {
  iv: string;
  ciphertext: string;
  tag: string;
}

export function encryptAesGcm(key: Buffer, plaintext: Uint8Array, aad: Buffer): AesGcmParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', requireKey(key, 'the AES key'), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: encodeBase64Url(iv), ciphertext: encodeBase64Url(ciphertext), tag: encodeBase64Url(cipher.getAuthTag()) };
}

/**
 * Returns null when the tag does not verify (wrong key, wrong AAD, tampered bytes), so
 * each caller throws the message that fits its use; malformed parts throw INVALID_INPUT.
 */
export function decryptAesGcm(key: Buffer, parts: AesGcmParts, aad: Buffer, expectedPlaintextBytes?: number): Buffer | null {
  const iv = decodeBase64Url(parts.iv, 'iv', IV_BYTES);
  const tag = decodeBase64Url(parts.tag, 'tag', TAG_BYTES);
  const ciphertext = decodeBase64Url(parts.ciphertext, 'ciphertext', expectedPlaintextBytes);
  const decipher = createDecipheriv('aes-256-gcm', requireKey(key, 'the AES key'), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  const plaintext = decipher.update(ciphertext);
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    // Unauthenticated output must never escape, not even partially.
    plaintext.fill(0);
    return null;
  }
}

export function toBytes(plaintext: string | Buffer): Buffer {
  if (typeof plaintext === 'string') return Buffer.from(plaintext, 'utf8');
  if (Buffer.isBuffer(plaintext)) return plaintext;
  throw new IdentityCryptoError('INVALID_INPUT', 'the plaintext must be a string or a Buffer');
}

/** Turns a zod failure into INVALID_INPUT naming the fields, never their values. */
export function describeIssues(what: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): IdentityCryptoError {
  const fields = issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  return new IdentityCryptoError('INVALID_INPUT', `malformed ${what}: ${fields.join('; ')}`);
}
