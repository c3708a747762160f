/**
 * The reporter rates the answer in Chromium (ADR 0029): on the Indonesian track page, without
 * JavaScript and on a 360-pixel phone, the reporter chooses "Tidak puas" with a comment, then
 * changes it to "Puas"; the head reads the rating and its history on the console's case page in
 * Indonesian and English; once the case is closed the page shows the rating and no form.
 * axe-core on both pages; the tracking code is in no address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { png } from '@aduan/api/evidence/test-files.ts';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { openCase, openPage, overflow, printServerOutputOnFailure, signIn, type ConsoleBrowser } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, INBOX, staffClient, TRANSITION_CASE, type StaffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const CONSOLE = `/t/${KALBAR}/konsol`;
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp/aduan-console-shots';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;
const staff: Record<string, StaffClient> = {};

async function fileAndAnswer(marker: string) {
  const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
  const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
  const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
    variables: { input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, marker), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] } },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
  const id = (await staff.verifier!.call(INBOX, { filter: { search: filed.registrationNumber } })).data!.inbox.cases[0].id as string;
  const steps: [StaffClient, string][] = [
    [staff.verifier!, 'TAKE_FOR_VERIFICATION'],
    [staff.verifier!, 'ACCEPT'],
    [staff.reviewer!, 'START_FOLLOW_UP'],
  ];
  for (const [client, transition] of steps) await client.call(TRANSITION_CASE, { input: { caseId: id, transition } });
  await staff.reviewer!.call('mutation D($input: DraftCaseAnswerInput!) { draftCaseAnswer(input: $input) { id } }', {
    input: { caseId: id, body: 'Lampu jalan sudah diganti oleh Dinas Perhubungan.', submit: true },
  });
  const approved = await staff.head!.call(TRANSITION_CASE, { input: { caseId: id, transition: 'APPROVE_ANSWER' } });
  expect(approved.data!.transitionCase.status).toBe('ANSWERED');
  return { ...filed, id };
}

/** The rating section of the track page as the reporter reads it. */
async function readRating(page: Page) {
  const section = page.locator('[data-rating]');
  const current = section.locator('[data-current-rating]');
  return {
    text: await section.innerText(),
    current: (await current.count()) > 0 ? await current.getAttribute('data-current-rating') : null,
    saved: (await section.locator('[role="status"]').count()) > 0 ? await section.locator('[role="status"]').innerText() : null,
    form: (await section.locator('form').count()) > 0,
    url: page.url(),
  };
}

async function rate(page: Page, choice: 'Puas' | 'Tidak puas', comment: string, button: string) {
  await page.getByLabel(choice, { exact: true }).check();
  await page.getByLabel('Komentar (tidak wajib)').fill(comment);
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState();
  await page.locator('[data-rating]').waitFor();
}

describe.skipIf(!browserTestsEnabled)('the reporter rates the answer in Chromium', () => {
  printServerOutputOnFailure(() => [api, web]);

  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, LOG_LEVEL: 'warn' });
    web = await startBuiltWeb(api.url, sharedWebBuild());
    browser = await launchChromium();
    target = { browser, webUrl: web.url };
    staff.verifier = await staffClient(api.url, KALBAR, 'verifikator');
    staff.reviewer = await staffClient(api.url, KALBAR, 'telaah');
    staff.head = await staffClient(api.url, KALBAR, 'pimpinan');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('rates and changes the rating without JavaScript on a phone, in Indonesian; the head reads it in both languages', async () => {
    const filed = await fileAndAnswer('lampu jalan padam');
    const reporter = await openPage(target, `/t/${KALBAR}/lacak`, { javaScript: false, width: 360 });
    const { page } = reporter;
    await page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.locator('[data-rating]').waitFor();
    const before = await readRating(page);
    expect(before, 'offered once answered, nothing rated yet').toMatchObject({ current: null, saved: null, form: true });
    expect(before.text).toContain('Apakah Anda puas dengan jawaban atas laporan ini?');

    await rate(page, 'Tidak puas', 'Lampu di gang sebelah belum diganti.', 'Kirim penilaian');
    const rated = await readRating(page);
    expect(rated, 'saved').toMatchObject({ current: 'not-satisfied', saved: 'Terima kasih, penilaian Anda tersimpan.', form: true });
    expect(rated.text).toContain('Penilaian Anda: Tidak puas');
    expect(rated.text).toContain('Komentar Anda: Lampu di gang sebelah belum diganti.');
    expect(await page.getByLabel('Tidak puas', { exact: true }).isChecked(), 'the current choice is checked').toBe(true);
    expect(await overflow(page), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/satisfaction-reporter-360.png`, fullPage: true });

    await rate(page, 'Puas', 'Sudah diganti semua, terima kasih.', 'Ubah penilaian');
    const changed = await readRating(page);
    expect(changed, 'changed').toMatchObject({ current: 'satisfied', saved: 'Terima kasih, penilaian Anda tersimpan.' });
    expect(changed.text).toContain('Penilaian Anda: Puas');
    expect(changed.url).not.toContain(filed.trackingCode);
    expect(await page.locator('.timeline').innerText()).toContain('Pelapor menilai jawaban');

    // The same page with its script (axe-core runs only there): the current rating, checked.
    const scripted = await openPage(target, `/t/${KALBAR}/lacak`, { width: 360 });
    await scripted.page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await scripted.page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await scripted.page.getByRole('button', { name: 'Lacak' }).click();
    await scripted.page.locator('[data-rating]').waitFor();
    expect(await readRating(scripted.page)).toMatchObject({ current: 'satisfied', form: true });
    expect(await scripted.page.getByLabel('Puas', { exact: true }).isChecked()).toBe(true);
    expect(await seriousViolations(scripted.page)).toEqual([]);
    await scripted.context.close();

    const head = await openPage(target, CONSOLE);
    await signIn(head.page, demoEmail('pimpinan', KALBAR));
    await openCase(target, head.page, CONSOLE, filed.registrationNumber);
    const section = head.page.locator('[data-case-rating]');
    expect(await section.getAttribute('data-case-rating')).toBe('satisfied');
    expect(await section.innerText()).toContain('Pelapor puas dengan jawaban.');
    expect(await section.locator('[data-rating-comment]').innerText()).toBe('Sudah diganti semua, terima kasih.');
    const events = head.page.locator('[data-event="RATED"]');
    expect(await events.count(), 'each rating is in the timeline').toBe(2);
    expect(await events.nth(0).innerText()).toContain('Tidak puas');
    expect(await events.nth(1).innerText()).toContain('Puas');
    expect(await seriousViolations(head.page)).toEqual([]);
    await head.page.screenshot({ path: `${SCREENSHOT_DIR}/satisfaction-console-1280.png`, fullPage: true });

    await head.page.goto(`${head.page.url()}?lang=en`);
    await head.page.locator('[data-case-rating]').waitFor();
    const english = await head.page.locator('[data-case-rating]').innerText();
    expect(english).toContain("Reporter's rating");
    expect(english).toContain('The reporter is satisfied with the answer.');
    expect(english).toContain('Only the reporter can give or change the rating.');
    expect(await head.page.locator('[data-event="RATED"]').first().innerText()).toContain('The reporter rated the answer');
    await head.context.close();

    // Closed: the rating stays, the form is gone.
    await staff.head!.call(TRANSITION_CASE, { input: { caseId: filed.id, transition: 'CLOSE' } });
    const again = await openPage(target, `/t/${KALBAR}/lacak`, { javaScript: false, width: 360 });
    await again.page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await again.page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await again.page.getByRole('button', { name: 'Lacak' }).click();
    await again.page.locator('[data-rating]').waitFor();
    const closed = await readRating(again.page);
    expect(closed).toMatchObject({ current: 'satisfied', form: false });
    expect(closed.text).toContain('Laporan ini sudah ditutup; penilaian tidak dapat diubah lagi.');
    await again.context.close();
    await reporter.context.close();
  }, 60_000);

  it('offers no rating before the answer', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
    const response = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'belum dijawab'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
      },
    });
    const filed = response.data!.submitReport as { registrationNumber: string; trackingCode: string };
    const { context, page } = await openPage(target, `/t/${KALBAR}/lacak`);
    await page.getByLabel('Nomor registrasi').fill(filed.registrationNumber);
    await page.getByLabel('Kode pelacakan').fill(filed.trackingCode);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.locator('[data-case]').waitFor();
    expect(await page.locator('[data-rating]').count()).toBe(0);
    await context.close();
  });
});
