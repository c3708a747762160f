import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCleanedType } from './evidence-cleaning.ts';
import { EvidenceRejectedError, formatBytes, receiveToTempFile } from './evidence-intake.ts';
import * as files from './test-files.ts';

const MB = 1024 * 1024;
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'evidence-intake-'));
});

afterAll(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

afterEach(async () => {
  expect(await readdir(tempDir), 'temp files left behind').toEqual([]);
});

async function receive(content: Buffer, options: { maxBytes?: number; allowedTypes?: readonly string[] } = {}) {
  const file = await receiveToTempFile(files.bodyOf(content), { maxBytes: options.maxBytes ?? 10 * MB, allowedTypes: options.allowedTypes, tempDir });
  try {
    const kept = await readFile(file.path);
    // Images, PDF and Office files are rewritten (evidence-cleaning.ts); size and hash are of what is kept.
    if (!isCleanedType(file.contentType)) expect(kept.equals(content), 'the temp file holds the bytes received').toBe(true);
    expect({ size: kept.length, sha256: createHash('sha256').update(kept).digest('hex') }).toEqual({ size: file.size, sha256: file.sha256 });
    return { size: file.size, sha256: file.sha256, contentType: file.contentType };
  } finally {
    await file.discard();
  }
}

async function rejection(promise: Promise<unknown>): Promise<EvidenceRejectedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EvidenceRejectedError);
  return error as EvidenceRejectedError;
}

describe('receiveToTempFile: content types', () => {
  it.each([
    ['a PNG', 'image/png', files.png()],
    ['a JPEG', 'image/jpeg', files.jpeg()],
    ['a PDF', 'application/pdf', files.pdf()],
    ['an MP4 video', 'video/mp4', files.isoMedia('isom', ['isom', 'mp41'])],
    ['a QuickTime video', 'video/quicktime', files.isoMedia('qt')],
    ['an M4A recording', 'audio/mp4', files.isoMedia('M4A', ['M4A', 'mp42', 'isom'])],
    ['an Ogg Opus voice note', 'audio/ogg', files.oggOpus()],
    ['an MP3', 'audio/mpeg', files.mp3()],
    ['an MP3 whose ID3 tag is longer than the head sample', 'audio/mpeg', files.mp3(100_000)],
    ['a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', files.docx()],
  ])('accepts %s as %s by its content', async (_label, contentType, content) => {
    const received = await receive(content);
    expect(received.contentType).toBe(contentType);
    if (!isCleanedType(contentType))
      expect(received).toEqual({ size: content.length, sha256: createHash('sha256').update(content).digest('hex'), contentType });
  });

  it('refuses a HEIC photo it cannot clean (the prebuilt libvips has no HEVC decoder), saying what to do', async () => {
    const error = await rejection(receive(files.isoMedia('heic', ['mif1', 'heic'])));
    expect(error.reason).toBe('CONTENT_REFUSED');
    expect(error.message).toContain('JPEG');
  });

  it('refuses a zip bomb dressed as a Word document, and keeps nothing', async () => {
    const error = await rejection(receive(files.zipBombDocx(1024)));
    expect(error).toMatchObject({ reason: 'CONTENT_REFUSED' });
    expect(error.message).toMatch(/expands to more than/);
  });

  it('recognises a Word document whose parts start past the head sample (a bare ZIP at first)', async () => {
    const content = files.docx(100_000);
    expect((await receive(content)).contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it.each([
    ['an HTML page named photo.jpg', files.htmlPretendingToBeJpeg(), 'file type could not be recognised; allowed: jpg, png'],
    ['an ELF executable', files.elf(), 'file type application/x-elf is not allowed; allowed: jpg, png'],
    ['a Windows executable', files.exe(), 'file type application/x-msdownload is not allowed; allowed: jpg, png'],
    ['a GIF', files.gif(), 'file type image/gif is not allowed; allowed: jpg, png'],
    ['a plain ZIP', files.zip({ 'a.txt': 'hello' }), 'file type application/zip is not allowed; allowed: jpg, png'],
    ['a PDF when only images are allowed', files.pdf(), 'file type application/pdf is not allowed; allowed: jpg, png'],
    ['a Word document when only images are allowed', files.docx(), 'is not allowed; allowed: jpg, png'],
  ])('rejects %s', async (_label, content, message) => {
    const error = await rejection(receive(content, { allowedTypes: ['image/jpeg', 'image/png'] }));
    expect(error.reason).toBe('TYPE_NOT_ALLOWED');
    expect(error.message).toContain(message);
  });

  it('rejects an executable from its head, without reading the rest of a large upload', async () => {
    const body = files.endlessBody(files.elf(), 200 * MB);
    const error = await rejection(receiveToTempFile(body, { maxBytes: 500 * MB, tempDir }));
    expect(error.reason).toBe('TYPE_NOT_ALLOWED');
    expect(body.pulled).toBeLessThan(1 * MB);
  });

  it('refuses an allowed list with types outside the evidence list', async () => {
    await expect(receiveToTempFile(files.bodyOf(files.png()), { maxBytes: MB, allowedTypes: ['image/gif'], tempDir })).rejects.toThrow(TypeError);
    await expect(receiveToTempFile(files.bodyOf(files.png()), { maxBytes: 0, tempDir })).rejects.toThrow(TypeError);
  });
});

describe('receiveToTempFile: size', () => {
  it('accepts a file exactly at the limit and rejects one byte over', async () => {
    const limit = 10 * 1024;
    // At the limit it is taken (and cleaned: the padding after the image goes).
    expect((await receive(files.padTo(files.png(), limit), { maxBytes: limit })).size).toBeLessThan(limit);

    const error = await rejection(receive(files.padTo(files.png(), limit + 1), { maxBytes: limit }));
    expect(error.reason).toBe('TOO_LARGE');
    expect(error.message).toBe('file is larger than 10 KB');
  });

  it('stops reading as soon as the limit is passed', async () => {
    const body = files.endlessBody(files.png(), 1024 * MB);
    const error = await rejection(receiveToTempFile(body, { maxBytes: 2 * MB, tempDir }));
    expect(error.reason).toBe('TOO_LARGE');
    expect(error.message).toBe('file is larger than 2 MB');
    expect(body.pulled).toBeLessThan(3 * MB);
    expect(body.destroyed, 'the body belongs to the caller').toBe(false);
  });

  it('rejects an empty file', async () => {
    const error = await rejection(receive(Buffer.alloc(0)));
    expect(error).toMatchObject({ reason: 'EMPTY', message: 'file is empty' });
  });

  it('passes on an error of the body and keeps nothing', async () => {
    const failure = new Error('connection reset');
    await expect(receiveToTempFile(files.failingBody(files.png(), failure), { maxBytes: MB, tempDir })).rejects.toBe(failure);
  });

  it('names limits in binary units, exactly when they are not round', () => {
    expect(formatBytes(10 * MB)).toBe('10 MB');
    expect(formatBytes(1.5 * MB)).toBe('1.5 MB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(2 * 1024 * MB)).toBe('2 GB');
    expect(formatBytes(100)).toBe('100 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(10_000)).toBe('9.8 KB (10000 bytes)');
  });
});
