/**
 * A staff action is the first thing a freshly started API does (no page viewed before it): on
 * PGlite, with its one connection, a cache that loaded from the database inside the action's
 * transaction waited for that connection until the transaction timed out (15 s, then INTERNAL).
 * The action reads what it needs before its transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';

let database: TestDatabase;
let api: RunningProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('a staff action first thing after a start', () => {
  it('moves the case at once, without waiting for its own transaction to time out', async () => {
    api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false', NOTIFY_ENABLED: 'false' });
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'papan nama rusak'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
      },
    });
    if (filed.errors) throw new Error(JSON.stringify(filed.errors));
    const number = filed.data!.submitReport.registrationNumber as string;
    const before = await staffClient(api.url, KALBAR, 'verifikator');
    const caseId = (await before.call(INBOX, { filter: { search: number } })).data!.inbox.cases[0].id as string;
    await api.stop();

    api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false', NOTIFY_ENABLED: 'false' });
    const verifier = await staffClient(api.url, KALBAR, 'verifikator');
    const moved = await verifier.call(TRANSITION_CASE, { input: { caseId, transition: 'ACCEPT' } });
    expect(moved.errors, api.output().slice(-2000)).toBeUndefined();
    expect(moved.data!.transitionCase.status).toBe('ACCEPTED');
  }, 90_000);
});
