/**
 * Issue 14, journey 1, in Chromium on a 360-pixel phone: Inspektorat Kalimantan Selatan's
 * reporter registers first, lands on "Laporan saya", files an identified report (the form knows
 * they are signed in), gets the receipt, and finds the report listed with its status. The
 * registration page says truthfully that this agency asks for personal details on each
 * report's form, not that none are asked (ADR 0027). Every page passes axe-core and fits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { overflow } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALSEL = '/t/inspektorat-kalsel';
const PSEUDONYM = 'Bekantan-Senja';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;

/** axe-core and the 360-pixel fit, named after the page so a failure says where. */
async function expectReadable(page: Page, name: string) {
  expect(await seriousViolations(page), name).toEqual([]);
  expect(await overflow(page), name).toBeLessThanOrEqual(0);
}

describe.runIf(browserTestsEnabled)("Kalimantan Selatan's register-first account in Chromium", () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn' });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('registers, lands on an empty "Laporan saya", files an identified report and finds it listed with its status', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${web.url}${KALSEL}/akun/daftar`);

    // What is asked, and where: the account is a pseudonym and a password; this agency takes
    // only identified reports, and each report's form asks for the name.
    const main = await page.locator('main').innerText();
    expect(main).not.toContain('tanpa memberikan data diri');
    const terms = await page.locator('[data-account-terms]').innerText();
    expect(terms).toContain('akun tidak memuat data diri');
    expect(terms).toContain('Data diri diminta pada formulir laporan');
    expect(terms).toContain('hanya menerima laporan beridentitas untuk Pengaduan WBS Aduakan!');
    expect(terms).toContain('wajib: Nama lengkap');
    expect(terms).toContain('hanya penjaga identitas instansi yang dapat membukanya');
    // Kalsel takes no pseudonymous or anonymous reports: nothing here offers them.
    expect(terms).not.toContain('melapor dengan nama samaran untuk');
    expect(terms).not.toContain('Laporan anonim');
    await expectReadable(page, 'register');

    await page.getByLabel('Nama samaran').fill(PSEUDONYM);
    await page.getByLabel('Kata sandi', { exact: false }).first().fill('kata-sandi-rahasia-1');
    await page.getByLabel('Ulangi kata sandi').fill('kata-sandi-rahasia-1');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForURL(`**${KALSEL}/akun/laporan`);
    expect(await page.locator('h1').innerText()).toBe('Laporan saya');
    expect(await page.locator('main').innerText()).toContain('Belum ada laporan dari akun ini.');
    await expectReadable(page, 'empty list');

    await page.getByRole('link', { name: 'Buat laporan baru' }).click();
    await page.waitForURL(`**${KALSEL}/lapor`);
    await page.getByRole('link', { name: 'Laporkan: Pengaduan WBS Aduakan!' }).click();
    await page.waitForURL(`**${KALSEL}/lapor/whistleblowing`);
    // The only way this agency takes: chosen already, and the form says it goes to the account.
    expect(await page.getByLabel('Teridentifikasi').isChecked()).toBe(true);
    const listing = await page.locator('[data-account-listing="IDENTIFIED"]').innerText();
    expect(listing).toContain(`Anda masuk sebagai ${PSEUDONYM}`);
    expect(listing).toContain('tercantum di Laporan saya');
    await expectReadable(page, 'form');

    await page.getByLabel('Judul aduan').fill('Pungutan pada layanan perizinan');
    await page.getByLabel('Uraian aduan secara jelas, lengkap, dan kronologis').fill('Petugas meminta uang tambahan di luar ketentuan.');
    await page.getByLabel('Nama lengkap').fill('Siti Rahayu Pelapor');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('[data-receipt]').waitFor();
    const number = (await page.locator('[data-registration-number]').innerText()).trim();
    expect(number).toMatch(/^[A-Z]{2,6}-\d{4}-\d{6}$/);
    expect(await page.locator('[data-receipt]').innerText()).toContain('Teridentifikasi');
    await expectReadable(page, 'receipt');

    await page.getByRole('link', { name: PSEUDONYM }).click();
    await page.waitForURL(`**${KALSEL}/akun/laporan`);
    // Read at once (no waiting for a list that is not there): a failure shows what the page says.
    const listed = await page.locator('main').innerText();
    expect(listed, 'Laporan saya').toContain(number);
    expect(listed).toContain('Pungutan pada layanan perizinan');
    const list = page.locator('[data-my-reports]');
    expect(await list.locator('[data-status]').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await list.locator('[data-status]').innerText()).toBe('Diterima, menunggu verifikasi');
    // The list shows the report, never the name given on its form.
    expect(await page.locator('main').innerText()).not.toContain('Siti Rahayu');
    await expectReadable(page, 'list');

    // The report opens from the list, without the tracking code.
    await list.getByRole('button', { name: `Buka laporan ${number}` }).click();
    await page.locator('[data-case]').waitFor();
    expect(await page.locator('[data-case]').innerText()).toContain('Pungutan pada layanan perizinan');
    await context.close();
  });
});
