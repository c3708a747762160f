import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IdentityCryptoError } from './aead.ts';
import {
  createWrappedTenantKey,
  decryptValue,
  encryptValue,
  rewrapTenantKey,
  unwrapTenantKey,
  type EncryptedValue,
  type WrappedTenantKey,
} from './tenant-keys.ts';

const MASTER = randomBytes(32);
const AAD = 'tenant:t-1|case:c-1|identity';
const IDENTITY = JSON.stringify({ name: 'Budi Santoso', email: 'budi@example.id' });

function flipByte(value: string, index: number): string {
  const bytes = Buffer.from(value, 'base64url');
  bytes[index]! ^= 0x01;
  return bytes.toString('base64url');
}

function reasonOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IdentityCryptoError);
    return (error as IdentityCryptoError).reason;
  }
  return undefined;
}

describe('tenant keys', () => {
  it('wraps a fresh 256-bit key that unwraps for the same tenant', () => {
    const wrapped = createWrappedTenantKey(MASTER, 't-1');
    expect(wrapped).toMatchObject({ v: 1, alg: 'A256GCM-KW' });
    expect(JSON.parse(JSON.stringify(wrapped))).toEqual(wrapped);
    const key = unwrapTenantKey(MASTER, wrapped, 't-1');
    expect(key).toHaveLength(32);
    expect(unwrapTenantKey(MASTER, wrapped, 't-1')).toEqual(key);
    expect(unwrapTenantKey(MASTER, createWrappedTenantKey(MASTER, 't-1'), 't-1')).not.toEqual(key);
  });

  it('fails for another tenant id (a wrapped key copied to another tenant’s row)', () => {
    const wrapped = createWrappedTenantKey(MASTER, 't-1');
    expect(() => unwrapTenantKey(MASTER, wrapped, 't-2')).toThrow(/cannot unwrap the key of tenant t-2/);
    expect(reasonOf(() => unwrapTenantKey(MASTER, wrapped, 't-2'))).toBe('DECRYPTION_FAILED');
  });

  it('fails with a wrong master key, and refuses a master key that is not 32 bytes', () => {
    const wrapped = createWrappedTenantKey(MASTER, 't-1');
    expect(reasonOf(() => unwrapTenantKey(randomBytes(32), wrapped, 't-1'))).toBe('DECRYPTION_FAILED');
    expect(reasonOf(() => createWrappedTenantKey(randomBytes(16), 't-1'))).toBe('INVALID_INPUT');
    expect(reasonOf(() => createWrappedTenantKey(MASTER, ''))).toBe('INVALID_INPUT');
  });

  it('fails when any byte of the wrapped key, IV or tag is flipped', () => {
    const wrapped = createWrappedTenantKey(MASTER, 't-1');
    for (const field of ['wrappedKey', 'iv', 'tag'] as const) {
      const length = Buffer.from(wrapped[field], 'base64url').length;
      for (let index = 0; index < length; index++) {
        const changed: WrappedTenantKey = { ...wrapped, [field]: flipByte(wrapped[field], index) };
        expect(reasonOf(() => unwrapTenantKey(MASTER, changed, 't-1'))).toBe('DECRYPTION_FAILED');
      }
    }
  });

  it('re-wraps under a new master key for rotation, keeping the same tenant key', () => {
    const wrapped = createWrappedTenantKey(MASTER, 't-1');
    const newMaster = randomBytes(32);
    const rewrapped = rewrapTenantKey(MASTER, newMaster, wrapped, 't-1');
    expect(unwrapTenantKey(newMaster, rewrapped, 't-1')).toEqual(unwrapTenantKey(MASTER, wrapped, 't-1'));
    expect(reasonOf(() => unwrapTenantKey(MASTER, rewrapped, 't-1'))).toBe('DECRYPTION_FAILED');
  });
});

describe('encryptValue / decryptValue', () => {
  const key = unwrapTenantKey(MASTER, createWrappedTenantKey(MASTER, 't-1'), 't-1');

  it('round-trips strings and Buffers as versioned JSON envelopes', () => {
    const value = encryptValue(key, IDENTITY, AAD);
    expect(value).toMatchObject({ v: 1, alg: 'A256GCM' });
    const stored = JSON.parse(JSON.stringify(value)) as EncryptedValue;
    expect(decryptValue(key, stored, AAD).toString('utf8')).toBe(IDENTITY);
    const bytes = randomBytes(100);
    expect(decryptValue(key, encryptValue(key, bytes, AAD), AAD)).toEqual(bytes);
  });

  it('does not contain the plaintext, its base64 or its base64url, and differs every time', () => {
    const value = encryptValue(key, IDENTITY, AAD);
    const stored = JSON.stringify(value);
    for (const needle of ['Budi', 'budi@example.id', Buffer.from(IDENTITY).toString('base64'), Buffer.from(IDENTITY).toString('base64url')]) {
      expect(stored).not.toContain(needle);
    }
    expect(encryptValue(key, IDENTITY, AAD).ciphertext).not.toBe(value.ciphertext);
  });

  it('fails for another record (AAD), another tenant’s key, or a flipped byte', () => {
    const value = encryptValue(key, IDENTITY, AAD);
    expect(() => decryptValue(key, value, 'tenant:t-1|case:c-2|identity')).toThrow(/cannot decrypt the value/);
    const otherTenantKey = unwrapTenantKey(MASTER, createWrappedTenantKey(MASTER, 't-2'), 't-2');
    expect(reasonOf(() => decryptValue(otherTenantKey, value, AAD))).toBe('DECRYPTION_FAILED');
    for (const field of ['ciphertext', 'iv', 'tag'] as const) {
      const length = Buffer.from(value[field], 'base64url').length;
      for (let index = 0; index < length; index++) {
        expect(reasonOf(() => decryptValue(key, { ...value, [field]: flipByte(value[field], index) }, AAD))).toBe('DECRYPTION_FAILED');
      }
    }
  });

  it('requires an AAD and rejects malformed envelopes', () => {
    expect(() => encryptValue(key, IDENTITY, '')).toThrow(/AAD/);
    const value = encryptValue(key, IDENTITY, AAD);
    expect(reasonOf(() => decryptValue(key, { ...value, v: 2 } as unknown as EncryptedValue, AAD))).toBe('INVALID_INPUT');
    expect(reasonOf(() => decryptValue(key, { ...value, tag: value.tag.slice(0, 10) }, AAD))).toBe('INVALID_INPUT');
  });
});
