/**
 * Live updates across API instances (PostgreSQL and Redis only: PGlite is one process).
 * Two instances share Redis; their timers read the event log only every 10 minutes here,
 * so anything delivered within the test's wait went through Redis. And the event log's
 * cursor rule: a transaction that commits after a later one is not lost on resume, and a
 * rolled-back event is never delivered. Both instances are one deployment (one master key),
 * so each reads the other's cursors.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createLiveCursorCodec } from '@aduan/api/live/live-cursor.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { liveClient, liveUrl, REPORT_UPDATES, settle, type LiveClient } from './support/live.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE, type StaffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const redisUrl = process.env.REDIS_URL;
/** The deployment's master key, shared by both instances; the test reads cursors with it as an insider would. */
const MASTER_KEY = randomBytes(32).toString('base64');
const cursors = createLiveCursorCodec(Buffer.from(MASTER_KEY, 'base64'));
let database: TestDatabase;
let apiA: RunningProcess;
let apiB: RunningProcess;
let verifierOnA: StaffClient;
const open: LiveClient[] = [];

async function fileComplaint() {
  const caseType = (await caseTypesOf(apiA.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
  const photo = await uploadEvidence(apiA.url, KALBAR, caseType.key, 'foto.png', png());
  const response = await graphql(`${apiA.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'jembatan retak'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
    },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await verifierOnA.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

/** The reporter's track page on `api`: loaded (with its live cursor), then following from that cursor. */
async function followOn(api: RunningProcess, filed: { registrationNumber: string; trackingCode: string }, after?: string) {
  const page = await graphql(
    `${api.url}/t/${KALBAR}/graphql`,
    'query T($n: String!, $c: String) { trackReport(registrationNumber: $n, trackingCode: $c) { liveCursor } }',
    {
      variables: { n: filed.registrationNumber, c: filed.trackingCode },
    },
  );
  const client = liveClient(liveUrl(api.url, KALBAR));
  open.push(client);
  const from = after ?? (page.data!.trackReport.liveCursor as string);
  // A page loaded at `from` skips what it already shows; a client resuming from `after` keeps all.
  return {
    client,
    updates: client.subscribe(REPORT_UPDATES, { number: filed.registrationNumber, code: filed.trackingCode, after: from }, after ? {} : { seen: [from] }),
  };
}

async function staffMessage(id: string, body: string) {
  const sent = await verifierOnA.call('mutation M($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }', { input: { caseId: id, body } });
  expect(sent.errors).toBeUndefined();
}

/** An open transaction on its own connection that writes a reporter-visible event for the case. */
async function eventInOpenTransaction(caseId: string): Promise<{ client: pg.Client; id: string }> {
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data)
     SELECT tenant_id, id, 'STATUS_CHANGED', 'SYSTEM', 'REPORTER', status, '{}'::jsonb FROM "case" WHERE id = $1
     RETURNING id::text`,
    [caseId],
  );
  return { client, id: rows[0]!.id };
}

describe.skipIf(!usingPostgres || !redisUrl)('two API instances sharing Redis', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    const env = { ...database.env, REDIS_URL: redisUrl, LIVE_POLL_INTERVAL_MS: '600000', SLA_SWEEP_ENABLED: 'false', IDENTITY_MASTER_KEY: MASTER_KEY };
    [apiA, apiB] = await Promise.all([startApi(env), startApi(env)]);
    verifierOnA = await staffClient(apiA.url, KALBAR, 'verifikator');
  }, 180_000);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((client) => client.dispose()));
  });

  afterAll(async () => {
    if (process.env.SHOW_API_LOG)
      console.log(
        apiB
          ?.output()
          .split('\n')
          .filter((line) => !line.includes('"level":30'))
          .join('\n'),
      );
    await Promise.all([apiA?.stop(), apiB?.stop()]);
    await database?.drop();
  });

  it("brings a verifier's question on instance A to the reporter's open page on instance B", async () => {
    const filed = await fileComplaint();
    const { client, updates } = await followOn(apiB, filed);
    await client.connected;
    await settle(300);
    const asked = await verifierOnA.call(TRANSITION_CASE, { input: { caseId: filed.id, transition: 'REQUEST_INFO', reason: 'Kapan kejadiannya?' } });
    expect(asked.errors).toBeUndefined();
    const update = (await updates.next()).data!.reportUpdates;
    expect(update.report.status).toBe('NEEDS_INFO');
    expect(update.report.timeline.at(-1)).toMatchObject({ status: 'NEEDS_INFO' });
  });

  it('replays an event whose transaction committed after a later one, to a client resuming past it', async () => {
    const filed = await fileComplaint();
    const { client, updates } = await followOn(apiB, filed);
    await client.connected;
    await settle(300);
    const late = await eventInOpenTransaction(filed.id);
    await staffMessage(filed.id, 'Ditulis setelah, disimpan lebih dulu');
    const seen = (await updates.next()).data!.reportUpdates.cursor as string;
    // The scenario: the event seen is later in the log than the one still uncommitted.
    expect(BigInt(cursors.decode(seen)!)).toBeGreaterThan(BigInt(late.id));
    await client.dispose();

    await late.client.query('COMMIT');
    await late.client.end();
    // Resumed on the other instance, from a cursor the first one gave.
    const resumed = (await followOn(apiA, filed, seen)).updates;
    const replayed = (await resumed.next()).data!.reportUpdates;
    expect(replayed).toMatchObject({ signal: 'EVENT', cursor: cursors.encode(late.id) });
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const filed = await fileComplaint();
    const { client, updates } = await followOn(apiB, filed);
    await client.connected;
    await settle(300);
    const doomed = await eventInOpenTransaction(filed.id);
    await doomed.client.query('ROLLBACK');
    await doomed.client.end();
    await staffMessage(filed.id, 'Satu-satunya perubahan');
    const delivered = (await updates.next()).data!.reportUpdates;
    expect(delivered.report.messages.at(-1).body).toBe('Satu-satunya perubahan');
    await settle();
    expect(updates.received.map((payload) => payload.data!.reportUpdates.cursor)).toEqual([delivered.cursor]);
    expect(delivered.cursor).not.toBe(cursors.encode(doomed.id));
  });
});
