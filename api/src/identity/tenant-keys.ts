/**
 * Envelope encryption for identities that handling staff may see (case types that are
 * not confidential): each tenant has a random 256-bit data key, stored only wrapped by
 * the platform master key (master-key.ts), and values are encrypted under the tenant key.
 *
 * Threat model. A database dump or backup alone reveals nothing: the master key lives
 * outside the database (environment or key file). A compromised server can read these
 * identities, by design, since it shows them to staff; that is the difference from the
 * sealed identities in sealed-box.ts. Per-tenant keys keep one tenant's data unreadable
 * with another tenant's key, allow a tenant's data to be crypto-shredded by deleting its
 * wrapped key, and make rotating the master key a re-wrap of one small row per tenant
 * (rewrapTenantKey) rather than a re-encryption of every value.
 *
 * AADs: the tenant key is wrapped with AAD `aduan/identity/tenant-key/v1|tenant:<id>`, so
 * a wrapped key copied to another tenant's row fails to unwrap; values use the caller's
 * AAD verbatim (e.g. `tenant:<id>|case:<id>|identity`), so a value moved to another
 * record fails to decrypt.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  decodeBase64Url,
  decryptAesGcm,
  describeIssues,
  encryptAesGcm,
  IdentityCryptoError,
  IV_BYTES,
  KEY_BYTES,
  requireAad,
  requireKey,
  TAG_BYTES,
  toBytes,
} from './aead.ts';

export interface EncryptedValue {
  v: 1;
  alg: 'A256GCM';
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface WrappedTenantKey {
  v: 1;
  alg: 'A256GCM-KW';
  iv: string;
  wrappedKey: string;
  tag: string;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');

/** Validates a value read back from a jsonb column before it is trusted. */
export const encryptedValueSchema: z.ZodType<EncryptedValue> = z.strictObject({
  v: z.literal(1),
  alg: z.literal('A256GCM'),
  iv: base64url,
  ciphertext: base64url,
  tag: base64url,
});

export const wrappedTenantKeySchema: z.ZodType<WrappedTenantKey> = z.strictObject({
  v: z.literal(1),
  alg: z.literal('A256GCM-KW'),
  iv: base64url,
  wrappedKey: base64url,
  tag: base64url,
});

/** A fresh tenant data key, returned only wrapped: unwrap it when needed. */
export function createWrappedTenantKey(masterKey: Buffer, tenantId: string): WrappedTenantKey {
  const tenantKey = randomBytes(KEY_BYTES);
  try {
    return wrapTenantKey(masterKey, tenantKey, tenantId);
  } finally {
    tenantKey.fill(0);
  }
}

/** Throws DECRYPTION_FAILED for a wrong master key, another tenant's row, or tampering. */
export function unwrapTenantKey(masterKey: Buffer, wrapped: WrappedTenantKey, tenantId: string): Buffer {
  const result = wrappedTenantKeySchema.safeParse(wrapped);
  if (!result.success) throw describeIssues('wrapped tenant key', result.error.issues);
  const parsed = result.data;
  checkLengths(parsed);
  const tenantKey = decryptAesGcm(
    requireKey(masterKey, 'the master key'),
    { iv: parsed.iv, ciphertext: parsed.wrappedKey, tag: parsed.tag },
    tenantKeyAad(tenantId),
    KEY_BYTES,
  );
  if (tenantKey === null) {
    throw new IdentityCryptoError(
      'DECRYPTION_FAILED',
      `cannot unwrap the key of tenant ${tenantId}: wrong master key, another tenant's key, or the row was altered`,
    );
  }
  return tenantKey;
}

/** For master key rotation: unwrap with the old master key, wrap the same tenant key with the new one. */
export function rewrapTenantKey(oldMasterKey: Buffer, newMasterKey: Buffer, wrapped: WrappedTenantKey, tenantId: string): WrappedTenantKey {
  const tenantKey = unwrapTenantKey(oldMasterKey, wrapped, tenantId);
  try {
    return wrapTenantKey(newMasterKey, tenantKey, tenantId);
  } finally {
    tenantKey.fill(0);
  }
}

export function encryptValue(key: Buffer, plaintext: string | Buffer, aad: string): EncryptedValue {
  const sealed = encryptAesGcm(requireKey(key, 'the tenant key'), toBytes(plaintext), requireAad(aad));
  return { v: 1, alg: 'A256GCM', ...sealed };
}

/** Throws DECRYPTION_FAILED for a wrong key, a value moved to another record (AAD), or tampering. */
export function decryptValue(key: Buffer, value: EncryptedValue, aad: string): Buffer {
  const result = encryptedValueSchema.safeParse(value);
  if (!result.success) throw describeIssues('encrypted value', result.error.issues);
  checkLengths(result.data);
  const plaintext = decryptAesGcm(requireKey(key, 'the tenant key'), result.data, requireAad(aad));
  if (plaintext === null) {
    throw new IdentityCryptoError('DECRYPTION_FAILED', 'cannot decrypt the value: wrong key, wrong context (AAD), or the value was altered');
  }
  return plaintext;
}

function wrapTenantKey(masterKey: Buffer, tenantKey: Buffer, tenantId: string): WrappedTenantKey {
  const sealed = encryptAesGcm(requireKey(masterKey, 'the master key'), tenantKey, tenantKeyAad(tenantId));
  return { v: 1, alg: 'A256GCM-KW', iv: sealed.iv, wrappedKey: sealed.ciphertext, tag: sealed.tag };
}

function tenantKeyAad(tenantId: string): Buffer {
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    throw new IdentityCryptoError('INVALID_INPUT', 'a tenant id is required to wrap or unwrap a tenant key');
  }
  return Buffer.from(`aduan/identity/tenant-key/v1|tenant:${tenantId}`, 'utf8');
}

/** A truncated IV or tag is a malformed row, not a wrong key: say so. */
function checkLengths(parts: { iv: string; tag: string }): void {
  decodeBase64Url(parts.iv, 'iv', IV_BYTES);
  decodeBase64Url(parts.tag, 'tag', TAG_BYTES);
}
