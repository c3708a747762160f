/**
 * One behaviour suite, run against both drivers: local disk in a temp folder, and S3 against
 * s3rver (a local S3-compatible server) on a free port of 127.0.0.1.
 */
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceRejectedError, createLocalEvidenceStorage, createS3EvidenceStorage, type EvidenceStorage } from './evidence-storage.ts';
import * as files from './test-files.ts';
import { createDecryptStream, evidenceContext } from './evidence-crypto.ts';

const MB = 1024 * 1024;

interface Harness {
  storage: EvidenceStorage;
  /** Every stored object key and every temp file, so leftovers of any kind show. */
  listEverything(): Promise<string[]>;
  stop(): Promise<void>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

async function startLocal(): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), 'evidence-local-'));
  const dir = join(root, 'objects');
  const storage = createLocalEvidenceStorage({ dir });
  return {
    storage,
    // The default temp folder is dir/.tmp, so temp files appear here as ".tmp/…".
    listEverything: async () => (await listFiles(root)).map((path) => relative('objects', path)).sort(),
    stop: () => rm(root, { recursive: true, force: true }),
  };
}

async function startS3(): Promise<Harness> {
  const root = await mkdtemp(join(tmpdir(), 'evidence-s3-'));
  await mkdir(join(root, 's3rver'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory: join(root, 's3rver'), silent: true });
  const { port } = await server.run();
  const connection = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  const bucket = 'aduan-evidence';
  const admin = new S3Client({ ...connection, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  await admin.send(new CreateBucketCommand({ Bucket: bucket }));
  const tempDir = join(root, 'temp');
  const storage = createS3EvidenceStorage({ ...connection, bucket, tempDir });
  return {
    storage,
    listEverything: async () => {
      const listing = await admin.send(new ListObjectsV2Command({ Bucket: bucket }));
      const keys = (listing.Contents ?? []).map((object) => object.Key ?? '');
      const temps = (await listFiles(tempDir)).map((name) => `temp/${name}`);
      return [...keys, ...temps].sort();
    },
    stop: async () => {
      admin.destroy();
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

async function rejection(promise: Promise<unknown>): Promise<EvidenceRejectedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EvidenceRejectedError);
  return error as EvidenceRejectedError;
}

describe.each([
  { driver: 'local', start: startLocal },
  { driver: 's3', start: startS3 },
])('$driver evidence storage', ({ driver, start }) => {
  let harness: Harness;
  let storage: EvidenceStorage;

  beforeAll(async () => {
    harness = await start();
    storage = harness.storage;
  });

  afterAll(async () => {
    await harness?.stop();
  });

  afterEach(async () => {
    for (const key of await harness.listEverything()) {
      if (!key.startsWith('.tmp/') && !key.startsWith('temp/')) await storage.delete(key);
    }
  });

  it('says which driver it is', () => {
    expect(storage.kind).toBe(driver);
  });

  it.each([
    ['an MP3', 'audio/mpeg', files.mp3()],
    ['an MP4 video', 'video/mp4', files.isoMedia('isom', ['isom', 'mp41'])],
  ])('stores %s as %s with its size and SHA-256, and gives back the same bytes', async (_label, contentType, content) => {
    const key = 'tenant-btg/case-2026-000123/0f8fad5b-d9cb-469f-a165-70867728950e';
    const stored = await storage.put(key, files.bodyOf(content, 7), { maxBytes: MB });
    expect(stored).toEqual({ key, size: content.length, sha256: sha256(content), contentType });
    expect((await readAll(await storage.get(key))).equals(content), 'get gives back the bytes stored').toBe(true);
    expect(await harness.listEverything()).toEqual([key]);
  });

  it.each([
    ['a PNG', 'image/png', files.png()],
    ['a JPEG', 'image/jpeg', files.jpeg()],
    ['a PDF', 'application/pdf', files.pdf()],
    ['a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', files.docx()],
  ])('stores %s as %s cleaned, with the size and SHA-256 of what it gives back', async (_label, contentType, content) => {
    const key = 'tenant-btg/case-2026-000123/0f8fad5b-d9cb-469f-a165-70867728950e';
    const stored = await storage.put(key, files.bodyOf(content, 7), { maxBytes: MB });
    const back = await readAll(await storage.get(key));
    expect(stored).toEqual({ key, size: back.length, sha256: sha256(back), contentType });
    expect(await harness.listEverything()).toEqual([key]);
  });

  it('stores an encrypted file when given the tenant key: what rests is not the plaintext, and it decrypts to the cleaned file', async () => {
    const key = 'tenant-btg/0f8fad5b-d9cb-469f-a165-70867728950e';
    const sealing = { key: Buffer.alloc(32, 9), context: evidenceContext('11111111-2222-4333-8444-555555555555', '0f8fad5b-d9cb-469f-a165-70867728950e') };
    const photo = await files.jpegWithPrivateMetadata();
    const stored = await storage.put(key, files.bodyOf(photo), { maxBytes: MB, sealing });
    const atRest = await readAll(await storage.get(key));
    expect(atRest.subarray(0, 8).toString('latin1')).toBe('ADUANEV1');
    expect(atRest.includes(Buffer.from([0xff, 0xd8, 0xff])), 'no JPEG in the clear').toBe(false);
    const plain = await readAll((await storage.get(key)).pipe(createDecryptStream(sealing)));
    expect({ size: plain.length, sha256: sha256(plain) }).toEqual({ size: stored.size, sha256: stored.sha256 });
    expect(plain.subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect(await harness.listEverything()).toEqual([key]);
  });

  it('stores a file exactly at the limit and rejects one byte over', async () => {
    const limit = 64 * 1024;
    const atLimit = files.padTo(files.mp3(), limit);
    expect(await storage.put('at-limit', files.bodyOf(atLimit), { maxBytes: limit })).toMatchObject({ size: limit, sha256: sha256(atLimit) });

    const error = await rejection(storage.put('over-limit', files.bodyOf(files.padTo(files.png(), limit + 1)), { maxBytes: limit }));
    expect(error).toMatchObject({ reason: 'TOO_LARGE', message: 'file is larger than 64 KB' });
    expect(await harness.listEverything()).toEqual(['at-limit']);
  });

  it.each([
    ['a "photo.jpg" that is really HTML', 'TYPE_NOT_ALLOWED', files.htmlPretendingToBeJpeg()],
    ['an ELF executable', 'TYPE_NOT_ALLOWED', files.elf()],
    ['a Windows executable', 'TYPE_NOT_ALLOWED', files.exe()],
    ['an empty file', 'EMPTY', Buffer.alloc(0)],
  ])('rejects %s (%s) and leaves nothing behind', async (_label, reason, content) => {
    const error = await rejection(storage.put('rejected', files.bodyOf(content), { maxBytes: MB }));
    expect(error.reason).toBe(reason);
    expect(await harness.listEverything()).toEqual([]);
  });

  it('rejects a type outside the allowed subset', async () => {
    const error = await rejection(storage.put('pdf', files.bodyOf(files.pdf()), { maxBytes: MB, allowedTypes: ['image/jpeg', 'image/png'] }));
    expect(error).toMatchObject({ reason: 'TYPE_NOT_ALLOWED', message: 'file type application/pdf is not allowed; allowed: jpg, png' });
    expect(await harness.listEverything()).toEqual([]);
  });

  it('abandons an oversized upload as soon as it passes the limit', async () => {
    const body = files.endlessBody(files.png(), 1024 * MB);
    const error = await rejection(storage.put('huge', body, { maxBytes: 2 * MB }));
    expect(error.reason).toBe('TOO_LARGE');
    expect(body.pulled).toBeLessThan(3 * MB);
    expect(await harness.listEverything()).toEqual([]);
  });

  it('passes on a failure of the body and leaves nothing behind', async () => {
    const failure = new Error('connection reset by peer');
    await expect(storage.put('broken', files.failingBody(files.png(), failure), { maxBytes: MB })).rejects.toBe(failure);
    expect(await harness.listEverything()).toEqual([]);
  });

  it('deletes idempotently, after which the object is NOT_FOUND', async () => {
    await storage.put('case-1/evidence', files.bodyOf(files.png()), { maxBytes: MB });
    await storage.delete('case-1/evidence');
    await expect(storage.get('case-1/evidence')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await storage.delete('case-1/evidence');
    await storage.delete('never-stored/evidence');
    expect(await harness.listEverything()).toEqual([]);
  });

  it('answers NOT_FOUND for a missing object, and for a key that is only a prefix', async () => {
    await expect(storage.get('missing')).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'evidence object not found' });
    await storage.put('prefix/object', files.bodyOf(files.png()), { maxBytes: MB });
    await expect(storage.get('prefix')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await storage.delete('prefix');
    expect(await harness.listEverything()).toEqual(['prefix/object']);
  });

  it.each([
    '..',
    '../outside',
    'a/../../outside',
    'a/..',
    '/etc/passwd',
    'a\\..\\b',
    '',
    'a//b',
    'a/',
    '.hidden',
    'a/.tmp/x',
    'bukti ku',
    'ä',
    'a'.repeat(513),
  ])('refuses the key %j', async (key) => {
    const body = files.bodyOf(files.png());
    await expect(storage.put(key, body, { maxBytes: MB })).rejects.toThrow(TypeError);
    await expect(storage.get(key)).rejects.toThrow(TypeError);
    await expect(storage.delete(key)).rejects.toThrow(TypeError);
    expect(body.readableDidRead, 'the body is not read for a refused key').toBe(false);
    expect(await harness.listEverything()).toEqual([]);
  });
});

describe('an upload over HTTP', () => {
  let root: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'evidence-http-'));
    const storage = createLocalEvidenceStorage({ dir: root });
    let uploads = 0;
    // The way the HTTP layer is meant to use put: the request is the body; a rejection is
    // answered while the rest of the request is still unread, then the connection closes.
    server = createServer((req, res) => {
      storage.put(`upload-${++uploads}`, req, { maxBytes: MB }).then(
        (stored) => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(stored)),
        (error: unknown) => {
          const status = error instanceof EvidenceRejectedError ? (error.reason === 'TOO_LARGE' ? 413 : 415) : 500;
          res.writeHead(status, { connection: 'close' }).end(error instanceof Error ? error.message : '');
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  function put(body: NodeJS.ReadableStream): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'PUT' }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      body.pipe(req);
    });
  }

  it('stores a streamed request body', async () => {
    const content = files.padTo(files.mp3(), 300 * 1024);
    const { status, text } = await put(files.bodyOf(content));
    expect(status).toBe(201);
    expect(JSON.parse(text)).toEqual({ key: 'upload-1', size: content.length, sha256: sha256(content), contentType: 'audio/mpeg' });
  });

  it('lets the server answer 413 to an endless upload, which stops early', async () => {
    const body = files.endlessBody(files.png(), 1024 * MB);
    expect(await put(body)).toEqual({ status: 413, text: 'file is larger than 1 MB' });
    // Socket buffers take a few megabytes more; the gigabyte is never sent.
    expect(body.pulled).toBeLessThan(64 * MB);
    expect(await listFiles(root)).toEqual(['upload-1']);
  });

  it('lets the server answer 415 to an executable named like a photo', async () => {
    expect(await put(files.bodyOf(files.elf(200_000)))).toMatchObject({ status: 415 });
    expect(await listFiles(root)).toEqual(['upload-1']);
  });
});
