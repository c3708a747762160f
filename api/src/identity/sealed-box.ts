/**
 * Sealing a confidential reporter identity (whistleblowing, gratification, illegal levy)
 * to the public keys of the tenant's identity custodians.
 *
 * Threat model. A database dump, a backup, a read-only SQL injection or a curious
 * operator with database access sees only envelopes: opening one needs a custodian's
 * X25519 private key, which is stored only encrypted under the custodian's passphrase
 * (see custodian-keys.ts), never in plaintext and never under a server-held key. A
 * compromised server at rest cannot open old envelopes either. What this cannot stop: a
 * server that is compromised while a custodian unlocks (it sees the passphrase and the
 * opened identity), and anyone who can write to the database replacing an envelope with
 * one sealed to the same public keys (sealing needs no secret, so envelopes are
 * confidential but not authenticated as coming from the reporter).
 *
 * Construction (ECIES/HPKE-style, one fresh data key per envelope):
 * - the plaintext is encrypted once with a random 256-bit data key, AES-256-GCM, AAD = the
 *   caller's context string (e.g. `tenant:<id>|case:<id>|identity`);
 * - for each custodian a fresh ephemeral X25519 key pair is generated; the shared secret
 *   with the custodian's public key goes through HKDF-SHA256 (salt empty, info =
 *   `aduan/identity/sealed-box/v1|eph:<ephemeral public key>|rcpt:<custodian public key>`,
 *   both keys as base64url) to a 256-bit wrapping key, which encrypts the data key with
 *   AES-256-GCM, AAD = `JSON.stringify(['X25519-HKDF-SHA256+A256GCM', custodianId, context])`.
 *   Binding both public keys in the info means a tweaked ephemeral key (X25519 ignores
 *   the top bit, and accepts non-canonical encodings) still fails to open.
 *
 * Key format: a public or private key is the base64url (unpadded) of the raw 32-byte
 * X25519 key, i.e. the JWK `x` and `d` members (RFC 8037), which browsers' WebCrypto can
 * import too. Tags are stored apart from ciphertexts; WebCrypto wants them concatenated.
 */
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
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
  TAG_BYTES,
  toBytes,
} from './aead.ts';

export const SEALED_ALGORITHM = 'X25519-HKDF-SHA256+A256GCM';
const HKDF_INFO_PREFIX = 'aduan/identity/sealed-box/v1';
/** PKCS#8 DER of an X25519 private key is this fixed prefix followed by the 32 raw bytes. */
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export interface SealedRecipient {
  custodianId: string;
  ephemeralPublicKey: string;
  iv: string;
  wrappedKey: string;
  tag: string;
}

export interface SealedEnvelope {
  v: 1;
  alg: 'X25519-HKDF-SHA256+A256GCM';
  recipients: SealedRecipient[];
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface SealRecipient {
  custodianId: string;
  publicKey: string;
}

export interface X25519KeyPair {
  publicKey: string;
  privateKey: string;
}

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');

/** Validates an envelope read back from a jsonb column before it is trusted. */
export const sealedEnvelopeSchema: z.ZodType<SealedEnvelope> = z.strictObject({
  v: z.literal(1),
  alg: z.literal(SEALED_ALGORITHM),
  recipients: z
    .array(
      z.strictObject({
        custodianId: z.string().min(1),
        ephemeralPublicKey: base64url,
        iv: base64url,
        wrappedKey: base64url,
        tag: base64url,
      }),
    )
    .min(1),
  iv: base64url,
  ciphertext: base64url,
  tag: base64url,
});

export function createX25519KeyPair(): X25519KeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: exportPublicKey(publicKey), privateKey: exportPrivateKey(privateKey) };
}

/** The public key that belongs to a private key; used to check a custodian's unlocked key. */
export function getPublicKeyFromPrivateKey(privateKey: string): string {
  return exportPublicKey(createPublicKey(importPrivateKey(privateKey)));
}

/**
 * Seals `plaintext` so that each listed custodian, and nobody else, can open it. Throws
 * on an empty list (an identity nobody can open is lost) and on a repeated custodian.
 */
export function sealToRecipients(plaintext: string | Buffer, recipients: SealRecipient[], aad: string): SealedEnvelope {
  const context = requireAad(aad);
  if (!Array.isArray(recipients) || recipients.length === 0) {
    throw new IdentityCryptoError('INVALID_INPUT', 'cannot seal an identity to no custodians: nobody could ever open it');
  }
  const seen = new Set<string>();
  const publicKeys = recipients.map((recipient) => {
    if (typeof recipient.custodianId !== 'string' || recipient.custodianId.length === 0) {
      throw new IdentityCryptoError('INVALID_INPUT', 'every recipient needs a custodianId');
    }
    if (seen.has(recipient.custodianId)) {
      throw new IdentityCryptoError('INVALID_INPUT', `custodian ${recipient.custodianId} is listed twice`);
    }
    seen.add(recipient.custodianId);
    return importPublicKey(recipient.publicKey, `the public key of custodian ${recipient.custodianId}`);
  });

  const dataKey = randomBytes(KEY_BYTES);
  try {
    const content = encryptAesGcm(dataKey, toBytes(plaintext), context);
    const sealedRecipients = recipients.map((recipient, index): SealedRecipient => {
      const recipientPublicKey = publicKeys[index]!;
      const ephemeral = generateKeyPairSync('x25519');
      const ephemeralPublicKey = exportPublicKey(ephemeral.publicKey);
      const wrappingKey = deriveWrappingKey(
        ephemeral.privateKey,
        recipientPublicKey,
        ephemeralPublicKey,
        exportPublicKey(recipientPublicKey),
        `the public key of custodian ${recipient.custodianId}`,
      );
      try {
        const wrapped = encryptAesGcm(wrappingKey, dataKey, wrapAad(recipient.custodianId, aad));
        return { custodianId: recipient.custodianId, ephemeralPublicKey, iv: wrapped.iv, wrappedKey: wrapped.ciphertext, tag: wrapped.tag };
      } finally {
        wrappingKey.fill(0);
      }
    });
    return { v: 1, alg: SEALED_ALGORITHM, recipients: sealedRecipients, iv: content.iv, ciphertext: content.ciphertext, tag: content.tag };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Opens an envelope with one custodian's unlocked private key. Throws NOT_A_RECIPIENT when
 * the custodian is not listed, DECRYPTION_FAILED for a wrong key, a wrong AAD or any
 * tampering (deliberately indistinguishable), INVALID_INPUT for a malformed envelope.
 */
export function openSealed(envelope: SealedEnvelope, custodianId: string, privateKey: string, aad: string): Buffer {
  const dataKey = openDataKey(envelope, custodianId, privateKey, aad);
  try {
    const plaintext = decryptAesGcm(dataKey, envelope, requireAad(aad));
    if (plaintext === null) throw cannotOpen();
    return plaintext;
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Re-seals to a new set of custodians (one added, one removed, keys rotated): the opener
 * opens with their key and the identity is sealed afresh, with a new data key, so a
 * removed custodian who kept an old copy of the row learns nothing from the new one.
 * The opener need not be in the new set.
 */
export function resealToRecipients(
  envelope: SealedEnvelope,
  opener: { custodianId: string; privateKey: string },
  recipients: SealRecipient[],
  aad: string,
): SealedEnvelope {
  const plaintext = openSealed(envelope, opener.custodianId, opener.privateKey, aad);
  try {
    return sealToRecipients(plaintext, recipients, aad);
  } finally {
    plaintext.fill(0);
  }
}

/** Lists who can open an envelope, without opening it (for audits and re-seal planning). */
export function listSealedCustodianIds(envelope: SealedEnvelope): string[] {
  return parseEnvelope(envelope).recipients.map((recipient) => recipient.custodianId);
}

function openDataKey(envelope: SealedEnvelope, custodianId: string, privateKey: string, aad: string): Buffer {
  const parsed = parseEnvelope(envelope);
  requireAad(aad);
  const recipient = parsed.recipients.find((candidate) => candidate.custodianId === custodianId);
  if (!recipient) {
    throw new IdentityCryptoError('NOT_A_RECIPIENT', `custodian ${custodianId} is not a recipient of this sealed identity`);
  }
  const ownPrivateKey = importPrivateKey(privateKey);
  const ownPublicKey = exportPublicKey(createPublicKey(ownPrivateKey));
  const ephemeralPublicKey = importPublicKey(recipient.ephemeralPublicKey, 'the ephemeral public key');
  const wrappingKey = deriveWrappingKey(ownPrivateKey, ephemeralPublicKey, recipient.ephemeralPublicKey, ownPublicKey, null);
  try {
    const dataKey = decryptAesGcm(
      wrappingKey,
      { iv: recipient.iv, ciphertext: recipient.wrappedKey, tag: recipient.tag },
      wrapAad(custodianId, aad),
      KEY_BYTES,
    );
    if (dataKey === null) throw cannotOpen();
    return dataKey;
  } finally {
    wrappingKey.fill(0);
  }
}

function parseEnvelope(envelope: SealedEnvelope): SealedEnvelope {
  const result = sealedEnvelopeSchema.safeParse(envelope);
  if (!result.success) throw describeIssues('sealed identity envelope', result.error.issues);
  // Lengths are checked here, once, so a truncated IV reads as malformed, not as a wrong key.
  decodeBase64Url(result.data.iv, 'iv', IV_BYTES);
  decodeBase64Url(result.data.tag, 'tag', TAG_BYTES);
  return result.data;
}

/**
 * The HKDF info always names the keys in the order (ephemeral, recipient), whichever
 * side computes it, so sealer and opener derive the same wrapping key. `sealingTo` names
 * the recipient when sealing (a bad public key is the caller's error), null when opening.
 */
function deriveWrappingKey(
  privateKey: KeyObject,
  publicKey: KeyObject,
  ephemeralPublicKey: string,
  recipientPublicKey: string,
  sealingTo: string | null,
): Buffer {
  let sharedSecret: Buffer;
  try {
    sharedSecret = diffieHellman({ privateKey, publicKey });
  } catch {
    // OpenSSL refuses low-order points (an all-zero shared secret).
    if (sealingTo) throw new IdentityCryptoError('INVALID_INPUT', `${sealingTo} is not a usable X25519 key`);
    throw cannotOpen();
  }
  try {
    const info = Buffer.from(`${HKDF_INFO_PREFIX}|eph:${ephemeralPublicKey}|rcpt:${recipientPublicKey}`, 'utf8');
    return Buffer.from(hkdfSync('sha256', sharedSecret, Buffer.alloc(0), info, KEY_BYTES));
  } finally {
    sharedSecret.fill(0);
  }
}

/** JSON, not a joined string, so no custodian id and context pair can read as another. */
function wrapAad(custodianId: string, aad: string): Buffer {
  return Buffer.from(JSON.stringify([SEALED_ALGORITHM, custodianId, aad]), 'utf8');
}

function cannotOpen(): IdentityCryptoError {
  return new IdentityCryptoError('DECRYPTION_FAILED', 'cannot open the sealed identity: wrong private key, wrong context (AAD), or the envelope was altered');
}

function importPublicKey(publicKey: string, what: string): KeyObject {
  decodeBase64Url(publicKey, what, KEY_BYTES);
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: publicKey }, format: 'jwk' });
}

function importPrivateKey(privateKey: string): KeyObject {
  const raw = decodeBase64Url(privateKey, 'the private key', KEY_BYTES);
  const der = Buffer.concat([X25519_PKCS8_PREFIX, raw]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    raw.fill(0);
    der.fill(0);
  }
}

function exportPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new IdentityCryptoError('INVALID_INPUT', 'not an X25519 public key');
  return jwk.x;
}

function exportPrivateKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.d !== 'string') throw new IdentityCryptoError('INVALID_INPUT', 'not an X25519 private key');
  return jwk.d;
}
