import sharp from 'sharp';
import { PDFDocument } from '@cantoo/pdf-lib';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, cleanEvidence, EvidenceContentRefusedError } from './evidence-cleaning.ts';
import * as files from './test-files.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function listZip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, async (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

describe('images', () => {
  it('drops EXIF (GPS, serial, model) and appended bytes, keeping the orientation and a decodable image', async () => {
    const input = await files.jpegWithPrivateMetadata();
    for (const mark of Object.values(files.PRIVATE_MARKS)) expect(input.includes(mark)).toBe(true);
    const { bytes, contentType } = await cleanEvidence(input, 'image/jpeg');
    expect(contentType).toBe('image/jpeg');
    for (const mark of Object.values(files.PRIVATE_MARKS)) expect(bytes.includes(mark)).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    // Turned upright: 16×8 with orientation 6 shows 8 wide, 16 high.
    expect([metadata.width, metadata.height]).toEqual([8, 16]);
    // Nothing after the JPEG's end-of-image marker.
    expect(bytes.subarray(-2).toString('hex')).toBe('ffd9');
  });

  it('re-encodes PNG and WebP as themselves', async () => {
    expect((await cleanEvidence(files.png(), 'image/png')).contentType).toBe('image/png');
    const webp = await sharp(files.png())
      .webp()
      .withExif({ IFD0: { Artist: 'Budi' } })
      .toBuffer();
    const cleaned = await cleanEvidence(webp, 'image/webp');
    expect((await sharp(cleaned.bytes).metadata()).exif).toBeUndefined();
  });

  it('refuses a HEIC this libvips cannot decode, saying what to do', async () => {
    await expect(cleanEvidence(files.isoMedia('heic', ['mif1', 'heic']), 'image/heic')).rejects.toThrow(/HEIC.*JPEG/);
  });

  it('refuses an image it cannot decode', async () => {
    await expect(cleanEvidence(Buffer.concat([files.jpeg().subarray(0, 20)]), 'image/jpeg')).rejects.toBeInstanceOf(EvidenceContentRefusedError);
  });
});

describe('PDF', () => {
  it('refuses JavaScript, also inside compressed object streams', async () => {
    await expect(cleanEvidence(await files.pdfWith(), 'application/pdf')).rejects.toThrow(/JavaScript|\/JS/);
    const hidden = await files.pdfWith({ objectStreams: true });
    expect(hidden.includes('JavaScript')).toBe(false);
    await expect(cleanEvidence(hidden, 'application/pdf')).rejects.toThrow(/active or embedded content/);
  });

  it('refuses a launch action', async () => {
    await expect(cleanEvidence(await files.pdfWith({ action: 'Launch', objectStreams: true }), 'application/pdf')).rejects.toThrow(/Launch/);
  });

  it('removes the Info dictionary, XMP metadata and appended bytes', async () => {
    const input = Buffer.concat([await files.pdfWith({ action: null, author: 'Budi Santoso', objectStreams: true }), Buffer.from('%APPENDED-SECRET')]);
    const { bytes } = await cleanEvidence(input, 'application/pdf');
    expect(bytes.includes('Budi Santoso')).toBe(false);
    expect(bytes.includes('APPENDED-SECRET')).toBe(false);
    const reread = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reread.getAuthor()).toBeUndefined();
    expect(reread.getPageCount()).toBe(1);
  });

  it('rewrites a plain PDF', async () => {
    const { bytes } = await cleanEvidence(files.pdf(), 'application/pdf');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
  });
});

describe('Office documents', () => {
  it('refuses a zip bomb from its directory, without expanding it', async () => {
    const bomb = files.zipBombDocx(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    await expect(cleanEvidence(bomb, DOCX)).rejects.toThrow(/expands to more than/);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('refuses a zip bomb whose headers lie about its size, once it expands past them', async () => {
    const bomb = files.zipBombDocx(ARCHIVE_LIMITS.maxUncompressedBytes / 1024 / 1024 + 50, true);
    await expect(cleanEvidence(bomb, DOCX)).rejects.toBeInstanceOf(EvidenceContentRefusedError);
  });

  it('refuses macros', async () => {
    await expect(cleanEvidence(files.docxWithMacros(), DOCX)).rejects.toThrow(/macros/);
    const docm = files.zip({
      '[Content_Types].xml': '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>',
      'word/document.xml': '<w:document/>',
    });
    await expect(cleanEvidence(docm, DOCX)).rejects.toThrow(/macro-enabled/);
  });

  it('blanks author, last editor and company, keeping the document', async () => {
    const { bytes } = await cleanEvidence(files.docxWithProperties(), DOCX);
    expect(bytes.includes('Budi Santoso')).toBe(false);
    expect(bytes.includes('Dinas Rahasia')).toBe(false);
    const entries = await listZip(bytes);
    expect(entries.get('word/document.xml')).toContain('Laporan');
    expect(entries.get('docProps/core.xml')).toContain('coreProperties');
  });
});
