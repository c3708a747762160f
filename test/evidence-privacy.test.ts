/**
 * Evidence carries nothing the reporter did not mean to send (issue 12, item 4), through the
 * real interfaces: upload links, report submission, and the staff download over HTTP.
 */
import { mkdtempSync } from 'node:fs';
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
  api = await startApi(apiEnv);
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
  });
});

describe('file names of a confidential report', () => {
  it('are neutral for staff, numbered in the order of the report, and the reporter\'s name is not kept', async () => {
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
        const rows = await db.sql.query<{ file_name: string }>('SELECT file_name FROM evidence WHERE id = ANY($1::uuid[])', [[first.evidenceId, second.evidenceId]]);
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
      variables: { input: { caseTypeKey: 'whistleblowing', answers: validAnswers(caseType('whistleblowing')), identityMode: 'ANONYMOUS', evidenceIds: [upload.evidenceId] } },
    });
    expect(filed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a PDF with JavaScript, even compressed in an object stream', async () => {
    const upload = await uploadEvidence(api.url, BONTANG, 'whistleblowing', 'surat.pdf', await files.pdfWith({ objectStreams: true }));
    expect(upload.status).toBe(422);
    expect(upload.body).toEqual({ error: 'BAD_USER_INPUT', message: expect.stringMatching(/active or embedded content/) });
  });
});
