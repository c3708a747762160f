/**
 * The secretariat's follow-up of an escalation in Chromium (ADR 0028, issue 14 journey 5): a BKAD
 * complaint is escalated; the Kalimantan Barat secretariat opens it in its console, acknowledges
 * it, instructs BKAD with a deadline (without JavaScript), BKAD's inbox shows the instructed
 * deadline and its case page the instruction; the secretariat records the outcome, and the
 * reporter's track page (Indonesian, then English) shows that the escalation was received, the
 * deadline and the outcome with its note, never the instruction's text. axe-core and a 360-pixel
 * phone on the secretariat's case page and the reporter's page.
 *
 * The stage deadline is made overdue in the database with the API stopped (PGlite has one owner).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { openCase, openPage, overflow, printServerOutputOnFailure, signIn, type ConsoleBrowser } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, staffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const BKAD = 'bkad-kalbar';
const SECRETARIAT = '/konsol/sekretariat';
const ZONE = 'Asia/Pontianak';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp/aduan-console-shots';
const INSTRUCTION = 'Selesaikan verifikasi dan kirim jawaban resmi kepada pelapor.';
const NOTE = 'BKAD telah menjawab pengaduan Anda; sekretariat memeriksa jawabannya.';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;
let filed: { registrationNumber: string; trackingCode: string };
let scratch: string;

/** The same identity key across the API's restart: the reporter's sealed identity must still open. */
const apiEnv = () => ({
  ...database.env,
  IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'master.key'),
  EVIDENCE_DIR: path.join(scratch, 'evidence'),
  SLA_SWEEP_ENABLED: 'false',
  LOG_LEVEL: 'warn',
});

/** A local date `days` after today in BKAD's zone, `YYYY-MM-DD`. */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: ZONE });
/** A `YYYY-MM-DD` date as the pages write it. */
const written = (date: string, locale: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

async function submit(page: Page, form: string, button: string) {
  await page.locator(`[data-action="${form}"]`).getByRole('button', { name: button }).click();
  await page.waitForLoadState();
}

async function track(page: Page, number: string, code: string, labels: { number: string; code: string; submit: string }) {
  await page.getByLabel(labels.number).fill(number);
  await page.getByLabel(labels.code).fill(code);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  await page.waitForLoadState();
  await page.locator('section.escalation').waitFor();
}

describe.skipIf(!browserTestsEnabled)("the secretariat's follow-up of a BKAD escalation in Chromium", () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-escalation-ui-'));
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi(apiEnv());
    // BKAD takes no complaint online: its verifier records an office visit, the reporter gets the tracking code.
    const verifier = await staffClient(api.url, BKAD, 'verifikator');
    const caseType = (await caseTypesOf(api.url, BKAD)).find((item) => item.key === 'complaint')!;
    const recorded = await verifier.call(
      'mutation($input: RecordOfflineIntakeInput!) { recordOfflineIntake(input: $input) { trackingCode case { registrationNumber } } }',
      {
        input: {
          caseTypeKey: caseType.key,
          channelKey: 'office-visit',
          receivedAt: new Date().toISOString(),
          answers: validAnswers(caseType, 'tunjangan belum dibayar'),
          identityMode: 'IDENTIFIED',
          reporter: { name: 'Pelapor Eskalasi', idNumber: '6171010101010012' },
        },
      },
    );
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    filed = { registrationNumber: recorded.data!.recordOfflineIntake.case.registrationNumber, trackingCode: recorded.data!.recordOfflineIntake.trackingCode };
    await api.stop();
    const db = database.open();
    try {
      await db.sql.query(`UPDATE "case" SET stage_deadline = now() - interval '1 hour' WHERE registration_number = $1`, [filed.registrationNumber]);
      await db.sql.query(
        `UPDATE case_sla s SET overdue_at = c.stage_deadline, next_reminder_at = NULL FROM "case" c WHERE c.id = s.case_id AND c.registration_number = $1`,
        [filed.registrationNumber],
      );
    } finally {
      await db.close();
    }
    api = await startApi(apiEnv());
    const escalated = await graphql(
      `${api.url}/t/${BKAD}/graphql`,
      'mutation E($input: EscalateReportInput!) { escalateReport(input: $input) { escalatedAt } }',
      {
        variables: { input: { registrationNumber: filed.registrationNumber, trackingCode: filed.trackingCode } },
      },
    );
    expect(escalated.errors).toBeUndefined();
    web = await startBuiltWeb(api.url, sharedWebBuild());
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

  it('acknowledged, instructed (without JavaScript) and concluded by the secretariat; BKAD sees the instruction; the reporter sees what came of it', async () => {
    const number = filed.registrationNumber;
    const deadline = inDays(14);

    // The secretariat, with JavaScript: the escalation waits for it, with the one step allowed now.
    const secretariat = await openPage(target, SECRETARIAT);
    const page = secretariat.page;
    await signIn(page, 'sekretariat@kalimantan-barat.test');
    await openCase(target, page, `${SECRETARIAT}/kotak-masuk`, number);
    const section = page.locator('[data-escalation-follow-up]');
    expect(await section.getAttribute('data-escalation-follow-up')).toBe('ESCALATED');
    expect(await section.locator('h2').innerText()).toBe('Tindak lanjut eskalasi');
    expect(await page.locator('[data-action="instruct-agency"]').count(), 'no instruction before acknowledging').toBe(0);
    expect(await page.locator('[data-read-only]').count()).toBe(0);
    await submit(page, 'acknowledge-escalation', 'Terima eskalasi');
    await page.locator('[data-escalation-follow-up="ACKNOWLEDGED"]').waitFor();
    expect(await page.locator('[data-flash]').innerText()).toContain('Eskalasi diterima');
    expect(await page.locator('[data-fact="follow-up-acknowledged"]').count()).toBe(1);
    expect(await page.locator('[data-action="acknowledge-escalation"]').count(), 'acknowledged once').toBe(0);

    // A deadline beyond 90 days (the browser's own check switched off) is refused on its field, in Indonesian.
    await page.getByLabel('Instruksi untuk instansi').fill(INSTRUCTION);
    await page.locator('[data-action="instruct-agency"] form').evaluate((form: HTMLFormElement) => {
      form.noValidate = true;
    });
    await page.getByLabel('Tenggat').fill(inDays(120));
    await submit(page, 'instruct-agency', 'Kirim instruksi');
    await page.locator('#follow-up-deadline[aria-invalid="true"]').waitFor();
    expect(await page.locator('[data-action="instruct-agency"] .field-error').innerText()).toContain('Tenggat harus 1 sampai 90 hari dari hari ini.');
    expect(await page.getByLabel('Instruksi untuk instansi').inputValue(), 'what was typed comes back').toBe(INSTRUCTION);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/escalation-secretariat-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 800 });
    await page.reload();
    await page.locator('[data-escalation-follow-up="ACKNOWLEDGED"]').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/escalation-secretariat-360.png`, fullPage: true });

    // The instruction, without JavaScript.
    const plain = await openPage(target, SECRETARIAT, { javaScript: false });
    await signIn(plain.page, 'sekretariat@kalimantan-barat.test');
    await openCase(target, plain.page, `${SECRETARIAT}/kotak-masuk`, number);
    await plain.page.getByLabel('Instruksi untuk instansi').fill(INSTRUCTION);
    await plain.page.getByLabel('Tenggat').fill(deadline);
    await submit(plain.page, 'instruct-agency', 'Kirim instruksi');
    await plain.page.locator('[data-escalation-follow-up="INSTRUCTED"]').waitFor();
    expect(await plain.page.locator('[data-follow-up-instruction]').innerText()).toBe(INSTRUCTION);
    const longDate = written(deadline, 'id-ID', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    expect(await plain.page.locator('[data-fact="follow-up-deadline"]').innerText()).toContain(`paling lambat ${longDate}`);
    expect(await plain.page.locator('[data-action="instruct-agency"]').count(), 'a deadline given is kept').toBe(0);
    expect(await plain.page.locator('[data-instruction-running]').count()).toBe(1);
    await plain.context.close();

    // BKAD: the instructed deadline in its inbox, the instruction on its case page, no follow-up form.
    const agency = await openPage(target, `/t/${BKAD}/konsol`);
    await signIn(agency.page, demoEmail('verifikator', BKAD));
    await agency.page.goto(`${web.url}/t/${BKAD}/konsol/kotak-masuk?cari=${encodeURIComponent(number)}`);
    const badge = agency.page.locator(`[data-case-row="${number}"] [data-instruction-deadline]`);
    expect(await badge.getAttribute('data-instruction-deadline')).toBe('running');
    expect(await badge.innerText()).toBe(`Instruksi sekretariat: s.d. ${written(deadline, 'id-ID', { day: 'numeric', month: 'short', year: 'numeric' })}`);
    await openCase(target, agency.page, `/t/${BKAD}/konsol/kotak-masuk`, number);
    expect(await agency.page.locator('[data-escalation-follow-up]').getAttribute('data-escalation-follow-up')).toBe('INSTRUCTED');
    expect(await agency.page.locator('[data-follow-up-instruction]').innerText()).toBe(INSTRUCTION);
    expect(await agency.page.locator('[data-fact="follow-up-deadline"]').innerText()).toContain(longDate);
    expect(await agency.page.locator('[data-escalation-follow-up] form').count(), 'the agency cannot take these steps').toBe(0);
    await agency.page.screenshot({ path: `${SCREENSHOT_DIR}/escalation-agency-1280.png`, fullPage: true });

    // The secretariat records the outcome (back at 1280, with JavaScript).
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.locator('[data-escalation-follow-up="INSTRUCTED"]').waitFor();
    await page.getByLabel('Ditindaklanjuti oleh instansi').check();
    await page.getByLabel('Catatan untuk pelapor').fill(NOTE);
    await submit(page, 'record-escalation-outcome', 'Catat hasil');
    await page.locator('[data-escalation-follow-up="CONCLUDED"]').waitFor();
    expect(await page.locator('[data-fact="follow-up-outcome"]').innerText()).toContain('Ditindaklanjuti oleh instansi');
    expect(await page.locator('[data-follow-up-note]').innerText()).toBe(NOTE);
    expect(await page.locator('[data-escalation-follow-up] form').count(), 'the outcome is final').toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await secretariat.context.close();

    // Once concluded, the agency's inbox no longer carries the instruction's deadline.
    await agency.page.goto(`${web.url}/t/${BKAD}/konsol/kotak-masuk?cari=${encodeURIComponent(number)}`);
    await agency.page.locator(`[data-case-row="${number}"]`).waitFor();
    expect(await agency.page.locator(`[data-case-row="${number}"] [data-instruction-deadline]`).count()).toBe(0);
    await agency.context.close();

    // The reporter, on a phone: received, the deadline and the outcome with its note; never the instruction.
    const reporter = await openPage(target, `/t/${BKAD}/lacak`, { width: 360 });
    await track(reporter.page, number, filed.trackingCode, { number: 'Nomor registrasi', code: 'Kode pelacakan', submit: 'Lacak' });
    const followUp = reporter.page.locator('[data-escalation-follow-up]');
    const indonesian = await followUp.innerText();
    expect(indonesian).toContain('Eskalasi telah diterima oleh');
    expect(indonesian).toContain(`paling lambat ${longDate}`);
    expect(indonesian).toContain('Hasil eskalasi: ditindaklanjuti oleh instansi.');
    expect(indonesian).toContain(NOTE);
    expect(await reporter.page.locator('body').innerText()).not.toContain(INSTRUCTION);
    expect(await overflow(reporter.page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(reporter.page)).toEqual([]);
    await reporter.page.screenshot({ path: `${SCREENSHOT_DIR}/escalation-reporter-360.png`, fullPage: true });

    await reporter.page.goto(`${web.url}/t/${BKAD}/lacak?lang=en`);
    await track(reporter.page, number, filed.trackingCode, { number: 'Registration number', code: 'Tracking code', submit: 'Track' });
    const english = await followUp.innerText();
    expect(english).toContain('The escalation was received by');
    expect(english).toContain(`by ${written(deadline, 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })}`);
    expect(english).toContain('Outcome of the escalation: resolved by the agency.');
    expect(english).toContain(NOTE);
    expect(await reporter.page.locator('body').innerText()).not.toContain(INSTRUCTION);
    await reporter.page.setViewportSize({ width: 1280, height: 900 });
    await reporter.page.screenshot({ path: `${SCREENSHOT_DIR}/escalation-reporter-1280.png`, fullPage: true });
    await reporter.context.close();
  }, 240_000);
});
