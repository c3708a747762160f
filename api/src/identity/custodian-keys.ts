/**
 * Identity custodians' key pairs. The public key is stored in the clear (anyone may seal
 * to it); the private key is stored only encrypted, twice: under the custodian's
 * passphrase and under a recovery key shown once at setup.
 *
 * Threat model. A database dump or an operator gets the encrypted private keys, so the
 * passphrase is stretched with argon2id (memory-hard, to make offline guessing on GPUs
 * costly) into an AES-256-GCM key, and passphrases shorter than 12 characters are
 * refused. The recovery key carries 160 random bits, so guessing it is hopeless whatever
 * the KDF; it goes through the same KDF only so both copies share one format. The server
 * never keeps a key that opens these copies: losing both the passphrase and the recovery
 * key loses the custodian's access (other custodians can re-seal to a new key).
 *
 * Secrets are normalised before the KDF: passphrases to Unicode NFC (the same passphrase
 * typed on another keyboard or OS yields the same bytes); recovery keys to upper case
 * Crockford base32 without separators, so `abcd-efgh-…`, `ABCDEFGH…` and the printed form
 * all unlock.
 */
import { hashRaw, type Algorithm } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { createReadableSecret, READABLE_SECRET_ALPHABET } from './readable-secret.ts';
import { decodeBase64Url, decryptAesGcm, describeIssues, encodeBase64Url, encryptAesGcm, IdentityCryptoError, IV_BYTES, KEY_BYTES, TAG_BYTES } from './aead.ts';
import { createX25519KeyPair, getPublicKeyFromPrivateKey } from './sealed-box.ts';

export interface EncryptedPrivateKey {
  v: 1;
  kdf: 'argon2id';
  salt: string;
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  iv: string;
  ciphertext: string;
  tag: string;
}

export interface CustodianKeyMaterial {
  publicKey: string;
  encryptedPrivateKey: EncryptedPrivateKey;
  recoveryEncryptedPrivateKey: EncryptedPrivateKey;
  /** Show once, never store, never log. */
  recoveryKey: string;
}

export interface Argon2Parameters {
  /** KiB of memory. */
  memoryCost: number;
  /** Passes over memory. */
  timeCost: number;
  /** Lanes; 1 keeps an unlock on one core of a shared API server. */
  parallelism: number;
}

export interface CustodianKeyOptions {
  /** Only tests should lower these; production keeps the defaults. */
  argon2?: Argon2Parameters;
}

/**
 * 64 MiB and 3 passes (RFC 9106's second recommended setting, with one lane): about
 * 150 ms per unlock on one server core. Unlocks are rare (a custodian opening an
 * identity), so we spend well above OWASP's 19 MiB / 2 passes floor.
 */
export const DEFAULT_ARGON2_PARAMETERS: Readonly<Argon2Parameters> = Object.freeze({ memoryCost: 65_536, timeCost: 3, parallelism: 1 });

/**
 * Bounds on stored parameters: a row edited to ask for 100 GiB must fail fast, not take
 * the server down. The floor is argon2's own minimum (8 KiB per lane).
 */
const LIMITS = { memoryCost: { max: 1_048_576 }, timeCost: { min: 1, max: 16 }, parallelism: { min: 1, max: 8 } } as const;

export const MIN_PASSPHRASE_LENGTH = 12;
const MAX_PASSPHRASE_LENGTH = 1024;
const SALT_BYTES = 16;
const ARGON2ID = 2 as Algorithm;
const PRIVATE_KEY_AAD = Buffer.from('aduan/identity/custodian-private-key/v1', 'utf8');

/** Crockford base32: no I, L, O, U, so what is read aloud or copied by hand survives. */
const RECOVERY_ALPHABET = READABLE_SECRET_ALPHABET;
const RECOVERY_BYTES = 20; // 160 bits, 32 symbols
const RECOVERY_SYMBOLS = (RECOVERY_BYTES * 8) / 5;
const WRONG_SECRET = 'wrong passphrase or recovery key';

const base64url = z.string().regex(/^[A-Za-z0-9_-]*$/, 'must be base64url');

/** Validates an encrypted private key read back from the database before it is trusted. */
export const encryptedPrivateKeySchema: z.ZodType<EncryptedPrivateKey> = z.strictObject({
  v: z.literal(1),
  kdf: z.literal('argon2id'),
  salt: base64url,
  memoryCost: z.number().int().max(LIMITS.memoryCost.max),
  timeCost: z.number().int().min(LIMITS.timeCost.min).max(LIMITS.timeCost.max),
  parallelism: z.number().int().min(LIMITS.parallelism.min).max(LIMITS.parallelism.max),
  iv: base64url,
  ciphertext: base64url,
  tag: base64url,
});

/** Refuses passphrases too short to resist offline guessing of a leaked key. */
export function assertPassphraseStrength(passphrase: string): void {
  if (typeof passphrase !== 'string') {
    throw new IdentityCryptoError('WEAK_PASSPHRASE', 'the passphrase must be text');
  }
  const length = [...normalisePassphrase(passphrase).trim()].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new IdentityCryptoError(
      'WEAK_PASSPHRASE',
      `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long (not counting spaces at either end); a few unrelated words work well`,
    );
  }
  if (length > MAX_PASSPHRASE_LENGTH) {
    throw new IdentityCryptoError('WEAK_PASSPHRASE', `the passphrase must be at most ${MAX_PASSPHRASE_LENGTH} characters long`);
  }
}

/** A new custodian: key pair, the private key under the passphrase and under a fresh recovery key. */
export async function createCustodianKeys(passphrase: string, options: CustodianKeyOptions = {}): Promise<CustodianKeyMaterial> {
  assertPassphraseStrength(passphrase);
  const parameters = resolveParameters(options);
  const { publicKey, privateKey } = createX25519KeyPair();
  const recoveryKey = createReadableSecret();
  const [encryptedPrivateKey, recoveryEncryptedPrivateKey] = await Promise.all([
    encryptPrivateKey(privateKey, normalisePassphrase(passphrase), parameters),
    encryptPrivateKey(privateKey, normaliseRecoveryKey(recoveryKey)!, parameters),
  ]);
  return { publicKey, encryptedPrivateKey, recoveryEncryptedPrivateKey, recoveryKey };
}

/**
 * Returns the private key (base64url of the raw 32 bytes). `secret` is the passphrase or
 * the recovery key, whichever copy `encrypted` is; a wrong one throws WRONG_SECRET with
 * the message 'wrong passphrase or recovery key'. Hold the result only as long as needed.
 */
export async function unlockCustodianKey(encrypted: EncryptedPrivateKey, secret: string): Promise<string> {
  const parsed = parseEncryptedPrivateKey(encrypted);
  if (typeof secret !== 'string' || secret.length === 0) throw new IdentityCryptoError('WRONG_SECRET', WRONG_SECRET);
  // A secret shaped like a recovery key is tried normalised first; the literal text is
  // still tried in case a passphrase happens to look like one.
  const candidates = [normaliseRecoveryKey(secret), normalisePassphrase(secret)].filter(
    (candidate, index, all): candidate is string => candidate !== null && all.indexOf(candidate) === index,
  );
  for (const candidate of candidates) {
    const key = await deriveKey(candidate, decodeBase64Url(parsed.salt, 'salt', SALT_BYTES), parsed);
    try {
      const privateKey = decryptAesGcm(key, parsed, PRIVATE_KEY_AAD, KEY_BYTES);
      if (privateKey !== null) {
        try {
          return encodeBase64Url(privateKey);
        } finally {
          privateKey.fill(0);
        }
      }
    } finally {
      key.fill(0);
    }
  }
  throw new IdentityCryptoError('WRONG_SECRET', WRONG_SECRET);
}

/**
 * Re-encrypts the private key under a new passphrase (the key pair stays, so sealed
 * identities need no re-seal). `oldSecret` may be the recovery key: that is the "forgot
 * my passphrase" path; issue a new recovery key afterwards with createRecoveryKey.
 * The new copy uses the current default parameters (or `options`), upgrading old rows.
 */
export async function changeCustodianPassphrase(
  encrypted: EncryptedPrivateKey,
  oldSecret: string,
  newSecret: string,
  options: CustodianKeyOptions = {},
): Promise<EncryptedPrivateKey> {
  assertPassphraseStrength(newSecret);
  const parameters = resolveParameters(options);
  const privateKey = await unlockCustodianKey(encrypted, oldSecret);
  return encryptPrivateKey(privateKey, normalisePassphrase(newSecret), parameters);
}

/**
 * A new recovery key for an existing key pair (after the old one was used or exposed).
 * Store the returned copy in place of the old one, show the key once.
 */
export async function createRecoveryKey(
  encrypted: EncryptedPrivateKey,
  secret: string,
  options: CustodianKeyOptions = {},
): Promise<{ recoveryKey: string; recoveryEncryptedPrivateKey: EncryptedPrivateKey }> {
  const parameters = resolveParameters(options);
  const privateKey = await unlockCustodianKey(encrypted, secret);
  const recoveryKey = createReadableSecret();
  const recoveryEncryptedPrivateKey = await encryptPrivateKey(privateKey, normaliseRecoveryKey(recoveryKey)!, parameters);
  return { recoveryKey, recoveryEncryptedPrivateKey };
}

/**
 * Checks that an unlocked private key is the one whose public key the tenant seals to,
 * so a swapped row is caught before a custodian re-seals anything with it.
 */
export function assertPrivateKeyMatches(privateKey: string, publicKey: string): void {
  if (getPublicKeyFromPrivateKey(privateKey) !== publicKey) {
    throw new IdentityCryptoError('INVALID_INPUT', 'the unlocked private key does not belong to this custodian');
  }
}

async function encryptPrivateKey(privateKey: string, normalisedSecret: string, parameters: Argon2Parameters): Promise<EncryptedPrivateKey> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(normalisedSecret, salt, parameters);
  const raw = decodeBase64Url(privateKey, 'the private key', KEY_BYTES);
  try {
    const sealed = encryptAesGcm(key, raw, PRIVATE_KEY_AAD);
    return { v: 1, kdf: 'argon2id', salt: encodeBase64Url(salt), ...parameters, ...sealed };
  } finally {
    key.fill(0);
    raw.fill(0);
  }
}

async function deriveKey(normalisedSecret: string, salt: Buffer, parameters: Argon2Parameters): Promise<Buffer> {
  return hashRaw(Buffer.from(normalisedSecret, 'utf8'), {
    algorithm: ARGON2ID,
    memoryCost: parameters.memoryCost,
    timeCost: parameters.timeCost,
    parallelism: parameters.parallelism,
    outputLen: KEY_BYTES,
    salt,
  });
}

function parseEncryptedPrivateKey(encrypted: EncryptedPrivateKey): EncryptedPrivateKey {
  const result = encryptedPrivateKeySchema.safeParse(encrypted);
  if (!result.success) throw describeIssues('encrypted private key', result.error.issues);
  assertParameters(result.data);
  decodeBase64Url(result.data.iv, 'iv', IV_BYTES);
  decodeBase64Url(result.data.tag, 'tag', TAG_BYTES);
  return result.data;
}

function resolveParameters(options: CustodianKeyOptions): Argon2Parameters {
  const { memoryCost, timeCost, parallelism } = options.argon2 ?? DEFAULT_ARGON2_PARAMETERS;
  const parameters = { memoryCost, timeCost, parallelism };
  assertParameters(parameters);
  return parameters;
}

function assertParameters(parameters: Argon2Parameters): void {
  const { memoryCost, timeCost, parallelism } = parameters;
  const valid =
    Number.isInteger(parallelism) &&
    parallelism >= LIMITS.parallelism.min &&
    parallelism <= LIMITS.parallelism.max &&
    Number.isInteger(timeCost) &&
    timeCost >= LIMITS.timeCost.min &&
    timeCost <= LIMITS.timeCost.max &&
    Number.isInteger(memoryCost) &&
    memoryCost >= 8 * parallelism &&
    memoryCost <= LIMITS.memoryCost.max;
  if (!valid) throw new IdentityCryptoError('INVALID_INPUT', 'argon2id parameters out of range');
}

function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/**
 * The canonical form of a recovery key (32 symbols, upper case, no separators), or null
 * when the text cannot be one. Accepts lower case, dashes or spaces anywhere, and the
 * look-alikes Crockford base32 maps (O to 0, I and L to 1).
 */
function normaliseRecoveryKey(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const pattern = new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_SYMBOLS}}$`);
  return pattern.test(compact) ? compact : null;
}
