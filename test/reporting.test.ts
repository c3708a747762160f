/**
 * Filing and following reports over HTTP against a running API, on PGlite or PostgreSQL:
 * every online case type on every agency, the three identity modes, evidence uploads,
 * registration numbers under concurrency, tracking, messages, bad input, and what must
 * never leak (identity in the database or the logs, existence of a number).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpeg, png, htmlPretendingToBeJpeg } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, TRACK_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { printServerOutputOnFailure } from './support/console-browser.ts';

const TENANTS = ['inspektorat-kalbar', 'bkad-kalbar', 'inspektorat-kalsel', 'inspektorat-bontang'];
let database: TestDatabase;
let api: RunningProcess;
const caseTypes: Record<string, CaseTypeInfo[]> = {};

/** Kept across API restarts: a new master key would not open the tenant keys made with the old one. */
let apiEnv: Record<string, string | undefined>;
const endpoint = (slug: string) => `${api.url}/t/${slug}/graphql`;

/**
 * Looks into the database directly. PGlite belongs to one process, so in that mode the
 * API is stopped for the look and started again afterwards.
 */
async function inspectDatabase<T>(look: (db: ReturnType<TestDatabase['open']>) => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') await api.stop();
  const db = database.open();
  try {
    return await look(db);
  } finally {
    await db.close();
    if (database.kind === 'pglite') api = await startApi(apiEnv);
  }
}

async function submit(slug: string, input: Record<string, unknown>, headers: Record<string, string> = {}) {
  return graphql(endpoint(slug), SUBMIT_REPORT, { variables: { input }, headers });
}

function caseType(slug: string, key: string): CaseTypeInfo {
  return caseTypes[slug]!.find((item) => item.key === key)!;
}

async function evidenceFor(slug: string, key: string, count = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const upload = await uploadEvidence(api.url, slug, key, `foto-bukti-${index}.png`, png());
    expect(upload.status).toBe(201);
    ids.push(upload.evidenceId);
  }
  return ids;
}

/** A complete, valid report of this case type in the first identity mode that needs no account. */
async function validReport(slug: string, ct: CaseTypeInfo, mode = ct.identity.allowed.find((m) => m !== 'PSEUDONYMOUS') ?? ct.identity.allowed[0]!) {
  return {
    caseTypeKey: ct.key,
    answers: validAnswers(ct),
    identityMode: mode,
    reporter:
      mode === 'IDENTIFIED'
        ? reporterDetails(ct.identity.identifiedRequires)
        : mode === 'PSEUDONYMOUS'
          ? reporterDetails(ct.identity.pseudonymousRequires)
          : undefined,
    evidenceIds: ct.evidence.required ? await evidenceFor(slug, ct.key) : [],
  };
}

// A failed test shows the end of the API's output (the process may have stalled or died).
printServerOutputOnFailure(() => [api]);

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-reporting-'));
  apiEnv = { ...database.env, IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'), EVIDENCE_DIR: path.join(scratch, 'evidence') };
  api = await startApi(apiEnv);
  for (const slug of TENANTS) caseTypes[slug] = await caseTypesOf(api.url, slug);
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('filing every case type an agency accepts online', () => {
  const cases = () =>
    TENANTS.flatMap((slug) =>
      caseTypes[slug]!.filter((ct) => ct.onlineIntake && ct.identity.allowed.some((mode) => mode !== 'PSEUDONYMOUS')).map((ct) => [slug, ct.key] as const),
    );

  it('covers each kind on at least two agencies where two accept it', () => {
    const kinds = new Map<string, Set<string>>();
    for (const slug of TENANTS)
      for (const ct of caseTypes[slug]!) if (ct.onlineIntake) (kinds.get(ct.kind) ?? kinds.set(ct.kind, new Set()).get(ct.kind)!).add(slug);
    expect([...kinds.get('WHISTLEBLOWING')!].length).toBeGreaterThanOrEqual(2);
    expect([...kinds.get('ASPIRATION')!].length).toBeGreaterThanOrEqual(2);
    expect(cases().length).toBeGreaterThanOrEqual(8);
  });

  it('gives each report a registration number of its agency and year, a tracking code and a receipt', async () => {
    for (const [slug, key] of cases()) {
      const ct = caseType(slug, key);
      const response = await submit(slug, await validReport(slug, ct));
      expect(response.errors, `${slug}/${key}`).toBeUndefined();
      const payload = response.data!.submitReport;
      expect(payload.registrationNumber).toMatch(/^[A-Z]{2,6}-2026-\d{6}$/);
      expect(payload.trackingCode).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
      expect(payload.receipt.registrationNumber).toBe(payload.registrationNumber);
      expect(payload.receipt.agencyName.length).toBeGreaterThan(0);
      const tracked = await graphql(endpoint(slug), TRACK_REPORT, { variables: { number: payload.registrationNumber, code: payload.trackingCode } });
      expect(tracked.data!.trackReport).toMatchObject({ status: 'SUBMITTED', caseTypeKey: key });
    }
  });

  it('refuses a type the agency takes only in person (Surat Bebas Temuan)', async () => {
    const ct = caseType('inspektorat-kalbar', 'no-findings-certificate');
    const response = await submit('inspektorat-kalbar', {
      caseTypeKey: ct.key,
      answers: validAnswers(ct),
      identityMode: 'IDENTIFIED',
      reporter: reporterDetails(ct.identity.identifiedRequires),
    });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.issues).toEqual([{ path: ['caseTypeKey'], message: expect.stringContaining('kanal pengaduan') }]);
  });
});

describe('the done-when story: an anonymous whistleblower at Bontang with a photo', () => {
  it('files, writes down number and code, comes back and reads the status', async () => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const photo = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'IMG_2031 kantor.JPG', jpeg());
    expect(photo.status).toBe(201);
    // A whistleblowing report keeps no file name of the reporter's.
    expect(photo.body).toMatchObject({ contentType: 'image/jpeg', fileName: 'bukti.jpg' });
    const response = await submit('inspektorat-bontang', {
      caseTypeKey: ct.key,
      answers: validAnswers(ct, 'pungutan di loket'),
      identityMode: 'ANONYMOUS',
      evidenceIds: [photo.evidenceId],
    });
    expect(response.errors).toBeUndefined();
    const { registrationNumber, trackingCode, receipt } = response.data!.submitReport;
    expect(registrationNumber).toMatch(/^BTG-2026-\d{6}$/);
    expect(receipt).toMatchObject({ identityMode: 'ANONYMOUS', agencyName: 'Inspektorat Kota Bontang', timeZone: 'Asia/Makassar' });
    expect(receipt.evidence).toEqual([expect.objectContaining({ fileName: 'bukti-1.jpg', size: expect.any(Number) })]);

    // Later, from another device: typed in lower case, without dashes.
    const typed = trackingCode.toLowerCase().replace(/-/g, '');
    const tracked = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, { variables: { number: registrationNumber.toLowerCase(), code: typed } });
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data!.trackReport).toMatchObject({
      registrationNumber,
      status: 'SUBMITTED',
      timeline: [expect.objectContaining({ kind: 'SUBMITTED', status: 'SUBMITTED' })],
    });
    expect(tracked.data!.trackReport.receipt.evidence).toEqual([{ fileName: 'bukti-1.jpg' }]);

    await inspectDatabase(async (db) => {
      const stored = await db.prisma.case.findUniqueOrThrow({ where: { registrationNumber } });
      expect(stored.identityProtection).toBe('NONE');
      expect(stored.identity).toBeNull();
      expect(stored.trackingCodeHash).not.toContain(trackingCode);
    });
  });

  it('answers a wrong code exactly like an unknown number', async () => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const filed = (await submit('inspektorat-bontang', await validReport('inspektorat-bontang', ct, 'ANONYMOUS'))).data!.submitReport;
    const wrongCode = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, {
      variables: { number: filed.registrationNumber, code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
    });
    const unknownNumber = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, { variables: { number: 'BTG-2026-999999', code: filed.trackingCode } });
    const otherAgency = await graphql(endpoint('inspektorat-kalbar'), TRACK_REPORT, {
      variables: { number: filed.registrationNumber, code: filed.trackingCode },
    });
    const noCode = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, { variables: { number: filed.registrationNumber } });
    for (const response of [wrongCode, unknownNumber, otherAgency, noCode]) {
      expect(response.data).toBeNull();
      expect(response.errors).toEqual([{ message: wrongCode.errors![0]!.message, path: ['trackReport'], extensions: { code: 'NOT_FOUND' } }]);
    }
  });
});

describe('identity protection', () => {
  it('encrypts an identified complaint with the agency key and seals a whistleblower to the custodians', async () => {
    const complaint = caseType('inspektorat-kalbar', 'complaint');
    const wbs = caseType('inspektorat-kalbar', 'whistleblowing');
    const plain = (
      await submit('inspektorat-kalbar', {
        ...(await validReport('inspektorat-kalbar', complaint, 'IDENTIFIED')),
        reporter: reporterDetails(['NAME', 'ID_NUMBER', 'PHONE', 'EMAIL']),
      })
    ).data!.submitReport;
    const sealed = (
      await submit('inspektorat-kalbar', { ...(await validReport('inspektorat-kalbar', wbs, 'IDENTIFIED')), reporter: reporterDetails(['NAME', 'PHONE']) })
    ).data!.submitReport;
    await inspectDatabase(async (db) => {
      const rows = await db.sql.query<{ registration_number: string; identity_protection: string; identity: unknown; whole: string }>(
        'SELECT registration_number, identity_protection, identity, row_to_json(c)::text AS whole FROM "case" c WHERE registration_number = ANY($1)',
        [[plain.registrationNumber, sealed.registrationNumber]],
      );
      const byNumber = Object.fromEntries(rows.map((row) => [row.registration_number, row]));
      expect(byNumber[plain.registrationNumber]!.identity_protection).toBe('TENANT_KEY');
      expect(byNumber[sealed.registrationNumber]!.identity_protection).toBe('SEALED');
      const kalbar = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
      const custodians = await db.prisma.identityCustodian.findMany({ where: { tenantId: kalbar.id, active: true } });
      const envelope = (
        typeof byNumber[sealed.registrationNumber]!.identity === 'string'
          ? JSON.parse(byNumber[sealed.registrationNumber]!.identity as string)
          : byNumber[sealed.registrationNumber]!.identity
      ) as { recipients: { custodianId: string }[] };
      expect(envelope.recipients.map((recipient) => recipient.custodianId)).toEqual(custodians.map((custodian) => custodian.id));
      for (const row of rows) {
        for (const secret of ['Siti Rahayu', '6171010101900001', '081234567890', 'siti.pelapor@example.org']) expect(row.whole).not.toContain(secret);
      }
      const events = await db.sql.query<{ whole: string }>('SELECT row_to_json(e)::text AS whole FROM case_event e');
      expect(events.map((event) => event.whole).join('\n')).not.toMatch(/Siti Rahayu|6171010101900001/);
    });
  });

  it('never writes an identity, a tracking code or report content to the log', async () => {
    const complaint = caseType('inspektorat-kalbar', 'complaint');
    const filed = (
      await submit('inspektorat-kalbar', {
        ...(await validReport('inspektorat-kalbar', complaint, 'IDENTIFIED')),
        reporter: reporterDetails(['NAME', 'ID_NUMBER', 'PHONE', 'EMAIL']),
      })
    ).data!.submitReport;
    await graphql(endpoint('inspektorat-kalbar'), TRACK_REPORT, { variables: { number: filed.registrationNumber, code: filed.trackingCode } });
    const log = api.output();
    expect(log).toContain(filed.registrationNumber);
    for (const secret of ['Siti Rahayu', '6171010101900001', '081234567890', 'siti.pelapor@example.org', filed.trackingCode, 'Isi what'])
      expect(log).not.toContain(secret);
  });
});

describe('pseudonymous reporters', () => {
  it('register, file with the phone Bontang asks for, list their reports and follow them without the code', async () => {
    const register = await graphql(
      endpoint('inspektorat-bontang'),
      'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token account { pseudonym } } }',
      {
        variables: { input: { pseudonym: 'Elang-Biru', password: 'kata-sandi-rahasia-1' } },
      },
    );
    expect(register.errors).toBeUndefined();
    const auth = { authorization: `Bearer ${register.data!.registerReporter.token}` };
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const base = await validReport('inspektorat-bontang', ct, 'PSEUDONYMOUS');
    const missingPhone = await submit('inspektorat-bontang', { ...base, reporter: undefined }, auth);
    expect(missingPhone.errors![0]!.extensions!.issues).toEqual([{ path: ['reporter', 'phone'], message: 'wajib diisi' }]);
    const filed = await submit('inspektorat-bontang', { ...base, reporter: { phone: '081234567890' } }, auth);
    expect(filed.errors).toBeUndefined();
    const number = filed.data!.submitReport.registrationNumber;

    const mine = await graphql(endpoint('inspektorat-bontang'), '{ viewerReporter { pseudonym } myReports { registrationNumber status } }', { headers: auth });
    expect(mine.data).toEqual({ viewerReporter: { pseudonym: 'Elang-Biru' }, myReports: [{ registrationNumber: number, status: 'SUBMITTED' }] });
    const asOwner = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, { variables: { number }, headers: auth });
    expect(asOwner.data!.trackReport.registrationNumber).toBe(number);

    const login = await graphql(endpoint('inspektorat-bontang'), 'mutation($input: ReporterCredentialsInput!) { loginReporter(input: $input) { token } }', {
      variables: { input: { pseudonym: 'elang-biru', password: 'kata-sandi-rahasia-1' } },
    });
    expect(login.data!.loginReporter.token).toBeTruthy();
    const other = await graphql(endpoint('inspektorat-bontang'), 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }', {
      variables: { input: { pseudonym: 'Burung-Hantu', password: 'kata-sandi-lain-22' } },
    });
    const stranger = await graphql(endpoint('inspektorat-bontang'), TRACK_REPORT, {
      variables: { number },
      headers: { authorization: `Bearer ${other.data!.registerReporter.token}` },
    });
    expect(stranger.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    const logout = await graphql(endpoint('inspektorat-bontang'), 'mutation { logoutReporter }', { headers: auth });
    expect(logout.data).toEqual({ logoutReporter: true });
    const after = await graphql(endpoint('inspektorat-bontang'), '{ myReports { registrationNumber } }', { headers: auth });
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a taken pseudonym, a short password, a wrong password, and pseudonymous filing without an account', async () => {
    const mutation = 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }';
    await graphql(endpoint('inspektorat-bontang'), mutation, { variables: { input: { pseudonym: 'Rajawali', password: 'kata-sandi-rahasia-1' } } });
    const taken = await graphql(endpoint('inspektorat-bontang'), mutation, {
      variables: { input: { pseudonym: 'RAJAWALI', password: 'kata-sandi-rahasia-2' } },
    });
    expect(taken.errors![0]!.extensions!.issues).toEqual([{ path: ['input', 'pseudonym'], message: 'nama samaran ini sudah dipakai' }]);
    const short = await graphql(endpoint('inspektorat-bontang'), mutation, { variables: { input: { pseudonym: 'Merpati', password: 'pendek' } } });
    expect(short.errors![0]!.extensions!.issues[0].path).toEqual(['input', 'password']);
    const wrong = await graphql(endpoint('inspektorat-bontang'), 'mutation($input: ReporterCredentialsInput!) { loginReporter(input: $input) { token } }', {
      variables: { input: { pseudonym: 'Rajawali', password: 'salah-kata-sandi' } },
    });
    expect(wrong.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const noAccount = await submit('inspektorat-bontang', {
      caseTypeKey: ct.key,
      answers: validAnswers(ct),
      identityMode: 'PSEUDONYMOUS',
      reporter: { phone: '081234567890' },
    });
    expect(noAccount.errors![0]!.extensions!.issues).toContainEqual({ path: ['identityMode'], message: expect.stringContaining('masuk') });
  });
});

describe('registration numbers', () => {
  it('stay unique and gap-free under concurrent submits', async () => {
    const ct = caseType('inspektorat-kalsel', 'aspiration');
    const input = await validReport('inspektorat-kalsel', ct);
    const responses = await Promise.all(Array.from({ length: 20 }, () => submit('inspektorat-kalsel', input)));
    for (const response of responses) expect(response.errors).toBeUndefined();
    const sequences = responses.map((response) => Number(response.data!.submitReport.registrationNumber.split('-')[2])).sort((a, b) => a - b);
    expect(new Set(sequences).size).toBe(20);
    expect(sequences.at(-1)! - sequences[0]! + 1).toBe(20);
    await inspectDatabase(async (db) => {
      const all = await db.prisma.case.findMany({
        where: { tenant: { slug: 'inspektorat-kalsel' } },
        select: { sequence: true },
        orderBy: { sequence: 'asc' },
      });
      expect(all.map((row) => row.sequence)).toEqual(Array.from({ length: all.length }, (_, index) => index + 1));
    });
  });
});

describe('a form sent twice', () => {
  const newKey = () => randomBytes(16).toString('base64url');

  it('files once: the same form again gets the first number and code; other content under its key is CONFLICT', async () => {
    const ct = caseType('inspektorat-kalsel', 'aspiration');
    const input = { ...(await validReport('inspektorat-kalsel', ct)), clientSubmissionKey: newKey() };
    const first = await submit('inspektorat-kalsel', input);
    expect(first.errors).toBeUndefined();
    const { registrationNumber: number, trackingCode: code } = first.data!.submitReport;
    const again = await submit('inspektorat-kalsel', input);
    expect(again.errors).toBeUndefined();
    expect(again.data!.submitReport).toMatchObject({ registrationNumber: number, trackingCode: code });
    const changed = await submit('inspektorat-kalsel', { ...input, answers: validAnswers(ct, 'berubah') });
    expect(changed.errors![0]!.extensions).toEqual({ code: 'CONFLICT', registrationNumber: number });
    expect(changed.errors![0]!.message).toContain(`sudah terkirim dengan nomor ${number}`);
    const racing = { ...input, clientSubmissionKey: newKey() };
    const both = await Promise.all([submit('inspektorat-kalsel', racing), submit('inspektorat-kalsel', racing)]);
    expect(both.map((response) => response.errors)).toEqual([undefined, undefined]);
    expect(both[0]!.data!.submitReport.registrationNumber).toBe(both[1]!.data!.submitReport.registrationNumber);
    expect(both[0]!.data!.submitReport.trackingCode).toBe(both[1]!.data!.submitReport.trackingCode);
  });

  it('refuses a submission key with less than 128 random bits', async () => {
    const ct = caseType('inspektorat-kalsel', 'aspiration');
    for (const clientSubmissionKey of ['pendek', crypto.randomUUID(), 'a'.repeat(21), 'bukan base64url!!!!!!!!!!']) {
      const refused = await submit('inspektorat-kalsel', { ...(await validReport('inspektorat-kalsel', ct)), clientSubmissionKey });
      expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(refused.errors![0]!.extensions!.issues).toEqual([{ path: ['clientSubmissionKey'], message: expect.stringContaining('base64url') }]);
    }
  });
});

describe("bad input: every problem names its field, in the reporter's language", () => {
  it.each([
    [
      'a missing required field',
      (ct: CaseTypeInfo) => ({ answers: validAnswers(ct).filter((answer) => answer.field !== 'what') }),
      ['answers', 'what'],
      'wajib diisi',
    ],
    [
      'a field over its length',
      (ct: CaseTypeInfo) => ({ answers: validAnswers(ct).map((answer) => (answer.field === 'title' ? { ...answer, value: 'x'.repeat(201) } : answer)) }),
      ['answers', 'title'],
      'paling banyak 200 karakter',
    ],
    [
      'a date in the future',
      (ct: CaseTypeInfo) => ({ answers: validAnswers(ct).map((answer) => (answer.field === 'when' ? { ...answer, value: '2099-01-01' } : answer)) }),
      ['answers', 'when'],
      'tidak boleh tanggal yang akan datang',
    ],
    [
      'an impossible date',
      (ct: CaseTypeInfo) => ({ answers: validAnswers(ct).map((answer) => (answer.field === 'when' ? { ...answer, value: '2026-02-30' } : answer)) }),
      ['answers', 'when'],
      'bukan tanggal yang valid',
    ],
    [
      'a field the form does not have',
      (ct: CaseTypeInfo) => ({ answers: [...validAnswers(ct), { field: 'password', value: 'x' }] }),
      ['answers', 'password'],
      'kolom ini tidak ada',
    ],
    ['an unknown category', () => ({ categoryKey: 'tidak-ada' }), ['categoryKey'], 'kategori tidak dikenal'],
    ['an identity on an anonymous report', () => ({ reporter: { name: 'Budi' } }), ['reporter'], 'anonim'],
  ])('%s', async (_name, change, path, message) => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const response = await submit('inspektorat-bontang', { ...(await validReport('inspektorat-bontang', ct, 'ANONYMOUS')), ...change(ct) });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(response.errors![0]!.extensions!.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
  });

  it('answers in English when asked', async () => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const response = await submit('inspektorat-bontang', { caseTypeKey: ct.key, answers: [], identityMode: 'ANONYMOUS' }, { 'accept-language': 'en' });
    expect(response.errors![0]!.message).toBe('Some fields need your attention.');
    expect(response.errors![0]!.extensions!.issues).toContainEqual({ path: ['answers', 'what'], message: 'is required' });
  });

  it('refuses an identity mode the case type does not allow, and missing identity details', async () => {
    const kalsel = caseType('inspektorat-kalsel', 'whistleblowing');
    const anonymous = await submit('inspektorat-kalsel', {
      ...(await validReport('inspektorat-kalsel', kalsel)),
      identityMode: 'ANONYMOUS',
      reporter: undefined,
    });
    expect(anonymous.errors![0]!.extensions!.issues).toEqual([{ path: ['identityMode'], message: expect.stringContaining('tidak diterima') }]);
    const complaint = caseType('inspektorat-kalbar', 'complaint');
    const badId = await submit('inspektorat-kalbar', { ...(await validReport('inspektorat-kalbar', complaint, 'IDENTIFIED')), reporter: { idNumber: '123' } });
    expect(badId.errors![0]!.extensions!.issues).toEqual([
      { path: ['reporter', 'name'], message: 'wajib diisi' },
      { path: ['reporter', 'idNumber'], message: expect.stringContaining('16 digit') },
    ]);
  });

  it('requires the evidence Inspektorat Kalbar asks for with a complaint, and caps the number of files', async () => {
    const ct = caseType('inspektorat-kalbar', 'complaint');
    const base = { caseTypeKey: ct.key, answers: validAnswers(ct), identityMode: 'IDENTIFIED', reporter: reporterDetails(ct.identity.identifiedRequires) };
    const none = await submit('inspektorat-kalbar', base);
    expect(none.errors![0]!.extensions!.issues).toEqual([{ path: ['evidenceIds'], message: expect.stringContaining('bukti') }]);
    const tooMany = await submit('inspektorat-kalbar', { ...base, evidenceIds: Array.from({ length: ct.evidence.maxFiles + 1 }, () => crypto.randomUUID()) });
    expect(tooMany.errors![0]!.extensions!.issues).toEqual([{ path: ['evidenceIds'], message: `paling banyak ${ct.evidence.maxFiles} berkas` }]);
    const foreign = await submit('inspektorat-kalbar', { ...base, evidenceIds: [crypto.randomUUID()] });
    expect(foreign.errors![0]!.extensions!.issues).toEqual([{ path: ['evidenceIds'], message: expect.stringContaining('belum selesai diunggah') }]);
  });
});

describe('evidence uploads', () => {
  it('are checked by content, size and once-only use, and hashed', async () => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const fake = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'foto.jpg', htmlPretendingToBeJpeg());
    expect(fake.status).toBe(415);
    expect(fake.body.error).toBe('TYPE_NOT_ALLOWED');
    const empty = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'kosong.png', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const big = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'besar.png', Buffer.concat([png(), Buffer.alloc(ct.evidence.maxFileBytes)]));
    expect(big.status).toBe(413);
    const good = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, '../../etc/passwd.png', png());
    expect(good.status).toBe(201);
    expect(good.body.fileName).not.toContain('/');
    expect(good.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await fetch(`${api.url}${good.uploadPath}`, { method: 'PUT', body: new Uint8Array(png()) });
    expect(again.status).toBe(404);
    const forged = await fetch(`${api.url}/t/inspektorat-bontang/evidence-uploads/not-a-real-token`, { method: 'PUT', body: new Uint8Array(png()) });
    expect(forged.status).toBe(404);
    // A rejected upload cannot be attached to a report.
    const response = await submit('inspektorat-bontang', {
      caseTypeKey: ct.key,
      answers: validAnswers(ct),
      identityMode: 'ANONYMOUS',
      evidenceIds: [fake.evidenceId],
    });
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('messages from the reporter', () => {
  it('are added with evidence and shown on the track page; an empty one is refused', async () => {
    const ct = caseType('inspektorat-kalsel', 'aspiration');
    const filed = (await submit('inspektorat-kalsel', await validReport('inspektorat-kalsel', ct))).data!.submitReport;
    const [fileId] = await evidenceFor('inspektorat-kalsel', ct.key);
    const send = (body: string, evidenceIds: string[] = []) =>
      graphql(
        endpoint('inspektorat-kalsel'),
        'mutation($input: SendReporterMessageInput!) { sendReporterMessage(input: $input) { author body evidence { fileName } } }',
        {
          variables: { input: { registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, body, evidenceIds } },
        },
      );
    const sent = await send('Berikut foto tambahan dari lokasi.', [fileId!]);
    expect(sent.data!.sendReporterMessage).toEqual({
      author: 'REPORTER',
      body: 'Berikut foto tambahan dari lokasi.',
      evidence: [{ fileName: 'foto-bukti-0.png' }],
    });
    expect((await send('   ')).errors![0]!.extensions!.issues).toEqual([{ path: ['body'], message: 'pesan tidak boleh kosong' }]);
    const tracked = await graphql(endpoint('inspektorat-kalsel'), TRACK_REPORT, { variables: { number: filed.registrationNumber, code: filed.trackingCode } });
    expect(tracked.data!.trackReport.messages).toEqual([
      { author: 'REPORTER', body: 'Berikut foto tambahan dari lokasi.', evidence: [{ fileName: 'foto-bukti-0.png' }] },
    ]);
    expect(tracked.data!.trackReport.timeline.map((entry: { kind: string }) => entry.kind)).toEqual(['SUBMITTED', 'MESSAGE']);
    // Opaque live cursors, one per event.
    const cursors = tracked.data!.trackReport.timeline.map((entry: { cursor: string }) => entry.cursor);
    for (const cursor of cursors) expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(new Set(cursors).size).toBe(2);
  });
});

describe('evidence on S3-compatible storage', () => {
  let s3: S3rver;
  let s3Dir: string;
  let client: S3Client;
  const bucket = 'aduan-evidence';
  beforeAll(async () => {
    s3Dir = mkdtempSync(path.join(os.tmpdir(), 'aduan-s3-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, directory: s3Dir, silent: true });
    const { port } = await s3.run();
    const endpoint = `http://127.0.0.1:${port}`;
    client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await api.stop();
    api = await startApi({
      ...apiEnv,
      EVIDENCE_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
  });
  afterAll(async () => {
    await api.stop();
    api = await startApi(apiEnv);
    client?.destroy();
    await s3?.close();
  });

  it('stores the checked file in the bucket under the agency, and the report references it', async () => {
    const ct = caseType('inspektorat-bontang', 'whistleblowing');
    const photo = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'foto.jpg', jpeg());
    expect(photo.status).toBe(201);
    const filed = await submit('inspektorat-bontang', {
      caseTypeKey: ct.key,
      answers: validAnswers(ct),
      identityMode: 'ANONYMOUS',
      evidenceIds: [photo.evidenceId],
    });
    expect(filed.errors).toBeUndefined();
    const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
    const keys = (listing.Contents ?? []).map((object) => object.Key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`/${photo.evidenceId}$`));
    const refused = await uploadEvidence(api.url, 'inspektorat-bontang', ct.key, 'foto.jpg', htmlPretendingToBeJpeg());
    expect(refused.status).toBe(415);
    expect(((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).length).toBe(1);
  });
});

describe('rate limits', () => {
  let limited: RunningProcess;
  beforeAll(async () => {
    // Last in this file: the API is replaced by one with tight limits (PGlite allows one process).
    await api.stop();
    limited = await startApi({ ...apiEnv, RATE_LIMIT_SCALE: '0.05', LOG_LEVEL: 'warn' });
    api = limited;
  });

  it('stop a client that keeps guessing tracking codes', async () => {
    const guess = () =>
      graphql(`${limited.url}/t/inspektorat-bontang/graphql`, TRACK_REPORT, {
        variables: { number: 'BTG-2026-000001', code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' },
      });
    const codes: string[] = [];
    for (let attempt = 0; attempt < 4; attempt++) codes.push((await guess()).errors![0]!.extensions!.code);
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
  });
});
