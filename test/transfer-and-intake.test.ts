/**
 * Issue 14, journeys 3 and 4, over HTTP against a running API on PGlite or PostgreSQL: where a
 * transferred report is followed now (in the request's language), the old agency's portal
 * finding the new number for the reporter who holds the code and for nobody else, messages
 * refused where no one can answer them, what the old agency's staff keep, and an offline
 * intake's received date apart from the day it was recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const KALSEL = 'inspektorat-kalsel';
const TRACK = `query($number: String!, $code: String) { trackReport(registrationNumber: $number, trackingCode: $code) {
  registrationNumber status submittedAt receivedAt acceptsMessages transferredTo { registrationNumber agencySlug agencyName } messages { author body }
} }`;
const SEND = 'mutation($input: SendReporterMessageInput!) { sendReporterMessage(input: $input) { body } }';
const TRANSFER = 'mutation($input: TransferCaseInput!) { transferCase(input: $input) { status transferredTo } }';

let database: TestDatabase;
let api: RunningProcess;
let verifier: StaffClient;
let head: StaffClient;

const endpoint = (slug: string) => `${api.url}/t/${slug}/graphql`;
const track = (slug: string, number: string, code: string, language = 'id') =>
  graphql(endpoint(slug), TRACK, { variables: { number, code }, headers: { 'accept-language': language } });
const send = (slug: string, number: string, code: string, body = 'Ada tambahan keterangan.') =>
  graphql(endpoint(slug), SEND, { variables: { input: { registrationNumber: number, trackingCode: code, body } } });
const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

async function file(caseTypeKey: string, marker: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === caseTypeKey) as CaseTypeInfo;
  const reporter = { name: 'Warga Uji', idNumber: '6171010101010001', phone: '081234567890' };
  const response = await graphql(endpoint(KALBAR), SUBMIT_REPORT, {
    variables: { input: { caseTypeKey, answers: validAnswers(caseType, marker), identityMode: 'IDENTIFIED', reporter } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await verifier.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

/** An aspiration (both agencies take them) transferred from Kalimantan Barat to Kalimantan Selatan. */
async function fileAndTransfer(marker: string) {
  const filed = await file('aspiration', marker);
  const moved = await verifier.call(TRANSFER, { input: { caseId: filed.id, targetAgencySlug: KALSEL, reason: 'Sekolahnya berada di Kalimantan Selatan.' } });
  expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
  return { ...filed, newNumber: moved.data!.transferCase.transferredTo as string };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({ ...database.env });
  verifier = await staffClient(api.url, KALBAR, 'verifikator');
  head = await staffClient(api.url, KALBAR, 'pimpinan');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('a transferred report', () => {
  it('says where to follow it, in the language asked for, and takes no more messages there', async () => {
    const filed = await fileAndTransfer('usulan ruang kelas baru');
    const indonesian = (await track(KALBAR, filed.registrationNumber, filed.trackingCode)).data!.trackReport;
    expect(indonesian).toMatchObject({
      status: 'TRANSFERRED',
      acceptsMessages: false,
      transferredTo: { registrationNumber: filed.newNumber, agencySlug: KALSEL, agencyName: 'Inspektorat Daerah Provinsi Kalimantan Selatan' },
    });
    // The reporter filed in Indonesian: the agency's message says it once, in that language.
    expect(indonesian.messages.at(-1).body).toContain(`dilimpahkan kepada Inspektorat Kalsel dengan nomor registrasi ${filed.newNumber}`);
    expect(indonesian.messages.at(-1).body).not.toContain('Your report was transferred');
    const english = (await track(KALBAR, filed.registrationNumber, filed.trackingCode, 'en')).data!.trackReport;
    expect(english.transferredTo.agencyName).toBe('Regional Inspectorate of South Kalimantan Province');

    const refused = await send(KALBAR, filed.registrationNumber, filed.trackingCode);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions!.issues).toEqual([{ path: ['body'], message: expect.stringContaining('tidak lagi menerima pesan') }]);
    expect((await track(KALBAR, filed.registrationNumber, filed.trackingCode)).data!.trackReport.messages).toHaveLength(indonesian.messages.length);

    // At the receiving agency, with the same code: open, and it takes messages.
    const there = (await track(KALSEL, filed.newNumber, filed.trackingCode)).data!.trackReport;
    expect(there).toMatchObject({ registrationNumber: filed.newNumber, status: 'SUBMITTED', acceptsMessages: true, transferredTo: null });
    expect((await send(KALSEL, filed.newNumber, filed.trackingCode)).errors).toBeUndefined();
  });

  it("finds the new number at the old agency for the code's holder, and for nobody else tells it from a number that does not exist", async () => {
    const filed = await fileAndTransfer('usulan perpustakaan desa');
    const found = (await track(KALBAR, filed.newNumber, filed.trackingCode)).data!.trackReport;
    expect(found).toMatchObject({
      registrationNumber: filed.registrationNumber,
      status: 'TRANSFERRED',
      transferredTo: { registrationNumber: filed.newNumber, agencySlug: KALSEL },
    });
    // Lower case and spaces, as a reporter types it.
    expect((await track(KALBAR, ` ${filed.newNumber.toLowerCase()} `, filed.trackingCode)).data!.trackReport.status).toBe('TRANSFERRED');

    // Guessing: a wrong code on the new number answers exactly like a number nobody has.
    const wrongCode = await track(KALBAR, filed.newNumber, 'AAAA-BBBB-CCCC-DDDD');
    const unknown = await track(KALBAR, filed.newNumber.replace(/\d{6}$/, '999999'), filed.trackingCode);
    const otherAgencysOwn = await track(KALBAR, (await fileAndTransfer('usulan jembatan')).newNumber, filed.trackingCode);
    for (const answer of [wrongCode, unknown, otherAgencysOwn]) {
      expect(answer.data).toBeNull();
      expect(answer.errors).toEqual([
        expect.objectContaining({ message: wrongCode.errors![0]!.message, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
      ]);
    }
    // A message through the new number at the old agency is refused like one through the old number.
    expect(codeOf(await send(KALBAR, filed.newNumber, filed.trackingCode))).toBe('BAD_USER_INPUT');
  });

  it("leaves the old agency's staff the case to read and note, and nothing to send", async () => {
    const filed = await fileAndTransfer('usulan lapangan olahraga');
    const old = await head.call(
      'query($id: ID!) { staffCase(id: $id) { status transferredTo availableTransitions viewerCan { sendMessage transfer addNote } } }',
      { id: filed.id },
    );
    expect(old.data!.staffCase).toMatchObject({
      status: 'TRANSFERRED',
      transferredTo: filed.newNumber,
      availableTransitions: [],
      viewerCan: { sendMessage: false, transfer: false, addNote: true },
    });
    const message = await head.call('mutation($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }', {
      input: { caseId: filed.id, body: 'Masih kami pantau.' },
    });
    expect(codeOf(message)).toBe('INVALID_TRANSITION');
    expect(codeOf(await head.call('query($n: String!) { staffCase(registrationNumber: $n) { id } }', { n: filed.newNumber }))).toBe('NOT_FOUND');
  });
});

describe('messages only where staff can answer', () => {
  it('refuses a message on a rejected report and takes one on an open report', async () => {
    const open = await file('aspiration', 'taman kota');
    expect((await track(KALBAR, open.registrationNumber, open.trackingCode)).data!.trackReport.acceptsMessages).toBe(true);
    expect((await send(KALBAR, open.registrationNumber, open.trackingCode)).errors).toBeUndefined();

    const rejected = await file('aspiration', 'bukan kewenangan');
    const done = await verifier.call(TRANSITION_CASE, { input: { caseId: rejected.id, transition: 'REJECT', reason: 'Bukan kewenangan inspektorat.' } });
    expect(done.errors, JSON.stringify(done.errors)).toBeUndefined();
    expect((await track(KALBAR, rejected.registrationNumber, rejected.trackingCode)).data!.trackReport).toMatchObject({
      status: 'REJECTED',
      acceptsMessages: false,
    });
    const refused = await graphql(endpoint(KALBAR), SEND, {
      variables: { input: { registrationNumber: rejected.registrationNumber, trackingCode: rejected.trackingCode, body: 'Mengapa ditolak?' } },
      headers: { 'accept-language': 'en' },
    });
    expect(refused.errors![0]!.extensions!.issues).toEqual([{ path: ['body'], message: expect.stringContaining('no longer takes messages') }]);
  });
});

describe('a report recorded from a letter', () => {
  it('tells the reporter when the agency received it, apart from when it was recorded', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const receivedAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const recorded = await verifier.call(
      'mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { trackingCode case { registrationNumber receivedAt submittedAt } } }',
      {
        input: {
          caseTypeKey: 'complaint',
          channelKey: 'office-visit',
          receivedAt,
          answers: validAnswers(caseType, 'surat dari kotak pengaduan'),
          identityMode: 'ANONYMOUS',
        },
      },
    );
    expect(recorded.errors, JSON.stringify(recorded.errors)).toBeUndefined();
    const intake = recorded.data!.recordOfflineIntake;
    const seen = (await track(KALBAR, intake.case.registrationNumber, intake.trackingCode)).data!.trackReport;
    expect(seen.receivedAt).toBe(receivedAt);
    expect(new Date(seen.submittedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});
