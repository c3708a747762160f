/**
 * The platform master key, which wraps every tenant data key (tenant-keys.ts).
 *
 * Threat model. The master key must never sit in the database, so a database dump or
 * backup alone cannot decrypt identities. In production it comes from the environment
 * (IDENTITY_MASTER_KEY, injected from a secret store); the embedded default generates a
 * key file beside the data once, readable by the owner only. Losing the master key loses
 * every non-confidential identity: back the key up, separately from the database.
 *
 * Format everywhere: standard base64 of exactly 32 random bytes (44 characters ending in
 * '='), e.g. `openssl rand -base64 32`. Errors never echo the value.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { IdentityCryptoError, KEY_BYTES } from './aead.ts';

export interface LoadMasterKeyOptions {
  /** IDENTITY_MASTER_KEY; wins over the file when set (an empty string counts as unset). */
  value?: string;
  /** The key file of the embedded default. */
  file: string;
  /** Create the file when missing (embedded default only; never with a real deployment). */
  allowGenerate: boolean;
}

const BASE64_32_BYTES = /^[A-Za-z0-9+/]{43}=$/;
const FORMAT_HINT = 'the base64 of exactly 32 random bytes (generate one with `openssl rand -base64 32`)';

export function loadMasterKey(options: LoadMasterKeyOptions): Buffer {
  const value = options.value?.trim();
  if (value) {
    const key = parseMasterKey(value);
    if (!key) throw new IdentityCryptoError('MASTER_KEY', `IDENTITY_MASTER_KEY must be ${FORMAT_HINT}`);
    return key;
  }
  const existing = readKeyFile(options.file);
  if (existing) return existing;
  if (!options.allowGenerate) {
    throw new IdentityCryptoError('MASTER_KEY', `IDENTITY_MASTER_KEY must be set (${FORMAT_HINT}); no key file at ${options.file}`);
  }
  return createKeyFile(options.file);
}

function parseMasterKey(text: string): Buffer | null {
  if (!BASE64_32_BYTES.test(text)) return null;
  const key = Buffer.from(text, 'base64');
  // The regex admits non-canonical last symbols; a key must round-trip exactly.
  return key.length === KEY_BYTES && key.toString('base64') === text ? key : null;
}

/** The key in the file, or null when there is no file; a file with anything else throws. */
function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new IdentityCryptoError('MASTER_KEY', `cannot read the identity master key file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const key = parseMasterKey(text.trim());
  if (!key) throw new IdentityCryptoError('MASTER_KEY', `the identity master key file ${file} must hold ${FORMAT_HINT}`);
  return key;
}

/**
 * Writes a temporary file (0600, fsynced) and hard-links it into place, which fails if
 * the file appeared meanwhile: two processes starting together then agree on the first
 * key instead of one silently overwriting the other (which would lose data encrypted
 * under the overwritten key). Readers never see a half-written file.
 */
function createKeyFile(file: string): Buffer {
  const directory = path.dirname(file);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const descriptor = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(descriptor, `${key.toString('base64')}\n`);
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
  try {
    try {
      linkSync(temporary, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return readKeyFile(file) ?? raceLost(file);
      // Some volumes (FAT, some network and container mounts) have no hard links.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      try {
        copyFileSync(temporary, file, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file) ?? raceLost(file);
        throw copyError;
      }
    }
    syncDirectory(directory);
    return key;
  } finally {
    unlinkSync(temporary);
  }
}

function raceLost(file: string): never {
  throw new IdentityCryptoError('MASTER_KEY', `the identity master key file ${file} vanished while it was being created`);
}

function syncDirectory(directory: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(directory, 'r');
    fsyncSync(descriptor);
  } catch {
    // Not every platform can fsync a directory; the file itself is already durable.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
