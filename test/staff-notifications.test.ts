/**
 * The console's notifications over HTTP, on PGlite or PostgreSQL: who receives which (the
 * agency's roles, everyone of the agency, the province's secretariat), newest first, the
 * unread count on the viewer, and marking read: for the signed-in staff member only, never
 * a notification of another agency, province, role or of a case restricted away from them.
 *
 * The notifications are written into the database as the SLA sweep writes them (with the API
 * stopped, since PGlite has one owner), then read and marked through the running API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { seedNotifications } from './support/notifications.ts';
import { INBOX, staffClient, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const KALSEL = 'inspektorat-kalsel';
const NOTIFICATIONS = '{ staffNotifications(first: 50) { id kind caseId registrationNumber caseStatus forProvince agencySlug read readAt createdAt } }';
const VIEWER = '{ viewerStaff { canReadNotifications unreadNotificationCount } }';
const MARK = 'mutation Mark($input: MarkStaffNotificationsReadInput!) { markStaffNotificationsRead(input: $input) { markedCount unreadCount } }';

let database: TestDatabase;
let api: RunningProcess;
let scratch: string;
let stopped = false;
const staff: Record<string, StaffClient> = {};
/** The seeded notifications' ids by name. */
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

function codeOf(response: { errors?: { extensions?: Record<string, unknown> }[] }) {
  return response.errors?.[0]?.extensions?.code;
}

function apiEnv() {
  // The same keys and files across the restart.
  return {
    ...database.env,
    IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
    EVIDENCE_DIR: path.join(scratch, 'evidence'),
    SLA_SWEEP_ENABLED: 'false',
    // Only the notifications seeded below: none of the filed cases' own (email-notifications.test.ts tests those).
    NOTIFY_ENABLED: 'false',
  };
}

async function fileReport(slug: string, caseTypeKey: string, marker: string) {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === caseTypeKey) as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'foto.png', png());
  const mode = caseType.identity.allowed.includes('ANONYMOUS') ? 'ANONYMOUS' : 'IDENTIFIED';
  const reporter = mode === 'IDENTIFIED' ? reporterDetails(caseType.identity.identifiedRequires) : null;
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: mode, reporter, evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport.registrationNumber as string;
}

async function signInAll() {
  staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
  staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
  staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  staff.custodian = await staffClient(api.url, KALBAR, 'kustodian');
  staff.admin = await staffClient(api.url, KALBAR, 'admin');
  staff.kalsel = await staffClient(api.url, KALSEL, 'pimpinan');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  staff.secretariatSelatan = await staffClient(api.url, null, 'sekretariat@kalimantan-selatan.test');
}

beforeAll(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-notifications-'));
  database = await createTestDatabase();
  await setupTenants(database);
  api = await startApi(apiEnv());
  await signInAll();
  numbers.a = await fileReport(KALBAR, 'complaint', 'pengingat tenggat');
  numbers.b = await fileReport(KALBAR, 'complaint', 'lewat tenggat');
  numbers.restricted = await fileReport(KALBAR, 'complaint', 'aduan terbatas');
  numbers.kalsel = await fileReport(KALSEL, 'aspiration', 'aduan kalsel');
  const caseId = async (client: StaffClient, number: string) => (await client.call(INBOX, { filter: { search: number } })).data!.inbox.cases[0].id as string;
  const restrictedId = await caseId(staff.head!, numbers.restricted);
  const reviewerId = (await staff.reviewer!.call('{ viewerStaff { id } }')).data!.viewerStaff.id;
  const restricted = await staff.head!.call('mutation R($input: RestrictCaseInput!) { restrictCase(input: $input) { restricted } }', {
    input: { caseId: restrictedId, handlerIds: [reviewerId] },
  });
  expect(restricted.data!.restrictCase.restricted).toBe(true);
  await api.stop();

  // As the sweep writes them: to an agency's roles, to all of an agency, to a province.
  const roles = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'];
  Object.assign(
    ids,
    await seedNotifications(database, [
      { name: 'reminder', agency: KALBAR, roles, registrationNumber: numbers.a!, kind: 'REMINDER', hoursAgo: 5 },
      { name: 'silence', agency: KALBAR, roles: [], registrationNumber: numbers.a!, kind: 'SILENCE_NOTICE', hoursAgo: 4 },
      { name: 'overdue', agency: KALBAR, roles, registrationNumber: numbers.b!, kind: 'OVERDUE', hoursAgo: 3 },
      { name: 'province', agency: KALBAR, province: true, roles: [], registrationNumber: numbers.b!, kind: 'OVERDUE', hoursAgo: 3 },
      { name: 'restricted', agency: KALBAR, roles, registrationNumber: numbers.restricted!, kind: 'REMINDER', hoursAgo: 2 },
      { name: 'kalsel', agency: KALSEL, roles, registrationNumber: numbers.kalsel!, kind: 'REMINDER', hoursAgo: 1 },
    ]),
  );
  api = await startApi(apiEnv());
  await signInAll();
}, 240_000);

afterAll(async () => {
  if (!stopped) await api?.stop();
  await database?.drop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function listOf(client: StaffClient) {
  const response = await client.call(NOTIFICATIONS);
  expect(response.errors).toBeUndefined();
  return response.data!.staffNotifications as {
    id: string;
    kind: string;
    registrationNumber: string;
    forProvince: boolean;
    agencySlug: string;
    read: boolean;
    readAt: string | null;
  }[];
}

async function unreadOf(client: StaffClient): Promise<number> {
  return (await client.call(VIEWER)).data!.viewerStaff.unreadNotificationCount;
}

describe('staff notifications', () => {
  it("lists each viewer's own, newest first, unread, with the count on the viewer", async () => {
    const verifier = await listOf(staff.verifier!);
    expect(verifier.map((item) => item.id)).toEqual([ids.overdue, ids.silence, ids.reminder]);
    expect(verifier.every((item) => !item.read && item.readAt === null && item.agencySlug === KALBAR && !item.forProvince)).toBe(true);
    expect(verifier[0]).toMatchObject({ kind: 'OVERDUE', registrationNumber: numbers.b });
    expect((await staff.verifier!.call(VIEWER)).data!.viewerStaff).toEqual({ canReadNotifications: true, unreadNotificationCount: 3 });
    // The named handler of the restricted case gets its reminder; the verifier does not.
    expect((await listOf(staff.reviewer!)).map((item) => item.id)).toEqual([ids.restricted, ids.overdue, ids.silence, ids.reminder]);
    // A notification to no role in particular reaches every role of the agency that reads cases.
    expect((await listOf(staff.custodian!)).map((item) => item.id)).toEqual([ids.silence]);
    expect((await listOf(staff.kalsel!)).map((item) => item.id)).toEqual([ids.kalsel]);
    const province = await listOf(staff.secretariat!);
    expect(province.map((item) => item.id)).toEqual([ids.province]);
    expect(province[0]).toMatchObject({ forProvince: true, agencySlug: KALBAR });
    expect(await listOf(staff.secretariatSelatan!)).toEqual([]);
  });

  it('gives a role that reads no cases no notifications and nothing to mark', async () => {
    expect((await staff.admin!.call(VIEWER)).data!.viewerStaff).toEqual({ canReadNotifications: false, unreadNotificationCount: 0 });
    expect(await listOf(staff.admin!)).toEqual([]);
    expect(codeOf(await staff.admin!.call(MARK, { input: { notificationIds: [ids.silence] } }))).toBe('FORBIDDEN');
  });

  it('marks read for the signed-in staff member only, once', async () => {
    const marked = await staff.verifier!.call(MARK, { input: { notificationIds: [ids.reminder] } });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markStaffNotificationsRead).toEqual({ markedCount: 1, unreadCount: 2 });
    const after = await listOf(staff.verifier!);
    const reminder = after.find((item) => item.id === ids.reminder)!;
    expect(reminder.read).toBe(true);
    expect(Date.parse(reminder.readAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(await unreadOf(staff.verifier!)).toBe(2);
    // The same notification is still unread for the others of the same roles.
    expect((await listOf(staff.reviewer!)).find((item) => item.id === ids.reminder)!.read).toBe(false);
    expect(await unreadOf(staff.reviewer!)).toBe(4);

    // Again, with one more: only the new one counts, and the first keeps when it was read.
    const again = await staff.verifier!.call(MARK, { input: { notificationIds: [ids.reminder, ids.silence] } });
    expect(again.data!.markStaffNotificationsRead).toEqual({ markedCount: 1, unreadCount: 1 });
    expect((await listOf(staff.verifier!)).find((item) => item.id === ids.reminder)!.readAt).toBe(reminder.readAt);
  });

  it("refuses, and marks nothing, when an id is not one of the viewer's", async () => {
    // Another agency's, a restricted case's, the province's: as if they did not exist.
    for (const foreign of [ids.kalsel, ids.restricted, ids.province]) {
      const response = await staff.verifier!.call(MARK, { input: { notificationIds: [ids.overdue, foreign] } });
      expect(codeOf(response), foreign).toBe('NOT_FOUND');
      expect(response.data?.markStaffNotificationsRead ?? null).toBeNull();
    }
    expect(await unreadOf(staff.verifier!)).toBe(1);
    expect((await listOf(staff.kalsel!))[0]!.read).toBe(false);
    expect((await listOf(staff.reviewer!)).find((item) => item.id === ids.restricted)!.read).toBe(false);
    expect(codeOf(await staff.secretariatSelatan!.call(MARK, { input: { notificationIds: [ids.province] } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.kalsel!.call(MARK, { input: { notificationIds: [ids.overdue] } }))).toBe('NOT_FOUND');
    // An id that is not a UUID is malformed input, refused at the edge with the field named.
    expect(codeOf(await staff.verifier!.call(MARK, { input: { notificationIds: ['bukan-id'] } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await staff.verifier!.call(MARK, { input: { notificationIds: [] } }))).toBe('BAD_USER_INPUT');
    const anonymous = await graphql(`${api.url}/t/${KALBAR}/graphql`, MARK, { variables: { input: { notificationIds: [ids.overdue] } } });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
  });

  it("lets the province's secretariat mark the escalation it received", async () => {
    expect(await unreadOf(staff.secretariat!)).toBe(1);
    const marked = await staff.secretariat!.call(MARK, { input: { notificationIds: [ids.province] } });
    expect(marked.data!.markStaffNotificationsRead).toEqual({ markedCount: 1, unreadCount: 0 });
    expect((await listOf(staff.secretariat!))[0]!.read).toBe(true);
  });

  // Last: it stops the API for good (PGlite has one owner).
  it('keeps each mark with its staff member, their agency or province', async () => {
    await api.stop();
    stopped = true;
    const db = database.open();
    try {
      const rows = await db.sql.query<{ email: string; tenant: string | null; province: boolean }>(
        `SELECT u.email, t.slug AS tenant, r.province_id IS NOT NULL AS province
           FROM staff_notification_read r JOIN staff_user u ON u.id = r.staff_user_id LEFT JOIN tenant t ON t.id = r.tenant_id
          ORDER BY u.email, r.read_at`,
      );
      expect(rows).toEqual([
        { email: 'sekretariat@kalimantan-barat.test', tenant: null, province: true },
        { email: 'verifikator@inspektorat-kalbar.test', tenant: KALBAR, province: false },
        { email: 'verifikator@inspektorat-kalbar.test', tenant: KALBAR, province: false },
      ]);
    } finally {
      await db.close();
    }
  }, 90_000);
});
