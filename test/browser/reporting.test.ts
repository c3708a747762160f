/**
 * The reporter's pages in Chromium, as a whistleblower uses them: filing on the Bontang
 * portal with a photo (with and without JavaScript), the receipt with its one-time code,
 * coming back in a fresh browser to track the report, errors next to their fields, a
 * pseudonymous account from registration to "Laporan saya", English, and axe-core.
 *
 * The web runs as in production (`web/server/main.ts`, which forwards the browser's address to
 * the API), on the run's build.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { jpeg } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BONTANG = '/t/inspektorat-bontang';
const NUMBER = /^BTG-\d{4}-\d{6}$/;
const CODE = /^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/;

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let photo: string;

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.runIf(browserTestsEnabled)('filing and following a report in Chromium', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-reporting-web-'));
    photo = path.join(scratch, 'IMG_2031 kantor.jpg');
    writeFileSync(photo, jpeg());
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
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function open(pathname: string, options: { javaScript?: boolean; width?: number } = {}) {
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      javaScriptEnabled: options.javaScript ?? true,
    });
    const page = await context.newPage();
    await page.goto(`${web.url}${pathname}`);
    return { context, page };
  }

  /** Fills Bontang's whistleblowing form as an anonymous reporter, with the photo. */
  async function fillAnonymousReport(page: Page, options: { javaScript: boolean }) {
    await page.getByLabel('Judul pengaduan').fill('Pungutan di loket pelayanan');
    await page.getByLabel('What: Apa masalah yang diadukan').fill('Petugas loket meminta uang tambahan di luar tarif resmi.');
    await page.getByLabel('Where: Di mana lokasi kejadian').fill('Loket 3');
    await page.getByLabel('When: Kapan waktu kejadian').fill('2026-03-02');
    await page.getByLabel('Anonim').check();
    await page.locator('#evidence').setInputFiles(photo);
    if (options.javaScript) {
      // Uploaded at once, with its own progress bar, before the form is sent.
      const upload = page.locator('.upload[data-upload-state="done"]');
      await upload.waitFor();
      expect(await upload.locator('progress').getAttribute('value')).toBe('100');
      expect(await upload.innerText()).toContain('IMG_2031 kantor.jpg');
    }
  }

  /** Reads the receipt as a person would copy it from the screen. */
  async function readReceipt(page: Page) {
    await page.locator('[data-receipt]').waitFor();
    const number = (await page.locator('[data-registration-number]').innerText()).trim();
    const code = (await page.locator('[data-tracking-code]').innerText()).trim();
    return { number, code, text: await page.locator('[data-receipt]').innerText() };
  }

  async function track(context: BrowserContext, number: string, code: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${web.url}${BONTANG}/lacak`);
    await page.getByLabel('Nomor registrasi').fill(number);
    await page.getByLabel('Kode pelacakan').fill(code);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.waitForLoadState();
    return page;
  }

  it('lets an anonymous whistleblower file at Bontang with a photo, write down number and code, and come back to read the status', async () => {
    const { context, page } = await open(`${BONTANG}/`);
    await page.getByRole('link', { name: 'Laporkan: Pengaduan (Whistleblowing System)' }).click();
    await page.waitForURL(`**${BONTANG}/lapor/whistleblowing`);
    // The form says what is removed from the files, and that their names are not kept.
    const evidenceHints = await page.locator('#evidence').evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(evidenceHints).toContain('lokasi GPS, nomor seri');
    expect(evidenceHints).toContain('bukti-1, bukti-2');
    await fillAnonymousReport(page, { javaScript: true });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    const { number, code, text } = await readReceipt(page);
    expect(number).toMatch(NUMBER);
    expect(code).toMatch(CODE);
    expect(await page.title()).toContain('Tanda bukti laporan');
    expect(text).toContain('hanya ditampilkan sekali');
    expect(text).toContain('Inspektorat Kota Bontang');
    expect(text).toContain('Anonim');
    expect(text).toMatch(/pukul \d{2}\.\d{2} WITA/);
    // A whistleblowing report keeps no file name of the reporter's.
    expect(text).toContain('bukti-1.jpg');
    expect(text).not.toContain('IMG_2031');
    // The print button appears once the page's script has run (receipt.tsx): wait for it, then count.
    const printButton = page.getByRole('button', { name: 'Cetak / simpan sebagai PDF' });
    await printButton.waitFor({ state: 'visible' });
    expect(await printButton.count()).toBe(1);
    // The code is on the page and nowhere else: not in the address, not in a cookie.
    expect(page.url()).not.toContain(code);
    expect(JSON.stringify(await context.cookies())).not.toContain(code.slice(0, 9));
    await context.close();

    // Later, a fresh browser with nothing remembered.
    const later = await browser.newContext();
    const tracked = await track(later, number, code.toLowerCase());
    const caseView = tracked.locator('[data-case]');
    await caseView.waitFor();
    expect(await caseView.locator('[data-status]').getAttribute('data-status')).toBe('SUBMITTED');
    const body = await caseView.innerText();
    expect(body).toContain(number);
    expect(body).toContain('Diterima, menunggu verifikasi');
    expect(body).toContain('bukti-1.jpg');
    expect(body).toContain('Laporan dikirim');
    expect(tracked.url()).toBe(`${web.url}${BONTANG}/lacak`);

    // A reply with more evidence appears among the messages.
    await tracked.getByLabel('Pesan').first().fill('Kejadian berulang setiap hari Senin.');
    await tracked.locator('#evidence').setInputFiles(photo);
    await tracked.locator('.upload[data-upload-state="done"]').waitFor();
    await tracked.getByRole('button', { name: 'Kirim pesan' }).click();
    await tracked.locator('.success').waitFor();
    expect(await tracked.locator('.messages').innerText()).toContain('Kejadian berulang setiap hari Senin.');

    // A wrong code is answered like an unknown number, in neutral words.
    const wrong = await track(later, number, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
    expect(await wrong.locator('.error-summary').innerText()).toContain('tidak cocok');
    expect(await wrong.locator('[data-case]').count()).toBe(0);
    await later.close();
  });

  it('shows each problem next to its field and in a summary, and keeps what was typed', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`);
    await page.getByLabel('Judul pengaduan').fill('Judul yang harus tetap ada');
    await page.getByLabel('Where: Di mana lokasi kejadian').fill('Kantor kelurahan');
    // The browser's own checks would stop an empty required field; the server's must say it too.
    await page.locator('form.report-form').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    const key = page.locator('form.report-form input[name="clientSubmissionKey"]');
    const sentKey = await key.getAttribute('value');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.error-summary').waitFor();
    // The corrected form is still the same submission: sent twice, it files once.
    expect(await key.getAttribute('value')).toBe(sentKey);

    expect(await page.locator('#answer-what-error').innerText()).toContain('wajib diisi');
    expect(await page.locator('#answer-what').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#answer-what').getAttribute('aria-describedby')).toContain('answer-what-error');
    expect(await page.locator('#evidence-error').innerText()).toContain('lampirkan paling sedikit satu berkas bukti');
    const summaryLinks = await page.locator('.error-summary a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(summaryLinks).toEqual(expect.arrayContaining(['#answer-what', '#evidence']));
    expect(await page.getByLabel('Judul pengaduan').inputValue()).toBe('Judul yang harus tetap ada');
    expect(await page.getByLabel('Where: Di mana lokasi kejadian').inputValue()).toBe('Kantor kelurahan');
    expect(await page.getByLabel('Anonim').isChecked()).toBe(true);
    await context.close();
  });

  it('files and tracks the same report with JavaScript disabled', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`, { javaScript: false });
    await fillAnonymousReport(page, { javaScript: false });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const { number, code, text } = await readReceipt(page);
    expect(number).toMatch(NUMBER);
    expect(code).toMatch(CODE);
    expect(text).toContain('bukti-1.jpg');
    expect(text).toContain('Ctrl+P');
    const tracked = await track(context, number, code);
    expect(await tracked.locator('[data-case] [data-status]').innerText()).toContain('Diterima, menunggu verifikasi');
    await context.close();
  });

  it('files once when the same form is sent again, and then shows the first receipt again, tracking code included', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`, { javaScript: false });
    const formUrl = page.url();
    const key = await page.locator('form.report-form input[name="clientSubmissionKey"]').getAttribute('value');
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    await fillAnonymousReport(page, { javaScript: false });
    // What the browser is about to send (the photo aside), to send it once more afterwards.
    const fields = await page
      .locator('form.report-form [name]:not([type="file"])')
      .evaluateAll((controls) =>
        (controls as HTMLInputElement[])
          .filter((control) => control.type !== 'radio' || control.checked)
          .map((control) => [control.name, control.value] as const),
      );
    expect(fields).toContainEqual(['clientSubmissionKey', key]);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const { number, code } = await readReceipt(page);
    expect(number).toMatch(NUMBER);

    // The same post again (a retried post, "confirm form resubmission", a second click).
    const again = await page.request.post(formUrl, {
      headers: { origin: web.url },
      multipart: { ...Object.fromEntries(fields), evidence: { name: 'IMG_2031 kantor.jpg', mimeType: 'image/jpeg', buffer: jpeg() } },
    });
    expect(again.status()).toBe(200);
    await page.route(formUrl, (route) => route.fulfill({ response: again }), { times: 1 });
    await page.goto(formUrl);
    const receipt = await readReceipt(page);
    expect(receipt.number).toBe(number);
    expect(receipt.code).toBe(code);
    expect(await page.locator('[data-already-submitted]').count()).toBe(0);
    await context.close();
  });

  it('takes a pseudonymous reporter from registration to filing to "Laporan saya"', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`);
    expect(await page.getByLabel('Nama samaran').isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Daftar akun nama samaran' }).click();
    await page.waitForURL(`**${BONTANG}/akun/daftar?kembali=*`);
    // The agency's own words on choosing a pseudonym.
    expect(await page.locator('main').innerText()).toContain('Gunakan nama yang unik dan tidak menggambarkan identitas Anda');
    await page.getByLabel('Nama samaran').fill('Elang-Senja');
    await page.getByLabel('Kata sandi', { exact: false }).first().fill('kata-sandi-rahasia-1');
    await page.getByLabel('Ulangi kata sandi').fill('kata-sandi-rahasia-1');
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForURL(`**${BONTANG}/lapor/whistleblowing`);

    const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'aduan_pelapor');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: BONTANG });
    expect(await page.content()).not.toContain(session!.value);
    expect(await page.locator('.reporter-nav').innerText()).toContain('Elang-Senja');

    await page.getByLabel('Judul pengaduan').fill('Gratifikasi pengadaan');
    await page.getByLabel('What: Apa masalah yang diadukan').fill('Hadiah dari rekanan kepada panitia pengadaan.');
    await page.getByLabel('Nama samaran').check();
    await page.getByLabel('Nomor telepon / HP').fill('081234567890');
    await page.locator('#evidence').setInputFiles(photo);
    await page.locator('.upload[data-upload-state="done"]').waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const { number, text } = await readReceipt(page);
    expect(text).toContain('Nama samaran');

    await page.getByRole('link', { name: 'Elang-Senja' }).click();
    await page.waitForURL(`**${BONTANG}/akun/laporan`);
    expect(await page.locator('h1').innerText()).toBe('Laporan saya');
    const list = page.locator('[data-my-reports]');
    expect(await list.innerText()).toContain(number);
    await list.getByRole('button', { name: `Buka laporan ${number}` }).click();
    await page.locator('[data-case]').waitFor();
    expect(await page.locator('[data-case]').innerText()).toContain('Gratifikasi pengadaan');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`**${BONTANG}/akun/masuk?keluar=1`);
    expect((await context.cookies()).filter((cookie) => cookie.name === 'aduan_pelapor')).toEqual([]);
    expect(await page.locator('.reporter-nav').innerText()).toContain('Masuk');
    await context.close();
  });

  it('speaks English after the switch', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**lang=en');
    expect(await page.locator('h1').innerText()).toBe('Report: Whistleblowing report');
    expect(await page.getByLabel('Report title').count()).toBe(1);
    expect(await page.getByLabel('Anonymous').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send report' }).count()).toBe(1);
    expect(
      await page
        .locator('.field')
        .filter({ has: page.locator('#evidence') })
        .innerText(),
    ).toContain('the GPS location, serial number and make of the camera');
    expect(await page.locator('.reporter-nav').innerText()).toContain('Track a report');
    await page.goto(`${web.url}${BONTANG}/lacak`);
    expect(await page.locator('h1').innerText()).toBe('Track a report');
    await context.close();
  });

  it('passes axe-core on the form, the receipt and the track page, and reads on a 360-pixel phone', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`, { width: 360 });
    expect(await seriousViolations(page), 'form').toEqual([]);
    expect(await overflow(page), 'form').toBeLessThanOrEqual(0);
    await page.reload();
    await fillAnonymousReport(page, { javaScript: true });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const { number, code } = await readReceipt(page);
    expect(await seriousViolations(page), 'receipt').toEqual([]);
    expect(await overflow(page), 'receipt').toBeLessThanOrEqual(0);
    const tracked = await track(context, number, code);
    await tracked.locator('[data-case]').waitFor();
    expect(await seriousViolations(tracked), 'track').toEqual([]);
    expect(await overflow(tracked), 'track').toBeLessThanOrEqual(0);
    for (const pathname of [`${BONTANG}/lapor`, `${BONTANG}/akun/daftar`, `${BONTANG}/lacak?lang=en`]) {
      await tracked.goto(`${web.url}${pathname}`);
      expect(await seriousViolations(tracked), pathname).toEqual([]);
    }
    await context.close();
  });

  it('ships no script on pages that need none, and refuses a form posted from another site', async () => {
    const { context, page } = await open(`${BONTANG}/lapor`);
    expect(await page.locator('script').count()).toBe(0);
    await page.goto(`${web.url}${BONTANG}/akun/daftar`);
    expect(await page.locator('script').count()).toBe(0);
    await context.close();
    const forged = await fetch(`${web.url}${BONTANG}/lacak`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'registrationNumber=BTG-2026-000001&trackingCode=AAAA',
    });
    expect(forged.status).toBe(403);
  });
});
