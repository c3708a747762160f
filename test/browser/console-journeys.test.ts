/**
 * The console's smaller journeys (issue 14, journey 7) in Chromium on the real API and web:
 * dates in the page's language and the agency's zone on the inbox and the case page (no ISO
 * text, `<time datetime>` kept, the same after hydration and after a live update); where each
 * role lands after signing in and at the console's address, with no link to a page the role
 * may not use; and the console's own page for a case the staff member may not open (excluded
 * for a conflict of interest, another agency's, none at all), with a way back. Screenshots under
 * /tmp (SCREENSHOT_DIR).
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, follow, openCase, openPage, overflow, printServerOutputOnFailure, signIn } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, staffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BONTANG = 'inspektorat-bontang';
const KALBAR = 'inspektorat-kalbar';
const konsol = (slug: string) => `/t/${slug}/konsol`;
const SECRETARIAT = '/konsol/sekretariat';
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

/** Any ISO date (`2026-03-02`, `2026-03-02T…`) in visible text. */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** "3 Des 2026 20.42 WITA": Indonesian short month, a dot between hours and minutes, the zone. */
const SHORT_ID = /\b\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \d{4} \d{2}\.\d{2} WITA\b/;
const SHORT_EN = /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4} \d{2}:\d{2} WITA\b/;
/** "Kamis, 3 Desember 2026 pukul 20.42 WITA" / "Thursday, 3 December 2026 at 20:42 WITA". */
const LONG_ID = /\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) \d{4} pukul \d{2}\.\d{2} WITA\b/;
const LONG_EN = /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2} WITA\b/;

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

async function fileReport(slug: string, marker: string): Promise<string> {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.identity.allowed.includes('ANONYMOUS'))!;
  const photo = await uploadEvidence(api.url, slug, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport.registrationNumber as string;
}

async function caseIdOf(slug: string, number: string): Promise<string> {
  const head = await staffClient(api.url, slug, 'pimpinan');
  const response = await head.call<{ staffCase: { id: string } }>('query($n: String) { staffCase(registrationNumber: $n) { id } }', { n: number });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.staffCase.id;
}

async function staffIdOf(slug: string, local: string): Promise<string> {
  const admin = await staffClient(api.url, slug, 'admin');
  const response = await admin.call<{ staffAccounts: { id: string; email: string }[] }>('{ staffAccounts { id email } }');
  return response.data!.staffAccounts.find((account) => account.email === demoEmail(local, slug))!.id;
}

/** Errors the page's script logs (a hydration mismatch is one) and uncaught ones. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    // A failed request is logged by the browser too; it is named below with its address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function mainText(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

async function navLinks(page: Page): Promise<(string | null)[]> {
  return page.locator('nav.console-nav [data-nav]').evaluateAll((links) => links.map((link) => link.getAttribute('data-nav')));
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.runIf(browserTestsEnabled)('the console journeys in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const buildDirectory = sharedWebBuild();
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn', SLA_SWEEP_ENABLED: 'false' });
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

  it('writes dates in Indonesian on the inbox and the case page, in the agency zone, also after a live update', async () => {
    const number = await fileReport(BONTANG, 'lampu taman');
    const { context, page } = await openPage(target, konsol(BONTANG));
    const errors = watchErrors(page);
    await signIn(page, demoEmail('verifikator', BONTANG));
    await page.locator('[data-live="live"]').waitFor();

    const row = page.locator(`[data-case-row="${number}"]`);
    expect(await row.innerText()).toMatch(SHORT_ID);
    expect(await mainText(page), 'the inbox shows no ISO date').not.toMatch(ISO_DATE);
    const received = await row.locator('time').first().getAttribute('datetime');
    expect(received, 'the instant stays machine-readable').toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);

    // A report filed now appears live, its date written the same way.
    const later = await fileReport(BONTANG, 'jalan berlubang');
    await page.locator(`[data-case-row="${later}"]`).waitFor({ timeout: 15_000 });
    expect(await page.locator(`[data-case-row="${later}"]`).innerText()).toMatch(SHORT_ID);
    expect(await mainText(page), 'no ISO date after a live update').not.toMatch(ISO_DATE);
    await shot(page, 'journeys-inbox-id');

    await openCase(target, page, `${konsol(BONTANG)}/kotak-masuk`, number);
    await page.locator('[data-live="live"]').waitFor();
    const report = page.locator('.report-answers');
    // The form's date field (validAnswers gives 2026-03-02) in words, the day kept.
    expect(await report.innerText()).toContain('2 Maret 2026');
    expect(await report.locator('time[datetime="2026-03-02"]').count()).toBe(1);
    expect(await page.locator('[data-timeline]').innerText()).toMatch(LONG_ID);
    expect(await mainText(page), 'the case page shows no ISO date').not.toMatch(ISO_DATE);

    // A colleague's note arrives live: its time in the same form, still no ISO date.
    const head = await staffClient(api.url, BONTANG, 'pimpinan');
    const noted = await head.call('mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }', {
      input: { caseId: await caseIdOf(BONTANG, number), kind: 'NOTE', body: 'Cek lokasi taman minggu ini' },
    });
    expect(noted.errors).toBeUndefined();
    const notes = page.locator('[data-notes]');
    await notes.waitFor({ timeout: 15_000 });
    expect(await notes.innerText()).toMatch(LONG_ID);
    expect(await mainText(page), 'no ISO date after a live update').not.toMatch(ISO_DATE);
    expect(errors, 'no hydration mismatch, no script error').toEqual([]);
    await shot(page, 'journeys-case-id');
    await context.close();
  }, 120_000);

  it('writes dates in English on the inbox and the case page', async () => {
    const number = await fileReport(BONTANG, 'air mati');
    const { context, page } = await openPage(target, `${konsol(BONTANG)}?lang=en`);
    const errors = watchErrors(page);
    await signIn(page, demoEmail('verifikator', BONTANG));
    await page.goto(`${web.url}${konsol(BONTANG)}/kotak-masuk?lang=en`);
    await page.locator('[data-live="live"]').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator(`[data-case-row="${number}"]`).innerText()).toMatch(SHORT_EN);
    expect(await mainText(page)).not.toMatch(ISO_DATE);

    await openCase(target, page, `${konsol(BONTANG)}/kotak-masuk`, number);
    await page.locator('[data-live="live"]').waitFor();
    expect(await page.locator('.report-answers').innerText()).toContain('2 March 2026');
    expect(await page.locator('[data-timeline]').innerText()).toMatch(LONG_EN);
    expect(await mainText(page)).not.toMatch(ISO_DATE);
    expect(errors, 'no hydration mismatch, no script error').toEqual([]);
    await shot(page, 'journeys-case-en');
    await context.close();
  }, 90_000);

  it('lands each role where its work is, and offers no page the role may not use', async () => {
    const landings: { who: string; console: string; path: string; page: string; nav: string[] }[] = [
      {
        who: demoEmail('verifikator', BONTANG),
        console: konsol(BONTANG),
        path: 'kotak-masuk',
        page: 'console-inbox',
        nav: ['console-inbox', 'console-notifications', 'console-intake'],
      },
      {
        who: demoEmail('telaah', BONTANG),
        console: konsol(BONTANG),
        path: 'kotak-masuk',
        page: 'console-inbox',
        nav: ['console-inbox', 'console-notifications'],
      },
      {
        who: demoEmail('pimpinan', BONTANG),
        console: konsol(BONTANG),
        path: 'kotak-masuk',
        page: 'console-inbox',
        nav: [
          'console-inbox',
          'console-notifications',
          'console-intake',
          'console-staff',
          'console-mail',
          'console-figures',
          'console-reports',
          'console-audit',
        ],
      },
      {
        who: demoEmail('kustodian', BONTANG),
        console: konsol(BONTANG),
        path: 'kustodian',
        page: 'console-custodian',
        nav: ['console-inbox', 'console-custodian'],
      },
      {
        who: demoEmail('admin', BONTANG),
        console: konsol(BONTANG),
        path: 'petugas',
        page: 'console-staff',
        nav: ['console-staff', 'console-mail', 'console-figures', 'console-reports'],
      },
      {
        who: 'sekretariat@kalimantan-barat.test',
        console: SECRETARIAT,
        path: 'kotak-masuk',
        page: 'console-inbox',
        nav: ['console-inbox', 'console-notifications', 'console-decisions', 'console-figures', 'console-reports', 'console-audit'],
      },
    ];
    for (const landing of landings) {
      const { context, page } = await openPage(target, landing.console);
      expect(new URL(page.url()).pathname, `${landing.who}: the console's address asks for sign-in`).toBe(`${landing.console}/masuk`);
      await signIn(page, landing.who);
      expect(new URL(page.url()).pathname, `${landing.who} lands`).toBe(`${landing.console}/${landing.path}`);
      await page.locator(`main[data-page="${landing.page}"]`).waitFor();
      const nav = await navLinks(page);
      // The notifications link depends on the role's notifications; the rest must be exactly these.
      expect(nav.filter((link) => link !== 'console-notifications').sort(), `${landing.who}'s navigation`).toEqual(
        landing.nav.filter((link) => link !== 'console-notifications').sort(),
      );
      // Every link offered opens (none is a 404), and the console's address sends the role to the same landing.
      for (const link of nav) {
        const href = await page.locator(`nav.console-nav [data-nav="${link}"]`).getAttribute('href');
        const response = await page.request.get(new URL(href!, page.url()).toString());
        expect(response.status(), `${landing.who}: ${link}`).toBe(200);
      }
      await page.goto(`${web.url}${landing.console}`);
      expect(new URL(page.url()).pathname, `${landing.who} at the console's address`).toBe(`${landing.console}/${landing.path}`);
      await context.close();
    }

    // The admin who opens the inbox's address is sent to the staff page, not an empty inbox.
    const { context, page } = await openPage(target, konsol(BONTANG));
    await signIn(page, demoEmail('admin', BONTANG));
    await page.goto(`${web.url}${konsol(BONTANG)}/kotak-masuk`);
    expect(new URL(page.url()).pathname).toBe(`${konsol(BONTANG)}/petugas`);
    expect(await page.locator('[data-no-cases]').count()).toBe(0);
    expect(await page.locator('.console-header a.brand').getAttribute('href')).toBe(`${konsol(BONTANG)}/petugas`);
    await shot(page, 'journeys-admin-landing');
    await context.close();
  }, 180_000);

  it("shows an excluded staff member the console's own page for the case, the same as for any case they may not open, with a way back", async () => {
    const number = await fileReport(BONTANG, 'pungutan parkir');
    const caseId = await caseIdOf(BONTANG, number);
    const verifierApi = await staffClient(api.url, BONTANG, 'verifikator');
    const declared = await verifierApi.call('mutation($input: RecordConflictInput!) { recordConflict(input: $input) { id } }', {
      input: { caseId, reason: 'Kerabat pihak terlapor' },
    });
    expect(declared.errors).toBeUndefined();
    const otherAgencyCase = await caseIdOf(KALBAR, await fileReport(KALBAR, 'bukan kasus Bontang'));

    const { context, page } = await openPage(target, konsol(BONTANG));
    await signIn(page, demoEmail('verifikator', BONTANG));
    const opened = await page.goto(`${web.url}${konsol(BONTANG)}/kasus/${caseId}`);
    expect(opened?.status()).toBe(404);
    const main = page.locator('main[data-page="console-case-unavailable"]');
    await main.waitFor();
    expect(await page.locator('h1').innerText()).toBe('Aduan ini tidak dapat Anda buka');
    const excludedText = await main.innerText();
    expect(excludedText).toContain('benturan kepentingan');
    expect(excludedText, 'nothing of the case is shown').not.toContain(number);
    expect(excludedText).not.toContain('pungutan parkir');
    expect(await page.locator('[data-viewer]').getAttribute('data-viewer'), 'still inside the console, signed in').toBe(demoEmail('verifikator', BONTANG));
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await seriousViolations(page), 'the unavailable case page').toEqual([]);
    await shot(page, 'journeys-case-unavailable');
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(page), 'at 360 px').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Another agency's case, a case that does not exist and a malformed address: the same page, word for word.
    for (const id of [otherAgencyCase, '00000000-0000-4000-8000-000000000000', 'bukan-id']) {
      const response = await page.goto(`${web.url}${konsol(BONTANG)}/kasus/${id}`);
      expect(response?.status(), id).toBe(404);
      expect(await page.locator('main[data-page="console-case-unavailable"]').innerText(), id).toBe(excludedText);
    }

    // The way back works.
    await follow(page, '[data-back-to-console]', 'console-inbox');
    expect(new URL(page.url()).pathname).toBe(`${konsol(BONTANG)}/kotak-masuk`);
    expect(await page.locator(`[data-case-row="${number}"]`).count(), 'the excluded case is not in the inbox').toBe(0);

    // In English, the same page in English.
    const english = await page.goto(`${web.url}${konsol(BONTANG)}/kasus/${caseId}?lang=en`);
    expect(english?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toBe('You cannot open this case');
    expect(await page.locator('[data-back-to-console]').innerText()).toBe('Back to the inbox');
    await context.close();

    // The secretariat opening a case restricted to named handlers gets its own console's page.
    const restrictedNumber = await fileReport(KALBAR, 'dibatasi');
    const kalbarHead = await staffClient(api.url, KALBAR, 'pimpinan');
    const restrictedId = await caseIdOf(KALBAR, restrictedNumber);
    const restricted = await kalbarHead.call('mutation($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }', {
      input: { caseId: restrictedId, handlerIds: [await staffIdOf(KALBAR, 'verifikator')] },
    });
    expect(restricted.errors).toBeUndefined();
    const secretariat = await openPage(target, SECRETARIAT);
    await signIn(secretariat.page, 'sekretariat@kalimantan-barat.test');
    const response = await secretariat.page.goto(`${web.url}${SECRETARIAT}/kasus/${restrictedId}`);
    expect(response?.status()).toBe(404);
    expect(await secretariat.page.locator('h1').innerText()).toBe('Aduan ini tidak dapat Anda buka');
    await follow(secretariat.page, '[data-back-to-console]', 'console-inbox');
    expect(new URL(secretariat.page.url()).pathname).toBe(`${SECRETARIAT}/kotak-masuk`);
    await secretariat.context.close();
  }, 120_000);
});
