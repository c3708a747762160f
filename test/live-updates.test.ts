/**
 * Live updates over graphql-ws against a running API, on PGlite or PostgreSQL: a reporter
 * follows their report and never sees internal events; staff follow the inbox and a case
 * with their CASL rights re-checked for every event; other agencies and provinces get
 * nothing; a client that reconnects with its last cursor misses nothing; and the limits
 * (sign-in at init, close codes, subscriptions per connection, connections per address).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { liveClient, liveUrl, REPORT_UPDATES, settle, type LiveClient } from './support/live.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createLiveCursorCodec } from '@aduan/api/live/live-cursor.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, loginStaff, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
/** A live cursor as clients see it: an opaque token (docs/trust/live-cursors.md). */
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
/** The deployment's master key; the test reads the event log's cursors with it, as an insider. */
const MASTER_KEY = randomBytes(32).toString('base64');
const cursors = createLiveCursorCodec(Buffer.from(MASTER_KEY, 'base64'));
const MAX_SUBSCRIPTIONS = 3;
const MAX_CONNECTIONS = 12;
const REVALIDATE_MS = 1000;
let database: TestDatabase;
let api: RunningProcess;
const staff: Record<string, StaffClient> = {};
const open: LiveClient[] = [];

const CASE_UPDATES = `subscription Case($id: ID!, $after: ID) { caseUpdates(id: $id, after: $after) { cursor signal caseId registrationNumber eventKind status internal agencySlug } }`;
const INBOX_UPDATES = `subscription Inbox($after: ID) { inboxUpdates(after: $after) { cursor signal caseId registrationNumber eventKind status internal agencySlug } }`;
const ADD_NOTE = `mutation Note($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`;
const SEND_MESSAGE = `mutation Message($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }`;

function connect(slug: string | null, authToken?: string): LiveClient {
  const client = liveClient(liveUrl(api.url, slug), { authToken });
  open.push(client);
  return client;
}

async function fileComplaint(slug = KALBAR, marker = 'lampu jalan padam') {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const viewer = slug === KALBAR ? staff.verifier! : await staffClient(api.url, slug, 'verifikator');
  const found = await viewer.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

/** The cursor a page gets with its data, to subscribe from without missing anything in between. */
async function reportCursor(filed: { registrationNumber: string; trackingCode: string }): Promise<string> {
  const page = await graphql(
    `${api.url}/t/${KALBAR}/graphql`,
    'query T($n: String!, $c: String) { trackReport(registrationNumber: $n, trackingCode: $c) { liveCursor } }',
    {
      variables: { n: filed.registrationNumber, c: filed.trackingCode },
    },
  );
  return page.data!.trackReport.liveCursor as string;
}

/**
 * What a page loaded with the live cursor `from` already has: that event and, on PostgreSQL,
 * every event committed so far (read from the log, as an insider). A stream followed from
 * `from` may repeat some of them when a transaction elsewhere on the database server ran
 * long meanwhile (another test file's: transaction ids are server-wide); a client skips the
 * cursors it has. PGlite runs one transaction at a time, so there it repeats none.
 */
async function pageHas(from: string): Promise<string[]> {
  if (!usingPostgres) return [from];
  const db = database.open();
  try {
    const rows = await db.sql.query<{ id: string }>('SELECT id::text FROM case_event');
    return [from, ...rows.map((row) => cursors.encode(row.id))];
  } finally {
    await db.close();
  }
}

/** The cursors of the reporter's timeline, oldest first (reporter-visible events only). */
async function timelineCursors(filed: { registrationNumber: string; trackingCode: string }): Promise<string[]> {
  const page = await graphql(
    `${api.url}/t/${KALBAR}/graphql`,
    'query T($n: String!, $c: String) { trackReport(registrationNumber: $n, trackingCode: $c) { timeline { cursor } } }',
    {
      variables: { n: filed.registrationNumber, c: filed.trackingCode },
    },
  );
  return page.data!.trackReport.timeline.map((entry: { cursor: string }) => entry.cursor);
}

async function inboxCursor(client: StaffClient): Promise<string> {
  return (await client.call('{ inbox(first: 1) { liveCursor } }')).data!.inbox.liveCursor as string;
}

async function caseCursor(client: StaffClient, id: string): Promise<string> {
  return (await client.call('query C($id: ID!) { staffCase(id: $id) { liveCursor } }', { id })).data!.staffCase.liveCursor as string;
}

/** The token with one character changed. */
function tamper(token: string): string {
  return token.slice(0, 7) + (token[7] === 'A' ? 'B' : 'A') + token.slice(8);
}

async function note(id: string, body = 'Koordinasi internal dengan bidang terkait') {
  const response = await staff.verifier!.call(ADD_NOTE, { input: { caseId: id, kind: 'NOTE', body } });
  expect(response.errors).toBeUndefined();
}

async function message(id: string, body: string) {
  const response = await staff.verifier!.call(SEND_MESSAGE, { input: { caseId: id, body } });
  expect(response.errors).toBeUndefined();
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi({
    ...database.env,
    LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION: String(MAX_SUBSCRIPTIONS),
    LIVE_MAX_CONNECTIONS_PER_IP: String(MAX_CONNECTIONS),
    LIVE_REVALIDATE_MS: String(REVALIDATE_MS),
    IDENTITY_MASTER_KEY: MASTER_KEY,
  });
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  staff.admin = await staffClient(api.url, KALBAR, 'admin');
  staff.bkad = await staffClient(api.url, 'bkad-kalbar', 'verifikator');
  staff.kalsel = await staffClient(api.url, 'inspektorat-kalsel', 'pimpinan');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  staff.secretariatSelatan = await staffClient(api.url, null, 'sekretariat@kalimantan-selatan.test');
}, 180_000);

afterEach(async () => {
  await Promise.all(
    open.splice(0).map(async (client) => {
      await client.dispose();
      await client.closed;
    }),
  );
});

afterAll(async () => {
  if (process.env.SHOW_API_LOG) console.log(api?.output());
  await api?.stop();
  await database?.drop();
});

describe('a reporter following their report', () => {
  it("sees the verifier's question and message live, and never an internal note", async () => {
    const filed = await fileComplaint();
    const reporter = connect(KALBAR);
    const from = await reportCursor(filed);
    const updates = reporter.subscribe(
      REPORT_UPDATES,
      { number: filed.registrationNumber, code: filed.trackingCode, after: from },
      { seen: await pageHas(from) },
    );
    await reporter.connected;
    await settle(300);

    await note(filed.id);
    const asked = await staff.verifier!.call(TRANSITION_CASE, {
      input: { caseId: filed.id, transition: 'REQUEST_INFO', reason: 'Mohon sebutkan lokasi persisnya.' },
    });
    expect(asked.errors).toBeUndefined();
    const first = (await updates.next()).data!.reportUpdates;
    expect(first).toMatchObject({ signal: 'EVENT', report: { status: 'NEEDS_INFO' } });
    expect(first.cursor).toMatch(TOKEN);

    await message(filed.id, 'Terima kasih, kami tunggu jawaban Anda.');
    const second = (await updates.next()).data!.reportUpdates;
    expect(second.report.messages.at(-1)).toMatchObject({ author: 'STAFF', body: 'Terima kasih, kami tunggu jawaban Anda.' });
    expect(second.cursor).toMatch(TOKEN);
    expect(second.cursor).not.toBe(first.cursor);

    // The note came first: had it been delivered, it would have been the first payload.
    await settle();
    expect(updates.received).toHaveLength(2);
    expect(JSON.stringify(updates.received)).not.toContain('NOTE_ADDED');
  });

  it('refuses a wrong tracking code with the same answer as a wrong number', async () => {
    const filed = await fileComplaint();
    const reporter = connect(KALBAR);
    const wrongCode = reporter.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: 'SALAH-SALAH-SALAH' });
    const wrongNumber = reporter.subscribe(REPORT_UPDATES, { number: 'KB-00-0000-000000', code: filed.trackingCode });
    const [a, b] = [await wrongCode.next(), await wrongNumber.next()];
    expect(a.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(b.errors?.[0]).toEqual(a.errors?.[0]);
  });

  it('misses nothing after reconnecting with its last cursor, and gets nothing twice', async () => {
    const filed = await fileComplaint();
    const first = connect(KALBAR);
    const from = await reportCursor(filed);
    const updates = first.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: filed.trackingCode, after: from }, { seen: await pageHas(from) });
    await first.connected;
    await settle(300);
    await message(filed.id, 'Pesan pertama');
    const seen = (await updates.next()).data!.reportUpdates.cursor as string;
    // What the page shows has the same cursors as the live updates of those events.
    const shown = await timelineCursors(filed);
    expect(shown).toContain(seen);
    await first.dispose();

    // While the reporter is away: two messages for them, one note that is not.
    await message(filed.id, 'Pesan kedua');
    await note(filed.id);
    await message(filed.id, 'Pesan ketiga');

    const again = connect(KALBAR);
    // Events the client has may come again while other transactions run (the same cursors:
    // it skips them); the two it missed come, in order, once.
    const resumed = again.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: filed.trackingCode, after: seen }, { seen: [seen, ...shown] });
    const missed = [(await resumed.next()).data!.reportUpdates, (await resumed.next()).data!.reportUpdates];
    // Each shows the report as it was at its event or later: the second and third messages.
    expect(missed[0].report.messages.length).toBeGreaterThanOrEqual(2);
    expect(missed[1].report.messages.map((item: { body: string }) => item.body)).toEqual(['Pesan pertama', 'Pesan kedua', 'Pesan ketiga']);
    expect(missed.map((update) => update.signal)).toEqual(['EVENT', 'EVENT']);
    // In the order of the timeline, which now ends with them.
    expect((await timelineCursors(filed)).slice(-2)).toEqual(missed.map((update) => update.cursor));
    await settle();
    expect(resumed.received).toHaveLength(2);

    // And it goes on live after the replay.
    await message(filed.id, 'Pesan keempat');
    expect((await resumed.next()).data!.reportUpdates.report.messages.at(-1).body).toBe('Pesan keempat');
  });

  it('follows from the liveCursor of the page it loaded', async () => {
    const filed = await fileComplaint();
    const page = await graphql(
      `${api.url}/t/${KALBAR}/graphql`,
      'query T($n: String!, $c: String) { trackReport(registrationNumber: $n, trackingCode: $c) { liveCursor } }',
      {
        variables: { n: filed.registrationNumber, c: filed.trackingCode },
      },
    );
    const cursor = page.data!.trackReport.liveCursor as string;
    expect(cursor).toMatch(TOKEN);
    await message(filed.id, 'Terjadi sebelum halaman tersambung');
    const reporter = connect(KALBAR);
    const updates = reporter.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: filed.trackingCode, after: cursor });
    expect((await updates.next()).data!.reportUpdates.report.messages.at(-1).body).toBe('Terjadi sebelum halaman tersambung');
  });

  it("asks to reload for a cursor the server never gave: a number, a tampered token, another deployment's", async () => {
    const filed = await fileComplaint();
    const cursor = await reportCursor(filed);
    // Internal work does not move the reporter's cursor, nor the fresh one a RELOAD gives them.
    await note(filed.id);
    const foreign = createLiveCursorCodec(randomBytes(32)).encode('1');
    for (const after of ['999999999999', tamper(cursor), foreign]) {
      const reporter = connect(KALBAR);
      const updates = reporter.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: filed.trackingCode, after });
      const reload = await updates.next();
      expect(reload.errors).toBeUndefined();
      expect(reload.data!.reportUpdates).toMatchObject({ signal: 'RELOAD', cursor, report: { status: 'SUBMITTED' } });
    }
  });
});

describe('a pseudonymous reporter signed in', () => {
  it('follows their own report without the code, and is disconnected when they sign out', async () => {
    const endpoint = `${api.url}/t/inspektorat-bontang/graphql`;
    const register = await graphql(endpoint, 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }', {
      variables: { input: { pseudonym: 'Rajawali-Live', password: 'kata-sandi-rajawali-1' } },
    });
    const token = register.data!.registerReporter.token as string;
    const caseType = (await caseTypesOf(api.url, 'inspektorat-bontang')).find((item) => item.key === 'whistleblowing') as CaseTypeInfo;
    const photo = await uploadEvidence(api.url, 'inspektorat-bontang', caseType.key, 'foto.png', png());
    const filed = await graphql(endpoint, SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: caseType.key,
          answers: validAnswers(caseType, 'dana hibah dipotong'),
          identityMode: 'PSEUDONYMOUS',
          reporter: { phone: '081234567890' },
          evidenceIds: [photo.evidenceId],
        },
      },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(filed.errors).toBeUndefined();
    const number = filed.data!.submitReport.registrationNumber as string;
    const bontang = await staffClient(api.url, 'inspektorat-bontang', 'verifikator');
    const caseId = (await bontang.call(INBOX, { filter: { search: number } })).data!.inbox.cases[0].id as string;

    const page = await graphql(endpoint, 'query T($n: String!) { trackReport(registrationNumber: $n) { liveCursor } }', {
      variables: { n: number },
      headers: { authorization: `Bearer ${token}` },
    });
    const from = page.data!.trackReport.liveCursor as string;
    const reporter = connect('inspektorat-bontang', token);
    const updates = reporter.subscribe(REPORT_UPDATES, { number, after: from }, { seen: await pageHas(from) });
    const sent = await bontang.call(SEND_MESSAGE, { input: { caseId, body: 'Kami sedang menelaah laporan Anda.' } });
    expect(sent.errors).toBeUndefined();
    expect((await updates.next()).data!.reportUpdates.report.messages.at(-1).body).toBe('Kami sedang menelaah laporan Anda.');

    await graphql(endpoint, 'mutation { logoutReporter }', { headers: { authorization: `Bearer ${token}` } });
    expect(await reporter.closed).toMatchObject({ code: 4401 });
  });
});

describe('staff following the inbox and a case', () => {
  it("delivers an agency's events to its staff and its province's secretariat only", async () => {
    const subscribe = async (slug: string | null, client: StaffClient) => {
      const after = await inboxCursor(client);
      return connect(slug, client.token).subscribe(INBOX_UPDATES, { after }, { seen: await pageHas(after) });
    };
    const own = await subscribe(KALBAR, staff.head!);
    const secretariat = await subscribe(null, staff.secretariat!);
    const otherAgency = await subscribe('bkad-kalbar', staff.bkad!);
    const otherProvince = await subscribe('inspektorat-kalsel', staff.kalsel!);
    const otherSecretariat = await subscribe(null, staff.secretariatSelatan!);
    await settle(500);

    const filed = await fileComplaint(KALBAR, 'pungli di loket');
    const seenByHead = (await own.next()).data!.inboxUpdates;
    expect(seenByHead).toMatchObject({
      signal: 'EVENT',
      caseId: filed.id,
      registrationNumber: filed.registrationNumber,
      eventKind: 'SUBMITTED',
      status: 'SUBMITTED',
      agencySlug: KALBAR,
    });
    expect((await secretariat.next()).data!.inboxUpdates).toMatchObject({ caseId: filed.id, agencySlug: KALBAR });
    await note(filed.id);
    expect((await own.next()).data!.inboxUpdates).toMatchObject({ caseId: filed.id, eventKind: 'NOTE_ADDED', internal: true });
    expect((await secretariat.next()).data!.inboxUpdates).toMatchObject({ eventKind: 'NOTE_ADDED' });

    await settle();
    expect(otherAgency.received).toEqual([]);
    expect(otherProvince.received).toEqual([]);
    expect(otherSecretariat.received).toEqual([]);
  });

  it('stops delivering a case to a staff member once it is restricted away from them', async () => {
    const filed = await fileComplaint();
    const [verifierFrom, headFrom] = [await caseCursor(staff.verifier!, filed.id), await caseCursor(staff.head!, filed.id)];
    const verifier = connect(KALBAR, staff.verifier!.token).subscribe(
      CASE_UPDATES,
      { id: filed.id, after: verifierFrom },
      { seen: await pageHas(verifierFrom) },
    );
    const head = connect(KALBAR, staff.head!.token).subscribe(CASE_UPDATES, { id: filed.id, after: headFrom }, { seen: await pageHas(headFrom) });
    await settle(500);
    const headId = (await staff.head!.call('{ viewerStaff { id } }')).data!.viewerStaff.id;
    const restricted = await staff.head!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }', {
      input: { caseId: filed.id, handlerIds: [headId] },
    });
    expect(restricted.errors).toBeUndefined();
    expect((await head.next()).data!.caseUpdates).toMatchObject({ eventKind: 'ACCESS_RESTRICTED' });
    await staff.head!.call(ADD_NOTE, { input: { caseId: filed.id, kind: 'NOTE', body: 'Hanya untuk pimpinan' } });
    expect((await head.next()).data!.caseUpdates).toMatchObject({ eventKind: 'NOTE_ADDED' });
    await settle();
    expect(verifier.received).toEqual([]);
  });

  it("refuses another agency's case, and queries over the socket", async () => {
    const filed = await fileComplaint();
    const bkad = connect('bkad-kalbar', staff.bkad!.token);
    const refused = await bkad.subscribe(CASE_UPDATES, { id: filed.id }).next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const query = await bkad.subscribe('{ viewerStaff { name } }').next();
    expect(query.errors?.[0]?.message).toMatch(/Only subscriptions/);
  });

  it("ends a staff member's deliveries when their role is removed, and the connection when they sign out", async () => {
    const created = await staff.admin!.call('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', {
      input: { email: 'rina@inspektorat-kalbar.test', name: 'Rina Live', roles: ['VERIFIER'], password: 'kata-sandi-rina-01' },
    });
    const rinaId = created.data!.createStaffMember.id as string;
    const token = await loginStaff(api.url, KALBAR, 'rina@inspektorat-kalbar.test', 'kata-sandi-rina-01');
    const rina = connect(KALBAR, token);
    const otherTab = connect(KALBAR, token);
    const rinaFrom = await inboxCursor({
      token,
      call: (query, variables) => graphql(`${api.url}/t/${KALBAR}/graphql`, query, { variables, headers: { authorization: `Bearer ${token}` } }),
    });
    const inbox = rina.subscribe(INBOX_UPDATES, { after: rinaFrom }, { seen: await pageHas(rinaFrom) });
    await settle(500);
    const first = await fileComplaint();
    expect((await inbox.next()).data!.inboxUpdates.caseId).toBe(first.id);

    const demoted = await staff.admin!.call('mutation($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) { roles } }', {
      input: { staffUserId: rinaId, roles: ['TENANT_ADMIN'] },
    });
    expect(demoted.data!.updateStaffMember.roles).toEqual(['TENANT_ADMIN']);
    await settle(500);
    await fileComplaint();
    await settle();
    expect(inbox.received).toHaveLength(1);

    await graphql(`${api.url}/t/${KALBAR}/graphql`, 'mutation { logoutStaff }', { headers: { authorization: `Bearer ${token}` } });
    expect(await rina.closed).toMatchObject({ code: 4401 });
    expect(await otherTab.closed).toMatchObject({ code: 4401 });
  });

  it.skipIf(!usingPostgres)('closes every socket of a session that simply expired, which nobody announces', async () => {
    const { token } = await staffClient(api.url, KALBAR, 'verifikator');
    const [first, second] = [connect(KALBAR, token), connect(KALBAR, token)];
    first.subscribe(INBOX_UPDATES, {});
    second.subscribe(INBOX_UPDATES, {});
    await Promise.all([first.connected, second.connected]);
    await settle(REVALIDATE_MS + 500);
    const db = database.open();
    try {
      await db.sql.query('UPDATE staff_session SET expires_at = now() WHERE token_hash = $1', [createHash('sha256').update(token).digest('hex')]);
    } finally {
      await db.close();
    }
    // Within one re-check period (and a little).
    expect(await first.closed).toMatchObject({ code: 4401 });
    expect(await second.closed).toMatchObject({ code: 4401 });
  });
});

describe('live cursors: opaque, and moved only by what the viewer may follow', () => {
  const BKAD = 'bkad-kalbar';

  /** A case at BKAD (same province as the inspectorate), which takes none online: its verifier records a visit. */
  async function recordAtBkad(marker: string): Promise<{ id: string }> {
    const caseType = (await caseTypesOf(api.url, BKAD)).find((item) => item.key === 'complaint') as CaseTypeInfo;
    const recorded = await staff.bkad!.call('mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { case { id } } }', {
      input: {
        caseTypeKey: caseType.key,
        channelKey: 'office-visit',
        receivedAt: new Date().toISOString(),
        answers: validAnswers(caseType, marker),
        identityMode: 'IDENTIFIED',
        reporter: { name: 'Pelapor Kursor', idNumber: '6171010101010011' },
      },
    });
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    return { id: recorded.data!.recordOfflineIntake.case.id as string };
  }

  it("keeps an agency's inbox liveCursor still while another agency is busy, and shows no number", async () => {
    await recordAtBkad('honor kegiatan belum dibayar');
    const before = await inboxCursor(staff.bkad!);
    expect(before).toMatch(TOKEN);
    expect(Number.isNaN(Number(before))).toBe(true);
    const otherProvince = await inboxCursor(staff.kalsel!);
    const secretariat = await inboxCursor(staff.secretariat!);

    // Another agency of the same province is busy: a new case, a note, a message.
    const busy = await fileComplaint(KALBAR, 'jalan berlubang di depan sekolah');
    await note(busy.id);
    await message(busy.id, 'Sedang kami periksa di lapangan.');
    expect(await inboxCursor(staff.bkad!)).toBe(before);
    expect(await inboxCursor(staff.kalsel!)).toBe(otherProvince);
    // The province's secretariat oversees that agency: its cursor moves.
    expect(await inboxCursor(staff.secretariat!)).not.toBe(secretariat);

    // The agency's own activity moves it.
    await recordAtBkad('anggaran dicairkan dua kali');
    const after = await inboxCursor(staff.bkad!);
    expect(after).toMatch(TOKEN);
    expect(after).not.toBe(before);
  });

  it("keeps a reporter's liveCursor still while staff work on the case internally", async () => {
    const filed = await fileComplaint();
    const before = await reportCursor(filed);
    await note(filed.id);
    await staff.verifier!.call(ADD_NOTE, { input: { caseId: filed.id, kind: 'NOTE', body: 'Perlu cek ke dinas teknis' } });
    expect(await reportCursor(filed)).toBe(before);
    await message(filed.id, 'Laporan Anda sedang kami periksa.');
    const after = await reportCursor(filed);
    expect(after).not.toBe(before);
    expect(await timelineCursors(filed)).toContain(after);
  });

  it("answers a tampered, foreign, numeric or garbled cursor with one RELOAD and the viewer's own fresh cursor, then only the viewer's events", async () => {
    await recordAtBkad('pajak daerah tidak disetor');
    const fresh = await inboxCursor(staff.bkad!);
    const foreign = createLiveCursorCodec(randomBytes(32)).encode('1');
    const inboxes = [];
    for (const after of [tamper(fresh), foreign, '1', 'bukan-kursor']) {
      const inbox = connect(BKAD, staff.bkad!.token).subscribe(INBOX_UPDATES, { after });
      const reload = await inbox.next();
      expect(reload.errors).toBeUndefined();
      expect(reload.data!.inboxUpdates).toMatchObject({ signal: 'RELOAD', cursor: fresh, caseId: null, registrationNumber: null });
      inboxes.push(inbox);
    }

    await fileComplaint(KALBAR, 'lampu taman mati');
    const own = await recordAtBkad('retribusi parkir tanpa karcis');
    for (const inbox of inboxes) expect((await inbox.next()).data!.inboxUpdates).toMatchObject({ signal: 'EVENT', caseId: own.id, agencySlug: BKAD });
    await settle();
    for (const inbox of inboxes) expect(inbox.received).toHaveLength(2);
  });
});

describe('dashboard counters', () => {
  const COUNTERS = 'agency { slug } open inVerification waitingForReporter inFollowUp overdue escalated';
  type Counters = { agency: { slug: string }; open: number; inVerification: number; waitingForReporter: number };
  const of = (rows: Counters[], slug: string) => rows.find((row) => row.agency.slug === slug)!;

  it('shows the secretariat every agency of its province, and moves when a case changes', async () => {
    const query = await staff.secretariat!.call(`{ caseCounters { ${COUNTERS} } }`);
    const slugs = (query.data!.caseCounters as Counters[]).map((row) => row.agency.slug);
    expect(slugs).toContain(KALBAR);
    expect(slugs).toContain('bkad-kalbar');
    expect(slugs).not.toContain('inspektorat-kalsel');

    const counters = connect(null, staff.secretariat!.token).subscribe<{ caseCountersUpdates: Counters[] }>(
      `subscription { caseCountersUpdates { ${COUNTERS} } }`,
    );
    const before = of((await counters.next()).data!.caseCountersUpdates, KALBAR);
    expect(before).toEqual(of(query.data!.caseCounters, KALBAR));

    const filed = await fileComplaint();
    const afterFiling = of((await counters.next()).data!.caseCountersUpdates, KALBAR);
    expect(afterFiling.open).toBe(before.open + 1);
    expect(afterFiling.inVerification).toBe(before.inVerification + 1);

    await staff.verifier!.call(TRANSITION_CASE, { input: { caseId: filed.id, transition: 'REQUEST_INFO', reason: 'Mohon lengkapi alamat.' } });
    const afterAsking = of((await counters.next()).data!.caseCountersUpdates, KALBAR);
    expect(afterAsking).toMatchObject({
      open: afterFiling.open,
      inVerification: afterFiling.inVerification - 1,
      waitingForReporter: afterFiling.waitingForReporter + 1,
    });
  });

  it("counts only the agency's own cases for its staff", async () => {
    const rows = (await staff.bkad!.call(`{ caseCounters { ${COUNTERS} } }`)).data!.caseCounters as Counters[];
    expect(rows.map((row) => row.agency.slug)).toEqual(['bkad-kalbar']);
  });
});

describe('one execution shared by subscribers who ask the same', () => {
  it('gives each reporter the report in their own language, and each subscriber the fields its own variables ask for', async () => {
    const filed = await fileComplaint();
    const query =
      'subscription R($number: String!, $code: String, $after: ID) { reportUpdates(registrationNumber: $number, trackingCode: $code, after: $after) { cursor report { caseTypeName } } }';
    const follow = (language: string) => {
      const client = liveClient(liveUrl(api.url, KALBAR), { headers: { 'accept-language': language } });
      open.push(client);
      return client.subscribe(query, { number: filed.registrationNumber, code: filed.trackingCode });
    };
    const [indonesian, english] = [follow('id'), follow('en')];

    const selective = `subscription S($after: ID, $withNumber: Boolean!) { inboxUpdates(after: $after) { cursor caseId registrationNumber @include(if: $withNumber) } }`;
    const [withFrom, withoutFrom] = [await inboxCursor(staff.head!), await inboxCursor(staff.verifier!)];
    const withNumber = connect(KALBAR, staff.head!.token).subscribe(selective, { after: withFrom, withNumber: true }, { seen: await pageHas(withFrom) });
    const withoutNumber = connect(KALBAR, staff.verifier!.token).subscribe(
      selective,
      { after: withoutFrom, withNumber: false },
      { seen: await pageHas(withoutFrom) },
    );
    await settle(500);

    await message(filed.id, 'Laporan Anda kami terima.');
    expect((await indonesian.next()).data!.reportUpdates.report.caseTypeName).toBe('Pengaduan');
    expect((await english.next()).data!.reportUpdates.report.caseTypeName).toBe('Complaint');
    const [a, b] = [(await withNumber.next()).data!.inboxUpdates, (await withoutNumber.next()).data!.inboxUpdates];
    expect(a).toEqual({ cursor: b.cursor, caseId: filed.id, registrationNumber: filed.registrationNumber });
    expect(b).toEqual({ cursor: a.cursor, caseId: filed.id });
  });
});

describe('connection limits', () => {
  it('closes a connection with an unknown token with 4401, and an unknown agency with 4404', async () => {
    expect(await connect(KALBAR, 'x'.repeat(43)).closed).toMatchObject({ code: 4401 });
    expect(await connect('no-such-agency').closed).toMatchObject({ code: 4404 });
  });

  it(`allows ${MAX_SUBSCRIPTIONS} subscriptions per connection`, async () => {
    const client = connect(KALBAR, staff.head!.token);
    const subscriptions = Array.from({ length: MAX_SUBSCRIPTIONS }, () => client.subscribe(INBOX_UPDATES));
    await settle(500);
    const refused = await client.subscribe(INBOX_UPDATES).next();
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    subscriptions[0]!.stop();
    await settle(300);
    const from = await inboxCursor(staff.head!);
    const accepted = client.subscribe(INBOX_UPDATES, { after: from }, { seen: await pageHas(from) });
    await fileComplaint();
    expect((await accepted.next()).data!.inboxUpdates.eventKind).toBe('SUBMITTED');
  });

  it(`allows ${MAX_CONNECTIONS} connections per address`, async () => {
    await settle(1000); // the server has counted the earlier tests' sockets out
    const clients = Array.from({ length: MAX_CONNECTIONS }, () => connect(KALBAR));
    const outcomes = await Promise.all(clients.map((client) => Promise.race([client.connected.then(() => 'open'), client.closed.then(() => 'refused')])));
    expect(outcomes.filter((outcome) => outcome === 'open')).toHaveLength(MAX_CONNECTIONS);
    const refused = connect(KALBAR);
    const closed = await refused.closed;
    expect(closed.code).not.toBe(1000);
    await clients[0]!.dispose();
    await settle(300);
    const next = connect(KALBAR);
    await next.connected;
  });
});
