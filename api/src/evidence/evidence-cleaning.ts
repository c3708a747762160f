/**
 * Evidence carries nothing the reporter did not mean to send. After an upload passed its
 * size and type checks, its content is rewritten by a library that understands the format,
 * so only what that library understood survives:
 *
 * - images (JPEG, PNG, WebP) are decoded and re-encoded by sharp (libvips): EXIF (GPS
 *   position, camera serial, time), XMP, IPTC, ICC profiles, thumbnails and any bytes after
 *   the image are gone; the EXIF orientation is applied to the pixels first, so the photo
 *   still stands the right way up. HEIC is re-encoded as JPEG when this libvips can decode
 *   it (the prebuilt one cannot: HEVC is patent-encumbered), and refused otherwise;
 * - PDF is parsed by pdf-lib (object streams included) and refused when any object holds
 *   active or hidden content (JavaScript, launch actions, embedded files, rich media, XFA
 *   forms, form submission); otherwise the Info dictionary and every XMP stream are
 *   removed and the file is written again from the parsed objects still reachable from
 *   its catalog, so incremental updates, orphaned objects and appended bytes are dropped;
 * - Office files (DOCX, XLSX, PPTX: zip archives) are refused before anything is expanded
 *   when the central directory declares too many entries or too many bytes, refused when
 *   they carry macros, ActiveX controls or embedded objects, and otherwise rewritten with
 *   the personal properties (author, last modified by, company, custom properties) blanked.
 *
 * Audio and video pass unchanged (no well-kept library here rewrites their containers).
 */
import sharp from 'sharp';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from '@cantoo/pdf-lib';
import yauzl from 'yauzl';
import yazl from 'yazl';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const OFFICE_TYPES = new Set([DOCX, XLSX, PPTX]);

/** Office archives: what a real document needs, far below what a zip bomb declares. */
export const ARCHIVE_LIMITS = Object.freeze({ maxEntries: 2000, maxUncompressedBytes: 200 * 1024 * 1024 });
/** Decoding bombs: a 100-megapixel photo is far beyond any phone camera. */
const MAX_IMAGE_PIXELS = 100_000_000;

/** The content cannot be made safe; the message says why, for the reporter. */
export class EvidenceContentRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvidenceContentRefusedError';
  }
}

export interface CleanedEvidence {
  bytes: Buffer;
  /** May differ from the input's (HEIC becomes JPEG). */
  contentType: string;
}

/** Whether `cleanEvidence` rewrites this type (the others are stored as they came). */
export function isCleanedType(contentType: string): boolean {
  return contentType.startsWith('image/') || contentType === 'application/pdf' || OFFICE_TYPES.has(contentType);
}

/** Rewrites the content; throws EvidenceContentRefusedError when that cannot be done safely. */
export async function cleanEvidence(input: Buffer, contentType: string): Promise<CleanedEvidence> {
  if (contentType.startsWith('image/')) return cleanImage(input, contentType);
  if (contentType === 'application/pdf') return { bytes: await cleanPdf(input), contentType };
  if (OFFICE_TYPES.has(contentType)) return { bytes: await cleanOfficeDocument(input), contentType };
  return { bytes: input, contentType };
}

async function cleanImage(input: Buffer, contentType: string): Promise<CleanedEvidence> {
  // sharp keeps no metadata unless asked (keepMetadata/withMetadata), and writes only the image.
  const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_IMAGE_PIXELS, animated: false }).rotate();
  try {
    switch (contentType) {
      case 'image/jpeg':
        return { bytes: await image.jpeg({ quality: 90 }).toBuffer(), contentType };
      case 'image/png':
        return { bytes: await image.png().toBuffer(), contentType };
      case 'image/webp':
        return { bytes: await image.webp({ quality: 90 }).toBuffer(), contentType };
      case 'image/heic':
        return { bytes: await image.jpeg({ quality: 90 }).toBuffer(), contentType: 'image/jpeg' };
      default:
        throw new EvidenceContentRefusedError(`images of type ${contentType} cannot be cleaned of their metadata`);
    }
  } catch (error) {
    if (error instanceof EvidenceContentRefusedError) throw error;
    if (contentType === 'image/heic') {
      throw new EvidenceContentRefusedError(
        'HEIC photos cannot be cleaned of their location data here; send the photo as JPEG (iPhone: Settings, Camera, Formats, Most Compatible)',
      );
    }
    throw new EvidenceContentRefusedError('the image could not be read; it may be damaged');
  }
}

// ---------------------------------------------------------------------------------------
// PDF

/** Dictionary keys that only active or hidden content uses. */
const FORBIDDEN_PDF_KEYS = new Set(['JS', 'JavaScript', 'XFA', 'EmbeddedFiles', 'EmbeddedFile', 'RichMediaContent', 'RichMediaSettings']);
/** Names (as values, e.g. an action's /S or an annotation's /Subtype) of the same. */
const FORBIDDEN_PDF_NAMES = new Set([
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'FileAttachment',
  'XFA',
  'GoToE',
  'ImportData',
  'SubmitForm',
  'Sound',
  'Movie',
  'Rendition',
]);

async function cleanPdf(input: Buffer): Promise<Buffer> {
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(input, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const encrypted = (error as Error)?.name === 'EncryptedPDFError' || /encrypt/i.test(String((error as Error)?.message));
    throw new EvidenceContentRefusedError(
      encrypted
        ? 'password-protected or encrypted PDF files cannot be checked; send the PDF without protection'
        : 'the PDF could not be read; it may be damaged',
    );
  }
  const { context } = document;
  // Every object pdf-lib parsed, those inside compressed object streams included.
  for (const [, object] of context.enumerateIndirectObjects()) {
    const found = findForbiddenPdfContent(object, 0);
    if (found) {
      throw new EvidenceContentRefusedError(
        `the PDF contains active or embedded content (${found}), which is not accepted; print it to a new PDF and send that`,
      );
    }
  }
  context.trailerInfo.Info = undefined;
  for (const [, object] of context.enumerateIndirectObjects()) {
    const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
    dict?.delete(PDFName.of('Metadata'));
    dict?.delete(PDFName.of('PieceInfo'));
  }
  removeUnreachableObjects(document);
  try {
    return Buffer.from(await document.save({ useObjectStreams: false, updateFieldAppearances: false }));
  } catch {
    throw new EvidenceContentRefusedError('the PDF could not be rewritten; it may be damaged');
  }
}

function findForbiddenPdfContent(object: PDFObject | undefined, depth: number): string | null {
  if (object === undefined || depth > 64) return depth > 64 ? 'nesting too deep' : null;
  if (object instanceof PDFName) {
    const name = object.decodeText();
    return FORBIDDEN_PDF_NAMES.has(name) ? `/${name}` : null;
  }
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : null;
  if (dict) {
    for (const [key, value] of dict.entries()) {
      const name = key.decodeText();
      if (FORBIDDEN_PDF_KEYS.has(name)) return `/${name}`;
      const found = findForbiddenPdfContent(value, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (object instanceof PDFArray) {
    for (const item of object.asArray()) {
      const found = findForbiddenPdfContent(item, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Keeps only what the catalog reaches: the Info dictionary and XMP streams just unlinked,
 * objects of earlier revisions, and the object and cross-reference streams pdf-lib already
 * unpacked are not written again.
 */
function removeUnreachableObjects(document: PDFDocument): void {
  const { context } = document;
  const reachable = new Set<string>();
  const pending: PDFObject[] = [context.trailerInfo.Root as PDFObject];
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object.tag)) continue;
      reachable.add(object.tag);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFDict) {
      for (const [, value] of object.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!reachable.has(ref.tag)) context.delete(ref);
  }
}

// ---------------------------------------------------------------------------------------
// Office (OOXML zip archives)

/** Parts that hold macros, ActiveX controls or embedded (OLE) objects, anywhere in the archive. */
const ACTIVE_PART = /(^|\/)(vbaProject\.bin|vbaData\.xml|activeX\/|embeddings\/)/i;
/** Parts with personal properties, replaced by empty ones of the same kind. */
const EMPTY_PROPERTIES: Readonly<Record<string, string>> = {
  'docprops/core.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  'docprops/app.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
  'docprops/custom.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>',
};

interface ZipEntry {
  name: string;
  bytes: Buffer;
  modified: Date;
}

async function cleanOfficeDocument(input: Buffer): Promise<Buffer> {
  const entries = await readArchive(input);
  const names = new Set<string>();
  for (const entry of entries) {
    const lower = entry.name.toLowerCase();
    if (names.has(lower)) throw new EvidenceContentRefusedError('the document archive holds the same part twice');
    names.add(lower);
    if (ACTIVE_PART.test(entry.name)) {
      throw new EvidenceContentRefusedError(
        'the document contains macros, ActiveX controls or embedded objects, which are not accepted; save it as a plain .docx, .xlsx or .pptx, or as PDF',
      );
    }
    if (lower === '[content_types].xml' && /macroEnabled|vbaProject|ms-office\.activeX|oleObject/i.test(entry.bytes.toString('utf8'))) {
      throw new EvidenceContentRefusedError(
        'the document is macro-enabled (.docm, .xlsm, .pptm) or holds embedded objects, which is not accepted; save it as a plain .docx, .xlsx or .pptx, or as PDF',
      );
    }
  }
  const zip = new yazl.ZipFile();
  // One fixed date: the archive's own timestamps say when the reporter last edited it.
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    const replacement = EMPTY_PROPERTIES[entry.name.toLowerCase()];
    zip.addBuffer(replacement === undefined ? entry.bytes : Buffer.from(replacement, 'utf8'), entry.name, { mtime, mode: 0o100644 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const ARCHIVE_REFUSED = 'the document could not be read as an Office file; it may be damaged';

function refuseArchiveSize(): EvidenceContentRefusedError {
  return new EvidenceContentRefusedError(
    `the document expands to more than ${ARCHIVE_LIMITS.maxUncompressedBytes / 1024 / 1024} MB or ${ARCHIVE_LIMITS.maxEntries} parts, which is not accepted`,
  );
}

/**
 * Reads the central directory first and refuses before expanding anything when it declares
 * too many entries or bytes; yauzl then checks every entry's real size against its declared
 * one while inflating (validateEntrySizes), so a lying header cannot expand past the limit.
 */
function readArchive(input: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(input, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (openError, zipFile) => {
      if (openError || !zipFile) return reject(new EvidenceContentRefusedError(ARCHIVE_REFUSED));
      if (zipFile.entryCount > ARCHIVE_LIMITS.maxEntries) {
        zipFile.close();
        return reject(refuseArchiveSize());
      }
      const listed: yauzl.Entry[] = [];
      let declared = 0;
      const fail = (error: Error) => {
        zipFile.close();
        reject(error instanceof EvidenceContentRefusedError ? error : new EvidenceContentRefusedError(ARCHIVE_REFUSED));
      };
      zipFile.on('error', fail);
      zipFile.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        if (declared > ARCHIVE_LIMITS.maxUncompressedBytes) return fail(refuseArchiveSize());
        if (entry.isEncrypted())
          return fail(new EvidenceContentRefusedError('password-protected documents cannot be checked; send the document without protection'));
        listed.push(entry);
        zipFile.readEntry();
      });
      zipFile.on('end', () => {
        // The whole directory is within the limits: only now is anything inflated.
        void expandEntries(zipFile, listed).then(resolve, fail);
      });
      zipFile.readEntry();
    });
  });
}

async function expandEntries(zipFile: yauzl.ZipFile, listed: yauzl.Entry[]): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const entry of listed) {
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zipFile.openReadStream(entry, (error, readStream) => (error || !readStream ? reject(error ?? new Error('no stream')) : resolve(readStream))),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    entries.push({ name: entry.fileName, bytes: Buffer.concat(chunks), modified: entry.getLastModDate() });
  }
  zipFile.close();
  return entries;
}
