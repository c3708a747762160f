/**
 * Email notifications over real SMTP, on PGlite or PostgreSQL: a pseudonymous whistleblower at
 * Bontang gives an address in their account, the verifier's question reaches it (in the
 * reporter's language, with a link and nothing of the report or the identity), the reporter's
 * reply reaches the verifier, and a mail whose sending was cut short by a crash arrives once
 * after the restart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startMailCatcher, type MailCatcher, type ReceivedMail } from './support/mail.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { demoEmail, INBOX, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const BONTANG = 'inspektorat-bontang';
const PHONE = '081299990001';
const QUESTION = 'Mohon sebutkan nama pejabat yang menerima uang';
const REPLY = 'Pejabatnya kepala bagian pengadaan';

const REGISTER = 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }';
const SET_EMAIL = 'mutation($email: String) { setReporterNotificationEmail(email: $email) { pseudonym notificationEmail } }';
const VIEWER = '{ viewerReporter { pseudonym notificationEmail } }';
const DELIVERIES =
  'query($statuses: [EmailStatus!]) { mailDeliveries(statuses: $statuses) { kind status attempts lastError registrationNumber recipient staffName sentAt } }';
const SET_OPT_OUT = 'mutation($optOut: [EmailKind!]!) { setStaffEmailOptOut(optOut: $optOut) }';
const SEND_MESSAGE = 'mutation($input: SendReporterMessageInput!) { sendReporterMessage(input: $input) { id } }';
const NOTIFICATIONS = '{ staffNotifications(first: 100) { kind registrationNumber } }';

let database: TestDatabase;
let smtp: MailCatcher;
let api: RunningProcess;
let verifier: StaffClient;
let scratch: string;
const endpoint = () => `${api.url}/t/${BONTANG}/graphql`;

function apiEnv() {
  // The same keys and files across the restart.
  return {
    ...database.env,
    IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
    EVIDENCE_DIR: path.join(scratch, 'evidence'),
    MAIL_SMTP_URL: smtp.url,
    MAIL_INTERVAL_SECONDS: '1',
    MAIL_RETRY_SECONDS: '1',
    MAIL_LEASE_SECONDS: '2',
    PUBLIC_WEB_URL: 'https://aduan.example',
  };
}

async function register(pseudonym: string, locale: 'id' | 'en', email: string) {
  const headers = { 'accept-language': locale };
  const registered = await graphql(endpoint(), REGISTER, { variables: { input: { pseudonym, password: 'kata-sandi-rahasia-1' } }, headers });
  const token = registered.data!.registerReporter.token as string;
  const auth = { ...headers, authorization: `Bearer ${token}` };
  const set = await graphql(endpoint(), SET_EMAIL, { variables: { email }, headers: auth });
  expect(set.errors).toBeUndefined();
  return auth;
}

async function fileWhistleblowing(auth: Record<string, string>, marker: string) {
  const caseType = (await caseTypesOf(api.url, BONTANG)).find((item) => item.key === 'whistleblowing')!;
  const photo = await uploadEvidence(api.url, BONTANG, caseType.key, 'bukti.png', png());
  const filed = await graphql(endpoint(), SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, marker),
        identityMode: 'PSEUDONYMOUS',
        reporter: { phone: PHONE },
        evidenceIds: [photo.evidenceId],
      },
    },
    headers: auth,
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const number = filed.data!.submitReport.registrationNumber as string;
  const found = await verifier.call(INBOX, { filter: { search: number } });
  return { number, id: found.data!.inbox.cases[0].id as string };
}

async function askReporter(caseId: string) {
  const asked = await verifier.call(TRANSITION_CASE, { input: { caseId, transition: 'REQUEST_INFO', reason: QUESTION } });
  expect(asked.errors).toBeUndefined();
}

/** What no mail may carry: the identity, the report's words, the question's, the reply's. */
function expectNothingPrivate(mail: ReceivedMail, marker: string) {
  for (const secret of [PHONE, marker, QUESTION, REPLY]) expect(mail.raw).not.toContain(secret);
}

const KALBAR = 'inspektorat-kalbar';

async function kalbarStaff(login: string): Promise<StaffClient> {
  return staffClient(api.url, KALBAR, login);
}

/** An identified complaint at Kalbar (its identity kept with the agency's key), by a reporter without an account. */
async function fileKalbarComplaint(marker: string, email: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'bukti.png', png());
  const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, marker),
        identityMode: 'IDENTIFIED',
        reporter: { name: 'Budi Santoso', email },
        evidenceIds: [photo.evidenceId],
      },
    },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  const { registrationNumber, trackingCode } = filed.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await (await kalbarStaff('verifikator')).call(INBOX, { filter: { search: registrationNumber } });
  return { number: registrationNumber, code: trackingCode, id: found.data!.inbox.cases[0].id as string };
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-mail-'));
  database = await createTestDatabase();
  await setupTenants(database);
  smtp = await startMailCatcher();
  api = await startApi(apiEnv());
  verifier = await staffClient(api.url, BONTANG, 'verifikator');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await smtp?.stop();
  await database?.drop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('a pseudonymous reporter’s address', () => {
  it('is refused when malformed, in the request’s language, and kept only for its owner', async () => {
    const registered = await graphql(endpoint(), REGISTER, { variables: { input: { pseudonym: 'Merpati-9', password: 'kata-sandi-rahasia-1' } } });
    const auth = { authorization: `Bearer ${registered.data!.registerReporter.token}` };
    const bad = await graphql(endpoint(), SET_EMAIL, { variables: { email: 'bukan-alamat' }, headers: auth });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toBe('bukan alamat email yang valid');
    const set = await graphql(endpoint(), SET_EMAIL, { variables: { email: ' merpati@contoh.id ' }, headers: auth });
    expect(set.data!.setReporterNotificationEmail).toEqual({ pseudonym: 'Merpati-9', notificationEmail: 'merpati@contoh.id' });
    expect((await graphql(endpoint(), VIEWER, { headers: auth })).data!.viewerReporter.notificationEmail).toBe('merpati@contoh.id');
    // Without the session: no account, no address.
    const anonymous = await graphql(endpoint(), SET_EMAIL, { variables: { email: 'x@contoh.id' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // Removed with an empty value.
    const removed = await graphql(endpoint(), SET_EMAIL, { variables: { email: '' }, headers: auth });
    expect(removed.data!.setReporterNotificationEmail.notificationEmail).toBeNull();
  });
});

describe('email notifications', () => {
  it('tells the reporter of the verifier’s question, and the verifier of the reply', async () => {
    const auth = await register('Rajawali-7', 'id', 'rajawali@contoh.id');
    const filed = await fileWhistleblowing(auth, 'suap pengadaan komputer');
    await askReporter(filed.id);

    const question = await smtp.waitFor((mail) => mail.to.includes('rajawali@contoh.id'), 'to the reporter');
    expect(question.subject).toBe('Inspektorat Kota Bontang: ada pertanyaan untuk Anda');
    expect(question.text).toContain(`laporan Anda ${filed.number}`);
    expect(question.text).toContain(`https://aduan.example/t/${BONTANG}/akun/laporan`);
    expect(question.html).toContain('#0f766e');
    expect(question.messageId).toMatch(/^<[0-9a-f-]{36}@aduan>$/);
    expectNothingPrivate(question, 'suap pengadaan komputer');

    const replied = await graphql(endpoint(), SEND_MESSAGE, { variables: { input: { registrationNumber: filed.number, body: REPLY } }, headers: auth });
    expect(replied.errors).toBeUndefined();
    const toVerifier = await smtp.waitFor(
      (mail) => mail.to.includes(demoEmail('verifikator', BONTANG)) && mail.subject.startsWith('Pelapor membalas'),
      'to the verifier',
    );
    expect(toVerifier.subject).toBe(`Pelapor membalas pada kasus ${filed.number}`);
    expect(toVerifier.text).toContain(`https://aduan.example/t/${BONTANG}/konsol/kasus/${filed.id}`);
    expectNothingPrivate(toVerifier, 'suap pengadaan komputer');
    // Only the staff of the case: not the custodian, not the admin.
    const staffMails = smtp.received.filter((mail) => mail.subject.includes(filed.number));
    expect(staffMails.flatMap((mail) => mail.to)).not.toContain(demoEmail('kustodian', BONTANG));
    expect(staffMails.flatMap((mail) => mail.to)).not.toContain(demoEmail('admin', BONTANG));
    // The console tells the verifier of the same reply, once; the case's other readers are not told.
    const notices = (await verifier.call(NOTIFICATIONS)).data!.staffNotifications as { kind: string; registrationNumber: string }[];
    expect(notices.filter((item) => item.registrationNumber === filed.number && item.kind === 'REPORTER_REPLIED')).toHaveLength(1);
    const head = await staffClient(api.url, BONTANG, 'pimpinan');
    const headNotices = (await head.call(NOTIFICATIONS)).data!.staffNotifications as { kind: string; registrationNumber: string }[];
    expect(headNotices.filter((item) => item.registrationNumber === filed.number)).toEqual([]);
  });

  it('tells the verifiers of a new case, unless they chose not to be told', async () => {
    const first = await fileWhistleblowing(await register('Camar-2', 'id', 'camar@contoh.id'), 'mark-up anggaran');
    const mail = await smtp.waitFor((item) => item.subject === `Kasus baru ${first.number}`, 'of the new case');
    expect(mail.to).toEqual([demoEmail('verifikator', BONTANG)]);
    expect(mail.text).toContain(`https://aduan.example/t/${BONTANG}/konsol/kasus/${first.id}`);
    expectNothingPrivate(mail, 'mark-up anggaran');

    // The verifier turns new-case mail off (and may not choose for reporters' kinds).
    const refused = await verifier.call(SET_OPT_OUT, { optOut: ['REPORTER_QUESTION'] });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const chosen = await verifier.call(SET_OPT_OUT, { optOut: ['STAFF_NEW_CASE'] });
    expect(chosen.data!.setStaffEmailOptOut).toEqual(['STAFF_NEW_CASE']);
    expect((await verifier.call('{ viewerStaff { emailOptOut emailKinds } }')).data!.viewerStaff.emailOptOut).toEqual(['STAFF_NEW_CASE']);
    const auth = await register('Camar-3', 'id', 'camar3@contoh.id');
    const second = await fileWhistleblowing(auth, 'mark-up kedua');
    // The question's mail comes from a later event: once it is here, the new case was dispatched.
    await askReporter(second.id);
    await smtp.waitFor((item) => item.to.includes('camar3@contoh.id'), 'of the question');
    const head = await staffClient(api.url, BONTANG, 'pimpinan');
    const queued = (await head.call(DELIVERIES, {})).data!.mailDeliveries as { kind: string; registrationNumber: string }[];
    expect(queued.some((item) => item.registrationNumber === second.number)).toBe(true);
    expect(queued.filter((item) => item.registrationNumber === second.number && item.kind === 'STAFF_NEW_CASE')).toEqual([]);
    expect(smtp.received.some((item) => item.subject === `Kasus baru ${second.number}`)).toBe(false);
    // Turning the mail off keeps the console's notification of it.
    const notified = await verifier.call(NOTIFICATIONS);
    expect(notified.data!.staffNotifications).toContainEqual(expect.objectContaining({ kind: 'NEW_CASE', registrationNumber: second.number }));
    await verifier.call(SET_OPT_OUT, { optOut: [] });
  });

  it('writes to a reporter who gave an address from an English page in English', async () => {
    const auth = await register('Kestrel-3', 'en', 'kestrel@example.org');
    const filed = await fileWhistleblowing(auth, 'kickback on fuel');
    await askReporter(filed.id);
    const mail = await smtp.waitFor((item) => item.to.includes('kestrel@example.org'), 'to the English reporter');
    expect(mail.subject).toBe('Bontang City Inspectorate: a question for you');
    expect(mail.text).toContain(`your report ${filed.number}`);
    expectNothingPrivate(mail, 'kickback on fuel');
  });

  it('writes to an identified reporter without an account at the address they gave, until they follow the stop link', async () => {
    const kalbar = `${api.url}/t/${KALBAR}/graphql`;
    const file = (marker: string) => fileKalbarComplaint(marker, 'budi.santoso@contoh.id');
    const ask = async (caseId: string) => {
      const asked = await (await kalbarStaff('verifikator')).call(TRANSITION_CASE, { input: { caseId, transition: 'REQUEST_INFO', reason: QUESTION } });
      expect(asked.errors).toBeUndefined();
    };
    const filed = await file('jalan berlubang di depan sekolah');
    await ask(filed.id);
    const mail = await smtp.waitFor((item) => item.to.includes('budi.santoso@contoh.id'), 'to the identified reporter');
    expect(mail.subject).toBe('Inspektorat Provinsi Kalimantan Barat: ada pertanyaan untuk Anda');
    expect(mail.text).toContain(`https://aduan.example/t/${KALBAR}/lacak`);
    expect(mail.text).toContain('karena mencantumkan alamat ini saat melapor');
    expect(mail.raw).not.toContain('Budi Santoso');
    expectNothingPrivate(mail, 'jalan berlubang di depan sekolah');
    const stop = /https:\/\/aduan\.example\/t\/inspektorat-kalbar\/email\/berhenti\?kasus=([0-9a-f-]{36})&token=([A-Za-z0-9_-]+)/.exec(mail.text)!;
    expect(stop).not.toBeNull();
    // Mail programs offer the same link as "unsubscribe" (mailparser reads List-* headers into `list`).
    expect(mail.headers.get('list')).toMatchObject({ unsubscribe: { url: stop[0] } });

    // A link for another report, or a made-up one, stops nothing and says nothing.
    const STOP = 'mutation($input: StopReportEmailInput!) { stopReportEmail(input: $input) }';
    const other = await file('lampu jalan mati');
    const forged = await graphql(kalbar, STOP, { variables: { input: { caseId: other.id, token: stop[2] } } });
    expect(forged.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const elsewhere = await graphql(endpoint(), STOP, { variables: { input: { caseId: stop[1], token: stop[2] } } });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const stopped = await graphql(kalbar, STOP, { variables: { input: { caseId: stop[1], token: stop[2] } } });
    expect(stopped.data).toEqual({ stopReportEmail: true });

    // The reporter answers; the next question about the stopped report sends nothing, the other report's does.
    const replied = await graphql(kalbar, SEND_MESSAGE, { variables: { input: { registrationNumber: filed.number, trackingCode: filed.code, body: REPLY } } });
    expect(replied.errors).toBeUndefined();
    await ask(filed.id);
    await ask(other.id);
    await smtp.waitFor((item) => item.to.includes('budi.santoso@contoh.id') && item.text.includes(other.number), 'about the other report');
    expect(smtp.received.filter((item) => item.to.includes('budi.santoso@contoh.id') && item.text.includes(filed.number))).toHaveLength(1);
  });

  it('tells the head of an answer to approve, by mail and in the console, and the reporter of the approved answer', async () => {
    const filed = await fileKalbarComplaint('saluran air tersumbat', 'sari@contoh.id');
    const [verifierK, reviewer, head] = await Promise.all(['verifikator', 'telaah', 'pimpinan'].map(kalbarStaff));
    const move = async (client: StaffClient, transition: string) => {
      const moved = await client.call(TRANSITION_CASE, { input: { caseId: filed.id, transition } });
      expect(moved.errors).toBeUndefined();
    };
    await move(verifierK!, 'ACCEPT');
    await move(reviewer!, 'START_FOLLOW_UP');
    const drafted = await reviewer!.call('mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', {
      input: { caseId: filed.id, body: 'Saluran dibersihkan pekan depan.', submit: true },
    });
    expect(drafted.errors).toBeUndefined();
    const toHead = await smtp.waitFor((mail) => mail.subject === `Jawaban kasus ${filed.number} menunggu persetujuan`, 'to the head');
    expect(toHead.to).toEqual([demoEmail('pimpinan', KALBAR)]);
    expect(toHead.raw).not.toContain('Saluran dibersihkan');
    const notices = (await head!.call(NOTIFICATIONS)).data!.staffNotifications as { kind: string; registrationNumber: string }[];
    expect(notices).toContainEqual({ kind: 'ANSWER_TO_APPROVE', registrationNumber: filed.number });
    await move(head!, 'APPROVE_ANSWER');
    const answered = await smtp.waitFor((mail) => mail.to.includes('sari@contoh.id') && mail.text.includes(filed.number), 'to the reporter');
    expect(answered.subject).toBe('Inspektorat Provinsi Kalimantan Barat: laporan Anda telah dijawab');
    expect(answered.raw).not.toContain('Saluran dibersihkan');
  });

  it('tells the reporter where a transferred report went, with the receiving agency’s track page', async () => {
    const auth = await register('Bangau-4', 'id', 'bangau@contoh.id');
    const filed = await fileWhistleblowing(auth, 'dana hibah dipotong');
    const moved = await verifier.call('mutation T($input: TransferCaseInput!) { transferCase(input: $input) { status } }', {
      input: { caseId: filed.id, targetAgencySlug: KALBAR, reason: 'Dana hibah provinsi: kewenangan Inspektorat Provinsi.' },
    });
    expect(moved.errors).toBeUndefined();
    const mail = await smtp.waitFor((item) => item.to.includes('bangau@contoh.id'), 'of the transfer');
    expect(mail.subject).toBe('Inspektorat Kota Bontang: laporan Anda dilimpahkan');
    expect(mail.text).toMatch(/dilimpahkan kepada Inspektorat Provinsi Kalimantan Barat, dengan nomor registrasi INSKB-/);
    expect(mail.text).toContain(`https://aduan.example/t/${KALBAR}/lacak`);
    expectNothingPrivate(mail, 'dana hibah dipotong');
  });

  it('sends a mail cut short by a crash once, after the restart', async () => {
    const auth = await register('Elang-5', 'id', 'elang@contoh.id');
    const filed = await fileWhistleblowing(auth, 'pungutan izin usaha');
    // The mail server is away: the attempt fails and the mail waits for its retry.
    smtp.refuse(true);
    await askReporter(filed.id);
    // The agency's head sees the mail waiting and why, without the address.
    const head = await staffClient(api.url, BONTANG, 'pimpinan');
    type Delivery = { kind: string; status: string; registrationNumber: string; recipient: string; attempts: number; lastError: string | null };
    let waiting: Delivery | undefined;
    for (const deadline = Date.now() + 20_000; !waiting?.lastError && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const deliveries = await head.call(DELIVERIES, { statuses: ['PENDING'] });
      expect(JSON.stringify(deliveries.data)).not.toContain('elang@contoh.id');
      waiting = (deliveries.data!.mailDeliveries as Delivery[]).find((mail) => mail.registrationNumber === filed.number && mail.kind === 'REPORTER_QUESTION');
    }
    expect(waiting).toMatchObject({ recipient: 'REPORTER', status: 'PENDING' });
    expect(waiting!.attempts).toBeGreaterThanOrEqual(1);
    expect(waiting!.lastError).toMatch(/421/);
    expect(waiting!.lastError).not.toContain('elang@contoh.id');
    expect(api.output()).toContain('mail not sent; will retry');
    expect(api.output()).not.toContain('elang@contoh.id');
    // The admin sees it too, but reads no case: not which case, nor so that its reporter gets mail.
    const admin = await staffClient(api.url, BONTANG, 'admin');
    const adminView = (await admin.call(DELIVERIES, { statuses: ['PENDING'] })).data!.mailDeliveries as Delivery[];
    expect(adminView.some((mail) => mail.kind === 'REPORTER_QUESTION' && mail.lastError)).toBe(true);
    expect(adminView.every((mail) => mail.registrationNumber === null)).toBe(true);
    // A verifier does not read the agency's mail.
    expect((await verifier.call(DELIVERIES, {})).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The process dies while the mail waits; the server comes back; the API starts again.
    await api.kill();
    smtp.refuse(false);
    api = await startApi(apiEnv());
    verifier = await staffClient(api.url, BONTANG, 'verifikator');
    const mail = await smtp.waitFor((item) => item.to.includes('elang@contoh.id'), 'after the restart');
    expect(mail.text).toContain(filed.number);
    // Two more turns of the runner (one a second): still one mail.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(smtp.received.filter((item) => item.to.includes('elang@contoh.id'))).toHaveLength(1);
    const sent = (await (await staffClient(api.url, BONTANG, 'pimpinan')).call(DELIVERIES, { statuses: ['SENT'] })).data!.mailDeliveries as {
      kind: string;
      registrationNumber: string;
      attempts: number;
    }[];
    const question = sent.filter((mail) => mail.registrationNumber === filed.number && mail.kind === 'REPORTER_QUESTION');
    expect(question).toHaveLength(1);
    expect(question[0]!.attempts).toBeGreaterThanOrEqual(2);
  });
});
