/**
 * The agency's mail deliveries and the console's notifications of case events, in Chromium: the
 * mail server is away, so the new case's mail to the verifier waits with the server's refusal.
 * The admin sees it (kind, colleague, status, attempts, why) but not which case; the head sees
 * the case too; a verifier has no such page. The verifier's notifications list the new case.
 * Never an address on the page; Indonesian and English; axe-core and a 360-pixel phone. An
 * identified reporter without an account stops the mails about their report from the mail's link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, follow, openPage, overflow, printServerOutputOnFailure, signIn } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startMailCatcher, type MailCatcher } from '../support/mail.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, INBOX, staffClient, TRANSITION_CASE } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BONTANG = 'inspektorat-bontang';
const CONSOLE = `/t/${BONTANG}/konsol`;
const MAIL_PAGE = `${CONSOLE}/email`;
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

let database: TestDatabase;
let smtp: MailCatcher;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let target: ConsoleBrowser;
let number: string;

async function signedIn(login: string, pathname: string, options: { width?: number; javaScript?: boolean } = {}) {
  const opened = await openPage(target, CONSOLE, options);
  await signIn(opened.page, demoEmail(login, BONTANG));
  await opened.page.goto(`${web.url}${pathname}`);
  return opened;
}

/** The new case's mail to the verifier, as the page shows it. */
function newCaseRow(page: Page) {
  return page.locator('[data-mail-deliveries] tr[data-kind="STAFF_NEW_CASE"]').first();
}

describe.runIf(browserTestsEnabled)('mail deliveries and case-event notifications in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-console-mail-'));
    database = await createTestDatabase();
    await setupTenants(database);
    smtp = await startMailCatcher();
    smtp.refuse(true);
    api = await startApi({
      ...database.env,
      LOG_LEVEL: 'warn',
      IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
      EVIDENCE_DIR: path.join(scratch, 'evidence'),
      SLA_SWEEP_ENABLED: 'false',
      MAIL_SMTP_URL: smtp.url,
      MAIL_INTERVAL_SECONDS: '1',
      MAIL_RETRY_SECONDS: '600',
    });
    const caseType = (await caseTypesOf(api.url, BONTANG)).find((item) => item.key === 'whistleblowing')!;
    const photo = await uploadEvidence(api.url, BONTANG, caseType.key, 'foto.png', png());
    const filed = await graphql(`${api.url}/t/${BONTANG}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'mark-up alat tulis'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
      },
    });
    if (filed.errors) throw new Error(JSON.stringify(filed.errors));
    number = filed.data!.submitReport.registrationNumber;
    // Wait, through the API, for the first refused attempt.
    const head = await staffClient(api.url, BONTANG, 'pimpinan');
    for (const deadline = Date.now() + 20_000; ; ) {
      const list = await head.call('{ mailDeliveries(statuses: [PENDING]) { kind registrationNumber lastError } }');
      const tried = (list.data?.mailDeliveries ?? []) as { kind: string; registrationNumber: string | null; lastError: string | null }[];
      if (tried.some((mail) => mail.kind === 'STAFF_NEW_CASE' && mail.registrationNumber === number && mail.lastError)) break;
      if (Date.now() > deadline) throw new Error(`no refused attempt in 20 s: ${JSON.stringify(list)}\n${api.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await smtp?.stop();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the admin the waiting mail and why, without the case or any address', async () => {
    const { context, page } = await signedIn('admin', CONSOLE);
    await follow(page, '[data-nav="console-mail"]', 'console-mail');
    expect(new URL(page.url()).pathname).toBe(MAIL_PAGE);
    expect(await page.locator('h1').innerText()).toBe('Pengiriman email');
    const row = newCaseRow(page);
    const text = await row.innerText();
    expect(text).toContain('ada aduan baru di kotak masuk');
    expect(text).toContain('Petugas:');
    expect(text).toContain('Menunggu');
    expect(text).toContain('Percobaan: 1');
    expect(await row.locator('[data-problem]').innerText()).toMatch(/421/);
    expect(await row.locator('[data-hidden-case]').innerText()).toBe('Tidak ditampilkan');
    expect(await page.locator('main').innerText()).not.toContain(number);
    expect(await page.locator('main').innerText()).not.toContain('@');
    expect(await seriousViolations(page), 'mail page').toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'mail-deliveries.png'), fullPage: true });

    // Only the failed ones: none yet.
    await page.locator('[data-mail-filter] a', { hasText: 'Gagal' }).click();
    await page.locator('[data-no-mail]').waitFor();
    expect(await page.locator('[data-no-mail]').innerText()).toBe('Tidak ada email dengan status ini.');
    await context.close();
  }, 90_000);

  it('shows the head the case of each mail, in English on request, on a phone', async () => {
    const { context, page } = await signedIn('pimpinan', `${MAIL_PAGE}?status=PENDING&lang=en`, { width: 360 });
    expect(await page.locator('h1').innerText()).toBe('Email delivery');
    const row = newCaseRow(page);
    expect(await row.innerText()).toContain('Waiting');
    expect(await row.locator(`[data-case-link="${number}"]`).count()).toBe(1);
    expect(await overflow(page), 'mail page at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'mail page at 360 px').toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'mail-deliveries-360.png'), fullPage: true });
    await context.close();
  }, 90_000);

  it('lets an identified reporter without an account stop the mails about their report, after asking', async () => {
    smtp.refuse(false);
    const KALBAR = 'inspektorat-kalbar';
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: caseType.key,
          answers: validAnswers(caseType, 'got mampet'),
          identityMode: 'IDENTIFIED',
          reporter: { name: 'Rina Wati', email: 'rina@contoh.id' },
          evidenceIds: [photo.evidenceId],
        },
      },
    });
    if (filed.errors) throw new Error(JSON.stringify(filed.errors));
    const verifier = await staffClient(api.url, KALBAR, 'verifikator');
    const found = await verifier.call(INBOX, { filter: { search: filed.data!.submitReport.registrationNumber } });
    const asked = await verifier.call(TRANSITION_CASE, {
      input: { caseId: found.data!.inbox.cases[0].id, transition: 'REQUEST_INFO', reason: 'Di jalan mana?' },
    });
    expect(asked.errors).toBeUndefined();
    const mail = await smtp.waitFor((item) => item.to.includes('rina@contoh.id'), 'to the reporter');
    const link = /https?:\/\/\S+\/email\/berhenti\?\S+/.exec(mail.text)![0];
    const address = new URL(link);

    const { context, page } = await openPage(target, `${address.pathname}${address.search}`, { width: 360 });
    expect(await page.locator('h1').innerText()).toBe('Berhenti menerima email laporan');
    expect(await overflow(page), 'stop page at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'stop page').toEqual([]);
    await page.getByRole('button', { name: 'Hentikan email tentang laporan ini' }).click();
    await page.locator('[data-stopped]').waitFor();
    expect(await page.locator('[data-stopped]').innerText()).toBe('Email tentang laporan ini tidak akan dikirim lagi.');
    // A link with another token stops nothing and says so.
    await page.goto(`${web.url}${address.pathname}?kasus=${address.searchParams.get('kasus')}&token=${'A'.repeat(43)}&lang=en`);
    await page.getByRole('button', { name: 'Stop emails about this report' }).click();
    await page.locator('[data-invalid-link]').waitFor();
    expect(await page.locator('[data-invalid-link]').innerText()).toContain('This link is not valid');
    await context.close();
  }, 90_000);

  it('gives a verifier no mail page, and tells them of the new case in their notifications', async () => {
    const { context, page } = await signedIn('verifikator', `${CONSOLE}/notifikasi`);
    expect(await page.locator('[data-nav="console-mail"]').count()).toBe(0);
    const notice = page.locator(`[data-notifications] tr[data-kind="NEW_CASE"]`);
    expect(await notice.innerText()).toContain('Aduan baru di antrean Anda');
    expect(await notice.innerText()).toContain(number);
    const response = await page.goto(`${web.url}${MAIL_PAGE}`);
    expect(response?.status()).toBe(404);
    await context.close();
  }, 90_000);
});
