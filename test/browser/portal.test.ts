/**
 * The pages in Chromium, as a person opens them: the directory, two agencies' portals with
 * their own content and colours, the language switch, small phones, no JavaScript, and an
 * accessibility check with axe-core.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { findFreePort } from '../support/processes.ts';
import { REPO_TENANTS_DIR, setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let tenantsDir: string;
const BONTANG_HOST = 'wbs.bontang.test';

/** A GET with a chosen Host header, as a browser on the agency's own domain sends it. */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { host } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      })
      .on('error', reject);
  });
}

async function rgbOf(hex: string) {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255})`;
}

async function themeOf(slug: string): Promise<{ primaryColor: string }> {
  const response = await fetch(`${api.url}/t/${slug}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ tenant { theme { primaryColor } } }' }),
  });
  return (await response.json()).data.tenant.theme;
}

describe.runIf(browserTestsEnabled)('the public pages in Chromium', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    tenantsDir = mkdtempSync(path.join(os.tmpdir(), 'aduan-tenants-'));
    cpSync(REPO_TENANTS_DIR, tenantsDir, { recursive: true });
    const bontang = path.join(tenantsDir, 'inspektorat-bontang', 'tenant.yaml');
    writeFileSync(bontang, readFileSync(bontang, 'utf8').replace('hostnames: []', `hostnames: [${BONTANG_HOST}]`));
    await setupTenants(database, tenantsDir);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn' });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
    rmSync(tenantsDir, { recursive: true, force: true });
  });

  async function open(path: string, options: { width?: number; javaScript?: boolean } = {}) {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
    });
    const page = await context.newPage();
    const response = await page.goto(`${web.url}${path}`);
    return { page, response: response!, close: () => context.close() };
  }

  it('lists the agencies by province, and a click opens an agency portal', async () => {
    const { page, close } = await open('/');
    expect(await page.locator('h2').allInnerTexts()).toEqual(
      expect.arrayContaining(['Provinsi Kalimantan Barat', 'Provinsi Kalimantan Selatan', 'Provinsi Kalimantan Timur']),
    );
    await page.getByRole('link', { name: 'Inspektorat Kota Bontang' }).click();
    await page.waitForURL('**/t/inspektorat-bontang/');
    expect(await page.locator('h1').innerText()).toBe('Inspektorat Kota Bontang');
    await close();
  });

  it.each([
    [
      'inspektorat-kalbar',
      'Inspektorat Provinsi Kalimantan Barat',
      ['3W', 'Surat Bebas Temuan', 'Sultan Syahrir', 'admin.upg@kalbarprov.go.id', 'Tidak dipungut biaya'],
    ],
    ['inspektorat-bontang', 'Inspektorat Kota Bontang', ['5W+1H', 'Bagaimana (How)', 'Anonim']],
    ['bkad-kalbar', 'Badan Keuangan dan Aset Daerah Provinsi Kalimantan Barat', ['KTP/SIM', 'Gubernur Kalimantan Barat', 'bkad@kalbarprov.go.id']],
  ])('shows %s its own content in its own colours', async (slug, name, texts) => {
    const { page, response, close } = await open(`/t/${slug}/`);
    expect(response.status()).toBe(200);
    expect(await page.locator('main').getAttribute('data-tenant')).toBe(slug);
    expect(await page.locator('h1').innerText()).toBe(name);
    expect(await page.title()).toContain(name);
    for (const id of ['jenis-laporan', 'standar-pelayanan', 'kanal', 'faq', 'kontak']) {
      expect(await page.locator(`#${id}`).count(), `section #${id}`).toBe(1);
    }
    const body = await page.locator('body').innerText();
    for (const text of texts) expect(body).toContain(text);
    const { primaryColor } = await themeOf(slug);
    const headerColour = await page.locator('.portal-header').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(headerColour).toBe(await rgbOf(primaryColor));
    await close();
  });

  it('gives two agencies different colours', async () => {
    const kalbar = await themeOf('inspektorat-kalbar');
    const bontang = await themeOf('inspektorat-bontang');
    expect(kalbar.primaryColor).not.toBe(bontang.primaryColor);
  });

  it('switches to English and remembers it on the next page', async () => {
    const { page, close } = await open('/t/inspektorat-bontang/');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Bontang City Inspectorate');
    expect(await page.locator('#jenis-laporan h2').innerText()).toBe('Report types');
    await page.goto(`${web.url}/t/inspektorat-kalbar/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe('Inspectorate of West Kalimantan Province');
    await close();
  });

  it('works without JavaScript and ships none', async () => {
    const { page, close } = await open('/t/inspektorat-kalbar/', { javaScript: false });
    expect(await page.locator('h1').innerText()).toBe('Inspektorat Provinsi Kalimantan Barat');
    expect(await page.locator('script[src]').count()).toBe(0);
    await page.locator('#faq summary').first().click();
    expect(await page.locator('#faq details').first().getAttribute('open')).not.toBeNull();
    await close();
  });

  it('reads on a 360-pixel phone without sideways scrolling', async () => {
    for (const path of ['/', '/t/inspektorat-kalbar/', '/t/bkad-kalbar/']) {
      const { page, close } = await open(path, { width: 360 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await close();
    }
  });

  it('passes axe-core with no serious or critical violation, in both languages', async () => {
    const { page, close } = await open('/');
    for (const path of ['/', '/t/inspektorat-kalbar/', '/t/inspektorat-kalsel/', '/nope', '/t/inspektorat-bontang/?lang=en']) {
      await page.goto(`${web.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await close();
  });

  it('answers an unknown agency with a friendly 404 page in Indonesian', async () => {
    const { page, response, close } = await open('/t/tidak-ada/');
    expect(response.status()).toBe(404);
    expect(await page.locator('body').innerText()).toContain('Instansi tidak ditemukan');
    expect(await page.locator('body').innerText()).not.toMatch(/\bat \w+ \(|Error:/);
    await close();
  });

  it("serves an agency's portal at / on its own host name, and the directory on the platform's", async () => {
    const agency = await getWithHost(`${web.url}/`, BONTANG_HOST);
    expect(agency.status).toBe(200);
    expect(agency.body).toContain('data-tenant="inspektorat-bontang"');
    const platform = await getWithHost(`${web.url}/`, 'localhost');
    expect(platform.body).toContain('data-page="directory"');
  });

  it('shows a friendly 503 page, in Indonesian, when the API is down', async () => {
    const deadApi = `http://127.0.0.1:${await findFreePort()}`;
    const orphan = await startBuiltWeb(deadApi, sharedWebBuild(), {}, '/halaman-yang-tidak-ada');
    try {
      const response = await fetch(`${orphan.url}/t/inspektorat-kalbar/`);
      expect(response.status).toBe(503);
      const body = await response.text();
      expect(body).toContain('Layanan sedang tidak tersedia');
      expect(body).not.toMatch(/ECONNREFUSED|\n\s+at /);
    } finally {
      await orphan.stop();
    }
  });

  it('keeps a first visit to a portal light', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    let bytes = 0;
    session.on('Network.loadingFinished', (event: { encodedDataLength: number }) => (bytes += event.encodedDataLength));
    await page.goto(`${web.url}/t/inspektorat-kalbar/`, { waitUntil: 'networkidle' });
    // The budget for the largest portal: HTML and CSS, compressed, headers included.
    expect(bytes).toBeGreaterThan(1000);
    expect(bytes).toBeLessThan(30 * 1024);
    await context.close();
  });
});
