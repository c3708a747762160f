/**
 * The public statistics page in Chromium on a 360-pixel phone without JavaScript: Bontang's
 * figures (every type confidential) as tables with "< 5", the CSV behind each table, the year
 * chosen with a plain form, bad years answered in the page's language, no sideways scrolling
 * and no serious accessibility violation.
 */
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { overflow } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { BONTANG, KALBAR, seedPublicStatistics } from '../support/public-statistics.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;

async function open(pathname: string, options: { width?: number; javaScript?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 360, height: 800 }, javaScriptEnabled: options.javaScript ?? false });
  // Below the test's timeout: a step that stalls fails with its own name.
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const response = await page.goto(`${web.url}${pathname}`);
  return { page, response: response!, close: () => context.close() };
}

/** Reads the API until the figures pass has counted the seeded cases (bounded). */
async function waitForFigures(slug: string, received: number) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const response = await fetch(`${api.url}/t/${slug}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ publicStatistics(year: 2026) { received { value } } }' }),
    });
    if ((await response.json()).data?.publicStatistics.received.value === received) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the figures of ${slug} never reached ${received}`);
}

describe.runIf(browserTestsEnabled)('the public statistics page', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    const db = database.open();
    try {
      await seedPublicStatistics(db);
    } finally {
      await db.close();
    }
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn', SLA_SWEEP_ENABLED: 'false', NOTIFY_ENABLED: 'false', FIGURES_INTERVAL_SECONDS: '1' });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    await Promise.all([waitForFigures(BONTANG, 7), waitForFigures(KALBAR, 16)]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it("shows Bontang's year as tables with < 5, confidential reports not broken down, on a phone without script", async () => {
    const { page, response, close } = await open(`/t/${BONTANG}/statistik?tahun=2026`);
    expect(response.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Statistik pengaduan 2026');
    expect(await page.locator('[data-figure="received"]').innerText()).toBe('7');
    const months = page.locator('[data-table="per-bulan"] tbody tr');
    expect(await months.nth(1).innerText()).toMatch(/Februari\s+< 5/);
    expect(await months.nth(2).innerText()).toMatch(/Maret\s+0/);
    const categories = await page.locator('[data-table="jenis-pelanggaran"] tbody tr').allInnerTexts();
    expect(categories).toEqual([expect.stringMatching(/Laporan rahasia \(tidak dirinci\)\s+7/)]);
    expect(await page.locator('[data-table="waktu"] tbody tr').first().innerText()).toContain('belum cukup laporan');
    expect(await page.locator('table caption').count()).toBe(6);
    // Five charts, drawn by the API, each shown as an image named by its table.
    expect(await page.locator('.statistics-chart img').count()).toBe(5);
    expect(await page.locator('.statistics-chart img').first().getAttribute('alt')).toBe('Laporan per bulan, 2026');
    expect(await page.locator('th[scope="row"]').count()).toBeGreaterThan(12);
    await close();
  });

  it('reads on a 360-pixel phone without sideways scrolling or serious accessibility violations', async () => {
    const { page, close } = await open(`/t/${BONTANG}/statistik?tahun=2026`);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(os.tmpdir(), 'public-statistics-360.png'), fullPage: true });
    await close();
    // axe yields to the page's timers, which do not run with JavaScript off; the page loads no
    // script of its own (no hydration), so its document is the same with JavaScript on.
    const checked = await open(`/t/${BONTANG}/statistik?tahun=2026`, { javaScript: true });
    expect(await checked.page.locator('script[src]').count()).toBe(0);
    expect(await seriousViolations(checked.page)).toEqual([]);
    await checked.close();
  }, 90_000);

  it('reads at 1280 pixels with the same figures, in English when asked', async () => {
    const { page, close } = await open(`/t/${KALBAR}/statistik?tahun=2026&lang=en`, { width: 1280 });
    expect(await page.locator('h1').innerText()).toBe('Complaint statistics 2026');
    expect(await page.locator('[data-figure="received"]').innerText()).toBe('16');
    expect(await page.locator('[data-figure="within-standard"]').innerText()).toContain('100%');
    expect(await page.locator('[data-table="jenis-pelanggaran"] tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^Corruption\s+6$/),
      expect.stringMatching(/^Illegal levy\s+5$/),
      expect.stringMatching(/^Confidential reports \(not broken down\)\s+5$/),
    ]);
    await page.screenshot({ path: path.join(os.tmpdir(), 'public-statistics-1280.png'), fullPage: true });
    await close();
  });

  it('gives each table as CSV, with a header row, < 5 and a safe file name', async () => {
    const { page, close } = await open(`/t/${BONTANG}/statistik?tahun=2026`);
    const href = await page.locator('[data-table="per-bulan"] a[download]').getAttribute('href');
    expect(href).toBe(`/t/${BONTANG}/statistik.csv?tahun=2026&tabel=per-bulan`);
    const response = await fetch(`${web.url}${href}`, { headers: { 'accept-language': 'id' } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="statistik-${BONTANG}-2026-per-bulan.csv"`);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['"Bulan","Laporan"', '"Januari","0"', '"Februari","< 5"']);
    const bad = await fetch(`${web.url}/t/${BONTANG}/statistik.csv?tahun=2026&tabel=../../etc`);
    expect(bad.status).toBe(400);
    await close();
  });

  it('chooses the year with a plain form', async () => {
    const { page, close } = await open(`/t/${BONTANG}/statistik`);
    await page.locator('#statistics-year').selectOption('2025');
    await Promise.all([page.waitForURL('**/statistik?tahun=2025'), page.getByRole('button', { name: 'Tampilkan' }).click()]);
    expect(await page.locator('h1').innerText()).toBe('Statistik pengaduan 2025');
    expect(await page.locator('[data-figure="received"]').innerText()).toBe('< 5');
    await close();
  });

  it('answers a year that is not one, or not begun, in the page language with a way back', async () => {
    for (const [asked, message] of [
      ['abc', 'Tahun "abc" tidak dapat ditampilkan'],
      ['1999', 'Tahun "1999" tidak dapat ditampilkan'],
      ['2999', 'Tahun 2999 belum dimulai'],
    ] as const) {
      const { page, response, close } = await open(`/t/${BONTANG}/statistik?tahun=${asked}`);
      expect(response.status()).toBe(400);
      expect(await page.getByRole('alert').innerText()).toContain(message);
      expect(await page.locator('table').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Lihat statistik tahun ini' }).getAttribute('href')).toBe(`/t/${BONTANG}/statistik`);
      await close();
    }
  });

  it('is linked from the portal', async () => {
    const { page, close } = await open(`/t/${BONTANG}/`);
    expect(await page.getByRole('link', { name: 'Statistik pengaduan' }).getAttribute('href')).toBe(`/t/${BONTANG}/statistik`);
    await close();
  });
});
