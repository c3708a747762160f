/**
 * Evidence carries nothing the reporter did not mean to send (issue 12, item 4), through the
 * real interfaces: upload links, report submission, and the staff download over HTTP.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as files from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, STAFF_CASE, staffClient, type StaffClient } from './support/staff.ts';

const BONTANG = 'inspektorat-bontang';
let database: TestDatabase;
let api: RunningProcess;
let apiEnv: Record<string, string | undefined>;
let evidenceDir: string;
let verifier: StaffClient;
let caseTypes: CaseTypeInfo[];

const endpoint = () => `${api.url}/t/${BONTANG}/graphql`;
const caseType = (key: string) => caseTypes.find((item) => item.key === key)!;

/** Files an anonymous report with these evidence ids; returns the case as the verifier sees it. */
async function fileReport(caseTypeKey: string, evidenceIds: string[]) {
  const ct = caseType(caseTypeKey);
  const filed = await graphql(endpoint(), SUBMIT_REPORT, {
    variables: { input: { caseTypeKey, answers: validAnswers(ct, 'bukti bersih'), identityMode: 'ANONYMOUS', evidenceIds } },
  });
  expect(filed.errors).toBeUndefined();
  const number = filed.data!.submitReport.registrationNumber as string;
  const found = await verifier.call(INBOX, { filter: { search: number } });
  const id = found.data!.inbox.cases[0].id as string;
  const staffCase = await verifier.call(STAFF_CASE, { id });
  expect(staffCase.errors).toBeUndefined();
  return { number, id, receipt: filed.data!.submitReport.receipt, evidence: staffCase.data!.staffCase.evidence as { fileName: string; sha256: string }[] };
}

/** Reads the database directly; with PGlite only while the API is stopped (it owns the folder). */
async function withDatabase<T>(work: (db: ReturnType<TestDatabase['open']>) => Promise<T>): Promise<T> {
  const db = database.open();
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

const storageKeys = new Map<string, string>();
/** The stored object's key: `<tenant id>/<evidence id>` (asked of the API's own tenant query). */
async function storageKeyOf(evidenceId: string): Promise<string> {
  if (!storageKeys.has('tenant')) {
    const tenant = await graphql(endpoint(), '{ tenant { id } }');
    storageKeys.set('tenant', tenant.data!.tenant.id as string);
  }
  return `${storageKeys.get('tenant')}/${evidenceId}`;
}

async function download(evidenceId: string) {
  const response = await fetch(`${api.url}/t/${BONTANG}/evidence/${evidenceId}`, { headers: { authorization: `Bearer ${verifier.token}` } });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-evidence-privacy-'));
  evidenceDir = path.join(scratch, 'evidence');
  apiEnv = { ...database.env, IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'), EVIDENCE_DIR: evidenceDir };
  // No sweeps until the cleanup test asks for them.
  api = await startApi({ ...apiEnv, SLA_SWEEP_ENABLED: 'false' });
  verifier = await staffClient(api.url, BONTANG, 'verifikator');
  caseTypes = await caseTypesOf(api.url, BONTANG);
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('a photo from a phone', () => {
  it('reaches staff without its GPS position, camera serial or appended bytes, upright and decodable', async () => {
    const original = await files.jpegWithPrivateMetadata();
    const photo = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'IMG_2031.jpg', original);
    expect(photo.status).toBe(201);
    const filed = await fileReport('whistleblowing', [photo.evidenceId]);
    const { response, bytes } = await download(photo.evidenceId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    for (const [what, mark] of Object.entries(files.PRIVATE_MARKS)) expect(bytes.includes(mark), `${what} reached staff`).toBe(false);
    const metadata = await sharp(bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['jpeg', 8, 16]);
    expect(bytes.subarray(-2).toString('hex'), 'nothing after the end of the image').toBe('ffd9');
    // Size and hash everyone sees are those of the cleaned file.
    expect(response.headers.get('x-evidence-sha256')).toBe(filed.evidence[0]!.sha256);
    expect(filed.receipt.evidence[0].size).toBe(bytes.length);

    // At rest it is encrypted with the agency's key: neither the photo nor its pixels' JPEG.
    const atRest = readFileSync(path.join(evidenceDir, await storageKeyOf(photo.evidenceId)));
    expect(atRest.subarray(0, 8).toString('latin1')).toBe('ADUANEV1');
    expect(atRest.includes(bytes.subarray(0, 64)), 'the downloaded bytes are not on disk').toBe(false);
    expect(atRest.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
  });
});

describe('file names of a confidential report', () => {
  it("are neutral for staff, numbered in the order of the report, and the reporter's name is not kept", async () => {
    const first = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'Budi Santoso - rekaman kepala dinas.jpg', files.jpeg());
    const second = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'HP Budi 0812.png', files.png());
    expect([first.body.fileName, second.body.fileName]).toEqual(['bukti.jpg', 'bukti.png']);
    const filed = await fileReport('whistleblowing', [first.evidenceId, second.evidenceId]);
    expect(filed.receipt.evidence.map((file: { fileName: string }) => file.fileName)).toEqual(['bukti-1.jpg', 'bukti-2.png']);
    expect(filed.evidence.map((file) => file.fileName).sort()).toEqual(['bukti-1.jpg', 'bukti-2.png']);
    const { response } = await download(second.evidenceId);
    expect(response.headers.get('content-disposition')).toContain('filename="bukti-2.png"');
    const db = database.kind === 'postgresql' ? database.open() : null;
    if (db) {
      try {
        const rows = await db.sql.query<{ file_name: string }>('SELECT file_name FROM evidence WHERE id = ANY($1::uuid[])', [
          [first.evidenceId, second.evidenceId],
        ]);
        expect(rows.map((row) => row.file_name).join(' ')).not.toMatch(/Budi|rekaman|0812/);
      } finally {
        await db.close();
      }
    }
  });
});

describe('documents', () => {
  it('refuses a zip bomb dressed as a .docx quickly, with a clear BAD_USER_INPUT', async () => {
    const started = performance.now();
    const upload = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'laporan.docx', files.zipBombDocx(1024));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(upload.status).toBe(422);
    expect(upload.body).toEqual({ error: 'BAD_USER_INPUT', message: expect.stringMatching(/expands to more than/) });
    // The link is gone with it: nothing to attach.
    const filed = await graphql(endpoint(), SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: 'whistleblowing',
          answers: validAnswers(caseType('whistleblowing')),
          identityMode: 'ANONYMOUS',
          evidenceIds: [upload.evidenceId],
        },
      },
    });
    expect(filed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a PDF with JavaScript, even compressed in an object stream', async () => {
    const upload = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'surat.pdf', await files.pdfWith({ objectStreams: true }));
    expect(upload.status).toBe(422);
    expect(upload.body).toEqual({ error: 'BAD_USER_INPUT', message: expect.stringMatching(/active or embedded content/) });
  });
});

describe('upload links nobody attached, and files from before encryption', () => {
  it('are deleted, row and bytes, by the background job once expired; a plaintext file of before still downloads', async () => {
    const kept = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'a.jpg', files.jpeg());
    const forgotten = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'b.jpg', files.jpeg());
    const linkOnly = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'c.jpg', Buffer.alloc(0));
    expect([kept.status, forgotten.status, linkOnly.status]).toEqual([201, 201, 400]);
    const neverUsed = await graphql(endpoint(), 'mutation { createEvidenceUpload(input: {caseTypeKey: "whistleblowing", fileName: "d.jpg"}) { evidenceId } }');
    const neverUsedId = neverUsed.data!.createEvidenceUpload.evidenceId as string;
    const legacy = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'lama.jpg', files.jpeg());
    await fileReport('whistleblowing', [kept.evidenceId, legacy.evidenceId]);
    const forgottenFile = path.join(evidenceDir, await storageKeyOf(forgotten.evidenceId));
    expect(existsSync(forgottenFile)).toBe(true);

    await api.stop();
    const plaintext = files.jpeg();
    await withDatabase(async (db) => {
      const past = new Date(Date.now() - 60_000).toISOString();
      await db.sql.query('UPDATE evidence SET upload_expires_at = $1::timestamp WHERE id = ANY($2::uuid[])', [
        past,
        [forgotten.evidenceId, neverUsedId, kept.evidenceId],
      ]);
      // A file stored before encryption at rest: plaintext on disk, no context on its row.
      await db.sql.query('UPDATE evidence SET encrypted_for = NULL, size = $2, sha256 = $3 WHERE id = $1::uuid', [
        legacy.evidenceId,
        plaintext.length,
        createHash('sha256').update(plaintext).digest('hex'),
      ]);
    });
    writeFileSync(path.join(evidenceDir, await storageKeyOf(legacy.evidenceId)), plaintext);
    api = await startApi({ ...apiEnv, SLA_SWEEP_INTERVAL_SECONDS: '1', EVIDENCE_UNATTACHED_GRACE_MINUTES: '0' });

    const deadline = Date.now() + 20_000;
    while (existsSync(forgottenFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(existsSync(forgottenFile), 'the forgotten file is gone from disk').toBe(false);
    // Its row went with it: the id can no longer be attached (nor can the never-used link's).
    for (const id of [forgotten.evidenceId, neverUsedId]) {
      const attach = await graphql(endpoint(), SUBMIT_REPORT, {
        variables: {
          input: { caseTypeKey: 'whistleblowing', answers: validAnswers(caseType('whistleblowing')), identityMode: 'ANONYMOUS', evidenceIds: [id] },
        },
      });
      expect(attach.errors?.[0]?.extensions?.issues).toEqual([{ path: ['evidenceIds'], message: expect.any(String) }]);
    }
    // Attached files stay, whatever their link's age.
    expect(existsSync(path.join(evidenceDir, await storageKeyOf(kept.evidenceId)))).toBe(true);
    expect((await download(kept.evidenceId)).response.status).toBe(200);
    const old = await download(legacy.evidenceId);
    expect(old.response.status).toBe(200);
    expect(old.bytes.equals(plaintext)).toBe(true);
    if (database.kind === 'postgresql') {
      const rows = await withDatabase((db) =>
        db.sql.query<{ id: string }>('SELECT id::text FROM evidence WHERE id = ANY($1::uuid[])', [[forgotten.evidenceId, neverUsedId]]),
      );
      expect(rows).toEqual([]);
    }
  }, 60_000);
});
