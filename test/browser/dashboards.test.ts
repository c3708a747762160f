/**
 * The dashboards in Chromium (issue 15): the Kalimantan Barat secretariat signs in on a 360 px
 * phone without JavaScript, sees its agencies side by side with a total, follows the drill-down
 * to BKAD and back, and reads a bad range's message in Indonesian next to the form (no table);
 * BKAD's head opens the agency dashboard from the console menu. No page overflows a phone, and
 * axe finds no serious violation. Screenshots at 360 and 1280 px go to SCREENSHOT_DIR.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { follow, openPage, overflow, printServerOutputOnFailure, signIn, type ConsoleBrowser } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, staffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BKAD = 'bkad-kalbar';
const SECRETARIAT_FIGURES = '/konsol/sekretariat/angka';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp/aduan-console-shots';
const FIGURES = 'query F($filter: FigureFilterInput!) { figures(filter: $filter) { total { received } } }';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

/** A report BKAD's verifier records now (BKAD takes no complaint online). */
async function recordIntake(marker: string) {
  const verifier = await staffClient(api.url, BKAD, 'verifikator');
  const caseType = (await caseTypesOf(api.url, BKAD)).find((item) => item.key === 'complaint')!;
  const recorded = await verifier.call('mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { case { id } } }', {
    input: {
      caseTypeKey: caseType.key,
      channelKey: 'office-visit',
      receivedAt: new Date().toISOString(),
      answers: validAnswers(caseType, marker),
      identityMode: 'IDENTIFIED',
      reporter: { name: 'Pelapor Dasbor', idNumber: '6171010101010013' },
    },
  });
  expect(recorded.errors).toBeUndefined();
}

describe.skipIf(!browserTestsEnabled)('the dashboards in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false', FIGURES_INTERVAL_SECONDS: '1', LOG_LEVEL: 'warn' });
    await recordIntake('dasbor');
    // The figures pass counts it a few seconds later: wait, bounded.
    const secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Pontianak' });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const response = await secretariat.call(FIGURES, { filter: { from: `${today.slice(0, 8)}01`, to: today } });
      if (response.data?.figures.total.received >= 1) break;
      if (Date.now() > deadline) throw new Error(`no figures: ${JSON.stringify(response)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
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

  it('show the secretariat its agencies side by side on a phone without JavaScript, with a drill-down', async () => {
    const { page, context } = await openPage(target, SECRETARIAT_FIGURES, { javaScript: false, width: 360 });
    await signIn(page, 'sekretariat@kalimantan-barat.test');
    await page.locator('main[data-page="console-figures"]').waitFor();
    expect(new URL(page.url()).pathname).toBe(SECRETARIAT_FIGURES);
    const rows = page.locator('[data-figures-agencies] [data-agency]');
    const slugs = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-agency')));
    expect(slugs).toEqual(expect.arrayContaining([BKAD, 'inspektorat-kalbar', 'total']));
    expect(slugs).not.toContain('inspektorat-kalsel');
    await expect.poll(() => page.locator(`[data-figures-agencies] [data-agency="${BKAD}"] [data-figure="received"]`).innerText()).toBe('1');
    expect(await page.locator('[data-figures-agencies] [data-agency="total"] [data-figure="received"]').innerText()).toBe('1');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-secretariat-360.png'), fullPage: true });

    await follow(page, `[data-drill-down="${BKAD}"]`, 'console-figures');
    expect(new URL(page.url()).searchParams.get('instansi')).toBe(BKAD);
    expect(
      await page.locator('[data-figures-agencies] [data-agency]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-agency'))),
    ).toEqual([BKAD]);
    expect(await page.locator('[data-breakdown="CASE_TYPE"]').count()).toBe(1);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await follow(page, '[data-back-to-province]', 'console-figures');
    expect(new URL(page.url()).searchParams.get('instansi')).toBeNull();

    // A reversed range: said next to the form in the page's language, and no table of zeros.
    await page.goto(`${target.webUrl}${SECRETARIAT_FIGURES}?dari=2026-11-30&sampai=2026-11-01`);
    expect(await page.locator('[data-figures-problem="RANGE_REVERSED"]').innerText()).toContain('Tanggal akhir lebih awal');
    expect(await page.locator('[data-figures-agencies]').count()).toBe(0);
    expect(await page.locator('[data-no-figures]').count()).toBe(1);
    await context.close();
  }, 90_000);

  it("pass axe on the secretariat's dashboard and its bad range message", async () => {
    const { page, context } = await openPage(target, SECRETARIAT_FIGURES, { width: 360 });
    await signIn(page, 'sekretariat@kalimantan-barat.test');
    await page.locator('main[data-page="console-figures"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-secretariat-1280.png'), fullPage: true });
    await page.goto(`${target.webUrl}${SECRETARIAT_FIGURES}?dari=2026-11-30&sampai=2026-11-01`);
    await page.locator('[data-figures-problem]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 90_000);

  it("show an agency head the agency's dashboard from the console menu", async () => {
    const { page, context } = await openPage(target, `/t/${BKAD}/konsol`, { width: 1280 });
    await signIn(page, demoEmail('pimpinan', BKAD));
    await follow(page, '[data-nav="console-figures"]', 'console-figures');
    expect(new URL(page.url()).pathname).toBe(`/t/${BKAD}/konsol/angka`);
    expect(
      await page.locator('[data-figures-agencies] [data-agency]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-agency'))),
    ).toEqual([BKAD]);
    // The open case links to the inbox filtered to it.
    const href = await page.locator(`[data-figures-open-now] [data-agency="${BKAD}"] [data-figure="open-now"] a`).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/t/${BKAD}/konsol/kotak-masuk\\?`));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-agency-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 360, height: 900 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'dashboard-agency-360.png'), fullPage: true });
    await context.close();
  }, 90_000);

  it("moves the head's open-now counter live when a report comes in", async () => {
    const { page, context } = await openPage(target, `/t/${BKAD}/konsol/angka`);
    await signIn(page, demoEmail('pimpinan', BKAD));
    const openNow = page.locator(`[data-figures-open-now] [data-agency="${BKAD}"] [data-figure="open-now"]`);
    const before = Number(await openNow.innerText());
    // Give the page's script a moment to subscribe, then a report comes in.
    await page.waitForLoadState('networkidle');
    await recordIntake('dasbor langsung');
    await expect.poll(async () => Number(await openNow.innerText()), { timeout: 15_000 }).toBe(before + 1);
    await context.close();
  }, 90_000);
});
