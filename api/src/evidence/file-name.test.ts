import { describe, expect, it } from 'vitest';
import { EVIDENCE_CONTENT_TYPES, extensionFor, findEvidenceContentType } from './content-types.ts';
import { sanitizeFileName } from './file-name.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('sanitizeFileName', () => {
  it('keeps an ordinary Indonesian name, with the extension of the detected type', () => {
    expect(sanitizeFileName('Foto pungli di loket (1).jpg', 'image/jpeg')).toBe('Foto pungli di loket (1).jpg');
    expect(sanitizeFileName('Bukti_transfer-Jan.JPEG', 'image/jpeg')).toBe('Bukti_transfer-Jan.jpg');
  });

  it('replaces the claimed extension with the detected one', () => {
    expect(sanitizeFileName('photo.jpg', 'application/pdf')).toBe('photo.pdf');
    expect(sanitizeFileName('surat.final.docx', 'application/pdf')).toBe('surat.final.pdf');
    expect(sanitizeFileName('rekaman', 'audio/ogg')).toBe('rekaman.ogg');
    expect(sanitizeFileName('invoice.pdf.exe', 'image/png')).toBe('invoice.pdf.png');
    // A version number is not an extension.
    expect(sanitizeFileName('Laporan v2.1', DOCX)).toBe('Laporan v2.1.docx');
  });

  it('strips directories, both Unix and Windows, and path traversal', () => {
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\Users\\budi\\Desktop\\kwitansi.png', 'image/png')).toBe('kwitansi.png');
    expect(sanitizeFileName('..\\..\\..\\windows\\system32', 'image/png')).toBe('system32.png');
    expect(sanitizeFileName('folder/', 'image/png')).toBe('berkas.png');
  });

  it('keeps letters of any script and combining marks, in NFC', () => {
    expect(sanitizeFileName('Laporan Ñandú café.pdf', 'application/pdf')).toBe('Laporan Ñandú café.pdf');
    expect(sanitizeFileName('Cafe\u0301.pdf', 'application/pdf')).toBe('Café.pdf');
    expect(sanitizeFileName('ꦧꦸꦏ꧀ꦠꦶ.pdf', 'application/pdf')).toBe('ꦧꦸꦏ꧀ꦠꦶ.pdf');
    expect(sanitizeFileName('بلاغ.pdf', 'application/pdf')).toBe('بلاغ.pdf');
  });

  it('removes control and bidi characters, so nothing can disguise the extension', () => {
    expect(sanitizeFileName('bukti\u0000\u0007\u001b[31m.png', 'image/png')).toBe('bukti 31m.png');
    expect(sanitizeFileName('foto\u202Egpj.exe', 'image/jpeg')).toBe('fotogpj.jpg');
    expect(sanitizeFileName('zero\u200Bwidth.pdf', 'application/pdf')).toBe('zerowidth.pdf');
  });

  it('collapses whitespace and replaces unsafe punctuation', () => {
    expect(sanitizeFileName('  laporan \t\n  akhir\u00A0\u00A0 2026 .pdf', 'application/pdf')).toBe('laporan akhir 2026.pdf');
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.pdf', 'application/pdf')).toBe('a b c d e f g h.pdf');
    expect(sanitizeFileName('Rp.500rb & "uang rokok" 😀.jpg', 'image/jpeg')).toBe('Rp.500rb uang rokok.jpg');
  });

  it('never yields a hidden file or trailing dots', () => {
    expect(sanitizeFileName('.htaccess', 'image/png')).toBe('berkas.png');
    expect(sanitizeFileName('...rahasia.jpg', 'image/png')).toBe('rahasia.png');
    expect(sanitizeFileName('akhir...', 'image/png')).toBe('akhir.png');
  });

  it('falls back to "berkas" when nothing readable is left', () => {
    for (const name of ['', '   ', '\u0000\u0001', '😀😀', '---', '.pdf', '/']) {
      expect(sanitizeFileName(name, 'application/pdf')).toBe('berkas.pdf');
    }
  });

  it('caps long names at 120 characters, keeping the extension and whole letters', () => {
    const long = sanitizeFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(long).toBe(`${'a'.repeat(116)}.pdf`);
    expect([...long]).toHaveLength(120);

    const pptx = sanitizeFileName(`${'b'.repeat(300)}.exe`, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(pptx).toHaveLength(120);
    expect(pptx.endsWith('b.pptx')).toBe(true);

    // "é" decomposed stays whole: the cut never separates a letter from its accent.
    const accented = sanitizeFileName(`${'x'.repeat(114)}e\u0301e\u0301.pdf`, 'application/pdf');
    expect(accented).toBe(`${'x'.repeat(114)}éé.pdf`);
    const decomposedAtCut = sanitizeFileName(`${'x'.repeat(115)}\u0915\u094D\u0937.pdf`, 'application/pdf');
    expect([...decomposedAtCut].length).toBeLessThanOrEqual(120);
    expect(decomposedAtCut).toBe(`${'x'.repeat(115)}.pdf`);

    // A cut that lands on a space does not leave it before the extension.
    expect(sanitizeFileName(`${'c'.repeat(115)} dddd.pdf`, 'application/pdf')).toBe(`${'c'.repeat(115)}.pdf`);
  });

  it('keeps the claimed extension, sanitised, while the content type is not known yet', () => {
    const pending = sanitizeFileName('C:\\fakepath\\Foto\u202Egnp.JPG', 'application/octet-stream');
    expect(pending).toBe('Fotognp.jpg');
    expect(sanitizeFileName(pending, 'image/png')).toBe('Fotognp.png');
    expect(sanitizeFileName('rekaman suara', 'application/octet-stream')).toBe('rekaman suara');
    expect(sanitizeFileName('', 'application/octet-stream')).toBe('berkas');
    expect(sanitizeFileName(`${'d'.repeat(200)}.jpeg`, 'application/octet-stream')).toBe(`${'d'.repeat(115)}.jpeg`);
  });
});

describe('evidence content types', () => {
  it('gives every type its extension', () => {
    expect(EVIDENCE_CONTENT_TYPES.map(extensionFor)).toEqual(['jpg', 'png', 'webp', 'heic', 'pdf', 'mp4', 'mov', 'mp3', 'm4a', 'ogg', 'docx', 'xlsx', 'pptx']);
    expect(() => extensionFor('text/html')).toThrow(TypeError);
    expect(() => extensionFor('constructor')).toThrow(TypeError);
  });

  it('maps what file-type reports to our names, and nothing else', () => {
    expect(findEvidenceContentType('audio/x-m4a')).toBe('audio/mp4');
    expect(findEvidenceContentType('audio/ogg; codecs=opus')).toBe('audio/ogg');
    expect(findEvidenceContentType('image/heif')).toBe('image/heic');
    expect(findEvidenceContentType('image/apng')).toBe('image/png');
    expect(findEvidenceContentType('image/jpeg')).toBe('image/jpeg');
    for (const mime of ['application/zip', 'image/gif', 'application/x-msdownload', 'video/ogg', 'application/ogg', 'image/heif-sequence', 'toString']) {
      expect(findEvidenceContentType(mime)).toBeUndefined();
    }
  });
});
