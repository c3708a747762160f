/**
 * A crash loses no receipt (ADR 0017): the API is killed (SIGKILL) right after a report's
 * statement commits and before it answers; started again on the same database, the same
 * form (same clientSubmissionKey, same content) gets the same registration number and a
 * tracking code that opens the report, while nobody without the key learns the code. On
 * PGlite or PostgreSQL, whichever the run uses.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, TRACK_REPORT, validAnswers } from './support/reporting.ts';
import { setupTenants } from './support/setup-tenants.ts';

const SLUG = 'inspektorat-kalsel';
let database: TestDatabase;
let api: RunningProcess | null = null;
let apiEnv: Record<string, string | undefined>;

const endpoint = () => `${api!.url}/t/${SLUG}/graphql`;

async function waitForExit(process: RunningProcess, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`${process.url}/healthz`);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not die');
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-lost-receipt-'));
  // One master key across restarts, as in production.
  apiEnv = { ...database.env, IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'), EVIDENCE_DIR: path.join(scratch, 'evidence'), LOG_LEVEL: 'warn' };
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('a crash between the commit and the answer', () => {
  it('loses no receipt: the same form again gets the same number and a working code, and no other key gets it', async () => {
    api = await startApi({ ...apiEnv, TEST_CRASH_AFTER_SUBMIT: 'true' });
    const caseType = (await caseTypesOf(api.url, SLUG)).find((item) => item.key === 'aspiration')!;
    const identityMode = caseType.identity.allowed.find((mode) => mode !== 'PSEUDONYMOUS')!;
    const input = {
      caseTypeKey: caseType.key,
      answers: validAnswers(caseType, 'hilang'),
      identityMode,
      reporter: identityMode === 'IDENTIFIED' ? reporterDetails(caseType.identity.identifiedRequires) : undefined,
      clientSubmissionKey: randomBytes(16).toString('base64url'),
    };

    // The answer never comes: the process dies right after the statement committed.
    const lost = await graphql(endpoint(), SUBMIT_REPORT, { variables: { input } }).catch((error: unknown) => error);
    expect(lost, JSON.stringify(lost)).toBeInstanceOf(Error);
    await waitForExit(api);
    await api.stop();

    api = await startApi(apiEnv);
    const again = await graphql(endpoint(), SUBMIT_REPORT, { variables: { input } });
    expect(again.errors).toBeUndefined();
    const { registrationNumber, trackingCode } = again.data!.submitReport;
    // The first send was filed (number 1 of the year), and the re-send filed nothing new.
    expect(registrationNumber).toMatch(/-000001$/);
    const tracked = await graphql(endpoint(), TRACK_REPORT, { variables: { number: registrationNumber, code: trackingCode } });
    expect(tracked.errors).toBeUndefined();
    expect(tracked.data!.trackReport).toMatchObject({ registrationNumber, status: 'SUBMITTED' });

    // The same content under another key is a new report; the same key with other content is refused without the code.
    const otherKey = await graphql(endpoint(), SUBMIT_REPORT, {
      variables: { input: { ...input, clientSubmissionKey: randomBytes(16).toString('base64url') } },
    });
    expect(otherKey.errors).toBeUndefined();
    expect(otherKey.data!.submitReport.registrationNumber).not.toBe(registrationNumber);
    expect(otherKey.data!.submitReport.trackingCode).not.toBe(trackingCode);
    const otherContent = await graphql(endpoint(), SUBMIT_REPORT, { variables: { input: { ...input, answers: validAnswers(caseType, 'lain') } } });
    expect(otherContent.errors![0]!.extensions).toEqual({ code: 'CONFLICT', registrationNumber });
    expect(JSON.stringify(otherContent)).not.toContain(trackingCode);
  }, 120_000);

  it('keeps in the database only a hash of the submission key and a sealed code', async () => {
    await api?.stop();
    api = null;
    const db = database.open();
    try {
      const rows = await db.sql.query<{ client_submission_key_hash: string; tracking_code_sealed: string }>(
        'SELECT client_submission_key_hash, tracking_code_sealed FROM "case" WHERE client_submission_key_hash IS NOT NULL',
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.client_submission_key_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.tracking_code_sealed).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      }
    } finally {
      await db.close();
    }
  });
});
