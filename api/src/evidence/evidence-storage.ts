/**
 * Where evidence files live: a folder on local disk by default, S3-compatible object storage
 * when configured. Both drivers first receive the upload into a temp file (counted, hashed
 * and checked by content, see evidence-intake.ts), then move it into place or upload it with
 * a known length, so a rejected or failed upload never leaves a partial object behind.
 *
 * Keys are chosen by the server (e.g. `<tenant>/<case>/<uuid>`), never by the reporter, and
 * are single-use: put replaces an existing object, and a failed S3 put deletes the key.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AppError } from '../errors.ts';
import { receiveToTempFile, type EvidenceLimits } from './evidence-intake.ts';
import { createEncryptStream, encryptedSize, type EvidenceSealing } from './evidence-crypto.ts';

export { EvidenceRejectedError, type EvidenceRejection } from './evidence-intake.ts';

export interface StoredObject {
  key: string;
  /** Of the (cleaned) plaintext, which is what a download gives back. */
  size: number;
  /** Lowercase hex SHA-256 of the (cleaned) plaintext. */
  sha256: string;
  /** One of EVIDENCE_CONTENT_TYPES, as detected from the content. */
  contentType: string;
}

export interface EvidenceStorage {
  readonly kind: 'local' | 's3';
  /**
   * Rejects with EvidenceRejectedError (TOO_LARGE, EMPTY, TYPE_NOT_ALLOWED, CONTENT_REFUSED);
   * see receiveToTempFile. With `sealing`, what is stored is encrypted (evidence-crypto.ts).
   */
  put(key: string, body: NodeJS.ReadableStream, options: EvidenceLimits & { sealing?: EvidenceSealing }): Promise<StoredObject>;
  /** The stored bytes (encrypted when put with sealing). Throws AppError NOT_FOUND when there is no such object. */
  get(key: string): Promise<NodeJS.ReadableStream>;
  /** Idempotent: deleting a missing object succeeds. */
  delete(key: string): Promise<void>;
}

const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

/**
 * A key is `/`-separated segments of ASCII letters, digits and `._-`, each starting with a
 * letter or digit: no `..`, no absolute paths, no backslashes, and nothing that could clash
 * with the `.`-prefixed temp names. A bad key is a bug in the caller, hence TypeError.
 */
export function assertEvidenceKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH || !key.split('/').every((segment) => KEY_SEGMENT.test(segment))) {
    throw new TypeError('evidence key must be a relative path of [A-Za-z0-9._-] segments, each starting with a letter or digit');
  }
}

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'evidence object not found');
}

export function createLocalEvidenceStorage(options: { dir: string; tempDir?: string }): EvidenceStorage {
  const root = resolve(options.dir);
  // Beside the objects by default, so the final move is an atomic rename on one file system.
  const tempDir = resolve(options.tempDir ?? join(root, '.tmp'));
  const foldersMade = new Set<string>();

  function pathFor(key: string): string {
    assertEvidenceKey(key);
    const path = resolve(root, ...key.split('/'));
    if (!path.startsWith(root + sep)) {
      throw new TypeError('evidence key escapes the storage folder');
    }
    return path;
  }

  return {
    kind: 'local',

    async put(key, body, { sealing, ...limits }) {
      const target = pathFor(key);
      const file = await receiveToTempFile(body, { ...limits, tempDir });
      const sealed = sealing ? `${file.path}.sealed` : null;
      try {
        if (sealed) {
          await pipeline(createReadStream(file.path), createEncryptStream(sealing!), createWriteStream(sealed, { flush: true, mode: 0o600 }));
        }
        const folder = dirname(target);
        // One mkdir per folder (an agency's), not per file; again if the folder disappeared.
        if (!foldersMade.has(folder)) await mkdir(folder, { recursive: true });
        const source = sealed ?? file.path;
        await moveFile(source, target).catch(async (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT' || !foldersMade.has(folder)) throw error;
          await mkdir(folder, { recursive: true });
          await moveFile(source, target);
        });
        foldersMade.add(folder);
      } finally {
        await file.discard();
        if (sealed) await rm(sealed, { force: true });
      }
      return { key, size: file.size, sha256: file.sha256, contentType: file.contentType };
    },

    async get(key) {
      const path = pathFor(key);
      const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
        throw isMissing(error) ? notFound() : error;
      });
      // Opening a directory for reading succeeds on Linux; a key prefix is not an object.
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw notFound();
      }
      return handle.createReadStream();
    },

    async delete(key) {
      await unlink(pathFor(key)).catch((error: NodeJS.ErrnoException) => {
        if (!isMissing(error)) throw error;
      });
    },
  };
}

function isMissing(error: NodeJS.ErrnoException): boolean {
  return error.code === 'ENOENT' || error.code === 'ENOTDIR' || error.code === 'EISDIR';
}

/** rename, or, across file systems, a copy beside the target renamed over it (still atomic). */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    const staging = join(dirname(to), `.${basename(to)}.${randomUUID()}.part`);
    try {
      await copyFile(from, staging);
      await rename(staging, to);
    } finally {
      await rm(staging, { force: true });
    }
  }
}

export function createS3EvidenceStorage(options: {
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle?: boolean;
  tempDir?: string;
}): EvidenceStorage {
  const { bucket } = options;
  const tempDir = resolve(options.tempDir ?? join(tmpdir(), 'aduan-evidence'));
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default (since 3.729) streams bodies aws-chunked with a trailing CRC32, which
    // several S3-compatible servers store verbatim; we already hash every file ourselves.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  return {
    kind: 's3',

    async put(key, body, { sealing, ...limits }) {
      assertEvidenceKey(key);
      const file = await receiveToTempFile(body, { ...limits, tempDir });
      const upload = createReadStream(file.path);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: sealing ? upload.pipe(createEncryptStream(sealing)) : upload,
            ContentLength: sealing ? encryptedSize(file.size) : file.size,
            // Encrypted, the object is opaque bytes: its type and hash stay in the database.
            ContentType: sealing ? 'application/octet-stream' : file.contentType,
            Metadata: sealing ? {} : { sha256: file.sha256 },
          }),
        );
      } catch (error) {
        // The request may have failed after the object was written (e.g. a lost response).
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
        throw error;
      } finally {
        upload.destroy();
        await file.discard();
      }
      return { key, size: file.size, sha256: file.sha256, contentType: file.contentType };
    },

    async get(key) {
      assertEvidenceKey(key);
      const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })).catch((error: unknown) => {
        throw isMissingObject(error) ? notFound() : error;
      });
      if (response.Body === undefined) throw notFound();
      // In Node the SDK's body is a Readable (with SdkStreamMixin helpers).
      return response.Body as Readable;
    },

    async delete(key) {
      assertEvidenceKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      } catch (error) {
        // S3 answers 204 for a missing key; some compatible servers answer 404.
        if (!isMissingObject(error)) throw error;
      }
    },
  };
}

/** A missing key; a missing bucket is a configuration error and must surface. */
function isMissingObject(error: unknown): boolean {
  const candidate = error as { name?: string; $metadata?: { httpStatusCode?: number } } | null;
  if (candidate?.name === 'NoSuchBucket') return false;
  return candidate?.name === 'NoSuchKey' || candidate?.name === 'NotFound' || candidate?.$metadata?.httpStatusCode === 404;
}
