/**
 * The staff console in Chromium, as an agency works a case: a verifier signs in, finds a
 * freshly filed report in the inbox and asks the reporter for facts (which the reporter then
 * reads on the track page); the review team notes and answers; the head approves. Also: a
 * wrong password, a role that may only read, the provincial secretariat's read-only view,
 * axe-core, a phone's width, English, and the same work with JavaScript disabled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, openCase, openPage, overflow, printServerOutputOnFailure, signIn, waitForFlash } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const CONSOLE = `/t/${KALBAR}/konsol`;
const SECRETARIAT = '/konsol/sekretariat';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

/** An anonymous complaint at Inspektorat Kalbar with a photo, filed as the portal does. */
async function fileComplaint(marker: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto-jalan.png', png());
  const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport as { registrationNumber: string; trackingCode: string };
}

async function statusOf(page: Page): Promise<string | null> {
  return page.locator('[data-fact="status"] [data-status]').getAttribute('data-status');
}

async function flashOf(page: Page): Promise<string> {
  return page.locator('[data-flash]').innerText();
}

describe.runIf(browserTestsEnabled)('the staff console in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    const buildDirectory = sharedWebBuild();
    database = await createTestDatabase();
    await setupTenants(database);
    // Every request with its time is logged, and printed after a failed test: a stalled page says where it stalled.
    api = await startApi({ ...database.env, LOG_LEVEL: 'info' });
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

  it('takes a report from the inbox to an approved answer: verifier, reporter, review team, head', async () => {
    const filed = await fileComplaint('jalan rusak di km 3');

    // The verifier: the console sends an anonymous visitor to sign in, then back to the inbox.
    const { context, page } = await openPage(target, CONSOLE);
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/masuk`);
    expect(await seriousViolations(page), 'sign-in').toEqual([]);
    await signIn(page, demoEmail('verifikator', KALBAR));
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/kotak-masuk`);
    const cookie = (await context.cookies()).find((item) => item.name === 'aduan_staf')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: CONSOLE });
    const row = page.locator(`[data-case-row="${filed.registrationNumber}"]`);
    expect(await row.getAttribute('data-status')).toBe('SUBMITTED');
    expect(await row.innerText()).toContain('Baru masuk');
    expect(await row.locator('[data-deadline]').getAttribute('data-deadline')).toMatch(/onTime|dueSoon/);
    expect(await row.innerText()).toMatch(/WIB/);
    expect(Number(await page.locator('[data-total]').getAttribute('data-total'))).toBeGreaterThanOrEqual(1);
    expect(await seriousViolations(page), 'inbox').toEqual([]);

    await row.locator('a').click();
    await page.locator(`[data-case="${filed.registrationNumber}"]`).waitFor();
    expect(await seriousViolations(page), 'case').toEqual([]);
    const record = await page.locator('main').innerText();
    expect(record).toContain('jalan rusak di km 3');
    expect(record).toContain('foto-jalan.png');
    expect(record).toContain('Laporan dikirim');
    // A transfer is listed by the API but cannot be made yet: no button for it.
    expect(await page.locator('[data-transition="TRANSFER"]').count()).toBe(0);
    expect(await page.locator('[data-transition]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-transition')))).toEqual(
      expect.arrayContaining(['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT']),
    );

    // Asking without a question is refused next to the field, and nothing changes.
    await page
      .locator('form.transition-form')
      .first()
      .evaluate((form) => {
        for (const each of form.closest('section')!.querySelectorAll('form')) each.noValidate = true;
      });
    await page.locator('[data-transition="REQUEST_INFO"]').click();
    await page.locator('#reason-REQUEST_INFO-error').waitFor();
    expect(await page.locator('#reason-REQUEST_INFO-error').innerText()).toContain('wajib diisi');
    expect(await statusOf(page)).toBe('SUBMITTED');

    const question = 'Di ruas jalan mana tepatnya, dan sejak kapan rusaknya?';
    await page.getByLabel('Pertanyaan untuk pelapor').fill(question);
    await page.locator('[data-transition="REQUEST_INFO"]').click();
    await waitForFlash(page);
    expect(await flashOf(page)).toContain('Menunggu keterangan pelapor');
    expect(await statusOf(page)).toBe('NEEDS_INFO');
    expect(await page.locator('[data-deadline]').first().getAttribute('data-deadline')).toBe('paused');
    expect(await page.locator('[data-timeline]').innerText()).toContain(question);
    await context.close();

    // The reporter reads the question on the track page, and answers there.
    const reporter = await openPage(target, `/t/${KALBAR}/lacak`);
    await reporter.page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await reporter.page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await reporter.page.getByRole('button', { name: 'Lacak' }).click();
    await reporter.page.locator('[data-case]').waitFor();
    expect(await reporter.page.locator('.messages').innerText()).toContain(question);
    await reporter.page.getByLabel('Pesan').first().fill('Jalan Ahmad Yani km 3, sejak Januari.');
    await reporter.page.getByRole('button', { name: 'Kirim pesan' }).click();
    await reporter.page.locator('.success').waitFor();
    await reporter.context.close();

    // The verifier accepts and forwards it to the review team.
    const verifier = await openPage(target, CONSOLE);
    await signIn(verifier.page, demoEmail('verifikator', KALBAR));
    await openCase(target, verifier.page, CONSOLE, filed.registrationNumber);
    // The case page follows the case live and may be re-rendering its data: wait for the reply.
    await verifier.page.locator('[data-messages]', { hasText: 'Jalan Ahmad Yani km 3, sejak Januari.' }).waitFor({ timeout: 10_000 });
    await verifier.page.locator('[data-transition="ACCEPT"]').click();
    await waitForFlash(verifier.page);
    expect(await statusOf(verifier.page)).toBe('ACCEPTED');
    await verifier.context.close();

    // The review team starts the follow-up, records a coordination note and submits an answer.
    const reviewer = await openPage(target, CONSOLE);
    await signIn(reviewer.page, demoEmail('telaah', KALBAR));
    await openCase(target, reviewer.page, CONSOLE, filed.registrationNumber);
    await reviewer.page.locator('[data-transition="START_FOLLOW_UP"]').click();
    await waitForFlash(reviewer.page);
    expect(await statusOf(reviewer.page)).toBe('IN_FOLLOW_UP');
    await reviewer.page.getByLabel('Jenis catatan').selectOption('COORDINATION');
    await reviewer.page.getByLabel('Catatan', { exact: false }).last().fill('Koordinasi dengan Dinas PUPR: jadwal perbaikan Maret.');
    await reviewer.page.getByRole('button', { name: 'Simpan catatan' }).click();
    await waitForFlash(reviewer.page);
    expect(await flashOf(reviewer.page)).toContain('Catatan internal tersimpan');
    expect(await reviewer.page.locator('[data-notes]').innerText()).toContain('Koordinasi dengan Dinas PUPR');
    expect(await reviewer.page.locator('[data-notes]').innerText()).toContain('Koordinasi');
    const answer = 'Terima kasih. Ruas Jalan Ahmad Yani km 3 dijadwalkan diperbaiki Dinas PUPR pada bulan Maret.';
    await reviewer.page.getByLabel('Isi jawaban').fill(answer);
    await reviewer.page.getByRole('button', { name: 'Ajukan untuk persetujuan' }).click();
    await waitForFlash(reviewer.page);
    expect(await flashOf(reviewer.page)).toContain('diajukan kepada pimpinan');
    expect(await reviewer.page.locator('[data-answer-status="SUBMITTED"]').innerText()).toContain(answer);
    // Only the head approves.
    expect(await reviewer.page.locator('[data-transition="APPROVE_ANSWER"]').count()).toBe(0);
    await reviewer.context.close();

    // The head approves; the reporter's answer goes out.
    const head = await openPage(target, CONSOLE);
    await signIn(head.page, demoEmail('pimpinan', KALBAR));
    await openCase(target, head.page, CONSOLE, filed.registrationNumber);
    // Said in full when it fails: the status and answer the head's page was given.
    const seen = async () =>
      `status ${await statusOf(head.page)}; answers: ${await head.page.locator('[data-answer-status]').evaluateAll((items) => items.map((item) => item.getAttribute('data-answer-status')).join(','))}`;
    expect(await head.page.locator('[data-action="return-answer"]').count(), await seen()).toBe(1);
    await head.page.locator('[data-transition="APPROVE_ANSWER"]').click();
    await waitForFlash(head.page);
    expect(await statusOf(head.page)).toBe('ANSWERED');
    expect(await head.page.locator('[data-answer-status="APPROVED"]').count()).toBe(1);
    const timeline = await head.page.locator('[data-timeline]').innerText();
    expect(timeline).toContain('Verifikator (demo)');
    expect(timeline).toContain('Internal');
    expect(timeline).toContain('Terlihat oleh pelapor');
    await head.context.close();
  }, 180_000);

  it('says a wrong password next to the field, and keeps the email', async () => {
    const { context, page } = await openPage(target, `${CONSOLE}/masuk`);
    await signIn(page, demoEmail('admin', KALBAR), 'not-the-password');
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/masuk`);
    expect(await page.locator('#password-error').innerText()).toContain('Email atau kata sandi salah');
    expect(await page.locator('#password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#password');
    expect(await page.getByLabel('Email').inputValue()).toBe(demoEmail('admin', KALBAR));
    expect((await context.cookies()).some((item) => item.name === 'aduan_staf')).toBe(false);
    expect(await seriousViolations(page), 'refused sign-in').toEqual([]);
    await context.close();
  });

  it('shows no action to a role that may only read, and the secretariat reads the case across the province', async () => {
    const filed = await fileComplaint('pungutan di loket');
    const custodian = await openPage(target, CONSOLE);
    await signIn(custodian.page, demoEmail('kustodian', KALBAR));
    await openCase(target, custodian.page, CONSOLE, filed.registrationNumber);
    expect(await custodian.page.locator('[data-transition]').count()).toBe(0);
    for (const action of ['note', 'message', 'priority', 'answer', 'restrict']) {
      expect(await custodian.page.locator(`[data-action="${action}"]`).count(), action).toBe(0);
    }
    await custodian.context.close();

    const { context, page } = await openPage(target, SECRETARIAT, { width: 360 });
    expect(new URL(page.url()).pathname).toBe(`${SECRETARIAT}/masuk`);
    await signIn(page, 'sekretariat@kalimantan-barat.test');
    expect(new URL(page.url()).pathname).toBe(`${SECRETARIAT}/kotak-masuk`);
    expect(await page.locator('h1').innerText()).toContain('Kalimantan Barat');
    const row = page.locator(`[data-case-row="${filed.registrationNumber}"]`);
    expect(await row.innerText()).toContain('Inspektorat Kalbar');
    expect(await overflow(page), 'secretariat inbox at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'secretariat inbox').toEqual([]);

    // Filtered by another agency, the case is not there.
    await page.goto(`${web.url}${SECRETARIAT}?instansi=bkad-kalbar`);
    expect(await page.locator(`[data-case-row="${filed.registrationNumber}"]`).count()).toBe(0);
    await page.goto(`${web.url}${SECRETARIAT}?instansi=${KALBAR}&cari=${filed.registrationNumber}`);
    await page.locator(`[data-case-row="${filed.registrationNumber}"] a`).click();
    await page.locator(`[data-case="${filed.registrationNumber}"]`).waitFor();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${SECRETARIAT}/kasus/`));
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('[data-read-only]').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('pungutan di loket');
    expect(await overflow(page), 'secretariat case at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'secretariat case').toEqual([]);
    await context.close();
  });

  it('fits a phone and speaks English on request', async () => {
    const filed = await fileComplaint('lampu jalan mati');
    const { context, page } = await openPage(target, CONSOLE, { width: 360 });
    await signIn(page, demoEmail('pimpinan', KALBAR));
    expect(await overflow(page), 'inbox at 360 px').toBeLessThanOrEqual(0);
    await openCase(target, page, CONSOLE, filed.registrationNumber);
    expect(await overflow(page), 'case at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'case at 360 px').toEqual([]);
    await page.goto(`${page.url()}?lang=en`);
    expect(await page.locator('main').innerText()).toContain('Change the status');
    expect(await page.locator('[data-fact="status"]').innerText()).toContain('New');
    await page.goto(`${web.url}${CONSOLE}`);
    expect(await page.locator('h1').innerText()).toBe('Case inbox');
    await context.close();
  });

  it('signs in and moves a case with JavaScript disabled', async () => {
    const filed = await fileComplaint('tanpa javascript');
    const { context, page } = await openPage(target, `${CONSOLE}/kasus/00000000-0000-4000-8000-000000000000`, { javaScript: false });
    // The sign-in page remembers where the browser was going.
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/masuk`);
    await signIn(page, demoEmail('verifikator', KALBAR));
    // No such case: the console's own page for a case one may not open (console-journeys.test.ts), without a script too.
    expect(await page.locator('main[data-page="console-case-unavailable"] [data-back-to-console]').count()).toBe(1);
    await openCase(target, page, CONSOLE, filed.registrationNumber);
    await page.locator('[data-transition="TAKE_FOR_VERIFICATION"]').click();
    await page.waitForLoadState();
    expect(await flashOf(page)).toContain('Sedang diverifikasi');
    expect(await statusOf(page)).toBe('IN_VERIFICATION');
    // A reload shows the page again, without the flash and without posting twice.
    await page.reload();
    expect(await page.locator('[data-flash]').count()).toBe(0);
    expect(await statusOf(page)).toBe('IN_VERIFICATION');

    // The inbox's counters panel comes with the page, not from the live script.
    await page.goto(`${web.url}${CONSOLE}`);
    const counter = (name: string) => page.locator(`[data-live-counters] [data-counters-agency="${KALBAR}"] [data-counter="${name}"] dd`).innerText();
    expect(Number(await counter('open'))).toBeGreaterThanOrEqual(1);
    expect(Number(await counter('inVerification'))).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-live-counters] h2').innerText()).toBe('Aduan terbuka');

    // Signing out ends the session: the console asks for a sign-in again.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[role="status"]').innerText()).toContain('sudah keluar');
    await page.goto(`${web.url}${CONSOLE}`);
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/masuk`);
    await context.close();
  });
});
