/**
 * The console's later pages in Chromium, on the real API and web: recording an offline
 * intake (with and without JavaScript) and its printable receipt naming the officer, with
 * the tracking code once and a reprint without it; a transfer from Inspektorat Kalbar to
 * Inspektorat Kalsel that the receiving head sees; evidence downloads through the console;
 * a response template in the question textarea; the identity custodian's reveal at Bontang;
 * the tenant admin adding a staff member. axe-core on every new page, screenshots under /tmp.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { png } from '@aduan/api/evidence/test-files.ts';
import { DEMO_CUSTODIAN_PASSPHRASE } from '@aduan/ops/src/commands/index.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import {
  type ConsoleBrowser,
  daysAgo,
  openCase,
  follow,
  openPage,
  overflow,
  printServerOutputOnFailure,
  signIn,
  waitForFlash,
} from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const KALSEL = 'inspektorat-kalsel';
const BONTANG = 'inspektorat-bontang';
const konsol = (slug: string) => `/t/${slug}/konsol`;
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

async function shot(page: Page, name: string, options: { print?: boolean } = {}) {
  if (options.print) await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  if (options.print) await page.emulateMedia({ media: 'screen' });
}

/** A report filed over the API as the portal does, optionally with a photo. */
async function fileReport(slug: string, caseTypeKey: string, marker: string, options: { photo?: boolean } = {}) {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === caseTypeKey)!;
  const evidenceIds = options.photo ? [(await uploadEvidence(api.url, slug, caseType.key, 'foto-bukti.png', png())).evidenceId] : [];
  const mode = caseType.identity.allowed.includes('ANONYMOUS') ? 'ANONYMOUS' : 'IDENTIFIED';
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, marker),
        identityMode: mode,
        reporter: mode === 'IDENTIFIED' ? reporterDetails(caseType.identity.identifiedRequires) : null,
        evidenceIds,
      },
    },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport as { registrationNumber: string; trackingCode: string };
}

/** A pseudonymous whistleblower at Bontang with the phone number the agency asks for (as test/identity-reveal.test.ts). */
async function fileBontangWhistleblowing(pseudonym: string, phone: string) {
  const endpoint = `${api.url}/t/${BONTANG}/graphql`;
  const registered = await graphql(endpoint, 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }', {
    variables: { input: { pseudonym, password: 'kata-sandi-rahasia-1' } },
  });
  const caseType = (await caseTypesOf(api.url, BONTANG)).find((item) => item.key === 'whistleblowing')!;
  const photo = await uploadEvidence(api.url, BONTANG, caseType.key, 'bukti.png', png());
  const filed = await graphql(endpoint, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, 'gratifikasi pengadaan'),
        identityMode: 'PSEUDONYMOUS',
        reporter: { phone },
        evidenceIds: [photo.evidenceId],
      },
    },
    headers: { authorization: `Bearer ${registered.data!.registerReporter.token}` },
  });
  if (filed.errors) throw new Error(JSON.stringify(filed.errors));
  return filed.data!.submitReport.registrationNumber as string;
}

/** Fills the agency's own form fields for a case type, as a clerk would from a letter. */
async function fillAnswers(page: Page, caseType: CaseTypeInfo, marker: string) {
  for (const field of caseType.formFields) {
    const control = page.locator(`#answer-${field.key}`);
    if (field.type === 'SELECT') await control.selectOption(field.options[0]!.value);
    else if (field.type === 'DATE') await control.fill(daysAgo(3));
    else if (field.type === 'NUMBER') await control.fill('150000');
    else await control.fill(`Isi ${field.key} (${marker})`.slice(0, field.maxLength ?? 200));
  }
}

describe.runIf(browserTestsEnabled)('more of the staff console in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const buildDirectory = sharedWebBuild();
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn' });
    web = await startBuiltWeb(api.url, buildDirectory);
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('records an offline intake and prints its receipt with the officer and the tracking code once', async () => {
    const complaint = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const { context, page } = await openPage(target, konsol(KALBAR));
    await signIn(page, demoEmail('verifikator', KALBAR));
    await follow(page, '[data-nav="console-intake"]', 'console-intake');
    expect(await seriousViolations(page), 'intake: choose type').toEqual([]);
    await page.getByLabel('Jenis laporan').selectOption('complaint');
    await page.getByRole('button', { name: 'Lanjut ke formulir' }).click();
    await page.locator('[data-intake-form="complaint"]').waitFor();
    expect(await seriousViolations(page), 'intake form').toEqual([]);
    await shot(page, 'intake-form');

    // SP4N-LAPOR! without its tracking number is refused next to that field, and what was typed stays.
    await page.getByLabel('Kanal penerimaan').selectOption('sp4n-lapor');
    await fillAnswers(page, complaint, 'surat warga');
    await page.locator('#identity-anonymous').check();
    await page.locator('form[data-intake-form]').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.locator('[data-action-submit="intake"]').click();
    await page.locator('#externalReference-error').waitFor();
    expect(await page.locator('#externalReference-error').innerText()).toContain('wajib');
    expect(
      await page.locator(`#answer-${complaint.formFields.find((field) => field.type === 'TEXTAREA' || field.type === 'TEXT')!.key}`).inputValue(),
    ).toContain('surat warga');
    expect(await seriousViolations(page), 'intake refused').toEqual([]);
    await shot(page, 'intake-form-refused');

    await page.getByLabel('Nomor rujukan luar').fill('LAPOR-2026-12345');
    await page.locator('form[data-intake-form]').evaluate((form) => ((form as HTMLFormElement).noValidate = true));
    await page.locator('[data-action-submit="intake"]').click();
    await page.locator('[data-receipt]').waitFor();
    const receiptUrl = page.url();
    expect(new URL(receiptUrl).pathname).toMatch(/\/konsol\/kasus\/[0-9a-f-]{36}\/tanda-terima$/);
    const code = (await page.locator('[data-tracking-code]').innerText()).replace(/\s/g, '');
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(receiptUrl).not.toContain(code);
    const receipt = await page.locator('[data-receipt]').innerText();
    expect(receipt).toContain('Petugas penerima: Verifikator (demo)');
    expect(receipt).toContain('LAPOR-2026-12345');
    expect(receipt).toContain('SP4N-LAPOR!');
    expect(receipt).toMatch(/WIB/);
    expect(await page.locator('[data-officer]').innerText()).toMatch(/^Petugas penerima: Verifikator \(demo\)/);
    expect(await page.locator('main').innerText()).toContain('Laporan tercatat');
    expect(await seriousViolations(page), 'receipt').toEqual([]);
    await shot(page, 'intake-receipt');
    await shot(page, 'intake-receipt-print', { print: true });
    const number = await page.locator('[data-registration-number]').innerText();

    // The reporter can follow it with that code.
    const tracked = await graphql(
      `${api.url}/t/${KALBAR}/graphql`,
      'query($n: String!, $c: String) { trackReport(registrationNumber: $n, trackingCode: $c) { status } }',
      {
        variables: { n: number, c: code },
      },
    );
    expect(tracked.data!.trackReport.status).toBe('SUBMITTED');

    // A reload is a reprint: the code is gone for good.
    await page.reload();
    await page.locator('[data-receipt][data-reprint]').waitFor();
    expect(await page.locator('[data-tracking-code]').count()).toBe(0);
    expect(await page.locator('[data-receipt]').innerText()).toContain('Petugas penerima: Verifikator (demo)');
    await shot(page, 'intake-receipt-reprint', { print: true });

    // The case page names the channel, the reference and the officer, and links the reprint.
    await page.getByRole('link', { name: 'Buka halaman aduan' }).click();
    await page.locator(`[data-case="${number}"]`).waitFor();
    expect(await page.locator('[data-fact="recorded-by"]').innerText()).toContain('Verifikator (demo)');
    expect(await page.locator('[data-fact="external-reference"]').innerText()).toContain('LAPOR-2026-12345');
    expect(await page.locator('[data-fact="channel"]').innerText()).toContain('SP4N-LAPOR!');
    await page.locator('[data-reprint]').click();
    await page.locator('[data-receipt][data-reprint]').waitFor();
    expect(await page.locator('[data-tracking-code]').count()).toBe(0);

    // At a phone's width the intake form and the receipt fit.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 360, height: 800 });
    await phone.goto(`${web.url}${konsol(KALBAR)}/catat?jenis=complaint`);
    expect(await overflow(phone), 'intake at 360 px').toBeLessThanOrEqual(0);
    await shot(phone, 'intake-form-360');
    await phone.goto(receiptUrl);
    expect(await overflow(phone), 'receipt at 360 px').toBeLessThanOrEqual(0);
    await context.close();
  }, 120_000);

  it('records an intake with JavaScript disabled', async () => {
    const complaint = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const { context, page } = await openPage(target, `${konsol(KALBAR)}/catat`, { javaScript: false });
    await signIn(page, demoEmail('pimpinan', KALBAR));
    expect(new URL(page.url()).pathname).toBe(`${konsol(KALBAR)}/catat`);
    await page.getByLabel('Jenis laporan').selectOption('complaint');
    await page.getByRole('button', { name: 'Lanjut ke formulir' }).click();
    await page.waitForLoadState();
    await page.getByLabel('Kanal penerimaan').selectOption('office-visit');
    await page.getByLabel('Tanggal diterima').fill(daysAgo(1));
    await page.getByLabel('Jam diterima').fill('09:15');
    await fillAnswers(page, complaint, 'tatap muka');
    await page.locator('#identity-identified').check();
    await page.locator('#identified-name').fill('Budi Santoso');
    await page.locator('#identified-phone').fill('081234567891');
    await page.locator('[data-action-submit="intake"]').click();
    await page.waitForLoadState();
    expect(await page.locator('[data-tracking-code]').count()).toBe(1);
    expect(await page.locator('[data-receipt]').innerText()).toContain('Petugas penerima: Pimpinan (demo)');
    expect(await page.locator('[data-receipt-fact="received"]').innerText()).toContain('09.15 WIB');
    // The identified reporter's details are on the case page for the staff handling it.
    await page.getByRole('link', { name: 'Buka halaman aduan' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-reporter]').innerText()).toContain('Budi Santoso');
    expect(await page.locator('[data-reporter]').innerText()).toContain('081234567891');
    await context.close();
  }, 60_000);

  it('downloads evidence for staff through the console, and refuses it without a session', async () => {
    const filed = await fileReport(KALBAR, 'complaint', 'foto jalan berlubang', { photo: true });
    const { context, page } = await openPage(target, konsol(KALBAR));
    await signIn(page, demoEmail('verifikator', KALBAR));
    await openCase(target, page, konsol(KALBAR), filed.registrationNumber);
    const link = page.locator('[data-evidence] [data-evidence-link]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${konsol(KALBAR)}/bukti/[0-9a-f-]{36}$`));
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('foto-bukti.png');

    const response = await context.request.get(`${web.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename="foto-bukti.png"/);
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    expect(response.headers()['cache-control']).toContain('no-store');
    // The file cleaned at intake (re-encoded, ADR 0014): still the same picture, as a PNG.
    const body = Buffer.from(await response.body());
    expect(body.subarray(0, 8).equals(png().subarray(0, 8))).toBe(true);
    const [seen, sent] = await Promise.all([sharp(body).metadata(), sharp(png()).metadata()]);
    expect({ width: seen.width, height: seen.height }).toEqual({ width: sent.width, height: sent.height });
    await context.close();

    const anonymous = await fetch(`${web.url}${href}`, { redirect: 'manual' });
    expect([302, 303]).toContain(anonymous.status);
    expect(anonymous.headers.get('location')).toContain(`${konsol(KALBAR)}/masuk`);
    expect(anonymous.headers.get('content-type') ?? '').not.toContain('image/png');
    // Another agency's staff session does not reach it either.
    const other = await fetch(`${web.url}${href}`, { redirect: 'manual', headers: { cookie: 'aduan_staf=not-a-session-token-at-all-123' } });
    expect([302, 303]).toContain(other.status);
  }, 60_000);

  it('fills the question from a response template, shows possible duplicates, and transfers an aspiration to Kalsel whose head sees it', async () => {
    const first = await fileReport(KALBAR, 'aspiration', 'taman kota perlu lampu');
    const filed = await fileReport(KALBAR, 'aspiration', 'taman kota perlu lampu');
    const { context, page } = await openPage(target, konsol(KALBAR));
    await signIn(page, demoEmail('verifikator', KALBAR));
    await openCase(target, page, konsol(KALBAR), filed.registrationNumber);

    // Much the same words as the first: listed before the accept button, with the reason in words.
    const duplicates = page.locator('[data-duplicates]');
    expect(await duplicates.locator(`[data-duplicate="${first.registrationNumber}"]`).count()).toBe(1);
    expect(await duplicates.innerText()).toContain('isi laporan mirip');

    // A template fills the question (a GET form: the page comes back with the text in the textarea).
    const picker = page.locator('[data-template-picker="REQUEST_INFO"]');
    await picker.getByRole('combobox').selectOption({ index: 0 });
    await picker.getByRole('button', { name: 'Gunakan' }).click();
    await page.locator('[data-template-applied="REQUEST_INFO"]').waitFor();
    expect(new URL(page.url()).searchParams.get('untuk')).toBe('REQUEST_INFO');
    expect(await page.locator('#reason-REQUEST_INFO').inputValue()).toContain('3W');
    expect(await page.locator('#message-body').inputValue()).toBe('');
    expect(await seriousViolations(page), 'case with template').toEqual([]);

    // The transfer: the competent agency from every province, and a reason. An agency that
    // does not take this kind of report is refused next to the choice, in Bahasa Indonesia,
    // and the reason typed stays.
    const transfer = page.locator('[data-action="transfer"]');
    expect(await transfer.locator(`option[value="${KALBAR}"]`).count()).toBe(0);
    await transfer.getByLabel('Instansi yang berwenang').selectOption('bkad-kalbar');
    await transfer.getByLabel('Alasan pelimpahan').fill('Bukan kewenangan kami.');
    await transfer.locator('[data-action-submit="transfer"]').click();
    await page.locator('#transfer-target-error').waitFor();
    expect(await page.locator('#transfer-target-error').innerText()).toContain('BKAD Kalbar tidak menerima jenis laporan ini (Aspirasi).');
    expect(await page.locator('#transfer-target').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#transfer-reason').inputValue()).toBe('Bukan kewenangan kami.');
    expect(await page.locator('[data-fact="status"] [data-status]').getAttribute('data-status')).toBe('SUBMITTED');
    expect(await seriousViolations(page), 'transfer refused').toEqual([]);
    await shot(page, 'transfer-refused');
    await transfer.getByLabel('Instansi yang berwenang').selectOption(KALSEL);
    await transfer.getByLabel('Alasan pelimpahan').fill('Taman kota di Banjarmasin: kewenangan Inspektorat Kalsel.');
    await transfer.locator('[data-action-submit="transfer"]').click();
    await waitForFlash(page);
    expect(await page.locator('[data-flash]').innerText()).toContain('dilimpahkan');
    expect(await page.locator('[data-fact="status"] [data-status]').getAttribute('data-status')).toBe('TRANSFERRED');
    const newNumber = (await page.locator('[data-fact="transferred-to"] dd').innerText()).trim();
    expect(newNumber).not.toBe(filed.registrationNumber);
    expect(await seriousViolations(page), 'transferred case').toEqual([]);
    await context.close();

    const head = await openPage(target, konsol(KALSEL));
    await signIn(head.page, demoEmail('pimpinan', KALSEL));
    await openCase(target, head.page, konsol(KALSEL), newNumber);
    expect((await head.page.locator('[data-fact="transferred-from"] dd').innerText()).trim()).toBe(filed.registrationNumber);
    expect(await head.page.locator('main').innerText()).toContain('taman kota perlu lampu');
    expect(await head.page.locator('[data-fact="recorded-by"]').count()).toBeLessThanOrEqual(1);
    await head.context.close();
  }, 90_000);

  it('lets the Bontang custodian reveal a sealed phone number once, after a reasoned request', async () => {
    const number = await fileBontangWhistleblowing('Elang-Browser', '081299990001');

    // A verifier asks, with a reason, on the case page.
    const verifier = await openPage(target, konsol(BONTANG));
    await signIn(verifier.page, demoEmail('verifikator', BONTANG));
    await openCase(target, verifier.page, konsol(BONTANG), number);
    expect(await verifier.page.locator('main').innerText()).not.toContain('081299990001');
    await verifier.page.getByLabel('Alasan permintaan').fill('Klarifikasi lanjutan dengan pelapor diperlukan.');
    await verifier.page.locator('[data-action-submit="reveal-request"]').click();
    await waitForFlash(verifier.page);
    expect(await verifier.page.locator('[data-flash]').innerText()).toContain('kustodian');
    await verifier.context.close();

    const { context, page } = await openPage(target, konsol(BONTANG));
    await signIn(page, demoEmail('kustodian', BONTANG));
    await follow(page, '[data-nav="console-custodian"]', 'console-custodian');
    expect(await seriousViolations(page), 'custodian page').toEqual([]);
    await shot(page, 'custodian');
    const card = page.locator(`[data-pending] [data-request="${number}"]`);
    expect(await card.innerText()).toContain('Klarifikasi lanjutan');

    // A wrong passphrase is said next to the field, and the session stays.
    await card.getByLabel('Frasa sandi Anda').fill('bukan-frasa-sandinya');
    await card.locator('[data-action-submit="reveal"]').click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.locator(`[data-request="${number}"] .field-error`).innerText()).toContain('Frasa sandi salah');
    expect(new URL(page.url()).pathname).toBe(`${konsol(BONTANG)}/kustodian`);
    expect(await seriousViolations(page), 'custodian wrong passphrase').toEqual([]);

    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/kustodian')),
      (async () => {
        await page.locator(`[data-pending] [data-request="${number}"]`).getByLabel('Frasa sandi Anda').fill(DEMO_CUSTODIAN_PASSPHRASE);
        await page.locator(`[data-pending] [data-request="${number}"] [data-action-submit="reveal"]`).click();
      })(),
    ]);
    await page.locator('[data-revealed]').waitFor();
    expect(answer.headers()['cache-control']).toContain('no-store');
    expect(await page.locator('[data-revealed-field="phone"]').innerText()).toContain('081299990001');
    expect(await page.locator('[data-revealed]').innerText()).toContain(number);
    expect(await seriousViolations(page), 'revealed').toEqual([]);
    await shot(page, 'custodian-revealed');
    expect(page.url()).not.toContain('081299990001');
    expect((await context.cookies()).some((cookie) => cookie.value.includes('081299990001'))).toBe(false);

    // Once: the page again shows the request as answered, and no number.
    await page.goto(`${web.url}${konsol(BONTANG)}/kustodian`);
    expect(await page.locator('main').innerText()).not.toContain('081299990001');
    expect(await page.locator(`[data-answered] [data-request="${number}"]`).getAttribute('data-request-status')).toBe('REVEALED');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(page), 'custodian at 360 px').toBeLessThanOrEqual(0);
    await context.close();
  }, 90_000);

  it('lets the tenant admin add a staff member, and deactivate them', async () => {
    const { context, page } = await openPage(target, konsol(KALBAR));
    await signIn(page, demoEmail('admin', KALBAR));
    await follow(page, '[data-nav="console-staff"]', 'console-staff');
    expect(await page.locator('[data-nav="console-intake"]').count()).toBe(0);
    expect(await seriousViolations(page), 'staff page').toEqual([]);
    await shot(page, 'staff-admin');

    // Without a role, refused next to the roles.
    const form = page.locator('[data-action="create-staff"]');
    await form.evaluate((element) => ((element as HTMLFormElement).noValidate = true));
    await form.getByLabel('Nama').fill('Rina Verifikator');
    await form.getByLabel('Email dinas').fill('rina@inspektorat-kalbar.test');
    await form.getByLabel('Kata sandi awal').fill('kata-sandi-rina-123');
    await form.locator('[data-action-submit="create-staff"]').click();
    await page.locator('#staff-roles-error').waitFor();
    expect(await page.locator('#staff-roles-error').innerText()).toContain('peran');
    expect(await page.locator('[data-action="create-staff"]').getByLabel('Nama').inputValue()).toBe('Rina Verifikator');

    const again = page.locator('[data-action="create-staff"]');
    await again.getByLabel('Jabatan').fill('Auditor Pertama');
    await again.getByLabel('Verifikator').check();
    await again.getByLabel('Kata sandi awal').fill('kata-sandi-rina-123');
    await again.locator('[data-action-submit="create-staff"]').click();
    await waitForFlash(page);
    expect(await page.locator('[data-flash]').innerText()).toContain('Akun petugas dibuat');
    const card = page.locator('[data-account="rina@inspektorat-kalbar.test"]');
    expect(await card.locator('[data-roles]').innerText()).toBe('Verifikator');
    expect(await card.getAttribute('data-active')).toBe('true');
    await shot(page, 'staff-admin-created');

    // The new account signs in.
    const rina = await openPage(target, konsol(KALBAR));
    await signIn(rina.page, 'rina@inspektorat-kalbar.test', 'kata-sandi-rina-123');
    expect(new URL(rina.page.url()).pathname).toBe(`${konsol(KALBAR)}/kotak-masuk`);
    await rina.context.close();

    await card.locator('summary').click();
    await card.locator('[data-action-submit="deactivate"]').click();
    await waitForFlash(page);
    expect(await page.locator('[data-account="rina@inspektorat-kalbar.test"]').getAttribute('data-active')).toBe('false');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(page), 'staff page at 360 px').toBeLessThanOrEqual(0);
    await context.close();
  }, 90_000);
});
