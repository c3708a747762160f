/**
 * Evidence at rest, encrypted with the tenant's key (identity/tenant-keys.ts wraps it with the
 * master key), so a copy of the evidence folder or bucket alone shows nothing.
 *
 * Format: `ADUANEV1` (8 bytes), a random 32-byte salt, then the file in segments of 64 KiB
 * (the last one shorter), each sealed with AES-256-GCM and followed by its 16-byte tag. The
 * file key is HKDF-SHA256(evidence key of the tenant, salt), so every file has its own key and
 * a counter can serve as the nonce: 11 bytes of segment number and a last-segment flag (the
 * STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár). The additional data names
 * the tenant and the evidence record, so a stored file swapped for another record's, segments
 * reordered, dropped or cut off, or a single flipped bit all fail to decrypt.
 *
 * Segments are checked one by one, so a download streams: nothing unauthenticated is ever
 * passed on, and a failure ends the download (the caller destroys the response).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const MAGIC = Buffer.from('ADUANEV1', 'latin1');
const SALT_BYTES = 32;
const HEADER_BYTES = MAGIC.length + SALT_BYTES;
const SEGMENT_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const FILE_KEY_INFO = Buffer.from('aduan/evidence/file-key/v1', 'utf8');

/** What a stored file is bound to: its tenant (whose key) and its evidence record. */
export interface EvidenceSealing {
  /** The tenant's evidence key (IdentityVault.evidenceKey), 32 bytes. */
  key: Buffer;
  /** `tenant:<uuid>|evidence:<uuid>`; stored with the record (evidence.encrypted_for). */
  context: string;
}

export class EvidenceDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceDecryptionError';
  }
}

const CONTEXT = /^tenant:([0-9a-f-]{36})\|evidence:([0-9a-f-]{36})$/;

export function evidenceContext(tenantId: string, evidenceId: string): string {
  return `tenant:${tenantId}|evidence:${evidenceId}`;
}

/** The tenant whose key sealed a file, from its record's context; throws for anything else. */
export function tenantOfContext(context: string): string {
  const match = CONTEXT.exec(context);
  if (!match) throw new EvidenceDecryptionError('malformed evidence encryption context');
  return match[1]!;
}

/** The stored size of a file of `plainBytes` (for a Content-Length towards S3). */
export function encryptedSize(plainBytes: number): number {
  const segments = Math.max(1, Math.ceil(plainBytes / SEGMENT_BYTES));
  return HEADER_BYTES + plainBytes + segments * TAG_BYTES;
}

function fileKey(sealing: EvidenceSealing, salt: Buffer): Buffer {
  if (!Buffer.isBuffer(sealing.key) || sealing.key.length !== KEY_BYTES) throw new TypeError('the evidence key must be 32 bytes');
  tenantOfContext(sealing.context);
  return Buffer.from(hkdfSync('sha256', sealing.key, salt, FILE_KEY_INFO, KEY_BYTES));
}

function nonce(index: number, last: boolean): Buffer {
  const bytes = Buffer.alloc(12);
  bytes.writeUIntBE(index, 5, 6);
  bytes[11] = last ? 1 : 0;
  return bytes;
}

function aad(context: string): Buffer {
  return Buffer.from(`aduan/evidence/v1|${context}`, 'utf8');
}

/** Plaintext in, the stored format out. */
export function createEncryptStream(sealing: EvidenceSealing): Transform {
  const salt = randomBytes(SALT_BYTES);
  const key = fileKey(sealing, salt);
  const additional = aad(sealing.context);
  let pending = Buffer.alloc(0);
  let index = 0;
  let headerSent = false;
  const seal = (segment: Buffer, last: boolean): Buffer => {
    const cipher = createCipheriv('aes-256-gcm', key, nonce(index++, last));
    cipher.setAAD(additional);
    return Buffer.concat([cipher.update(segment), cipher.final(), cipher.getAuthTag()]);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      const out: Buffer[] = [];
      if (!headerSent) {
        out.push(MAGIC, salt);
        headerSent = true;
      }
      pending = Buffer.concat([pending, chunk]);
      // Keep at least one byte back: only the end of the input decides which segment is last.
      while (pending.length > SEGMENT_BYTES) {
        out.push(seal(pending.subarray(0, SEGMENT_BYTES), false));
        pending = pending.subarray(SEGMENT_BYTES);
      }
      callback(null, Buffer.concat(out));
    },
    flush(callback: TransformCallback) {
      const out: Buffer[] = headerSent ? [] : [MAGIC, salt];
      out.push(seal(pending, true));
      key.fill(0);
      callback(null, Buffer.concat(out));
    },
  });
}

/** The stored format in, plaintext out, one authenticated segment at a time. */
export function createDecryptStream(sealing: EvidenceSealing): Transform {
  const additional = aad(sealing.context);
  let key: Buffer | null = null;
  let pending = Buffer.alloc(0);
  let index = 0;
  let done = false;
  const open = (sealed: Buffer, last: boolean): Buffer => {
    if (done) throw new EvidenceDecryptionError('evidence file continues after its last segment');
    const decipher = createDecipheriv('aes-256-gcm', key!, nonce(index++, last));
    decipher.setAAD(additional);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
      if (last) done = true;
      return plain;
    } catch {
      throw new EvidenceDecryptionError("evidence file does not decrypt: wrong key, another record's file, or altered");
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        pending = Buffer.concat([pending, chunk]);
        if (key === null) {
          if (pending.length < HEADER_BYTES) return callback();
          if (!pending.subarray(0, MAGIC.length).equals(MAGIC)) throw new EvidenceDecryptionError('not an encrypted evidence file');
          key = fileKey(sealing, pending.subarray(MAGIC.length, HEADER_BYTES));
          pending = pending.subarray(HEADER_BYTES);
        }
        const out: Buffer[] = [];
        // A full segment is the last one only if nothing follows it: keep it until more arrives.
        while (pending.length > SEGMENT_BYTES + TAG_BYTES) {
          out.push(open(pending.subarray(0, SEGMENT_BYTES + TAG_BYTES), false));
          pending = pending.subarray(SEGMENT_BYTES + TAG_BYTES);
        }
        callback(null, Buffer.concat(out));
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        if (key === null || pending.length < TAG_BYTES) throw new EvidenceDecryptionError('evidence file is cut short');
        const last = open(pending, true);
        key.fill(0);
        callback(null, last);
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
