/**
 * Issue 6's "done when", in Chromium (PostgreSQL and Redis only): two API instances share
 * Redis, the web server talks to instance B, and a verifier's question asked on instance A
 * appears on the reporter's open track page without a reload. Both instances read the
 * event log on their own only every 10 minutes here, so only Redis can bring it in time.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium } from '../support/browser.ts';
import { openPage } from '../support/console-browser.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { INBOX, staffClient, TRANSITION_CASE } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const redisUrl = process.env.REDIS_URL;

let database: TestDatabase;
let apiA: RunningProcess;
let apiB: RunningProcess;
let web: RunningProcess;
let browser: Browser;

describe.skipIf(!browserTestsEnabled || !usingPostgres || !redisUrl)('live updates across two API instances, in the browser', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    // One deployment: both instances share the master key, so each reads the other's live cursors.
    const env = {
      ...database.env,
      REDIS_URL: redisUrl,
      LIVE_POLL_INTERVAL_MS: '600000',
      SLA_SWEEP_ENABLED: 'false',
      IDENTITY_MASTER_KEY: randomBytes(32).toString('base64'),
    };
    [apiA, apiB] = await Promise.all([startApi(env), startApi(env)]);
    web = await startBuiltWeb(apiB.url, sharedWebBuild());
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await Promise.all([apiA?.stop(), apiB?.stop()]);
    await database?.drop();
  });

  it("shows a verifier's question asked on instance A on the reporter's page served through instance B", async () => {
    const caseType = (await caseTypesOf(apiA.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const photo = await uploadEvidence(apiA.url, KALBAR, caseType.key, 'foto.png', png());
    const submitted = await graphql(`${apiA.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: caseType.key,
          answers: validAnswers(caseType, 'gorong-gorong tersumbat'),
          identityMode: 'ANONYMOUS',
          evidenceIds: [photo.evidenceId],
        },
      },
    });
    expect(submitted.errors).toBeUndefined();
    const filed = submitted.data!.submitReport as { registrationNumber: string; trackingCode: string };

    const reporter = await openPage({ browser, webUrl: web.url }, `/t/${KALBAR}/lacak`);
    await reporter.page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await reporter.page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await reporter.page.getByRole('button', { name: 'Lacak' }).click();
    await reporter.page.locator('[data-live="live"]').waitFor();
    await reporter.page.evaluate(() => ((window as unknown as { sameWindow: boolean }).sameWindow = true));

    const verifierOnA = await staffClient(apiA.url, KALBAR, 'verifikator');
    const caseId = (await verifierOnA.call(INBOX, { filter: { search: filed.registrationNumber } })).data!.inbox.cases[0].id as string;
    const question = 'Di jalan mana gorong-gorong itu tersumbat?';
    const asked = await verifierOnA.call(TRANSITION_CASE, { input: { caseId, transition: 'REQUEST_INFO', reason: question } });
    expect(asked.errors).toBeUndefined();

    // Ten minutes before either instance would read the log by itself: only Redis brings it.
    await reporter.page.locator('.messages', { hasText: question }).waitFor({ timeout: 10_000 });
    expect(await reporter.page.locator('.status').getAttribute('data-status')).toBe('NEEDS_INFO');
    expect(await reporter.page.evaluate(() => (window as unknown as { sameWindow?: boolean }).sameWindow)).toBe(true);
    await reporter.context.close();
  });
});
