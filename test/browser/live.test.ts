/**
 * Live updates in Chromium, through the web server's WebSocket proxy: the reporter's open
 * track page shows the verifier's question (asked in the console) without a reload, the
 * agency's inbox shows a newly filed case and its counters move, and the secretariat's
 * counters move with its province. Also: a foreign page may not open the live socket, the
 * tracking code is in no address and no log, axe-core, and a phone's width.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import WebSocket from 'ws';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { follow, openPage, overflow, signIn, type ConsoleBrowser, waitForFlash } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, INBOX as STAFF_INBOX, staffClient, TRANSITION_CASE } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const CONSOLE = `/t/${KALBAR}/konsol`;
const INBOX = `${CONSOLE}/kotak-masuk`;
const SECRETARIAT = '/konsol/sekretariat';
const SCREENSHOTS = process.env.LIVE_SCREENSHOTS_DIR;

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

async function fileComplaint(marker: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport as { registrationNumber: string; trackingCode: string };
}

/** Marks the page's window: the mark is gone after any reload or navigation. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { liveMark: boolean }).liveMark = true));
}

async function stillSameWindow(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { liveMark?: boolean }).liveMark === true);
}

async function counter(page: Page, agency: string, name: string): Promise<number> {
  return Number(await page.locator(`[data-counters-agency="${agency}"] [data-counter="${name}"] dd`).innerText());
}

describe.skipIf(!browserTestsEnabled)('live updates in the pages', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi(database.env);
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it("shows the verifier's question on the reporter's open track page without a reload", async () => {
    const filed = await fileComplaint('lampu jalan padam di depan sekolah');
    const reporter = await openPage(target, `/t/${KALBAR}/lacak`, { width: 360 });
    await reporter.page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await reporter.page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await reporter.page.getByRole('button', { name: 'Lacak' }).click();
    await reporter.page.locator('[data-case]').waitFor();
    await reporter.page.locator('[data-live="live"]').waitFor();
    expect(await reporter.page.locator('.live-indicator').innerText()).toContain('Diperbarui langsung');
    expect(await reporter.page.locator('.status').getAttribute('data-status')).toBe('SUBMITTED');
    await markWindow(reporter.page);

    // The verifier asks the reporter for facts in the console.
    const verifier = await openPage(target, CONSOLE);
    await signIn(verifier.page, demoEmail('verifikator', KALBAR));
    await verifier.page.goto(`${web.url}${CONSOLE}?cari=${filed.registrationNumber}`);
    await verifier.page.locator(`[data-case-row="${filed.registrationNumber}"] a`).click();
    await verifier.page.locator(`[data-case="${filed.registrationNumber}"]`).waitFor();
    const question = 'Di depan sekolah mana tepatnya lampu itu padam?';
    await verifier.page.getByLabel('Pertanyaan untuk pelapor').fill(question);
    await verifier.page.locator('[data-transition="REQUEST_INFO"]').click();
    await waitForFlash(verifier.page);

    // The reporter's page changes in place: status, message, timeline, and a polite announcement.
    await reporter.page.locator('.status[data-status="NEEDS_INFO"]').waitFor({ timeout: 15_000 });
    await reporter.page.locator('.messages', { hasText: question }).waitFor();
    expect(await reporter.page.locator('[data-live-change]').innerText()).toContain('Laporan diperbarui');
    expect(await reporter.page.locator('.status-value').innerText()).toMatch(/keterangan/i);
    expect(await stillSameWindow(reporter.page)).toBe(true);
    // The live data is in the page's language, not the browser's (Chromium here asks for en-US).
    const shown = await reporter.page.locator('main').innerText();
    expect(shown).toContain('Verifikasi');
    expect(shown).toContain('Pengaduan');
    expect(shown).not.toMatch(/Verification|Complaint/);

    expect(await seriousViolations(reporter.page)).toEqual([]);
    expect(await overflow(reporter.page)).toBeLessThanOrEqual(0);
    if (SCREENSHOTS) await reporter.page.screenshot({ path: path.join(SCREENSHOTS, 'track-live-360.png'), fullPage: true });

    // The tracking code never went into an address, nor into the web server's log.
    expect(reporter.page.url()).not.toContain(filed.trackingCode);
    expect(web.output()).not.toContain(filed.trackingCode);
    await reporter.context.close();
    await verifier.context.close();
  });

  it('brings live data in English to a page in English, whatever the browser asks for', async () => {
    const filed = await fileComplaint('got sampah tersumbat');
    const reporter = await openPage(target, `/t/${KALBAR}/lacak?lang=en`, { locale: 'id-ID' });
    await reporter.page.getByLabel('Registration number').fill(filed.registrationNumber);
    await reporter.page.getByLabel('Tracking code').fill(filed.trackingCode);
    await reporter.page.getByRole('button', { name: 'Track' }).click();
    await reporter.page.locator('[data-case]').waitFor();
    await reporter.page.locator('[data-live="live"]').waitFor();
    await markWindow(reporter.page);
    const verifier = await staffClient(api.url, KALBAR, 'verifikator');
    const id = (await verifier.call(STAFF_INBOX, { filter: { search: filed.registrationNumber } })).data!.inbox.cases[0].id as string;
    const taken = await verifier.call(TRANSITION_CASE, { input: { caseId: id, transition: 'TAKE_FOR_VERIFICATION' } });
    expect(taken.errors).toBeUndefined();
    await reporter.page.locator('.status[data-status="IN_VERIFICATION"]').waitFor({ timeout: 15_000 });
    expect(await stillSameWindow(reporter.page)).toBe(true);
    const shown = await reporter.page.locator('main').innerText();
    expect(shown).toContain('Verification');
    expect(shown).toContain('Complaint');
    expect(shown).not.toMatch(/Verifikasi|Pengaduan/);
    await reporter.context.close();
  });

  it('shows a newly filed case in the open inbox, with the counters moving, for the agency and the secretariat', async () => {
    const agency = await openPage(target, CONSOLE);
    await signIn(agency.page, demoEmail('verifikator', KALBAR));
    await agency.page.locator('[data-live="live"]').waitFor();
    await agency.page.locator(`[data-counters-agency="${KALBAR}"]`).waitFor();
    const openBefore = await counter(agency.page, KALBAR, 'open');
    await markWindow(agency.page);

    const secretariat = await openPage(target, SECRETARIAT);
    await signIn(secretariat.page, 'sekretariat@kalimantan-barat.test');
    await secretariat.page.locator(`[data-counters-agency="${KALBAR}"]`).waitFor();
    const provinceBefore = await counter(secretariat.page, KALBAR, 'open');

    const filed = await fileComplaint('jembatan kayu retak di desa');
    await agency.page.locator(`[data-case-row="${filed.registrationNumber}"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => counter(agency.page, KALBAR, 'open'), { timeout: 10_000 }).toBe(openBefore + 1);
    await expect.poll(() => counter(secretariat.page, KALBAR, 'open'), { timeout: 10_000 }).toBe(provinceBefore + 1);
    expect(await stillSameWindow(agency.page)).toBe(true);
    // Still signed in: the data came with the console's cookie.
    expect(new URL(agency.page.url()).pathname).toBe(INBOX);

    expect(await seriousViolations(agency.page)).toEqual([]);
    if (SCREENSHOTS) await agency.page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-live-1280.png') });
    await agency.page.setViewportSize({ width: 360, height: 800 });
    if (SCREENSHOTS) await agency.page.screenshot({ path: path.join(SCREENSHOTS, 'inbox-live-360.png'), fullPage: true });
    // The whole inbox fits a phone, the paused-deadline badge of the case asked for facts included.
    expect(await agency.page.locator('[data-deadline="paused"]').count()).toBeGreaterThan(0);
    expect(await agency.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'inbox at 360 px').toBeLessThanOrEqual(0);
    const panel = await agency.page
      .locator('[data-live-inbox]')
      .evaluate(
        (element) => element.scrollWidth - element.clientWidth + Math.max(0, element.getBoundingClientRect().right - document.documentElement.clientWidth),
      );
    expect(panel).toBeLessThanOrEqual(0);
    if (SCREENSHOTS) await secretariat.page.screenshot({ path: path.join(SCREENSHOTS, 'secretariat-live-1280.png') });

    // Back from a case to the inbox without a page load: the inbox's data request carries the
    // session cookie, so it is the inbox, not the sign-in page.
    await agency.page.locator(`[data-case-row="${filed.registrationNumber}"] a`).click();
    await agency.page.locator(`[data-case="${filed.registrationNumber}"]`).waitFor();
    // The row's link loads the case page as a new document: its back link follows without a
    // page load only once the page's script runs, which is when it goes live.
    await agency.page.locator('[data-live="live"]').waitFor();
    await markWindow(agency.page);
    await follow(agency.page, '[data-back-to-inbox]', 'console-inbox');
    expect(new URL(agency.page.url()).pathname).toBe(INBOX);
    expect(await stillSameWindow(agency.page)).toBe(true);
    await agency.page.locator(`[data-case-row="${filed.registrationNumber}"]`).waitFor();
    await agency.context.close();
    await secretariat.context.close();
  });

  it('refuses a live socket opened by another site, and an unknown live address', async () => {
    const status = (pathname: string, origin: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${web.url.replace(/^http/, 'ws')}${pathname}`, 'graphql-transport-ws', { headers: { Origin: origin } });
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', () => {});
      });
    expect(await status(`/t/${KALBAR}/langsung`, 'http://evil.example')).toBe(403);
    expect(await status(`/t/${KALBAR}/lain`, web.url)).toBe(404);
    expect(await status(`/t/${KALBAR}/langsung`, web.url)).toBe(101);
  });
});
