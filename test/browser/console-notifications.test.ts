/**
 * The console's notifications page in Chromium, on the real API and web: the header's link
 * with the unread count in words, the list newest first with each case linked, marking one
 * read (without JavaScript) and all read, the secretariat's page with the agency column, a
 * role that receives none (no link, the 404 page), English, axe-core, and a phone's width.
 * Screenshots go under /tmp (SCREENSHOT_DIR).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, follow, openPage, overflow, printServerOutputOnFailure, signIn, waitForFlash } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { seedNotifications } from '../support/notifications.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const CONSOLE = `/t/${KALBAR}/konsol`;
const SECRETARIAT = '/konsol/sekretariat';
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let scratch: string;
let target: ConsoleBrowser;
const numbers: string[] = [];

function apiEnv() {
  return {
    ...database.env,
    LOG_LEVEL: 'warn',
    IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
    EVIDENCE_DIR: path.join(scratch, 'evidence'),
    SLA_SWEEP_ENABLED: 'false',
    // Only the notifications seeded below, not the filed cases' own (email-notifications.test.ts).
    NOTIFY_ENABLED: 'false',
  };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function unreadInHeader(page: Page): Promise<string | null> {
  const badge = page.locator('[data-nav="console-notifications"] [data-unread]');
  return (await badge.count()) === 0 ? null : badge.getAttribute('data-unread');
}

describe.runIf(browserTestsEnabled)('console notifications in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-console-notifications-'));
    const buildDirectory = sharedWebBuild();
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi(apiEnv());
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    for (const marker of ['lampu jalan padam', 'trotoar rusak']) {
      const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
      const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
        variables: {
          input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
        },
      });
      if (response.errors) throw new Error(JSON.stringify(response.errors));
      numbers.push(response.data!.submitReport.registrationNumber);
    }
    await api.stop();
    const roles = ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'];
    await seedNotifications(database, [
      { name: 'reminder', agency: KALBAR, roles, registrationNumber: numbers[0]!, kind: 'REMINDER', hoursAgo: 30 },
      { name: 'silence', agency: KALBAR, roles: [], registrationNumber: numbers[0]!, kind: 'SILENCE_NOTICE', hoursAgo: 6 },
      { name: 'overdue', agency: KALBAR, roles, registrationNumber: numbers[1]!, kind: 'OVERDUE', hoursAgo: 2 },
      { name: 'province', agency: KALBAR, province: true, roles: [], registrationNumber: numbers[1]!, kind: 'OVERDUE', hoursAgo: 2 },
    ]);
    api = await startApi(apiEnv());
    web = await startBuiltWeb(api.url, buildDirectory);
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('shows the unread count in the header, lists the newest first and links each case', async () => {
    const { context, page } = await openPage(target, CONSOLE);
    await signIn(page, demoEmail('verifikator', KALBAR));
    const link = page.locator('[data-nav="console-notifications"]');
    expect(await link.innerText()).toMatch(/Notifikasi\s+3 baru/);
    expect(await unreadInHeader(page)).toBe('3');
    await follow(page, '[data-nav="console-notifications"]', 'console-notifications');
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/notifikasi`);
    expect(await link.getAttribute('aria-current')).toBe('page');
    const rows = page.locator('[data-notifications] tbody tr');
    expect(await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual(['OVERDUE', 'SILENCE_NOTICE', 'REMINDER']);
    expect(await rows.first().innerText()).toContain('Lewat tenggat, dieskalasi');
    expect(await rows.first().innerText()).toContain(numbers[1]);
    expect(await rows.first().innerText()).toMatch(/WIB/);
    expect(await page.locator('[data-unread-total]').innerText()).toBe('3 belum dibaca');
    expect(await seriousViolations(page), 'notifications').toEqual([]);
    await shot(page, 'notifications');

    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(page), 'notifications at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'notifications at 360 px').toEqual([]);
    await shot(page, 'notifications-360');
    await page.setViewportSize({ width: 1280, height: 900 });

    await rows.first().locator(`[data-case-link="${numbers[1]}"]`).click();
    await page.locator(`[data-case="${numbers[1]}"]`).waitFor();
    await context.close();
  }, 90_000);

  it('marks one read without JavaScript, then all, for this staff member only', async () => {
    const { context, page } = await openPage(target, `${CONSOLE}/notifikasi`, { javaScript: false });
    await signIn(page, demoEmail('verifikator', KALBAR));
    expect(new URL(page.url()).pathname).toBe(`${CONSOLE}/notifikasi`);
    const reminder = page.locator('[data-notifications] tr[data-kind="REMINDER"]');
    await reminder.getByRole('button', { name: /Tandai dibaca \(Pengingat tenggat/ }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-flash]').innerText()).toContain('ditandai sudah dibaca');
    expect(await page.locator('[data-notifications] tr[data-kind="REMINDER"]').getAttribute('data-read')).toBe('true');
    expect(await unreadInHeader(page)).toBe('2');
    expect(await page.locator('[data-unread-total]').innerText()).toBe('2 belum dibaca');
    await shot(page, 'notifications-one-read');

    // The head of the same agency still has all three unread.
    const head = await openPage(target, CONSOLE);
    await signIn(head.page, demoEmail('pimpinan', KALBAR));
    expect(await unreadInHeader(head.page)).toBe('3');
    await head.context.close();

    await page.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await page.waitForLoadState();
    expect(await page.locator('[data-unread-total]').innerText()).toBe('Semua notifikasi sudah dibaca.');
    expect(await page.locator('[data-notifications] tr[data-read="false"]').count()).toBe(0);
    expect(await unreadInHeader(page)).toBeNull();
    expect(await page.locator('[data-nav="console-notifications"]').innerText()).toBe('Notifikasi');
    await context.close();
  }, 90_000);

  it("gives the secretariat its province's escalations with the agency, in English on request", async () => {
    const { context, page } = await openPage(target, SECRETARIAT, { width: 360 });
    await signIn(page, 'sekretariat@kalimantan-barat.test');
    expect(await unreadInHeader(page)).toBe('1');
    await follow(page, '[data-nav="console-notifications"]', 'console-notifications');
    expect(new URL(page.url()).pathname).toBe(`${SECRETARIAT}/notifikasi`);
    const row = page.locator('[data-notifications] tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Inspektorat Kalbar');
    expect(await row.innerText()).toContain(numbers[1]);
    expect(await overflow(page), 'secretariat notifications at 360 px').toBeLessThanOrEqual(0);
    expect(await seriousViolations(page), 'secretariat notifications').toEqual([]);
    await shot(page, 'notifications-secretariat-360');
    await page.goto(`${web.url}${SECRETARIAT}/notifikasi?lang=en`);
    expect(await page.locator('h1').innerText()).toBe('Notifications');
    expect(await row.innerText()).toContain('Overdue, escalated');
    expect(await page.locator('[data-nav="console-notifications"]').innerText()).toMatch(/Notifications\s+1 new/);
    await row.getByRole('button', { name: /Mark read/ }).click();
    await waitForFlash(page);
    expect(await page.locator('[data-flash]').innerText()).toBe('Notifications marked as read.');
    expect(await unreadInHeader(page)).toBeNull();
    await row.locator('a').click();
    await page.waitForLoadState();
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^${SECRETARIAT}/kasus/`));
    await context.close();
  }, 90_000);

  it('lets a verifier choose which mails they receive, with JavaScript and without', async () => {
    for (const javaScript of [true, false]) {
      const { context, page } = await openPage(target, CONSOLE, { javaScript, width: 360 });
      await signIn(page, demoEmail('verifikator', KALBAR));
      await page.goto(`${web.url}${CONSOLE}/notifikasi#email`);
      const section = page.locator('[data-section="email-choices"]');
      expect(await section.innerText()).toContain(demoEmail('verifikator', KALBAR));
      const boxes = section.locator('[data-email-kind]');
      expect(await boxes.evaluateAll((list) => list.map((box) => box.getAttribute('data-email-kind')))).toEqual([
        'STAFF_NEW_CASE',
        'STAFF_REPORTER_REPLIED',
        'STAFF_DEADLINE_REMINDER',
      ]);
      expect(await boxes.evaluateAll((list) => list.map((box) => (box as HTMLInputElement).checked))).toEqual([true, true, true]);
      await section.getByLabel('ada aduan baru di kotak masuk').uncheck();
      await section.getByRole('button', { name: 'Simpan pilihan email' }).click();
      await waitForFlash(page);
      await page.waitForLoadState('domcontentloaded');
      expect(await page.locator('[data-flash]').innerText()).toBe('Pilihan email Anda disimpan.');
      expect(await section.locator('[data-email-kind="STAFF_NEW_CASE"]').isChecked()).toBe(false);
      expect(await section.locator('[data-email-kind="STAFF_REPORTER_REPLIED"]').isChecked()).toBe(true);
      if (javaScript) {
        expect(await overflow(page), 'email choices at 360 px').toBeLessThanOrEqual(0);
        expect(await seriousViolations(page), 'email choices').toEqual([]);
        await shot(page, 'notifications-email-choices-360');
      }
      // Back to every mail, for the next round and the other tests.
      await section.getByLabel('ada aduan baru di kotak masuk').check();
      await section.getByRole('button', { name: 'Simpan pilihan email' }).click();
      await waitForFlash(page);
      await page.waitForLoadState('domcontentloaded');
      expect(await section.locator('[data-email-kind="STAFF_NEW_CASE"]').isChecked()).toBe(true);
      await context.close();
    }
  }, 120_000);

  it('has no link and no page for a role that receives no notifications', async () => {
    const { context, page } = await openPage(target, CONSOLE);
    await signIn(page, demoEmail('admin', KALBAR));
    expect(await page.locator('[data-nav="console-notifications"]').count()).toBe(0);
    const response = await page.goto(`${web.url}${CONSOLE}/notifikasi`);
    expect(response?.status()).toBe(404);
    await context.close();
  }, 60_000);
});
