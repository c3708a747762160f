/**
 * The console's monthly reports page in Chromium: BKAD's head opens it from the menu, asks for
 * October 2026's report, sees it being made and then ready (the page reloads itself), and
 * downloads its PDF and spreadsheet through the web. At 360 px without JavaScript the list and
 * the form work; asking for the month now running is refused with words, not a 500. The
 * secretariat chooses its province or an agency; a verifier has no menu entry and the address
 * is the console's 404 page.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, follow, openPage, overflow, printServerOutputOnFailure, signIn, waitForFlash } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BKAD = 'bkad-kalbar';
const CONSOLE = `/t/${BKAD}/konsol`;
const PAGE = `${CONSOLE}/laporan-bulanan`;
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let target: ConsoleBrowser;

async function signedIn(email: string, pathname: string, options: { width?: number; javaScript?: boolean } = {}) {
  const opened = await openPage(target, pathname.startsWith('/konsol/sekretariat') ? '/konsol/sekretariat' : CONSOLE, options);
  await signIn(opened.page, email);
  await opened.page.goto(`${web.url}${pathname}`);
  return opened;
}

/** Asks for a month's report with the page's form. */
async function ask(page: Page, month: string, year: string) {
  await page.locator('#report-month').selectOption(month);
  await page.locator('#report-year').fill(year);
  await page.getByRole('button', { name: 'Minta laporan' }).click();
}

describe.runIf(browserTestsEnabled)('monthly reports in the console, in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-report-pages-'));
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({
      ...database.env,
      LOG_LEVEL: 'warn',
      EVIDENCE_DIR: path.join(scratch, 'evidence'),
      SLA_SWEEP_ENABLED: 'false',
      FIGURES_INTERVAL_SECONDS: '1',
      REPORTS_INTERVAL_SECONDS: '3600',
    });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it("lets BKAD's head ask for October's report, watch it being made and download its PDF and spreadsheet", async () => {
    const { context, page } = await signedIn(demoEmail('pimpinan', BKAD), `${CONSOLE}/kotak-masuk`);
    await follow(page, '[data-nav="console-reports"]', 'console-reports');
    expect(new URL(page.url()).pathname).toBe(PAGE);
    expect(await page.locator('h1').innerText()).toBe('Laporan bulanan');
    // An agency's staff ask for their own agency: no choice of target.
    expect(await page.locator('#report-target').count()).toBe(0);

    await ask(page, '10', '2026');
    await waitForFlash(page);
    expect(await page.locator('[data-flash]').innerText()).toBe('Permintaan laporan diterima. Laporan sedang dibuat.');
    const month = page.locator('[data-report-month="2026-10"]');
    expect(await month.locator('h2').innerText()).toBe('Oktober 2026');
    const row = month.locator('tr[data-report]').first();
    expect(await row.locator('[data-report-name]').innerText()).toBe('Badan Keuangan dan Aset Daerah Provinsi Kalimantan Barat');
    expect(await row.innerText()).toContain('atas permintaan');
    // Made in the background: the page says so until it reloads itself with the files.
    if ((await row.getAttribute('data-state')) === 'GENERATING') {
      expect(await row.locator('[data-state-label]').innerText()).toBe('Sedang dibuat');
      expect(await page.locator('[data-generating]').count()).toBe(1);
      expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(1);
    }
    await page.locator('[data-report-month="2026-10"] tr[data-state="READY"]').waitFor({ timeout: 60_000 });
    const ready = page.locator('[data-report-month="2026-10"] tr[data-state="READY"]').first();
    expect(await ready.locator('[data-state-label]').innerText()).toBe('Siap');
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    expect(await seriousViolations(page), 'reports page').toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'monthly-reports.png'), fullPage: true });

    const [pdf] = await Promise.all([page.waitForEvent('download'), ready.locator('[data-download="pdf"]').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^laporan-bulanan-2026-10-v\d+\.pdf$/);
    expect(
      readFileSync((await pdf.path())!)
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), ready.locator('[data-download="xlsx"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    // An XLSX is a zip.
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    // A version that is not there: the console's 404 page.
    const missing = await page.goto(`${web.url}${PAGE}/00000000-0000-4000-8000-000000000000/pdf`);
    expect(missing?.status()).toBe(404);
    await context.close();
  }, 120_000);

  it('works on a phone without JavaScript, and refuses the month now running with words', async () => {
    const { context, page } = await signedIn(demoEmail('pimpinan', BKAD), PAGE, { width: 360, javaScript: false });
    expect(await page.locator('[data-report-month="2026-10"] tr[data-state="READY"]').count()).toBeGreaterThan(0);
    expect(await overflow(page), 'reports page at 360 px').toBeLessThanOrEqual(0);
    const now = new Date();
    await ask(page, String(now.getUTCMonth() + 1), String(now.getUTCFullYear()));
    await page.locator('[data-report-problem]').waitFor();
    expect(await page.locator('[data-report-problem]').innerText()).toBe('Bulan itu belum berakhir. Laporan hanya dapat dibuat untuk bulan yang sudah lewat.');
    // A month that is no month is refused too, without reaching a 500.
    await ask(page, '10', '20x6');
    await page.locator('[data-report-problem]').waitFor();
    expect(await page.locator('[data-report-problem]').innerText()).toContain('tidak valid');
    // The form works without script: a new version of October, then the flash.
    await ask(page, '10', '2026');
    await waitForFlash(page);
    expect(await page.locator('[data-report-month="2026-10"] tr[data-report]').count()).toBeGreaterThan(1);
    expect(await overflow(page), 'reports page at 360 px after a request').toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, 'monthly-reports-360.png'), fullPage: true });
    await context.close();
  }, 90_000);

  it('lets the secretariat choose its province or one of its agencies, in English', async () => {
    const { context, page } = await signedIn('sekretariat@kalimantan-barat.test', '/konsol/sekretariat/laporan-bulanan?lang=en');
    expect(await page.locator('h1').innerText()).toBe('Monthly reports');
    const options = await page.locator('#report-target option').allInnerTexts();
    expect(options[0]).toMatch(/^Province .* \(all agencies\)$/);
    expect(options.length).toBeGreaterThan(1);
    const values = await page.locator('#report-target option').evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value));
    expect(values[0]).toMatch(/^province:/);
    expect(values.slice(1).every((value) => /^agency:[0-9a-f-]{36}$/.test(value))).toBe(true);
    // BKAD's versions are the secretariat's to read too.
    expect(await page.locator('[data-report-month="2026-10"] tr[data-report]').count()).toBeGreaterThan(0);
    await context.close();
  }, 90_000);

  it('gives a verifier no menu entry, and the address is the 404 page', async () => {
    const { context, page } = await signedIn(demoEmail('verifikator', BKAD), `${CONSOLE}/kotak-masuk`);
    expect(await page.locator('[data-nav="console-reports"]').count()).toBe(0);
    const response = await page.goto(`${web.url}${PAGE}`);
    expect(response?.status()).toBe(404);
    await context.close();
  }, 90_000);
});
