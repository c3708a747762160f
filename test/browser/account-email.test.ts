/**
 * The pseudonymous reporter's email news in Chromium: "Laporan saya" says whether it is on, what
 * a mail says and never says, that the address is kept encrypted, and to use a personal
 * address; the address is set, refused with the API's own words, changed and removed, in
 * Bahasa Indonesia and English, with and without JavaScript; axe-core and a 360-pixel phone.
 * The receipt says an anonymous report gets no email, and leads a pseudonymous one to `#email`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { jpeg } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { openPage, overflow, printServerOutputOnFailure } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BONTANG = '/t/inspektorat-bontang';
const ACCOUNT = `${BONTANG}/akun/laporan`;
const PASSWORD = 'kata-sandi-rahasia-2';
/** Registered once (registrations are rate-limited per address); each test signs in anew. */
const PSEUDONYM = 'Pipit-Fajar';
const SCREENSHOT = '/tmp/account-email-360.png';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let photo: string;

describe.runIf(browserTestsEnabled)('email news of a pseudonymous account in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-account-email-'));
    photo = path.join(scratch, 'foto.jpg');
    writeFileSync(photo, jpeg());
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn' });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    const { context, page } = await open(`${BONTANG}/akun/daftar`);
    await page.getByLabel('Nama samaran').fill(PSEUDONYM);
    await page.locator('#password').fill(PASSWORD);
    await page.getByLabel('Ulangi kata sandi').fill(PASSWORD);
    await page.getByRole('button', { name: 'Daftar', exact: true }).click();
    await page.waitForURL(`**${ACCOUNT}`);
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const open = (pathname: string, options: { javaScript?: boolean; width?: number } = {}) => openPage({ browser, webUrl: web.url }, pathname, options);

  /** Signs in from the account page, which sends a stranger to the sign-in page and back. */
  async function openAccount(options: { javaScript?: boolean; width?: number } = {}) {
    const opened = await open(ACCOUNT, options);
    await opened.page.waitForURL(`**${BONTANG}/akun/masuk?kembali=*`);
    await opened.page.getByLabel('Nama samaran').fill(PSEUDONYM);
    await opened.page.getByLabel('Kata sandi').fill(PASSWORD);
    await opened.page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await opened.page.waitForURL(`**${ACCOUNT}`);
    return opened;
  }

  /** The section as a person reads it, with what each part of it says. */
  async function readSection(page: Page) {
    const section = page.locator('section#email');
    const flash = section.locator('[data-flash]');
    const fieldError = section.locator('.field-error');
    return {
      status: await section.locator('[data-email-status]').getAttribute('data-email-status'),
      statusText: await section.locator('[data-email-status]').innerText(),
      text: await section.innerText(),
      value: await section.locator('input[name="notificationEmail"]').inputValue(),
      flash: (await flash.count()) > 0 ? await flash.innerText() : null,
      fieldError: (await fieldError.count()) > 0 ? await fieldError.innerText() : null,
      removable: (await section.getByRole('button', { name: /^(Hapus alamat email|Remove email address)$/ }).count()) > 0,
      url: page.url(),
    };
  }

  async function submitAddress(page: Page, address: string, button = 'Simpan alamat email') {
    await page.locator('section#email input[name="notificationEmail"]').fill(address);
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState();
  }

  /** Sets, refuses, changes and removes an address; the same steps with and without JavaScript. */
  async function walkThrough(page: Page) {
    const first = await readSection(page);
    expect(first, 'email news off at first').toMatchObject({ status: 'off', value: '', flash: null, fieldError: null, removable: false });
    expect(first.statusText).toContain('Tidak aktif');

    await submitAddress(page, 'pipit.fajar@');
    const refused = await readSection(page);
    expect(refused, 'a malformed address: the API words, the typed value kept').toMatchObject({
      status: 'off',
      value: 'pipit.fajar@',
      flash: null,
      fieldError: expect.stringContaining('bukan alamat email yang valid'),
    });
    expect(refused.url).toMatch(/#email$/);
    expect(await page.locator('#notificationEmail').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').innerText()).toContain('Alamat email: bukan alamat email yang valid');

    await submitAddress(page, '  pipit.fajar@contoh.id ');
    const saved = await readSection(page);
    expect(saved, 'saved, redirected back with a notice').toMatchObject({
      status: 'on',
      value: 'pipit.fajar@contoh.id',
      flash: expect.stringContaining('Alamat email disimpan'),
      fieldError: null,
      removable: true,
    });
    expect(saved.statusText).toContain('pipit.fajar@contoh.id');
    expect(saved.url).toMatch(/\/akun\/laporan\?email=disimpan#email$/);

    await submitAddress(page, 'pipit.baru@contoh.id');
    expect(await readSection(page), 'changed').toMatchObject({ status: 'on', value: 'pipit.baru@contoh.id' });

    await page.getByRole('button', { name: 'Hapus alamat email' }).click();
    await page.waitForLoadState();
    const removed = await readSection(page);
    expect(removed, 'removed: off again').toMatchObject({
      status: 'off',
      value: '',
      flash: expect.stringContaining('Alamat email dihapus'),
      removable: false,
    });
    expect(removed.url).toMatch(/\?email=dihapus#email$/);
  }

  it('shows email news off, refuses a malformed address in the API words, saves, changes and removes one', async () => {
    const { context, page } = await openAccount();
    const { text } = await readSection(page);
    // What the section promises, in so many words.
    expect(text).toContain('Kabar laporan lewat email');
    expect(text).toContain('ada kabar tentang laporan Anda, misalnya ada pertanyaan yang menunggu jawaban Anda');
    expect(text).toContain('tidak pernah memuat isi laporan');
    expect(text).toContain('disimpan terenkripsi');
    expect(text).toContain('petugas instansi tidak pernah melihatnya');
    expect(text).toContain('Gunakan alamat email pribadi, bukan email kantor');
    await walkThrough(page);
    await context.close();
  });

  it('works the same with JavaScript off (the page ships no script)', async () => {
    const { context, page } = await openAccount({ javaScript: false });
    expect(await page.locator('script').count()).toBe(0);
    await walkThrough(page);
    await context.close();
  });

  it('speaks English after the switch, the API message included', async () => {
    const { context, page } = await openAccount();
    await page.goto(`${web.url}${ACCOUNT}?lang=en`);
    const first = await readSection(page);
    expect(first.status).toBe('off');
    expect(first.statusText).toContain('Off:');
    expect(first.text).toContain('Report news by email');
    expect(first.text).toContain('there is news of your report, such as a question waiting for your answer');
    expect(first.text).toContain('never what the report or a message says');
    expect(first.text).toContain('kept encrypted');
    expect(first.text).toContain("the agency's staff never see it");
    expect(first.text).toContain('Use a personal email address, not an office one');
    expect(first.text).toContain('The emails are written in English');

    await submitAddress(page, 'not an address', 'Save email address');
    expect(await readSection(page)).toMatchObject({ value: 'not an address', fieldError: expect.stringContaining('is not a valid email address') });
    await submitAddress(page, 'pipit.fajar@contoh.id', 'Save email address');
    const saved = await readSection(page);
    expect(saved).toMatchObject({ status: 'on', flash: expect.stringContaining('Email address saved') });
    expect(saved.statusText).toContain('On:');
    await page.getByRole('button', { name: 'Remove email address' }).click();
    await page.waitForLoadState();
    expect(await readSection(page)).toMatchObject({ status: 'off', flash: expect.stringContaining('Email address removed') });
    await context.close();
  });

  it('passes axe-core and reads on a 360-pixel phone, empty, refused and saved', async () => {
    const { context, page } = await openAccount({ width: 360 });
    expect(await seriousViolations(page), 'off').toEqual([]);
    expect(await overflow(page), 'off').toBeLessThanOrEqual(0);
    await submitAddress(page, 'seorang.pelapor.dengan.alamat.yang.sangat.panjang@');
    expect(await seriousViolations(page), 'refused').toEqual([]);
    expect(await overflow(page), 'refused').toBeLessThanOrEqual(0);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await submitAddress(page, 'seorang.pelapor.dengan.alamat.yang.sangat.panjang@surel-pribadi.contoh.id');
    expect(await seriousViolations(page), 'saved').toEqual([]);
    expect(await overflow(page), 'saved').toBeLessThanOrEqual(0);
    await page.goto(`${web.url}${ACCOUNT}?lang=en`);
    expect(await seriousViolations(page), 'English').toEqual([]);
    expect(await overflow(page), 'English').toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Remove email address' }).click();
    await page.waitForLoadState();
    await context.close();
  });

  it('tells an anonymous reporter on the receipt that no email comes, and leads a pseudonymous one to #email', async () => {
    const { context, page } = await open(`${BONTANG}/lapor/whistleblowing`);
    await page.getByLabel('Judul pengaduan').fill('Pungutan di loket');
    await page.getByLabel('What: Apa masalah yang diadukan').fill('Petugas loket meminta uang tambahan.');
    await page.getByLabel('Anonim').check();
    await page.locator('#evidence').setInputFiles(photo);
    await page.locator('.upload[data-upload-state="done"]').waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('[data-receipt]').waitFor();
    const anonymous = await page.locator('[data-email-hint]').allInnerTexts();
    expect(anonymous).toEqual([expect.stringContaining('Laporan anonim tidak mendapat kabar lewat email')]);
    expect(anonymous[0]).toContain('nomor registrasi dan kode pelacakan');
    await context.close();

    const signedIn = await openAccount();
    await signedIn.page.goto(`${web.url}${BONTANG}/lapor/whistleblowing`);
    await signedIn.page.getByLabel('Judul pengaduan').fill('Gratifikasi pengadaan');
    await signedIn.page.getByLabel('What: Apa masalah yang diadukan').fill('Hadiah dari rekanan kepada panitia.');
    await signedIn.page.getByLabel('Nama samaran').check();
    await signedIn.page.getByLabel('Nomor telepon / HP').fill('081234567890');
    await signedIn.page.locator('#evidence').setInputFiles(photo);
    await signedIn.page.locator('.upload[data-upload-state="done"]').waitFor();
    await signedIn.page.getByRole('button', { name: 'Kirim laporan' }).click();
    await signedIn.page.locator('[data-receipt]').waitFor();
    const hint = signedIn.page.locator('[data-email-hint]');
    expect(await hint.innerText()).toContain('dapat dikirim ke email Anda');
    await hint.getByRole('link', { name: 'atur alamat email di akun Anda' }).click();
    await signedIn.page.waitForURL(`**${ACCOUNT}#email`);
    expect(await readSection(signedIn.page)).toMatchObject({ status: 'off' });
    await signedIn.context.close();
  });
});
