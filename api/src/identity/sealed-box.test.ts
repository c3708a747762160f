import { describe, expect, it } from 'vitest';
import { IdentityCryptoError } from './aead.ts';
import {
  createX25519KeyPair,
  getPublicKeyFromPrivateKey,
  listSealedCustodianIds,
  openSealed,
  resealToRecipients,
  sealToRecipients,
  type SealedEnvelope,
} from './sealed-box.ts';

const AAD = 'tenant:t-1|case:c-1|identity';
const IDENTITY = JSON.stringify({ name: 'Siti Rahmawati', nik: '3374015703900002', phone: '+62 812 3456 7890' });

function custodians(count: number) {
  return Array.from({ length: count }, (_, index) => ({ custodianId: `custodian-${index + 1}`, ...createX25519KeyPair() }));
}

function flipByte(value: string, index: number, mask = 0x01): string {
  const bytes = Buffer.from(value, 'base64url');
  bytes[index]! ^= mask;
  return bytes.toString('base64url');
}

function expectReason(run: () => unknown, reason: IdentityCryptoError['reason']): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IdentityCryptoError);
    expect((error as IdentityCryptoError).reason).toBe(reason);
    return;
  }
  expect.fail(`expected an IdentityCryptoError with reason ${reason}`);
}

describe('X25519 keys', () => {
  it('are base64url of 32 raw bytes, and the public key follows from the private key', () => {
    const pair = createX25519KeyPair();
    expect(pair.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(pair.privateKey, 'base64url')).toHaveLength(32);
    expect(getPublicKeyFromPrivateKey(pair.privateKey)).toBe(pair.publicKey);
  });
});

describe('sealToRecipients / openSealed', () => {
  it('round-trips a string and a Buffer for one recipient', () => {
    const [alice] = custodians(1);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    expect(openSealed(envelope, alice!.custodianId, alice!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
    const bytes = Buffer.from([0, 1, 2, 255]);
    expect(openSealed(sealToRecipients(bytes, [alice!], AAD), alice!.custodianId, alice!.privateKey, AAD)).toEqual(bytes);
    expect(openSealed(sealToRecipients('', [alice!], AAD), alice!.custodianId, alice!.privateKey, AAD)).toHaveLength(0);
  });

  it.each([2, 3])('lets each of %i recipients open it', (count) => {
    const list = custodians(count);
    const envelope = sealToRecipients(IDENTITY, list, AAD);
    expect(envelope.recipients).toHaveLength(count);
    expect(listSealedCustodianIds(envelope)).toEqual(list.map((custodian) => custodian.custodianId));
    for (const custodian of list) {
      expect(openSealed(envelope, custodian.custodianId, custodian.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
    }
    // One ephemeral key per recipient, never reused.
    expect(new Set(envelope.recipients.map((recipient) => recipient.ephemeralPublicKey)).size).toBe(count);
  });

  it('is a versioned, JSON-serialisable envelope that names its algorithm', () => {
    const list = custodians(2);
    const envelope = sealToRecipients(IDENTITY, list, AAD);
    expect(envelope.v).toBe(1);
    expect(envelope.alg).toBe('X25519-HKDF-SHA256+A256GCM');
    const stored = JSON.parse(JSON.stringify(envelope)) as SealedEnvelope;
    expect(stored).toEqual(envelope);
    expect(openSealed(stored, list[1]!.custodianId, list[1]!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
  });

  it('does not contain the plaintext, its base64 or its base64url', () => {
    const envelope = sealToRecipients(IDENTITY, custodians(2), AAD);
    const stored = JSON.stringify(envelope);
    for (const needle of [IDENTITY, 'Siti', '3374015703900002', Buffer.from(IDENTITY).toString('base64'), Buffer.from(IDENTITY).toString('base64url')]) {
      expect(stored).not.toContain(needle);
    }
    expect(Buffer.from(envelope.ciphertext, 'base64url').includes(Buffer.from('Siti'))).toBe(false);
  });

  it('gives a different ciphertext every time (fresh data key and IV)', () => {
    const list = custodians(1);
    const first = sealToRecipients(IDENTITY, list, AAD);
    const second = sealToRecipients(IDENTITY, list, AAD);
    expect(first.ciphertext).not.toBe(second.ciphertext);
    expect(first.iv).not.toBe(second.iv);
    expect(first.recipients[0]!.wrappedKey).not.toBe(second.recipients[0]!.wrappedKey);
  });

  it('refuses an empty recipient list and a repeated custodian', () => {
    const [alice] = custodians(1);
    expect(() => sealToRecipients(IDENTITY, [], AAD)).toThrow(/no custodians/);
    expect(() => sealToRecipients(IDENTITY, [alice!, alice!], AAD)).toThrow(/listed twice/);
  });

  it('refuses a missing AAD and a malformed or low-order public key', () => {
    const [alice] = custodians(1);
    expect(() => sealToRecipients(IDENTITY, [alice!], '')).toThrow(/AAD/);
    expectReason(() => sealToRecipients(IDENTITY, [{ custodianId: 'x', publicKey: 'not a key' }], AAD), 'INVALID_INPUT');
    expectReason(() => sealToRecipients(IDENTITY, [{ custodianId: 'x', publicKey: Buffer.alloc(31).toString('base64url') }], AAD), 'INVALID_INPUT');
    // The all-zero point yields an all-zero shared secret: OpenSSL refuses it, and so do we.
    expectReason(() => sealToRecipients(IDENTITY, [{ custodianId: 'x', publicKey: Buffer.alloc(32).toString('base64url') }], AAD), 'INVALID_INPUT');
  });

  it('tells a non-recipient it is not one', () => {
    const [alice, bob] = custodians(2);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    expect(() => openSealed(envelope, bob!.custodianId, bob!.privateKey, AAD)).toThrow(
      `custodian ${bob!.custodianId} is not a recipient of this sealed identity`,
    );
    expectReason(() => openSealed(envelope, bob!.custodianId, bob!.privateKey, AAD), 'NOT_A_RECIPIENT');
  });

  it('fails with a wrong private key, including another recipient’s key under a listed id', () => {
    const [alice, bob] = custodians(2);
    const envelope = sealToRecipients(IDENTITY, [alice!, bob!], AAD);
    expect(() => openSealed(envelope, alice!.custodianId, createX25519KeyPair().privateKey, AAD)).toThrow(/cannot open the sealed identity/);
    expectReason(() => openSealed(envelope, alice!.custodianId, bob!.privateKey, AAD), 'DECRYPTION_FAILED');
  });

  it('fails when the AAD does not match (the envelope was moved to another record)', () => {
    const [alice] = custodians(1);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    expectReason(() => openSealed(envelope, alice!.custodianId, alice!.privateKey, 'tenant:t-1|case:c-2|identity'), 'DECRYPTION_FAILED');
    expectReason(() => openSealed(envelope, alice!.custodianId, alice!.privateKey, 'tenant:t-2|case:c-1|identity'), 'DECRYPTION_FAILED');
  });

  it('fails when a recipient entry is relabelled to another custodian id', () => {
    const [alice, bob] = custodians(2);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    const relabelled: SealedEnvelope = { ...envelope, recipients: [{ ...envelope.recipients[0]!, custodianId: bob!.custodianId }] };
    expectReason(() => openSealed(relabelled, bob!.custodianId, alice!.privateKey, AAD), 'DECRYPTION_FAILED');
  });

  it('fails when any byte of the ciphertext, tag, IVs, wrapped key or ephemeral key is flipped', () => {
    const [alice, bob] = custodians(2);
    const envelope = sealToRecipients(IDENTITY, [alice!, bob!], AAD);
    const open = (changed: SealedEnvelope) => () => openSealed(changed, alice!.custodianId, alice!.privateKey, AAD);
    const topField = (field: 'ciphertext' | 'tag' | 'iv') => {
      const length = Buffer.from(envelope[field], 'base64url').length;
      for (let index = 0; index < length; index++) {
        for (const mask of [0x01, 0x80]) {
          expectReason(open({ ...envelope, [field]: flipByte(envelope[field], index, mask) }), 'DECRYPTION_FAILED');
        }
      }
    };
    const recipientField = (field: 'wrappedKey' | 'tag' | 'iv' | 'ephemeralPublicKey') => {
      const recipient = envelope.recipients[0]!;
      const length = Buffer.from(recipient[field], 'base64url').length;
      for (let index = 0; index < length; index++) {
        // 0x80 on the last byte of the ephemeral key is the bit X25519 ignores: the HKDF
        // info, which names the key as stored, is what catches it.
        for (const mask of [0x01, 0x80]) {
          const changed = { ...recipient, [field]: flipByte(recipient[field], index, mask) };
          expectReason(open({ ...envelope, recipients: [changed, envelope.recipients[1]!] }), 'DECRYPTION_FAILED');
        }
      }
    };
    topField('ciphertext');
    topField('tag');
    topField('iv');
    recipientField('wrappedKey');
    recipientField('tag');
    recipientField('iv');
    recipientField('ephemeralPublicKey');
    // The untouched envelope still opens, for both.
    expect(openSealed(envelope, bob!.custodianId, bob!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
  });

  it('rejects malformed envelopes as INVALID_INPUT, not as a wrong key', () => {
    const [alice] = custodians(1);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    const open = (changed: unknown) => () => openSealed(changed as SealedEnvelope, alice!.custodianId, alice!.privateKey, AAD);
    expectReason(open({ ...envelope, v: 2 }), 'INVALID_INPUT');
    expectReason(open({ ...envelope, alg: 'A256GCM' }), 'INVALID_INPUT');
    expectReason(open({ ...envelope, extra: true }), 'INVALID_INPUT');
    expectReason(open({ ...envelope, recipients: [] }), 'INVALID_INPUT');
    expectReason(open({ ...envelope, iv: envelope.iv.slice(0, 8) }), 'INVALID_INPUT');
    expectReason(open({ ...envelope, ciphertext: `${envelope.ciphertext}!` }), 'INVALID_INPUT');
    expectReason(() => openSealed(envelope, alice!.custodianId, 'short', AAD), 'INVALID_INPUT');
  });

  it('never puts key material or plaintext in its error messages', () => {
    const [alice] = custodians(1);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    try {
      openSealed({ ...envelope, tag: flipByte(envelope.tag, 0) }, alice!.custodianId, alice!.privateKey, AAD);
      expect.fail('should not open');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain(alice!.privateKey);
      expect(message).not.toContain('Siti');
    }
  });
});

describe('resealToRecipients', () => {
  it('moves the identity to a new custodian set: the removed one cannot open, the added one can', () => {
    const [alice, bob, carol] = custodians(3);
    const original = sealToRecipients(IDENTITY, [alice!, bob!], AAD);
    const resealed = resealToRecipients(original, alice!, [alice!, carol!], AAD);

    expect(listSealedCustodianIds(resealed)).toEqual([alice!.custodianId, carol!.custodianId]);
    expect(openSealed(resealed, carol!.custodianId, carol!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
    expect(openSealed(resealed, alice!.custodianId, alice!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
    expectReason(() => openSealed(resealed, bob!.custodianId, bob!.privateKey, AAD), 'NOT_A_RECIPIENT');
    // A fresh data key: the removed custodian's old wrapped key is useless on the new ciphertext.
    const grafted: SealedEnvelope = { ...resealed, recipients: [...resealed.recipients, original.recipients[1]!] };
    expectReason(() => openSealed(grafted, bob!.custodianId, bob!.privateKey, AAD), 'DECRYPTION_FAILED');
  });

  it('lets an opener who is leaving hand over to others', () => {
    const [alice, bob] = custodians(2);
    const resealed = resealToRecipients(sealToRecipients(IDENTITY, [alice!], AAD), alice!, [bob!], AAD);
    expect(openSealed(resealed, bob!.custodianId, bob!.privateKey, AAD).toString('utf8')).toBe(IDENTITY);
    expectReason(() => openSealed(resealed, alice!.custodianId, alice!.privateKey, AAD), 'NOT_A_RECIPIENT');
  });

  it('fails when the opener cannot open, and refuses an empty new set', () => {
    const [alice, bob] = custodians(2);
    const envelope = sealToRecipients(IDENTITY, [alice!], AAD);
    expectReason(() => resealToRecipients(envelope, bob!, [bob!], AAD), 'NOT_A_RECIPIENT');
    expectReason(() => resealToRecipients(envelope, alice!, [bob!], 'tenant:t-1|case:other|identity'), 'DECRYPTION_FAILED');
    expect(() => resealToRecipients(envelope, alice!, [], AAD)).toThrow(/no custodians/);
  });
});
