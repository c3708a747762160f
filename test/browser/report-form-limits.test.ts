/**
 * The report form's limits and refusals in Chromium (issue 14, journeys 6 and 7): a counter
 * under a long text field, a paste over the limit let in and blocked with a field error (not
 * cut), a server refusal that keeps every value and the uploaded photo (without JavaScript, and
 * with the client check bypassed), a refused upload's reason said again at submit, the agency's
 * pseudonym advice only under the pseudonymous choice, and Kalbar's gratification form offered
 * for download (with the API's document route tried with "../").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jpeg } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { REPO_ROOT, startApi, type RunningProcess } from '../support/processes.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BONTANG_FORM = '/t/inspektorat-bontang/lapor/whistleblowing';
const KALBAR = '/t/inspektorat-kalbar';
const GRATIFICATION_PDF = path.join(REPO_ROOT, 'tenants', 'inspektorat-kalbar', 'documents', 'formulir-pelaporan-gratifikasi.pdf');
const PSEUDONYM_ADVICE = 'Gunakan nama yang unik dan tidak menggambarkan identitas Anda';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let photo: string;

/** `count` characters of report text, with line breaks (sent as CRLF, counted as one each). */
function longText(count: number): string {
  const line = 'Petugas meminta uang tambahan di loket pelayanan setiap hari Senin.\n';
  return line.repeat(Math.ceil(count / line.length)).slice(0, count);
}

/** A GET with the path exactly as written (fetch would resolve "../" before sending). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe.runIf(browserTestsEnabled)('the report form: limits, refusals, the pseudonym advice and downloads', () => {
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-form-limits-'));
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
    const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.javaScript ?? true });
    const page = await context.newPage();
    await page.goto(`${web.url}${pathname}`);
    return { context, page };
  }

  /** The counter appears once the page script has run. */
  async function counterOf(page: Page, id: string) {
    const counter = page.locator(`#${id}-counter`);
    await counter.waitFor();
    return counter;
  }

  /** Everything but the long text, as an anonymous reporter with the photo. */
  async function fillTheRest(page: Page, options: { javaScript: boolean }) {
    await page.getByLabel('Judul pengaduan').fill('Pungutan di loket pelayanan');
    await page.getByLabel('Where: Di mana lokasi kejadian').fill('Loket 3');
    await page.getByLabel('When: Kapan waktu kejadian').fill('2026-03-02');
    await page.getByLabel('Anonim').check();
    await page.locator('#evidence').setInputFiles(photo);
    if (options.javaScript) await page.locator('.upload[data-upload-state="done"]').waitFor();
  }

  async function expectEverythingKept(page: Page, what: string) {
    expect(await page.getByLabel('Judul pengaduan').inputValue()).toBe('Pungutan di loket pelayanan');
    expect(await page.getByLabel('Where: Di mana lokasi kejadian').inputValue()).toBe('Loket 3');
    expect(await page.getByLabel('When: Kapan waktu kejadian').inputValue()).toBe('2026-03-02');
    expect(await page.getByLabel('Anonim').isChecked()).toBe(true);
    expect(await page.getByLabel('What: Apa masalah yang diadukan').inputValue()).toBe(what);
  }

  async function sendAndReadReceipt(page: Page) {
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('[data-receipt]').waitFor();
    return page.locator('[data-receipt]').innerText();
  }

  it('says the limit before the reporter writes, counts as they type, and lets a paste over the limit in but not out', async () => {
    const { context, page } = await open(BONTANG_FORM);
    const what = page.getByLabel('What: Apa masalah yang diadukan');
    // The limit is in the field's hint, read with the field.
    const hint = await what.evaluate((control) =>
      (control.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(hint).toContain('Paling banyak 5.000 karakter.');
    const counter = await counterOf(page, 'answer-what');
    expect(await counter.innerText()).toBe('0 / 5.000 karakter');
    // Hidden from screen readers (every keystroke); a polite status says it when typing pauses.
    expect(await counter.getAttribute('aria-hidden')).toBe('true');
    await what.fill(longText(1234));
    expect(await counter.innerText()).toBe('1.234 / 5.000 karakter');
    const status = page.locator('.field').filter({ has: what }).locator('[role="status"]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => status.innerText(), { timeout: 5000 }).toBe('1.234 / 5.000 karakter');

    // A paste of 7,000 characters: all of it stays in the field, nothing is cut.
    await what.fill('');
    await what.focus();
    await page.keyboard.insertText(longText(7000));
    expect((await what.inputValue()).length).toBe(7000);
    expect(await counter.innerText()).toBe('7.000 / 5.000 karakter');
    expect(await counter.getAttribute('data-counter')).toBe('over');
    expect(await page.locator('#answer-what-over').innerText()).toContain('kurangi 2.000 karakter');
    expect(await what.getAttribute('aria-invalid')).toBe('true');
    expect(await what.getAttribute('aria-describedby')).toContain('answer-what-over');
    // Going over is said at once.
    await expect.poll(() => status.innerText(), { timeout: 2000 }).toContain('Terlalu panjang');

    // Sending is blocked by the field's own error; nothing goes to the server.
    await fillTheRest(page, { javaScript: true });
    const formUrl = page.url();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    expect(await what.evaluate((control) => (control as HTMLTextAreaElement).validationMessage)).toContain('Terlalu panjang');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('answer-what');
    expect(await page.locator('[data-receipt], .error-summary').count()).toBe(0);
    expect(page.url()).toBe(formUrl);

    // Cut down to the limit: the counter is back to normal and the report goes.
    await what.fill(longText(5000));
    expect(await counter.getAttribute('data-counter')).toBe('ok');
    expect(await page.locator('#answer-what-over').count()).toBe(0);
    expect(await sendAndReadReceipt(page)).toContain('bukti-1.jpg');
    await context.close();
  });

  it('without JavaScript, a refused text keeps every value and the uploaded photo, which the corrected form files', async () => {
    const { context, page } = await open(BONTANG_FORM, { javaScript: false });
    const tooLong = longText(5001);
    await page.getByLabel('What: Apa masalah yang diadukan').fill(tooLong);
    await fillTheRest(page, { javaScript: false });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.error-summary').waitFor();

    expect(await page.locator('#answer-what-error').innerText()).toContain('paling banyak 5000 karakter');
    await expectEverythingKept(page, tooLong);
    // The photo went through before the refusal: it is kept, ticked, and goes with the form again.
    const kept = page.locator('[data-kept-file]');
    expect(await kept.count()).toBe(1);
    expect(await kept.innerText()).toContain('IMG_2031 kantor.jpg');
    expect(await kept.locator('input[type="checkbox"]').isChecked()).toBe(true);
    expect(await page.locator('.note', { hasText: 'lampirkan kembali' }).count()).toBe(0);

    await page.getByLabel('What: Apa masalah yang diadukan').fill(longText(4000));
    const receipt = await sendAndReadReceipt(page);
    expect(receipt).toContain('bukti-1.jpg');
    await context.close();
  });

  it('with the client check bypassed, the server refusal keeps the values and the uploaded file in the page script too', async () => {
    const { context, page } = await open(BONTANG_FORM);
    const what = page.getByLabel('What: Apa masalah yang diadukan');
    await counterOf(page, 'answer-what');
    await what.focus();
    const tooLong = longText(6000);
    await page.keyboard.insertText(tooLong);
    await fillTheRest(page, { javaScript: true });
    // Past the browser's own check, as an old browser or a crafted post would be.
    await page.locator('form.report-form').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.error-summary').waitFor();

    expect(await page.locator('#answer-what-error').innerText()).toContain('paling banyak 5000 karakter');
    await expectEverythingKept(page, tooLong);
    const upload = page.locator('.upload[data-upload-state="done"]');
    await upload.waitFor();
    expect(await upload.innerText()).toContain('IMG_2031 kantor.jpg');
    // The counter picks up the value the server gave back.
    expect(await (await counterOf(page, 'answer-what')).getAttribute('data-counter')).toBe('over');

    await what.fill(longText(3000));
    expect(await sendAndReadReceipt(page)).toContain('bukti-1.jpg');
    await context.close();
  });

  it('says at submit why an upload was refused, not only "attach at least one file"', async () => {
    const { context, page } = await open(BONTANG_FORM);
    await counterOf(page, 'answer-what');
    await page.getByLabel('Judul pengaduan').fill('Pungutan di loket pelayanan');
    await page.getByLabel('What: Apa masalah yang diadukan').fill('Petugas loket meminta uang tambahan.');
    await page.getByLabel('Anonim').check();
    await page.locator('#evidence').setInputFiles({ name: 'catatan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto\n') });
    await page.locator('.upload[data-upload-state="failed"]').waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.error-summary').waitFor();
    const error = await page.locator('#evidence-error').innerText();
    expect(error).toContain('jenis berkas catatan.txt tidak diterima');
    expect(error).toContain('lampirkan paling sedikit satu berkas bukti');
    expect(await page.locator('.error-summary').innerText()).toContain('catatan.txt');
    await context.close();
  });

  for (const javaScript of [true, false]) {
    it(`shows the agency's pseudonym advice only with the pseudonymous choice (${javaScript ? 'with' : 'without'} JavaScript)`, async () => {
      const { context, page } = await open(BONTANG_FORM, { javaScript });
      const pseudonymous = page.locator('.identity-choice .choice').filter({ has: page.locator('#identity-pseudonymous') });
      const anonymous = page.locator('.identity-choice .choice').filter({ has: page.locator('#identity-anonymous') });
      expect(await pseudonymous.innerText()).toContain(PSEUDONYM_ADVICE);
      expect(await anonymous.innerText()).not.toContain(PSEUDONYM_ADVICE);
      // Nowhere else in the choice (it used to close the list, under "Anonim").
      expect(await page.locator('.identity-choice').getByText(PSEUDONYM_ADVICE).count()).toBe(1);
      // Read with the pseudonymous option only.
      const describedBy = async (id: string) => (await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '';
      const noteId = await pseudonymous.locator('[data-pseudonymous-note]').getAttribute('id');
      expect(await describedBy('identity-pseudonymous')).toContain(noteId);
      expect(await describedBy('identity-anonymous')).not.toContain(noteId);
      // The registration page still gives the same advice.
      await page.goto(`${web.url}/t/inspektorat-bontang/akun/daftar`);
      expect(await page.locator('main').innerText()).toContain(PSEUDONYM_ADVICE);
      await context.close();
    });
  }

  it("offers Kalbar's gratification form for download on the case type's form and on the portal", async () => {
    const { context, page } = await open(`${KALBAR}/lapor/gratification`, { javaScript: false });
    const link = page.getByRole('link', { name: 'Unduh Formulir pelaporan gratifikasi (PDF)' });
    expect(await link.getAttribute('href')).toBe(`${KALBAR}/unduh/gratification/formulir-gratifikasi`);
    const response = await page.request.get(`${web.url}${await link.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(response.headers()['content-disposition']).toContain('attachment; filename="formulir-pelaporan-gratifikasi.pdf"');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    const body = await response.body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.equals(readFileSync(GRATIFICATION_PDF))).toBe(true);
    // Another case type offers nothing.
    await page.goto(`${web.url}${KALBAR}/lapor/complaint`);
    expect(await page.locator('[data-download]').count()).toBe(0);
    await context.close();

    // In a browser with its script, the link is a download of that file.
    const withScript = await open(`${KALBAR}/`);
    const card = withScript.page.locator('#jenis-gratification');
    const [download] = await Promise.all([
      withScript.page.waitForEvent('download'),
      card.getByRole('link', { name: 'Unduh Formulir pelaporan gratifikasi (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('formulir-pelaporan-gratifikasi.pdf');
    expect(readFileSync((await download.path())!).equals(readFileSync(GRATIFICATION_PDF))).toBe(true);
    expect(await withScript.page.locator('#jenis-complaint [data-download]').count()).toBe(0);
    await withScript.context.close();
  });

  it('serves only the files a case type lists: "../" and unknown keys are 404, on the API and the web', async () => {
    const good = await fetch(`${api.url}${KALBAR}/documents/gratification/formulir-gratifikasi`);
    expect(good.status).toBe(200);
    expect(good.headers.get('content-type')).toBe('application/pdf');
    expect(good.headers.get('content-disposition')).toMatch(/^attachment; filename="formulir-pelaporan-gratifikasi\.pdf"/);
    await good.arrayBuffer();
    for (const attempt of [
      `${KALBAR}/documents/gratification/..%2Fcase-types.yaml`,
      `${KALBAR}/documents/gratification/..%2F..%2Finspektorat-kalbar%2Ftenant.yaml`,
      `${KALBAR}/documents/..%2F..%2F..%2Fpackage.json/formulir-gratifikasi`,
      `${KALBAR}/documents/gratification/formulir-pelaporan-gratifikasi.pdf`,
      `${KALBAR}/documents/complaint/formulir-gratifikasi`,
      // Another agency's URL with Kalbar's keys: its configuration lists no such file.
      '/t/inspektorat-bontang/documents/gratification/formulir-gratifikasi',
    ]) {
      const answer = await rawGet(api.url, attempt);
      expect(answer.status, attempt).toBe(404);
      expect(answer.body, attempt).not.toContain('registrationPrefix');
    }
    for (const attempt of [
      `${KALBAR}/unduh/gratification/..%2F..%2Fcase-types.yaml`,
      `${KALBAR}/unduh/gratification/../../documents/gratification/formulir-gratifikasi`,
      `${KALBAR}/unduh/gratification/nothing-here`,
    ]) {
      const answer = await rawGet(web.url, attempt);
      expect(answer.status, attempt).toBe(404);
      expect(answer.body, attempt).not.toContain('%PDF-');
    }
  });

  it('passes axe-core with the counter over the limit and a refused form, and reads on a 360-pixel phone', async () => {
    const { context, page } = await open(BONTANG_FORM, { width: 360 });
    const what = page.getByLabel('What: Apa masalah yang diadukan');
    await counterOf(page, 'answer-what');
    await what.focus();
    await page.keyboard.insertText(longText(5200));
    await page.locator('#answer-what-over').waitFor();
    expect(await seriousViolations(page), 'over the limit').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page
      .locator('.field')
      .filter({ has: what })
      .screenshot({ path: path.join(process.env.SCREENSHOT_DIR ?? os.tmpdir(), 'report-form-over-limit-360.png') });
    await context.close();

    const noScript = await open(`${KALBAR}/lapor/gratification`, { width: 360 });
    expect(await seriousViolations(noScript.page), 'downloads').toEqual([]);
    await noScript.context.close();
  });
});
