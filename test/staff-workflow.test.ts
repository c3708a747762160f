/**
 * The staff console's API over HTTP against a running server, on PGlite or PostgreSQL: signing
 * in, the inbox, the whole lifecycle for each role (with the SLA clock pausing while the
 * reporter is asked for facts), forbidden transitions, conflicts of interest, restriction,
 * and what another agency (or province) can never see.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, TRACK_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { INBOX, loginStaff, LOGIN_STAFF, STAFF_CASE, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
let database: TestDatabase;
let api: RunningProcess;
const staff: Record<string, StaffClient> = {};

async function fileComplaint(slug = KALBAR, identityMode = 'ANONYMOUS', marker = 'jalan rusak', caseTypeKey = 'complaint') {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === caseTypeKey) as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'foto.png', png());
  const reporter =
    identityMode === 'IDENTIFIED' ? { name: 'Warga Uji', idNumber: '6171010101010001', phone: '081234567890', email: 'warga@example.id' } : undefined;
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode, reporter, evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await staff.verifier!.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

const track = (number: string, code: string, slug = KALBAR) => graphql(`${api.url}/t/${slug}/graphql`, TRACK_REPORT, { variables: { number, code } });

async function transition(client: StaffClient, id: string, name: string, reason?: string) {
  return client.call(TRANSITION_CASE, { input: { caseId: id, transition: name, reason } });
}

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return response.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({ ...database.env });
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  staff.custodian = await staffClient(api.url, KALBAR, 'kustodian');
  staff.admin = await staffClient(api.url, KALBAR, 'admin');
  staff.bkad = await staffClient(api.url, 'bkad-kalbar', 'verifikator');
  staff.kalsel = await staffClient(api.url, 'inspektorat-kalsel', 'pimpinan');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  staff.secretariatSelatan = await staffClient(api.url, null, 'sekretariat@kalimantan-selatan.test');
}, 180_000);

afterAll(async () => {
  if (process.env.SHOW_API_LOG)
    console.log(
      api
        ?.output()
        .split('\n')
        .filter((line) => !line.includes('"level":30'))
        .join('\n'),
    );
  await api?.stop();
  await database?.drop();
});

describe('signing in', () => {
  it('gives a session on the agency console and knows the viewer and roles', async () => {
    const viewer = await staff.verifier!.call('{ viewerStaff { name email roles tenantId canRecordIntake } }');
    expect(viewer.data!.viewerStaff).toMatchObject({ email: 'verifikator@inspektorat-kalbar.test', roles: ['VERIFIER'], canRecordIntake: true });
  });

  it("refuses an agency's account on another agency's console, like a wrong password", async () => {
    const response = await graphql(`${api.url}/t/bkad-kalbar/graphql`, LOGIN_STAFF, {
      variables: { input: { email: 'verifikator@inspektorat-kalbar.test', password: 'demo-staff-password' } },
    });
    expect(codeOf(response)).toBe('UNAUTHENTICATED');
    expect(response.errors![0]!.message).toBe('Wrong email or password, or too many attempts: wait a few minutes and try again.');
    const misplaced = await graphql(`${api.url}/t/bkad-kalbar/graphql`, '{ viewerStaff { name } }', {
      headers: { authorization: `Bearer ${staff.verifier!.token}` },
    });
    expect(misplaced.data!.viewerStaff).toBeNull();
  });

  it('ends the session on logout', async () => {
    const client = await staffClient(api.url, KALBAR, 'admin');
    expect((await client.call('mutation { logoutStaff }')).data!.logoutStaff).toBe(true);
    expect((await client.call('{ viewerStaff { name } }')).data!.viewerStaff).toBeNull();
    expect(codeOf(await client.call(INBOX))).toBe('UNAUTHENTICATED');
  });
});

describe('the lifecycle, role by role', () => {
  it('verifier asks an anonymous reporter for facts, the reporter answers, the review team answers, the head approves, the reporter reads it', async () => {
    const filed = await fileComplaint();
    expect((await staff.verifier!.call('query($id: ID!) { staffCase(id: $id) { reporter { name } confidential } }', { id: filed.id })).data!.staffCase).toEqual(
      { reporter: null, confidential: false },
    );
    const inbox = await staff.verifier!.call(INBOX, { filter: { statuses: ['SUBMITTED'] } });
    const row = inbox.data!.inbox.cases.find((item: { id: string }) => item.id === filed.id);
    expect(row).toMatchObject({ status: 'SUBMITTED', currentStage: { key: 'verification', overdue: false, paused: false } });
    const firstDeadline = row.currentStage.deadline as string;

    const taken = await transition(staff.verifier!, filed.id, 'TAKE_FOR_VERIFICATION');
    expect(taken.data!.transitionCase.status).toBe('IN_VERIFICATION');
    expect(taken.data!.transitionCase.availableTransitions).toEqual(expect.arrayContaining(['REQUEST_INFO', 'ACCEPT', 'REJECT', 'TRANSFER']));

    const asked = await transition(staff.verifier!, filed.id, 'REQUEST_INFO', 'Di ruas jalan mana tepatnya, dan sejak kapan?');
    expect(asked.data!.transitionCase).toMatchObject({ status: 'NEEDS_INFO', currentStage: { key: 'verification', paused: true } });
    expect(asked.data!.transitionCase.waitingSince).not.toBeNull();
    expect(asked.data!.transitionCase.silenceCloseAt).not.toBeNull(); // LAPOR-SP4N: 10 working days of silence

    const waiting = (await track(filed.registrationNumber, filed.trackingCode)).data!.trackReport;
    expect(waiting.status).toBe('NEEDS_INFO');
    expect(waiting.messages.map((message: { body: string }) => message.body)).toContain('Di ruas jalan mana tepatnya, dan sejak kapan?');

    const reply = await graphql(
      `${api.url}/t/${KALBAR}/graphql`,
      'mutation Reply($input: SendReporterMessageInput!) { sendReporterMessage(input: $input) { body } }',
      {
        variables: { input: { registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode, body: 'Jalan Ahmad Yani km 3, sejak Januari.' } },
      },
    );
    expect(reply.errors).toBeUndefined();
    const resumed = (await staff.verifier!.call(STAFF_CASE, { id: filed.id })).data!.staffCase;
    expect(resumed).toMatchObject({
      status: 'IN_VERIFICATION',
      waitingSince: null,
      silenceCloseAt: null,
      currentStage: { key: 'verification', paused: false },
    });
    expect(new Date(resumed.currentStage.deadline).getTime()).toBeGreaterThanOrEqual(new Date(firstDeadline).getTime());

    const accepted = await transition(staff.verifier!, filed.id, 'ACCEPT');
    expect(accepted.data!.transitionCase).toMatchObject({ status: 'ACCEPTED', currentStage: { key: 'follow-up' } });

    expect((await transition(staff.reviewer!, filed.id, 'START_FOLLOW_UP')).data!.transitionCase.status).toBe('IN_FOLLOW_UP');
    const noted = await staff.reviewer!.call('mutation N($input: AddCaseNoteInput!) { addCaseNote(input: $input) { notes { kind body } } }', {
      input: { caseId: filed.id, kind: 'COORDINATION', body: 'Koordinasi dengan Dinas PUPR: jadwal perbaikan Maret.' },
    });
    expect(noted.data!.addCaseNote.notes).toEqual([{ kind: 'COORDINATION', body: 'Koordinasi dengan Dinas PUPR: jadwal perbaikan Maret.' }]);

    const approveEarly = await transition(staff.head!, filed.id, 'APPROVE_ANSWER');
    expect(codeOf(approveEarly)).toBe('INVALID_TRANSITION');

    const answerText = 'Terima kasih. Ruas Jalan Ahmad Yani km 3 dijadwalkan diperbaiki oleh Dinas PUPR pada bulan Maret.';
    const drafted = await staff.reviewer!.call(
      'mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { officialAnswers { status body } availableTransitions } }',
      {
        input: { caseId: filed.id, body: answerText, submit: true },
      },
    );
    expect(drafted.data!.draftCaseAnswer.officialAnswers).toEqual([{ status: 'SUBMITTED', body: answerText }]);

    const verifierApproves = await transition(staff.verifier!, filed.id, 'APPROVE_ANSWER');
    expect(codeOf(verifierApproves)).toBe('FORBIDDEN');

    const approved = await transition(staff.head!, filed.id, 'APPROVE_ANSWER');
    expect(approved.data!.transitionCase).toMatchObject({ status: 'ANSWERED', currentStage: null, officialAnswers: [{ status: 'APPROVED' }] });

    const answered = (await track(filed.registrationNumber, filed.trackingCode)).data!.trackReport;
    expect(answered.status).toBe('ANSWERED');
    expect(answered.messages.at(-1)).toMatchObject({ author: 'STAFF', body: answerText });
    // Internal work never reaches the reporter.
    const reporterSees = JSON.stringify(answered);
    expect(reporterSees).not.toContain('Dinas PUPR: jadwal');
    expect(answered.timeline.map((entry: { kind: string }) => entry.kind)).not.toContain('NOTE_ADDED');
    expect(answered.timeline.map((entry: { kind: string }) => entry.kind)).not.toContain('ANSWER_DRAFTED');

    expect((await transition(staff.head!, filed.id, 'CLOSE')).data!.transitionCase.status).toBe('CLOSED');
    const final = (await staff.head!.call(STAFF_CASE, { id: filed.id })).data!.staffCase;
    expect(final.timeline.map((entry: { transition: string | null }) => entry.transition).filter(Boolean)).toEqual([
      'TAKE_FOR_VERIFICATION',
      'REQUEST_INFO',
      'RECEIVE_INFO',
      'ACCEPT',
      'START_FOLLOW_UP',
      'APPROVE_ANSWER',
      'CLOSE',
    ]);
    expect(final.timeline.find((entry: { transition: string }) => entry.transition === 'REQUEST_INFO')).toMatchObject({
      actor: { name: 'Verifikator (demo)' },
      visibility: 'REPORTER',
    });
  });

  it('refuses transitions the role may not make or the status does not allow, with clear codes', async () => {
    const filed = await fileComplaint();
    expect(codeOf(await transition(staff.reviewer!, filed.id, 'ACCEPT'))).toBe('FORBIDDEN');
    expect(codeOf(await transition(staff.custodian!, filed.id, 'TAKE_FOR_VERIFICATION'))).toBe('FORBIDDEN'); // the custodian may read, not handle
    expect(codeOf(await transition(staff.verifier!, filed.id, 'START_FOLLOW_UP'))).toBe('FORBIDDEN');
    expect(codeOf(await transition(staff.verifier!, filed.id, 'REJECT'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await transition(staff.verifier!, filed.id, 'REQUEST_INFO', '   '))).toBe('BAD_USER_INPUT');
    const rejected = await transition(staff.verifier!, filed.id, 'REJECT', 'Bukan kewenangan Inspektorat dan tidak memenuhi kriteria 3W.');
    expect(rejected.data!.transitionCase).toMatchObject({ status: 'REJECTED', currentStage: null, availableTransitions: [] });
    const again = await transition(staff.verifier!, filed.id, 'ACCEPT');
    expect(codeOf(again)).toBe('INVALID_TRANSITION');
    expect(again.errors![0]!.extensions).toMatchObject({ status: 'REJECTED', transition: 'ACCEPT' });
    const reporter = (await track(filed.registrationNumber, filed.trackingCode)).data!.trackReport;
    expect(reporter.status).toBe('REJECTED');
    expect(reporter.messages.at(-1).body).toBe('Bukan kewenangan Inspektorat dan tidak memenuhi kriteria 3W.');
  });

  it('lets only one of two simultaneous actions win', async () => {
    const filed = await fileComplaint();
    const results = await Promise.all([transition(staff.verifier!, filed.id, 'ACCEPT'), transition(staff.head!, filed.id, 'REJECT', 'Duplikat')]);
    const codes = results.map((result) => codeOf(result) ?? 'OK').sort();
    expect(codes).toHaveLength(2);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.find((code) => code !== 'OK')).toMatch(/CONFLICT|INVALID_TRANSITION/);
  });

  it('sends a returned answer back to the review team with the reason', async () => {
    const filed = await fileComplaint();
    await transition(staff.verifier!, filed.id, 'ACCEPT');
    await transition(staff.reviewer!, filed.id, 'START_FOLLOW_UP');
    await staff.reviewer!.call('mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', {
      input: { caseId: filed.id, body: 'Jawaban pertama', submit: true },
    });
    const returned = await staff.head!.call(
      'mutation R($input: ReturnCaseAnswerInput!) { returnCaseAnswer(input: $input) { officialAnswers { status decisionReason } availableTransitions } }',
      {
        input: { caseId: filed.id, reason: 'Lengkapi dasar hukumnya.' },
      },
    );
    expect(returned.data!.returnCaseAnswer.officialAnswers).toEqual([{ status: 'RETURNED', decisionReason: 'Lengkapi dasar hukumnya.' }]);
    expect(returned.data!.returnCaseAnswer.availableTransitions).not.toContain('APPROVE_ANSWER');
  });
});

describe('transfer to the competent agency', () => {
  const TRANSFER = `mutation T($input: TransferCaseInput!) { transferCase(input: $input) { status transferredTo availableTransitions } }`;

  it('hands a case to an agency of another province as its own new case, which the reporter follows with the same code', async () => {
    // Aspirations are what both agencies take (Kalimantan Selatan takes no complaints).
    const filed = await fileComplaint(KALBAR, 'IDENTIFIED', 'usulan perbaikan sekolah', 'aspiration');
    await transition(staff.verifier!, filed.id, 'TAKE_FOR_VERIFICATION');
    expect(codeOf(await staff.verifier!.call(TRANSFER, { input: { caseId: filed.id, targetAgencySlug: 'tidak-ada', reason: 'x' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await staff.verifier!.call(TRANSFER, { input: { caseId: filed.id, targetAgencySlug: KALBAR, reason: 'x' } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await staff.reviewer!.call(TRANSFER, { input: { caseId: filed.id, targetAgencySlug: 'inspektorat-kalsel', reason: 'x' } }))).toBe(
      'FORBIDDEN',
    );
    const moved = await staff.verifier!.call(TRANSFER, {
      input: { caseId: filed.id, targetAgencySlug: 'inspektorat-kalsel', reason: 'Sekolah yang dimaksud berada di Kalimantan Selatan.' },
    });
    expect(moved.errors, JSON.stringify(moved.errors)).toBeUndefined();
    const newNumber = moved.data!.transferCase.transferredTo as string;
    expect(moved.data!.transferCase).toMatchObject({ status: 'TRANSFERRED', availableTransitions: [] });
    expect(newNumber).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);

    const received = (
      await staff.kalsel!.call(
        `query($n: String!) { staffCase(registrationNumber: $n) { status transferredFrom externalReference evidence { fileName } timeline { kind reason } currentStage { key } reporter { name phone } } }`,
        { n: newNumber },
      )
    ).data!.staffCase;
    expect(received).toMatchObject({
      status: 'SUBMITTED',
      transferredFrom: filed.registrationNumber,
      externalReference: filed.registrationNumber,
      evidence: [{ fileName: 'foto.png' }],
    });
    expect(received.timeline[0]).toEqual({ kind: 'TRANSFERRED_IN', reason: 'Sekolah yang dimaksud berada di Kalimantan Selatan.' });
    expect(received.reporter).toEqual({ name: 'Warga Uji', phone: '081234567890' }); // re-encrypted with the receiving agency's key
    expect(codeOf(await staff.verifier!.call(`query($n: String!) { staffCase(registrationNumber: $n) { id } }`, { n: newNumber }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.kalsel!.call(STAFF_CASE, { id: filed.id }))).toBe('NOT_FOUND');

    const old = (await track(filed.registrationNumber, filed.trackingCode)).data!.trackReport;
    expect(old.status).toBe('TRANSFERRED');
    expect(old.messages.at(-1).body).toContain(newNumber);
    const followed = (await track(newNumber, filed.trackingCode, 'inspektorat-kalsel')).data!.trackReport;
    expect(followed).toMatchObject({ registrationNumber: newNumber, status: 'SUBMITTED' });
  });
});

describe('intake from offline channels', () => {
  const RECORD = `mutation R($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) {
    trackingCode case { id registrationNumber status receivedAt externalReference channel { key kind } recordedBy { name title } deadlines { key deadline } currentStage { key deadline } timeline { kind actor { name } } reporter { name } }
  } }`;

  it('records an office visit with the time it was received, names the officer and gives the reporter a code', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const input = {
      caseTypeKey: 'complaint',
      channelKey: 'office-visit',
      receivedAt,
      answers: validAnswers(caseType, 'datang langsung'),
      identityMode: 'IDENTIFIED',
      reporter: { name: 'Bapak Datang', idNumber: '6171010101010002', phone: '081300000000' },
    };
    const recorded = await staff.verifier!.call(RECORD, { input });
    expect(recorded.errors, JSON.stringify(recorded.errors)).toBeUndefined();
    const intake = recorded.data!.recordOfflineIntake;
    expect(intake.case).toMatchObject({
      status: 'SUBMITTED',
      receivedAt,
      channel: { key: 'office-visit', kind: 'OFFICE_VISIT' },
      recordedBy: { name: 'Verifikator (demo)', title: 'Administrator Pengaduan' },
      reporter: { name: 'Bapak Datang' },
      timeline: [{ kind: 'RECORDED_OFFLINE', actor: { name: 'Verifikator (demo)' } }],
    });
    // The SLA counts from when it was received, not when it was typed in.
    const deadline = new Date(intake.case.currentStage.deadline).getTime();
    expect(deadline).toBeLessThan(Date.now() + 5 * 86_400_000);
    const followed = (await track(intake.case.registrationNumber, intake.trackingCode)).data!.trackReport;
    expect(followed.status).toBe('SUBMITTED');
  });

  it('asks for the SP4N-LAPOR! reference and refuses channels, times and roles that do not fit', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const base = { caseTypeKey: 'complaint', receivedAt: new Date().toISOString(), answers: validAnswers(caseType), identityMode: 'ANONYMOUS' };
    const lapor = await staff.verifier!.call(RECORD, { input: { ...base, channelKey: 'sp4n-lapor' } });
    expect(lapor.errors![0]!.extensions!.issues, JSON.stringify(lapor.errors)).toEqual([expect.objectContaining({ path: ['externalReference'] })]);
    const withReference = await staff.verifier!.call(RECORD, { input: { ...base, channelKey: 'sp4n-lapor', externalReference: 'LAPOR-1234567' } });
    expect(withReference.data!.recordOfflineIntake.case.externalReference).toBe('LAPOR-1234567');
    const portal = await staff.verifier!.call(RECORD, { input: { ...base, channelKey: 'web-portal' } });
    expect(portal.errors![0]!.extensions!.issues, JSON.stringify(portal.errors)).toEqual([expect.objectContaining({ path: ['channelKey'] })]);
    const future = await staff.verifier!.call(RECORD, {
      input: { ...base, channelKey: 'office-visit', receivedAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(future.errors![0]!.extensions!.issues, JSON.stringify(future.errors)).toEqual([expect.objectContaining({ path: ['receivedAt'] })]);
    expect(codeOf(await staff.reviewer!.call(RECORD, { input: { ...base, channelKey: 'office-visit' } }))).toBe('FORBIDDEN');
  });
});

describe('who sees what', () => {
  it("keeps an agency's cases from every other agency, and a province's from another province's secretariat", async () => {
    const filed = await fileComplaint(KALBAR, 'IDENTIFIED', 'penyalahgunaan wewenang');
    for (const outsider of [staff.bkad!, staff.kalsel!, staff.secretariatSelatan!]) {
      expect(codeOf(await outsider.call(STAFF_CASE, { id: filed.id }))).toBe('NOT_FOUND');
      const inbox = await outsider.call(INBOX, { first: 100 });
      expect(inbox.data!.inbox.cases.map((item: { id: string }) => item.id)).not.toContain(filed.id);
      expect(codeOf(await transition(outsider, filed.id, 'REJECT', 'tidak'))).toBe(outsider === staff.secretariatSelatan ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    const secretariat = await staff.secretariat!.call(INBOX, { filter: { search: filed.registrationNumber } });
    expect(secretariat.data!.inbox.cases).toEqual([expect.objectContaining({ id: filed.id, agency: { slug: KALBAR } })]);
    expect(codeOf(await transition(staff.secretariat!, filed.id, 'ACCEPT'))).toBe('FORBIDDEN'); // reads the province, acts on nothing
  });

  it('serves evidence files only to signed-in staff who may read the case', async () => {
    const filed = await fileComplaint(KALBAR, 'ANONYMOUS', 'bukti foto');
    const evidence = (await staff.verifier!.call('query($id: ID!) { staffCase(id: $id) { evidence { id fileName sha256 } } }', { id: filed.id })).data!
      .staffCase.evidence;
    expect(evidence).toHaveLength(1);
    const url = `${api.url}/t/${KALBAR}/evidence/${evidence[0].id}`;
    const download = (client?: StaffClient, at = url) => fetch(at, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });
    const ok = await download(staff.verifier!);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-disposition')).toContain('attachment; filename="foto.png"');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
    // The stored file is the one cleaned at intake (re-encoded, ADR 0014): the hash staff see, a PNG still.
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(evidence[0].sha256);
    expect(bytes.subarray(0, 8).equals(png().subarray(0, 8))).toBe(true);
    expect((await download(staff.secretariat!)).status).toBe(200);
    expect((await download()).status).toBe(401);
    expect((await download(staff.bkad!)).status).toBe(401);
    expect((await download(staff.bkad!, `${api.url}/t/bkad-kalbar/evidence/${evidence[0].id}`)).status).toBe(404);
    expect((await download(staff.secretariatSelatan!)).status).toBe(401);
  });

  it('drops a case from the inbox of a staff member who declares a conflict of interest', async () => {
    const filed = await fileComplaint();
    const declared = await staff.reviewer!.call('mutation C($input: RecordConflictInput!) { recordConflict(input: $input) { id } }', {
      input: { caseId: filed.id, reason: 'Terlapor adalah kerabat saya.' },
    });
    expect(declared.errors).toBeUndefined();
    expect(declared.data!.recordConflict).toBeNull();
    expect(codeOf(await staff.reviewer!.call(STAFF_CASE, { id: filed.id }))).toBe('NOT_FOUND');
    const head = (await staff.head!.call(STAFF_CASE, { id: filed.id })).data!.staffCase;
    expect(head.exclusions).toEqual([expect.objectContaining({ kind: 'DECLARED_CONFLICT' })]);
  });

  it('hides a case from a staff member named in it, from the moment it is filed', async () => {
    const created = await staff.admin!.call('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', {
      input: { email: 'hendra@inspektorat-kalbar.test', name: 'Hendra Kurniawan', roles: ['VERIFIER'], password: 'kata-sandi-hendra-1' },
    });
    const token = await loginStaff(api.url, KALBAR, 'hendra@inspektorat-kalbar.test', 'kata-sandi-hendra-1');
    const hendra: StaffClient = {
      token,
      call: (query, variables) => graphql(`${api.url}/t/${KALBAR}/graphql`, query, { variables, headers: { authorization: `Bearer ${token}` } }),
    };
    const filed = await fileComplaint(KALBAR, 'ANONYMOUS', 'pungutan oleh HENDRA KURNIAWAN di loket');
    const unrelated = await fileComplaint(KALBAR, 'ANONYMOUS', 'antrian panjang di loket');
    expect(codeOf(await hendra.call(STAFF_CASE, { id: filed.id }))).toBe('NOT_FOUND');
    expect((await hendra.call(STAFF_CASE, { id: unrelated.id })).data!.staffCase.id).toBe(unrelated.id);
    const seenByHead = (await staff.head!.call(STAFF_CASE, { id: filed.id })).data!.staffCase;
    expect(seenByHead.exclusions).toEqual([{ kind: 'NAMED_IN_REPORT', staff: { id: created.data!.createStaffMember.id } }]);
  });

  it('limits a restricted case to its named handlers and the head', async () => {
    const filed = await fileComplaint();
    const reviewer = (await staff.reviewer!.call('{ viewerStaff { id } }')).data!.viewerStaff.id;
    const byVerifier = await staff.verifier!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }', {
      input: { caseId: filed.id, handlerIds: [reviewer] },
    });
    expect(codeOf(byVerifier)).toBe('FORBIDDEN'); // only the head restricts
    expect(byVerifier.data!.restrictCase).toBeNull();
    const restricted = await staff.head!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { restricted handlers { id } } }', {
      input: { caseId: filed.id, handlerIds: [reviewer] },
    });
    expect(restricted.data!.restrictCase).toEqual({ restricted: true, handlers: [{ id: reviewer }] });
    expect(codeOf(await staff.verifier!.call(STAFF_CASE, { id: filed.id }))).toBe('NOT_FOUND');
    expect((await staff.reviewer!.call(STAFF_CASE, { id: filed.id })).data!.staffCase.restricted).toBe(true);
    const secretariat = await staff.secretariat!.call(INBOX, { filter: { search: filed.registrationNumber } });
    expect(secretariat.data!.inbox.cases).toEqual([]);
  });

  it('filters and pages the inbox', async () => {
    await fileComplaint();
    await fileComplaint();
    const filed = await fileComplaint();
    await transition(staff.verifier!, filed.id, 'TAKE_FOR_VERIFICATION');
    const first = await staff.head!.call(INBOX, { first: 2 });
    expect(first.data!.inbox.cases).toHaveLength(2);
    expect(first.data!.inbox.hasNextPage).toBe(true);
    const second = await staff.head!.call(INBOX, { first: 2, after: first.data!.inbox.endCursor });
    const ids = [...first.data!.inbox.cases, ...second.data!.inbox.cases].map((item: { id: string }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const verifying = await staff.head!.call(INBOX, { filter: { statuses: ['IN_VERIFICATION'], caseTypeKeys: ['complaint'], overdue: false }, first: 100 });
    expect(verifying.data!.inbox.cases.map((item: { id: string }) => item.id)).toContain(filed.id);
    expect(verifying.data!.inbox.cases.every((item: { status: string }) => item.status === 'IN_VERIFICATION')).toBe(true);
    const partial = await staff.head!.call(`query($f: InboxFilter) { inbox(filter: $f) { totalCount totalCountCapped cases { id } } }`, {
      f: { search: filed.registrationNumber.slice(-6).toLowerCase() },
    });
    expect(partial.data!.inbox).toMatchObject({ totalCount: 1, totalCountCapped: false, cases: [{ id: filed.id }] });
    const byAspiration = await staff.head!.call(INBOX, { filter: { caseTypeKeys: ['aspiration'] } });
    expect(byAspiration.data!.inbox.cases.map((item: { id: string }) => item.id)).not.toContain(filed.id);
    expect(codeOf(await staff.head!.call(INBOX, { first: 1000 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await staff.head!.call(INBOX, { after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it('points out possible duplicates before a verifier accepts', async () => {
    const first = await fileComplaint(KALBAR, 'ANONYMOUS', 'lampu penerangan jalan padam di simpang empat pasar flamboyan');
    const second = await fileComplaint(KALBAR, 'ANONYMOUS', 'lampu penerangan jalan padam di simpang empat pasar flamboyan');
    const other = await fileComplaint(KALBAR, 'ANONYMOUS', 'pelayanan perizinan berbelit dan meminta biaya tambahan');
    const query = 'query($id: ID!) { staffCase(id: $id) { possibleDuplicates { id reasons similarity } } }';
    const duplicates = (await staff.verifier!.call(query, { id: second.id })).data!.staffCase.possibleDuplicates;
    expect(duplicates.map((item: { id: string }) => item.id)).toContain(first.id);
    expect(duplicates.map((item: { id: string }) => item.id)).not.toContain(other.id);
    expect(duplicates.find((item: { id: string }) => item.id === first.id).reasons).toContain('SIMILAR_TEXT');
  });

  it("offers staff the agency's response templates for what they are writing, and nobody else", async () => {
    const forQuestions = await staff.verifier!.call('{ responseTemplates(use: REQUEST_INFO) { key name body uses } }');
    expect(forQuestions.data!.responseTemplates).toEqual([
      expect.objectContaining({ key: 'missing-facts', name: 'Permintaan kelengkapan data', uses: ['REQUEST_INFO', 'MESSAGE'] }),
    ]);
    expect(forQuestions.data!.responseTemplates[0].body).toContain('3W');
    expect(codeOf(await graphql(`${api.url}/t/${KALBAR}/graphql`, '{ responseTemplates { key } }'))).toBe('UNAUTHENTICATED');
  });

  it('asks for a sign-in before any console query', async () => {
    const anonymous = await graphql(`${api.url}/t/${KALBAR}/graphql`, INBOX);
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });
});
