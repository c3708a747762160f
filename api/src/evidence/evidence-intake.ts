/**
 * Receives an evidence upload into a private temp file while counting, hashing and
 * sniffing it, so a driver only ever moves or uploads a file that passed every check.
 * Memory stays bounded by the head sample plus one chunk, whatever the file size.
 */
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type';
import { EVIDENCE_CONTENT_TYPES, extensionFor, findEvidenceContentType } from './content-types.ts';
import { cleanEvidence, EvidenceContentRefusedError, isCleanedType } from './evidence-cleaning.ts';

/** CONTENT_REFUSED: the content cannot be cleaned safely (macros, PDF scripts, a zip bomb, HEIC). */
export type EvidenceRejection = 'TOO_LARGE' | 'EMPTY' | 'TYPE_NOT_ALLOWED' | 'CONTENT_REFUSED';

/** The upload itself is unacceptable; `reason` is for the caller to translate. */
export class EvidenceRejectedError extends Error {
  readonly reason: EvidenceRejection;
  constructor(reason: EvidenceRejection, message: string) {
    super(message);
    this.name = 'EvidenceRejectedError';
    this.reason = reason;
  }
}

export interface EvidenceLimits {
  maxBytes: number;
  /** A subset of EVIDENCE_CONTENT_TYPES; all of them when omitted. */
  allowedTypes?: readonly string[];
}

export interface ReceivedFile {
  path: string;
  size: number;
  sha256: string;
  contentType: string;
  /** Removes the temp file; safe to call twice. */
  discard(): Promise<void>;
}

/** Enough for every signature in file-type except ZIP containers and long ID3 tags. */
const HEAD_BYTES = 64 * 1024;

/**
 * Streams `body` into a new file in `tempDir`. Rejects with EvidenceRejectedError as soon as
 * the size limit is passed, when the head is recognisably a type that is not allowed, when
 * the file is empty, or when the complete file is not an allowed type. On any failure the
 * temp file is gone, and `body` is left unpiped and paused but not destroyed: its owner
 * (the HTTP handler) decides how to answer and whether to close the connection.
 */
export async function receiveToTempFile(body: NodeJS.ReadableStream, options: EvidenceLimits & { tempDir: string }): Promise<ReceivedFile> {
  const allowed = resolveAllowedTypes(options.allowedTypes);
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes <= 0) {
    throw new TypeError(`maxBytes must be a positive integer, got ${options.maxBytes}`);
  }
  const path = join(options.tempDir, `${randomUUID()}.part`);
  const handle = await openTempFile(path, options.tempDir);
  // Closes the handle when done; `flush` syncs it to disk first, as evidence must survive a crash.
  const output = handle.createWriteStream({ flush: true });
  const discard = () => rm(path, { force: true });
  try {
    const inspector = new Inspector(options.maxBytes, allowed);
    // Errors and premature closes of the body do not travel through pipe().
    finished(body, (error) => {
      if (error) inspector.destroy(error);
    });
    body.pipe(inspector);
    await pipeline(inspector, output);

    // The complete file is the authority: ZIP containers (docx, xlsx, pptx) and MP3s behind
    // a long ID3 tag are only told apart by reading past the head. A file no larger than the
    // head was already read whole by the sniff: reading it back would find the same.
    const detected = inspector.wholeFile ? inspector.wholeFile.detected : await fileTypeFromFile(path);
    const contentType = detected ? findEvidenceContentType(detected.mime) : undefined;
    if (contentType === undefined || !allowed.has(contentType)) {
      throw typeNotAllowed(detected?.mime, allowed);
    }
    if (!isCleanedType(contentType)) {
      return { path, size: inspector.size, sha256: inspector.hash.digest('hex'), contentType, discard };
    }
    // What is stored, hashed and counted is the cleaned file (evidence-cleaning.ts).
    const cleaned = await cleanEvidence(await readFile(path), contentType).catch((error: unknown) => {
      throw error instanceof EvidenceContentRefusedError ? new EvidenceRejectedError('CONTENT_REFUSED', error.message) : error;
    });
    await writeFile(path, cleaned.bytes, { flush: true });
    const sha256 = createHash('sha256').update(cleaned.bytes).digest('hex');
    return { path, size: cleaned.bytes.length, sha256, contentType: cleaned.contentType, discard };
  } catch (error) {
    // Wait for the handle to close, so no write still in flight recreates the file after rm.
    output.destroy();
    if (!output.closed) await new Promise<void>((resolve) => output.once('close', () => resolve()));
    await discard();
    throw error;
  }
}

/** Temp folders known to exist: one mkdir per folder, not per upload (again if it disappears). */
const tempDirsMade = new Set<string>();

async function openTempFile(path: string, tempDir: string) {
  if (!tempDirsMade.has(tempDir)) {
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    tempDirsMade.add(tempDir);
  }
  try {
    return await open(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    tempDirsMade.delete(tempDir);
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    tempDirsMade.add(tempDir);
    return open(path, 'wx', 0o600);
  }
}

class Inspector extends Transform {
  size = 0;
  readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private sniffed = false;
  /** Set when the head held the complete file: what it was detected as. */
  wholeFile: { detected: FileTypeResult | undefined } | null = null;

  constructor(
    private readonly maxBytes: number,
    private readonly allowed: ReadonlySet<string>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(new EvidenceRejectedError('TOO_LARGE', `file is larger than ${formatBytes(this.maxBytes)}`));
      return;
    }
    this.hash.update(chunk);
    if (!this.sniffed) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) {
        this.sniffHead().then(() => callback(null, chunk), callback);
        return;
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) {
      callback(new EvidenceRejectedError('EMPTY', 'file is empty'));
      return;
    }
    this.sniffHead(true).then(() => callback(), callback);
  }

  /**
   * Fails fast on a head that is already recognisably something else (an EXE, a GIF).
   * `atEnd`: called at the end of the body before the head filled up, so it is the whole file.
   */
  private async sniffHead(atEnd = false): Promise<void> {
    if (this.sniffed) return;
    this.sniffed = true;
    const head = Buffer.concat(this.head, this.headLength).subarray(0, HEAD_BYTES);
    this.head = [];
    let failed = false;
    const detected = await fileTypeFromBuffer(head).catch(() => {
      failed = true;
      return undefined;
    });
    if (atEnd && !failed) this.wholeFile = { detected };
    // Undetected or a bare ZIP may still turn out fine once the whole file is there.
    if (detected === undefined || detected.mime === 'application/zip') return;
    const contentType = findEvidenceContentType(detected.mime);
    if (contentType === undefined || !this.allowed.has(contentType)) {
      throw typeNotAllowed(detected.mime, this.allowed);
    }
  }
}

function resolveAllowedTypes(allowedTypes: readonly string[] | undefined): ReadonlySet<string> {
  const allowed = new Set(allowedTypes ?? EVIDENCE_CONTENT_TYPES);
  for (const type of allowed) {
    if (!EVIDENCE_CONTENT_TYPES.includes(type)) {
      throw new TypeError(`not an evidence content type: ${type}`);
    }
  }
  if (allowed.size === 0) {
    throw new TypeError('allowedTypes must not be empty');
  }
  return allowed;
}

function typeNotAllowed(detectedMime: string | undefined, allowed: ReadonlySet<string>): EvidenceRejectedError {
  const what = detectedMime === undefined ? 'file type could not be recognised' : `file type ${detectedMime} is not allowed`;
  const extensions = [...allowed].map(extensionFor).join(', ');
  return new EvidenceRejectedError('TYPE_NOT_ALLOWED', `${what}; allowed: ${extensions}`);
}

/** "10 MB", "1.5 MB", "512 KB", "100 bytes", "9.8 KB (10000 bytes)" (binary units). */
export function formatBytes(bytes: number): string {
  const units = [
    ['GB', 1024 ** 3],
    ['MB', 1024 ** 2],
    ['KB', 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) {
      const rounded = Number((bytes / size).toFixed(1));
      // A limit that is not a round number is named exactly, so the message never lies.
      return rounded * size === bytes ? `${rounded} ${unit}` : `${rounded} ${unit} (${bytes} bytes)`;
    }
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}
