/**
 * Issue 14, journeys 3 and 4, in Chromium in both languages: the reporter's page of a
 * transferred report names the receiving agency in one sentence with a link to its track page
 * (number filled in), offers no message form, and the old agency's page finds the new number
 * for the holder of the code; a report recorded from a letter shows when the agency received it
 * and, apart, when it was recorded, on the reporter's page, the console's case page and inbox.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { follow, openCase, openPage, overflow, signIn, type ConsoleBrowser } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, validAnswers, type CaseTypeInfo } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, INBOX, staffClient, type StaffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const KALSEL = 'inspektorat-kalsel';
const ZONE = 'Asia/Pontianak';
const SCREENSHOTS = process.env.TRANSFER_SCREENSHOTS_DIR;

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;
let verifier: StaffClient;

async function fileAspiration(marker: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'aspiration') as CaseTypeInfo;
  const reporter = { name: 'Warga Uji', idNumber: '6171010101010001', phone: '081234567890' };
  const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: 'aspiration', answers: validAnswers(caseType, marker), identityMode: 'IDENTIFIED', reporter } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const found = await verifier.call(INBOX, { filter: { search: filed.registrationNumber } });
  return { ...filed, id: found.data!.inbox.cases[0].id as string };
}

async function fileAndTransfer(marker: string) {
  const filed = await fileAspiration(marker);
  const moved = await verifier.call('mutation($input: TransferCaseInput!) { transferCase(input: $input) { transferredTo } }', {
    input: { caseId: filed.id, targetAgencySlug: KALSEL, reason: 'Sekolahnya berada di Kalimantan Selatan.' },
  });
  if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  return { ...filed, newNumber: moved.data!.transferCase.transferredTo as string };
}

/** Fills the track form on the open page and sends it; lands on the report or back on the form. */
async function trackOn(page: Page, number: string, code: string, lands: 'track-report' | 'track') {
  await page.locator('#registrationNumber').fill(number);
  await page.locator('#trackingCode').fill(code);
  await follow(page, '.track-form button[type="submit"]', lands);
}

/** "2 Oktober 2026" / "2 October 2026": the day as the page writes it in the agency's zone. */
function dayOf(iso: string, locale: 'id-ID' | 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(new Date(iso));
}

describe.skipIf(!browserTestsEnabled)('transfers and offline intake dates in the pages', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi(database.env);
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
    verifier = await staffClient(api.url, KALBAR, 'verifikator');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('sends the reporter of a transferred report on, in Indonesian, from the old number and from the new one', async () => {
    const filed = await fileAndTransfer('usulan ruang kelas baru');
    const { context, page } = await openPage(target, `/t/${KALBAR}/lacak`, { width: 360 });
    await trackOn(page, filed.registrationNumber, filed.trackingCode, 'track-report');
    expect(await page.locator('.status').getAttribute('data-status')).toBe('TRANSFERRED');
    const notice = page.locator('[data-transfer]');
    expect(await notice.innerText()).toBe(
      `Laporan ini dilimpahkan kepada Inspektorat Daerah Provinsi Kalimantan Selatan dengan nomor registrasi ${filed.newNumber}; pantau di sana dengan nomor itu dan kode pelacakan yang sama.`,
    );
    expect(await notice.locator('a').getAttribute('href')).toBe(`/t/${KALSEL}/lacak?nomor=${filed.newNumber}`);
    // No form where nobody can answer, and a word on why.
    expect(await page.locator('.reply-form').count()).toBe(0);
    expect(await page.locator('[data-replies-closed]').innerText()).toBe('Pesan tentang laporan ini dikirim di instansi tujuan, bukan di sini.');
    // The agency's message speaks the reporter's language only.
    expect(await page.locator('.messages').innerText()).not.toContain('Your report was transferred');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'transferred-360.png'), fullPage: true });

    // The new number at the old agency: not "not matching", but the same way on.
    await page.goto(`${web.url}/t/${KALBAR}/lacak`);
    await trackOn(page, filed.newNumber, filed.trackingCode, 'track-report');
    expect(await page.locator('[data-transfer] a').getAttribute('href')).toBe(`/t/${KALSEL}/lacak?nomor=${filed.newNumber}`);

    // The link opens the receiving agency's track page with the number filled in; the same code opens it there.
    await follow(page, '[data-transfer] a', 'track');
    expect(new URL(page.url()).pathname).toBe(`/t/${KALSEL}/lacak`);
    expect(await page.locator('#registrationNumber').inputValue()).toBe(filed.newNumber);
    await page.locator('#trackingCode').fill(filed.trackingCode);
    await follow(page, '.track-form button[type="submit"]', 'track-report');
    expect(await page.locator('.status').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await page.locator('.reply-form').count()).toBe(1);
    expect(page.url()).not.toContain(filed.trackingCode);

    // Someone guessing the new number without the code is told what any wrong number gets.
    await page.goto(`${web.url}/t/${KALBAR}/lacak`);
    await trackOn(page, filed.newNumber, 'AAAA-BBBB-CCCC-DDDD', 'track');
    expect(await page.locator('main').innerText()).toContain('Nomor registrasi atau kode pelacakan tidak cocok');
    expect(await page.locator('main').innerText()).not.toContain('Kalimantan Selatan');
    await context.close();
  });

  it('says the same in English', async () => {
    const filed = await fileAndTransfer('usulan perpustakaan');
    const { context, page } = await openPage(target, `/t/${KALBAR}/lacak?lang=en`);
    await trackOn(page, filed.newNumber, filed.trackingCode, 'track-report');
    expect(await page.locator('[data-transfer]').innerText()).toBe(
      `This report was transferred to Regional Inspectorate of South Kalimantan Province as ${filed.newNumber}; follow it there with that number and the same tracking code.`,
    );
    expect(await page.locator('[data-replies-closed]').innerText()).toBe('Messages about this report go to the receiving agency, not here.');
    expect(await page.locator('.reply-form').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows when a report recorded from a letter was received, and apart when it was recorded, to the reporter and the staff', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const receivedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const recorded = await verifier.call(
      'mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { trackingCode case { registrationNumber } } }',
      {
        input: { caseTypeKey: 'complaint', channelKey: 'office-visit', receivedAt, answers: validAnswers(caseType, 'surat warga'), identityMode: 'ANONYMOUS' },
      },
    );
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    const { trackingCode, case: intake } = recorded.data!.recordOfflineIntake as { trackingCode: string; case: { registrationNumber: string } };
    const today = new Date().toISOString();

    const reporter = await openPage(target, `/t/${KALBAR}/lacak`, { width: 360 });
    await trackOn(reporter.page, intake.registrationNumber, trackingCode, 'track-report');
    const facts = reporter.page.locator('.facts');
    expect(await facts.locator('[data-received-at]').innerText()).toContain(dayOf(receivedAt, 'id-ID'));
    expect(await facts.locator('[data-recorded-at]').innerText()).toContain(dayOf(today, 'id-ID'));
    expect(await facts.innerText()).toContain('Diterima instansi pada');
    expect(await facts.innerText()).toContain('Dicatat petugas pada');
    expect(await facts.innerText()).not.toContain('Dikirim pada');
    expect(await overflow(reporter.page)).toBeLessThanOrEqual(0);
    if (SCREENSHOTS) await reporter.page.screenshot({ path: path.join(SCREENSHOTS, 'intake-dates-360.png'), fullPage: true });
    await reporter.page.goto(`${web.url}/t/${KALBAR}/lacak?lang=en`);
    await trackOn(reporter.page, intake.registrationNumber, trackingCode, 'track-report');
    expect(await facts.locator('[data-received-at]').innerText()).toContain(dayOf(receivedAt, 'en-GB'));
    expect(await facts.innerText()).toContain('Received by the agency on');
    expect(await facts.innerText()).toContain('Recorded by staff on');
    await reporter.context.close();

    // A report filed online was received when it was sent: one date, as before.
    const online = await fileAspiration('taman kota');
    const onlinePage = await openPage(target, `/t/${KALBAR}/lacak`);
    await trackOn(onlinePage.page, online.registrationNumber, online.trackingCode, 'track-report');
    expect(await onlinePage.page.locator('.facts').innerText()).toContain('Dikirim pada');
    expect(await onlinePage.page.locator('[data-recorded-at]').count()).toBe(0);
    await onlinePage.context.close();

    const staff = await openPage(target, `/t/${KALBAR}/konsol`);
    await signIn(staff.page, demoEmail('verifikator', KALBAR));
    await staff.page.goto(`${web.url}/t/${KALBAR}/konsol?cari=${intake.registrationNumber}`);
    const received = staff.page.locator(`[data-case-row="${intake.registrationNumber}"] td.nowrap-wide`);
    expect(await received.innerText()).toContain(
      new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: ZONE }).format(new Date(receivedAt)),
    );
    await openCase(target, staff.page, `/t/${KALBAR}/konsol`, intake.registrationNumber);
    expect(await staff.page.locator('[data-fact="received-at"]').innerText()).toContain(dayOf(receivedAt, 'id-ID'));
    const recordedFact = await staff.page.locator('[data-fact="recorded-at"]').innerText();
    expect(recordedFact).toContain('Dicatat');
    expect(recordedFact).toContain(dayOf(today, 'id-ID'));
    await staff.page.goto(`${staff.page.url()}?lang=en`);
    await staff.page.locator(`[data-case="${intake.registrationNumber}"]`).waitFor();
    expect(await staff.page.locator('[data-fact="recorded-at"]').innerText()).toContain('Recorded');
    expect(await staff.page.locator('[data-fact="received-at"]').innerText()).toContain(dayOf(receivedAt, 'en-GB'));
    expect(await seriousViolations(staff.page)).toEqual([]);
    await openCase(target, staff.page, `/t/${KALBAR}/konsol`, online.registrationNumber);
    expect(await staff.page.locator('[data-fact="recorded-at"]').count()).toBe(0);
    await staff.context.close();
  });
});
