import { describe, expect, it } from 'vitest';
import { IdentityCryptoError } from './aead.ts';
import {
  assertPassphraseStrength,
  assertPrivateKeyMatches,
  changeCustodianPassphrase,
  createCustodianKeys,
  createRecoveryKey,
  DEFAULT_ARGON2_PARAMETERS,
  unlockCustodianKey,
  type EncryptedPrivateKey,
} from './custodian-keys.ts';
import { createX25519KeyPair, openSealed, sealToRecipients } from './sealed-box.ts';

// Cheap parameters keep the suite fast; production uses DEFAULT_ARGON2_PARAMETERS.
const FAST = { argon2: { memoryCost: 256, timeCost: 1, parallelism: 1 } };
const PASSPHRASE = 'kopi tubruk di pagi hari';
const AAD = 'tenant:t-1|case:c-1|identity';

async function expectWrongSecret(promise: Promise<unknown>): Promise<void> {
  const error: unknown = await promise.then(
    () => expect.fail('expected the unlock to fail'),
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(Error);
  expect(error).toBeInstanceOf(IdentityCryptoError);
  expect((error as Error).message).toBe('wrong passphrase or recovery key');
  expect((error as IdentityCryptoError).reason).toBe('WRONG_SECRET');
}

describe('createCustodianKeys / unlockCustodianKey', () => {
  it('unlocks with the passphrase to the private key of the public key, which opens sealed identities', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const privateKey = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    expect(privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => assertPrivateKeyMatches(privateKey, material.publicKey)).not.toThrow();
    const envelope = sealToRecipients('Siti', [{ custodianId: 'c1', publicKey: material.publicKey }], AAD);
    expect(openSealed(envelope, 'c1', privateKey, AAD).toString()).toBe('Siti');
  });

  it('stores versioned, JSON-serialisable copies with their KDF parameters and no plaintext key', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const privateKey = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    for (const copy of [material.encryptedPrivateKey, material.recoveryEncryptedPrivateKey]) {
      expect(copy).toMatchObject({ v: 1, kdf: 'argon2id', ...FAST.argon2 });
      expect(JSON.parse(JSON.stringify(copy))).toEqual(copy);
      expect(Buffer.from(copy.salt, 'base64url')).toHaveLength(16);
      expect(JSON.stringify(copy)).not.toContain(privateKey);
    }
    expect(material.encryptedPrivateKey.salt).not.toBe(material.recoveryEncryptedPrivateKey.salt);
  });

  it('issues a 160-bit recovery key in groups of Crockford base32', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    expect(material.recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);
    const other = await createCustodianKeys(PASSPHRASE, FAST);
    expect(other.recoveryKey).not.toBe(material.recoveryKey);
  });

  it('unlocks the recovery copy with the recovery key as printed, lower case, without dashes, or with spaces', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const expected = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    const printed = material.recoveryKey;
    const variants = [printed, printed.toLowerCase(), printed.replace(/-/g, ''), printed.replace(/-/g, '').toLowerCase(), ` ${printed.replace(/-/g, ' ')} `];
    for (const typed of variants) {
      expect(await unlockCustodianKey(material.recoveryEncryptedPrivateKey, typed)).toBe(expected);
    }
  });

  it('fails with exactly "wrong passphrase or recovery key" for a wrong secret or the wrong copy', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    await expectWrongSecret(unlockCustodianKey(material.encryptedPrivateKey, 'kopi tubruk di pagi hari!'));
    await expectWrongSecret(unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE.toUpperCase()));
    await expectWrongSecret(unlockCustodianKey(material.encryptedPrivateKey, ''));
    await expectWrongSecret(unlockCustodianKey(material.encryptedPrivateKey, material.recoveryKey));
    await expectWrongSecret(unlockCustodianKey(material.recoveryEncryptedPrivateKey, PASSPHRASE));
    const other = await createCustodianKeys(PASSPHRASE, FAST);
    await expectWrongSecret(unlockCustodianKey(material.recoveryEncryptedPrivateKey, other.recoveryKey));
  });

  it('fails as a wrong secret when the stored copy was tampered with', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const copy = material.encryptedPrivateKey;
    const flip = (value: string) => {
      const bytes = Buffer.from(value, 'base64url');
      bytes[0]! ^= 1;
      return bytes.toString('base64url');
    };
    for (const field of ['salt', 'iv', 'ciphertext', 'tag'] as const) {
      await expectWrongSecret(unlockCustodianKey({ ...copy, [field]: flip(copy[field]) }, PASSPHRASE));
    }
    await expectWrongSecret(unlockCustodianKey({ ...copy, timeCost: copy.timeCost + 1 }, PASSPHRASE));
  });

  it('refuses stored parameters that would exhaust the server, without running the KDF', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const huge: EncryptedPrivateKey = { ...material.encryptedPrivateKey, memoryCost: 100 * 1024 * 1024 };
    await expect(unlockCustodianKey(huge, PASSPHRASE)).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
    const malformed = { ...material.encryptedPrivateKey, kdf: 'scrypt' } as unknown as EncryptedPrivateKey;
    await expect(unlockCustodianKey(malformed, PASSPHRASE)).rejects.toMatchObject({ reason: 'INVALID_INPUT' });
  });

  it('treats a passphrase the same in any Unicode normal form', async () => {
    const composed = 'kafé di ujung jalan';
    const material = await createCustodianKeys(composed, FAST);
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    await expect(unlockCustodianKey(material.encryptedPrivateKey, decomposed)).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('uses the strong defaults when no options are given', async () => {
    expect(DEFAULT_ARGON2_PARAMETERS).toEqual({ memoryCost: 65536, timeCost: 3, parallelism: 1 });
    const material = await createCustodianKeys(PASSPHRASE);
    expect(material.encryptedPrivateKey).toMatchObject({ kdf: 'argon2id', ...DEFAULT_ARGON2_PARAMETERS });
    expect(material.recoveryEncryptedPrivateKey).toMatchObject(DEFAULT_ARGON2_PARAMETERS);
  });
});

describe('changeCustodianPassphrase', () => {
  it('re-encrypts the same private key under the new passphrase; the old one stops working', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const before = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    const changed = await changeCustodianPassphrase(material.encryptedPrivateKey, PASSPHRASE, 'sate ayam pakai lontong', FAST);
    expect(await unlockCustodianKey(changed, 'sate ayam pakai lontong')).toBe(before);
    await expectWrongSecret(unlockCustodianKey(changed, PASSPHRASE));
    expect(changed.salt).not.toBe(material.encryptedPrivateKey.salt);
  });

  it('accepts the recovery key as the old secret (forgotten passphrase)', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const before = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    const changed = await changeCustodianPassphrase(
      material.recoveryEncryptedPrivateKey,
      material.recoveryKey.toLowerCase().replace(/-/g, ''),
      'sate ayam pakai lontong',
      FAST,
    );
    expect(await unlockCustodianKey(changed, 'sate ayam pakai lontong')).toBe(before);
  });

  it('refuses a wrong old passphrase and a weak new one', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    await expectWrongSecret(changeCustodianPassphrase(material.encryptedPrivateKey, 'not the passphrase', 'sate ayam pakai lontong', FAST));
    await expect(changeCustodianPassphrase(material.encryptedPrivateKey, PASSPHRASE, 'short', FAST)).rejects.toMatchObject({
      reason: 'WEAK_PASSPHRASE',
    });
  });
});

describe('createRecoveryKey', () => {
  it('replaces the recovery key: the new one unlocks the same private key', async () => {
    const material = await createCustodianKeys(PASSPHRASE, FAST);
    const before = await unlockCustodianKey(material.encryptedPrivateKey, PASSPHRASE);
    const fresh = await createRecoveryKey(material.encryptedPrivateKey, PASSPHRASE, FAST);
    expect(fresh.recoveryKey).not.toBe(material.recoveryKey);
    expect(await unlockCustodianKey(fresh.recoveryEncryptedPrivateKey, fresh.recoveryKey)).toBe(before);
    await expectWrongSecret(unlockCustodianKey(fresh.recoveryEncryptedPrivateKey, material.recoveryKey));
  });
});

describe('assertPassphraseStrength', () => {
  it('refuses passphrases under 12 characters with a clear message', () => {
    for (const weak of ['', 'short', '12345678901', '   abc   defg   '.slice(0, 11), '           x']) {
      expect(() => assertPassphraseStrength(weak)).toThrow(/at least 12 characters/);
    }
    expect(() => assertPassphraseStrength('x'.repeat(2000))).toThrow(/at most/);
  });

  it('accepts 12 characters and more', () => {
    expect(() => assertPassphraseStrength('123456789012')).not.toThrow();
    expect(() => assertPassphraseStrength(PASSPHRASE)).not.toThrow();
  });

  it('is enforced when creating keys', async () => {
    await expect(createCustodianKeys('too short', FAST)).rejects.toMatchObject({ reason: 'WEAK_PASSPHRASE' });
  });
});

describe('assertPrivateKeyMatches', () => {
  it('catches a private key that is not the custodian’s', () => {
    const mine = createX25519KeyPair();
    const theirs = createX25519KeyPair();
    expect(() => assertPrivateKeyMatches(theirs.privateKey, mine.publicKey)).toThrow(/does not belong/);
  });
});
