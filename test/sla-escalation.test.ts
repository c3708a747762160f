/**
 * Escalation end to end on PostgreSQL (skipped on PGlite: one process owns that database).
 * A reporter escalates a report whose stage deadline has passed, and the track view stops
 * offering it; then two API processes sweep every second through pg-boss, and a case whose
 * deadline passed is escalated exactly once and reaches the province's secretariat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@aduan/api/db.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const TRACK = /* GraphQL */ `
  query Track($number: String!, $code: String) {
    trackReport(registrationNumber: $number, trackingCode: $code) { status canEscalate escalatedAt escalationTarget timeline { kind } }
  }
`;
const ESCALATE = /* GraphQL */ `
  mutation Escalate($input: EscalateReportInput!) { escalateReport(input: $input) { registrationNumber escalatedAt status } }
`;
const NOTIFICATIONS = '{ staffNotifications(first: 50) { kind forProvince registrationNumber escalationSource agencySlug } }';

let database: TestDatabase;
let db: Database;
const apis: RunningProcess[] = [];
// Every process shares the deployment's master key and evidence store, as instances of one deployment do:
// a file uploaded through one and the agency keys made by another must be readable by both.
const shared = mkdtempSync(path.join(os.tmpdir(), 'aduan-escalation-'));
const deployment = { IDENTITY_MASTER_KEY_FILE: path.join(shared, 'master.key'), EVIDENCE_DIR: path.join(shared, 'evidence') };

async function fileComplaint(api: RunningProcess) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'eskalasi'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
    },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const { registrationNumber, trackingCode } = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  return { registrationNumber, trackingCode };
}

/**
 * The stage's deadline passed an hour ago (as if the agency had let three working days go by):
 * on the case, and in the SLA sweep's timers beside it (case_sla).
 */
async function makeOverdue(registrationNumber: string): Promise<void> {
  await db.sql.query(`UPDATE "case" SET stage_deadline = now() - interval '1 hour' WHERE registration_number = $1`, [registrationNumber]);
  await db.sql.query(
    `UPDATE case_sla s SET overdue_at = c.stage_deadline, next_reminder_at = NULL FROM "case" c WHERE c.id = s.case_id AND c.registration_number = $1`,
    [registrationNumber],
  );
}

const track = (api: RunningProcess, filed: { registrationNumber: string; trackingCode: string }) =>
  graphql(`${api.url}/t/${KALBAR}/graphql`, TRACK, { variables: { number: filed.registrationNumber, code: filed.trackingCode } });

async function eventsOf(registrationNumber: string) {
  return db.sql.query<{ kind: string; actor_kind: string; data: Record<string, unknown> }>(
    `SELECT e.kind, e.actor_kind, e.data FROM case_event e JOIN "case" c ON c.id = e.case_id WHERE c.registration_number = $1 AND e.kind = 'ESCALATED' ORDER BY e.id`,
    [registrationNumber],
  );
}

beforeAll(async () => {
  if (!usingPostgres) return;
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  // The first process does not sweep, so the reporter's own escalation is not raced by a sweep.
  apis.push(await startApi({ ...database.env, ...deployment, SLA_SWEEP_ENABLED: 'false' }));
}, 180_000);

afterAll(async () => {
  if (process.env.SHOW_API_LOG) for (const api of apis) console.log(api.output());
  await Promise.all(apis.map((api) => api.stop()));
  await db?.close();
  await database?.drop();
  rmSync(shared, { recursive: true, force: true });
});

describe.skipIf(!usingPostgres)('escalation on PostgreSQL with two sweeping API processes', () => {
  let reporterFiled: { registrationNumber: string; trackingCode: string };

  it('lets the reporter escalate only after the deadline, once, and then stops offering it', async () => {
    const [api] = apis as [RunningProcess];
    reporterFiled = await fileComplaint(api);
    const fresh = (await track(api, reporterFiled)).data!.trackReport;
    expect(fresh).toMatchObject({ canEscalate: false, escalatedAt: null, escalationTarget: expect.stringContaining('Sekretaris Daerah') });
    const early = await graphql(`${api.url}/t/${KALBAR}/graphql`, ESCALATE, { variables: { input: reporterFiled } });
    expect(early.errors?.[0]?.extensions?.code, JSON.stringify(early.errors)).toBe('INVALID_TRANSITION');
    expect(early.errors?.[0]?.message).toMatch(/deadline has not passed/);

    await makeOverdue(reporterFiled.registrationNumber);
    expect((await track(api, reporterFiled)).data!.trackReport.canEscalate).toBe(true);
    const wrongCode = await graphql(`${api.url}/t/${KALBAR}/graphql`, ESCALATE, {
      variables: { input: { ...reporterFiled, trackingCode: 'SALAH-SALAH-SALAH-SALAH' } },
    });
    expect(wrongCode.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const escalated = await graphql(`${api.url}/t/${KALBAR}/graphql`, ESCALATE, { variables: { input: reporterFiled } });
    expect(escalated.errors).toBeUndefined();
    expect(escalated.data!.escalateReport).toMatchObject({ registrationNumber: reporterFiled.registrationNumber, status: 'SUBMITTED' });
    const again = await graphql(`${api.url}/t/${KALBAR}/graphql`, ESCALATE, { variables: { input: reporterFiled } });
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    const after = (await track(api, reporterFiled)).data!.trackReport;
    expect(after.canEscalate).toBe(false);
    expect(after.escalatedAt).not.toBeNull();
    expect(after.timeline.map((entry: { kind: string }) => entry.kind)).toContain('ESCALATED');
    expect(await eventsOf(reporterFiled.registrationNumber)).toEqual([
      expect.objectContaining({ actor_kind: 'REPORTER', data: expect.objectContaining({ source: 'REPORTER' }) }),
    ]);
  });

  it('says overdue and due soon in the inbox and on the case page as sla/deadline-state.ts counts them, and filters by it', async () => {
    const [api] = apis as [RunningProcess];
    const [soon, later, late] = [await fileComplaint(api), await fileComplaint(api), await fileComplaint(api)];
    // Due within the hour: the deadline's own working day, so due soon whatever the day. Sixty days on: not yet.
    await db.sql.query(`UPDATE "case" SET stage_deadline = now() + interval '1 hour' WHERE registration_number = $1`, [soon.registrationNumber]);
    await db.sql.query(`UPDATE "case" SET stage_deadline = now() + interval '60 days' WHERE registration_number = $1`, [later.registrationNumber]);
    await makeOverdue(late.registrationNumber);
    const verifier = await staffClient(api.url, KALBAR, 'verifikator');
    const STAGES = 'query($filter: InboxFilter) { inbox(filter: $filter, first: 100) { cases { registrationNumber currentStage { overdue dueSoon } } } }';
    const stageOf = async (filter: Record<string, unknown> | null) => {
      const cases = (await verifier.call(STAGES, { filter })).data!.inbox.cases as {
        registrationNumber: string;
        currentStage: { overdue: boolean; dueSoon: boolean };
      }[];
      return new Map(cases.map((item) => [item.registrationNumber, item.currentStage]));
    };
    const all = await stageOf(null);
    expect(all.get(soon.registrationNumber)).toEqual({ overdue: false, dueSoon: true });
    expect(all.get(later.registrationNumber)).toEqual({ overdue: false, dueSoon: false });
    expect(all.get(late.registrationNumber)).toEqual({ overdue: true, dueSoon: false });
    const overdue = await stageOf({ overdue: true });
    expect([soon, later, late].map((filed) => overdue.has(filed.registrationNumber))).toEqual([false, false, true]);
    const onTime = await stageOf({ overdue: false });
    expect([soon, later, late].map((filed) => onTime.has(filed.registrationNumber))).toEqual([true, true, false]);
    const page = await verifier.call('query($n: String!) { staffCase(registrationNumber: $n) { currentStage { overdue dueSoon } } }', {
      n: soon.registrationNumber,
    });
    expect(page.data!.staffCase.currentStage).toEqual({ overdue: false, dueSoon: true });
  });

  it('escalates an overdue case exactly once from two processes, to the secretariat of the province', async () => {
    // Two more API processes, each offering a sweep every second through pg-boss.
    const sweepers = await Promise.all([0, 1].map(() => startApi({ ...database.env, ...deployment, SLA_SWEEP_INTERVAL_SECONDS: '1' })));
    apis.push(...sweepers);
    // The job runner starts right after the server listens.
    await expect.poll(() => sweepers.every((api) => api.output().includes('"jobs":"pg-boss"')), { timeout: 15_000 }).toBe(true);

    const filed = await fileComplaint(sweepers[0]!);
    await makeOverdue(filed.registrationNumber);
    const deadline = Date.now() + 20_000;
    while ((await eventsOf(filed.registrationNumber)).length === 0) {
      if (Date.now() > deadline) throw new Error(`not escalated in 20 s:\n${sweepers.map((api) => api.output()).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Several more sweeps from both processes change nothing.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await eventsOf(filed.registrationNumber)).toEqual([
      expect.objectContaining({ actor_kind: 'SYSTEM', data: expect.objectContaining({ source: 'SLA_SWEEP' }) }),
    ]);
    const [{ count }] = (await db.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM staff_notification n JOIN "case" c ON c.id = n.case_id WHERE c.registration_number = $1 AND n.kind = 'OVERDUE'`,
      [filed.registrationNumber],
    )) as [{ count: number }];
    expect(count).toBe(1); // one notification for the agency's roles and the province
    // The reporter's own escalation is not repeated by the sweeps.
    expect(await eventsOf(reporterFiled.registrationNumber)).toHaveLength(1);

    const secretariat: StaffClient = await staffClient(sweepers[1]!.url, null, 'sekretariat@kalimantan-barat.test');
    const inbox = await secretariat.call(INBOX, { filter: { escalated: true }, first: 100 });
    const numbers = inbox.data!.inbox.cases.map((item: { registrationNumber: string }) => item.registrationNumber);
    expect(numbers).toEqual(expect.arrayContaining([filed.registrationNumber, reporterFiled.registrationNumber]));
    const notifications = (await secretariat.call(NOTIFICATIONS)).data!.staffNotifications;
    expect(notifications).toEqual(
      expect.arrayContaining([
        { kind: 'OVERDUE', forProvince: true, registrationNumber: filed.registrationNumber, escalationSource: 'SLA_SWEEP', agencySlug: KALBAR },
        { kind: 'OVERDUE', forProvince: true, registrationNumber: reporterFiled.registrationNumber, escalationSource: 'REPORTER', agencySlug: KALBAR },
      ]),
    );
    const verifier = await staffClient(sweepers[1]!.url, KALBAR, 'verifikator');
    const agency = (await verifier.call(NOTIFICATIONS)).data!.staffNotifications;
    // One escalation notice for the agency's roles (beside the verifier's own of the new case).
    const deadlineNotices = agency.filter(
      (item: { registrationNumber: string; kind: string }) => item.registrationNumber === filed.registrationNumber && item.kind !== 'NEW_CASE',
    );
    expect(deadlineNotices).toEqual([expect.objectContaining({ kind: 'OVERDUE', forProvince: false })]);
    const southern = await staffClient(sweepers[1]!.url, null, 'sekretariat@kalimantan-selatan.test');
    expect((await southern.call(NOTIFICATIONS)).data!.staffNotifications).toEqual([]);
    expect((await track(sweepers[0]!, filed)).data!.trackReport).toMatchObject({ canEscalate: false, escalatedAt: expect.any(String) });
  }, 90_000); // two more API processes start inside the test
});
