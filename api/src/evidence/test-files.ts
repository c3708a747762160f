/**
 * Small real files for the evidence tests, built from bytes here rather than checked in,
 * so each test shows exactly what it feeds the checks.
 */
import { Readable } from 'node:stream';
import { constants as zlibConstants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import sharp from 'sharp';

const ascii = (text: string) => Buffer.from(text, 'latin1');

function uint32BE(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value >>> 0);
  return buffer;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([ascii(type), data]);
  return Buffer.concat([uint32BE(data.length), typeAndData, uint32BE(crc32(typeAndData))]);
}

/** A decodable 1×1 RGBA PNG (one red pixel). */
export function png(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filter, no interlace
  const scanline = Buffer.from([0, 0xc0, 0x30, 0x30, 0xff]); // filter byte + one pixel
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(scanline)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A decodable baseline JPEG: one 8×8 grey block. Both Huffman tables hold a single
 * one-bit code (DC difference category 0, AC end-of-block), so the scan is the bits `00`
 * padded with ones: 0x3F.
 */
export function jpeg(): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClassAndId: number) => [tableClassAndId, 1, ...new Array<number>(15).fill(0), 0];
  return Buffer.from([
    0xff,
    0xd8, // SOI
    ...segment(0xe0, [...ascii('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]), // APP0 JFIF 1.1, no thumbnail
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]), // quantisation table 0: all ones
    ...segment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]), // SOF0: 8 bit, 8×8, one component
    ...segment(0xc4, oneCodeTable(0x00)), // DC table 0
    ...segment(0xc4, oneCodeTable(0x10)), // AC table 0
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]), // SOS: component 1 uses tables 0/0
    0x3f,
    0xff,
    0xd9, // EOI
  ]);
}

/** A minimal valid one-page PDF with a correct cross-reference table. */
export function pdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return ascii(body);
}

/** Marks planted in `jpegWithPrivateMetadata`, to look for in what comes out. */
export const PRIVATE_MARKS = Object.freeze({ serial: 'SN-4242-KALTIM', gps: 'WGS-84-GPS-MARK', model: 'Acme Phone 9', trailer: 'APPENDED-SECRET-TRAILER' });

/**
 * A 16×8 photo (turned a quarter by its EXIF orientation, so it shows 8×16) carrying what a
 * phone writes: camera make and model, the body's serial number, a GPS position; then bytes
 * after the end of the image, where some tools hide data.
 */
export async function jpegWithPrivateMetadata(): Promise<Buffer> {
  const photo = await sharp({ create: { width: 16, height: 8, channels: 3, background: { r: 200, g: 20, b: 20 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Acme', Model: PRIVATE_MARKS.model },
      IFD2: { BodySerialNumber: PRIVATE_MARKS.serial },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '0/1 30/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 9/1 0/1', GPSMapDatum: PRIVATE_MARKS.gps },
    } as Parameters<ReturnType<typeof sharp>['withExif']>[0])
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return Buffer.concat([photo, Buffer.from(PRIVATE_MARKS.trailer)]);
}

/**
 * A one-page PDF with an author in its Info dictionary and, as a viewer would run on
 * opening, `action` (JavaScript unless said otherwise). `objectStreams`: every object
 * compressed into object streams, where a byte search cannot see it.
 */
export async function pdfWith(options: { action?: 'JavaScript' | 'Launch' | null; objectStreams?: boolean; author?: string } = {}): Promise<Buffer> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.addPage([200, 200]);
  if (options.author) document.setAuthor(options.author);
  const action = options.action === undefined ? 'JavaScript' : options.action;
  if (action === 'JavaScript') {
    document.catalog.set(PDFName.of('OpenAction'), document.context.register(document.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })));
  } else if (action === 'Launch') {
    document.catalog.set(PDFName.of('OpenAction'), document.context.register(document.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') })));
  }
  return Buffer.from(await document.save({ useObjectStreams: options.objectStreams ?? false }));
}

/** What a "photo.jpg" from a hostile reporter may really be. */
export function htmlPretendingToBeJpeg(): Buffer {
  return Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n');
}

/** A 64-bit little-endian ELF header followed by padding. */
export function elf(size = 64): Buffer {
  const buffer = Buffer.alloc(size);
  buffer.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  return buffer;
}

/** The DOS header of a Windows executable. */
export function exe(): Buffer {
  const buffer = Buffer.alloc(128);
  buffer.write('MZ', 0, 'latin1');
  buffer.write('This program cannot be run in DOS mode.', 78, 'latin1');
  return buffer;
}

export function gif(): Buffer {
  return Buffer.concat([ascii('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.from([0x3b])]);
}

/** An ISO base media file (MP4 family) holding only its `ftyp` box and an empty `mdat`. */
export function isoMedia(majorBrand: string, compatible: string[] = [majorBrand]): Buffer {
  const brands = [majorBrand, ...compatible].map((brand) => ascii(brand.padEnd(4, ' ')));
  const ftypBody = Buffer.concat([brands[0]!, uint32BE(0x200), ...brands.slice(1)]);
  return Buffer.concat([uint32BE(8 + ftypBody.length), ascii('ftyp'), ftypBody, uint32BE(8), ascii('mdat')]);
}

/** The first page of an Ogg Opus stream (a WhatsApp voice note starts like this). */
export function oggOpus(): Buffer {
  const opusHead = Buffer.concat([ascii('OpusHead'), Buffer.from([1, 1, 0x38, 0x01, 0x80, 0xbb, 0, 0, 0, 0, 0])]);
  const page = Buffer.alloc(27);
  page.write('OggS', 0, 'latin1');
  page[5] = 0x02; // beginning of stream
  page[26] = 1; // one segment
  return Buffer.concat([page, Buffer.from([opusHead.length]), opusHead]);
}

/** An MP3: an ID3v2 tag of `tagBytes` (longer than the head sample when large) then MPEG frames. */
export function mp3(tagBytes = 100): Buffer {
  const syncSafe = [21, 14, 7, 0].map((shift) => (tagBytes >> shift) & 0x7f);
  const tag = Buffer.concat([ascii('ID3'), Buffer.from([4, 0, 0, ...syncSafe]), Buffer.alloc(tagBytes)]);
  const frame = Buffer.alloc(417); // MPEG-1 layer III, 128 kbit/s, 44.1 kHz
  frame.set([0xff, 0xfb, 0x90, 0x64], 0);
  return Buffer.concat([tag, frame, frame, frame, frame]);
}

/** One entry as it sits in an archive: its bytes as stored and what it claims to expand to. */
interface RawZipEntry {
  name: string;
  stored: Buffer;
  method: 0 | 8;
  uncompressedSize: number;
  crc: number;
}

/** A ZIP archive of raw entries (local headers, central directory, end record). */
function zipOfRaw(entries: RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, entry.stored);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const storedEntry = (name: string, content: string | Buffer): RawZipEntry => {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, stored: data, method: 0, uncompressedSize: data.length, crc: crc32(data) };
};

/** A ZIP archive with stored (uncompressed) entries. */
export function zip(entries: Record<string, string | Buffer>): Buffer {
  return zipOfRaw(Object.entries(entries).map(([name, content]) => storedEntry(name, content)));
}

const DOCX_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Laporan</w:t></w:r></w:p></w:body></w:document>';

/**
 * A zip bomb dressed as a Word document: a real `[Content_Types].xml` and `word/document.xml`,
 * then `word/media/filler.bin`, `megabytes` MB of zeros deflated to about 1 KB per MB (one
 * full-flushed block of a zero megabyte repeated, then an empty final block).
 * `lieAboutSize`: the headers claim the filler expands to 1 KB, as a smarter bomb would.
 */
export function zipBombDocx(megabytes = 1024, lieAboutSize = false): Buffer {
  const megabyte = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(megabyte, { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const stored = Buffer.concat([...new Array<Buffer>(megabytes).fill(block), Buffer.from([0x03, 0x00])]);
  let crc = 0;
  for (let index = 0; index < megabytes; index += 1) crc = crc32(megabyte, crc);
  return zipOfRaw([
    storedEntry('[Content_Types].xml', DOCX_CONTENT_TYPES),
    storedEntry('word/document.xml', DOCX_DOCUMENT),
    { name: 'word/media/filler.bin', stored, method: 8, uncompressedSize: lieAboutSize ? 1024 : Math.min(megabytes * 1024 * 1024, 0xffffffff), crc },
  ]);
}

/** A Word document with the personal properties Word writes: author, last editor, company. */
export function docxWithProperties(): Buffer {
  return zip({
    '[Content_Types].xml': DOCX_CONTENT_TYPES,
    'word/document.xml': DOCX_DOCUMENT,
    'docProps/core.xml':
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
      '<dc:creator>Budi Santoso</dc:creator><cp:lastModifiedBy>Budi Santoso</cp:lastModifiedBy></cp:coreProperties>',
    'docProps/app.xml':
      '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Dinas Rahasia</Company></Properties>',
  });
}

/** A macro-enabled Word document (.docm) named and typed as a .docx would be, with its VBA project. */
export function docxWithMacros(): Buffer {
  return zip({
    '[Content_Types].xml': DOCX_CONTENT_TYPES,
    'word/document.xml': DOCX_DOCUMENT,
    'word/vbaProject.bin': Buffer.from('d0cf11e0a1b11ae1', 'hex'),
  });
}

/**
 * A minimal Word document: what file-type needs to tell it from a plain ZIP. A leading
 * entry of `leadingEntryBytes` (a thumbnail, say) pushes the telling parts further in.
 */
export function docx(leadingEntryBytes = 0): Buffer {
  return zip({
    ...(leadingEntryBytes > 0 ? { 'docProps/thumbnail.jpeg': 'x'.repeat(leadingEntryBytes) } : {}),
    '[Content_Types].xml': DOCX_CONTENT_TYPES,
    'word/document.xml': DOCX_DOCUMENT,
  });
}

/** `buffer` followed by zero bytes up to `size` (trailing bytes do not change the type). */
export function padTo(buffer: Buffer, size: number): Buffer {
  return Buffer.concat([buffer, Buffer.alloc(size - buffer.length)]);
}

/** A body arriving in chunks, as an HTTP request does. */
export function bodyOf(buffer: Buffer, chunkSize = 16 * 1024): Readable {
  let offset = 0;
  return new Readable({
    read() {
      const start = offset;
      offset += chunkSize;
      this.push(start < buffer.length ? buffer.subarray(start, offset) : null);
    },
  });
}

/**
 * A body of `totalBytes` that starts with `head` and is generated on demand; `pulled` tells
 * how much of it was read, to prove an upload was abandoned early.
 */
export function endlessBody(head: Buffer, totalBytes: number): Readable & { pulled: number } {
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  const body = new Readable({
    read() {
      const piece = body.pulled === 0 ? head : chunk.subarray(0, Math.min(chunk.length, totalBytes - body.pulled));
      if (piece.length === 0 || body.pulled >= totalBytes) {
        this.push(null);
        return;
      }
      body.pulled += piece.length;
      this.push(piece);
    },
  }) as Readable & { pulled: number };
  body.pulled = 0;
  return body;
}

/** A body that fails half-way, as a dropped connection does. */
export function failingBody(head: Buffer, error: Error): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(head);
        return;
      }
      this.destroy(error);
    },
  });
}
