/**
 * Separation of duties in the console, in Chromium on the real API and web: the tenant admin
 * proposes an identity custodian and the head confirms it on the staff page (the head proposes
 * one too); the head reads the audit log; a verifier's mark on a colleague waits and the head
 * confirms it on the case page; the provincial secretariat confirms a head appointment and a
 * conflict marked on a head on its decisions page, and reads its province's audit log; the last
 * person able to act is told plainly that they cannot leave the case. Screenshots under /tmp.
 */
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserTestsEnabled, launchChromium, seriousViolations } from '../support/browser.ts';
import { type ConsoleBrowser, openCase, follow, openPage, overflow, printServerOutputOnFailure, signIn, waitForFlash } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { caseTypesOf, reporterDetails, SUBMIT_REPORT, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail, staffClient } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';
const BKAD = 'bkad-kalbar';
const SECRETARIAT = 'sekretariat@kalimantan-barat.test';
const konsol = (slug: string) => `/t/${slug}/konsol`;
const SHOTS = process.env.SCREENSHOT_DIR ?? path.join(os.tmpdir(), 'aduan-console-shots');

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;
let target: ConsoleBrowser;

/** A full-page screenshot at the page's width, and again at 360 px with no horizontal overflow. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  const wide = await overflow(page);
  await page.screenshot({ path: path.join(SHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(size);
  return wide;
}

async function fileReport(slug: string, marker: string) {
  const caseType = (await caseTypesOf(api.url, slug)).find((item) => item.key === 'aspiration')!;
  const mode = caseType.identity.allowed.includes('ANONYMOUS') ? 'ANONYMOUS' : 'IDENTIFIED';
  const response = await graphql(`${api.url}/t/${slug}/graphql`, SUBMIT_REPORT, {
    variables: {
      input: {
        caseTypeKey: caseType.key,
        answers: validAnswers(caseType, marker),
        identityMode: mode,
        reporter: mode === 'IDENTIFIED' ? reporterDetails(caseType.identity.identifiedRequires) : null,
        evidenceIds: [],
      },
    },
  });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.submitReport as { registrationNumber: string };
}

async function staffIdOf(slug: string, local: string): Promise<string> {
  const admin = await staffClient(api.url, slug, 'admin');
  const response = await admin.call<{ staffAccounts: { id: string; email: string }[] }>('{ staffAccounts { id email } }');
  return response.data!.staffAccounts.find((account) => account.email === demoEmail(local, slug))!.id;
}

async function caseIdOf(slug: string, number: string): Promise<string> {
  const head = await staffClient(api.url, slug, 'pimpinan');
  const response = await head.call<{ staffCase: { id: string } }>('query($n: String) { staffCase(registrationNumber: $n) { id } }', { n: number });
  return response.data!.staffCase.id;
}

describe.runIf(browserTestsEnabled)('separation of duties in the staff console', () => {
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

  it('lets the admin propose a custodian, the head confirm it, and the head read it in the audit log', async () => {
    const admin = await openPage(target, konsol(KALBAR));
    await signIn(admin.page, demoEmail('admin', KALBAR));
    await follow(admin.page, '[data-nav="console-staff"]', 'console-staff');
    expect(await admin.page.locator('[data-nav="console-audit"]').count(), 'the admin reads no audit log').toBe(0);

    // The admin's own account offers no role change, and says why.
    const own = admin.page.locator(`[data-account="${demoEmail('admin', KALBAR)}"]`);
    expect(await own.locator('[data-self-note]').innerText()).toContain('tidak dapat mengubah peran');
    expect(await own.locator('summary').count()).toBe(0);
    expect(await own.locator('form').count()).toBe(0);

    // Ticking the custodian role makes a proposal, said plainly; the role is not held yet.
    const reviewer = admin.page.locator(`[data-account="${demoEmail('telaah', KALBAR)}"]`);
    await reviewer.locator('summary').click();
    expect(await reviewer.innerText()).toContain('usulan yang dikonfirmasi orang kedua');
    await reviewer.getByLabel('Penjaga identitas').check();
    await reviewer.getByRole('button', { name: 'Simpan peran' }).click();
    await waitForFlash(admin.page);
    expect(await admin.page.locator('[data-flash]').innerText()).toContain('menunggu konfirmasi orang kedua');
    const afterProposal = admin.page.locator(`[data-account="${demoEmail('telaah', KALBAR)}"]`);
    expect(await afterProposal.locator('[data-roles]').innerText()).toBe('Tim Telaah');
    expect(await afterProposal.locator('[data-pending-change="GRANT:IDENTITY_CUSTODIAN"]').innerText()).toContain('menunggu konfirmasi');
    // The admin cannot confirm their own proposal: no buttons, a sentence instead.
    const proposal = admin.page.locator(`[data-role-proposal="${demoEmail('telaah', KALBAR)}"]`);
    expect(await proposal.locator('[data-decide]').count()).toBe(0);
    expect(await proposal.locator('[data-waits-for-other]').count()).toBe(1);
    expect(await proposal.locator('[data-proposed-by]').innerText()).toContain('Anda');
    expect(await seriousViolations(admin.page), 'staff page, admin').toEqual([]);
    expect(await shoot(admin.page, 'trust-staff-admin'), 'staff page at 360 px').toBeLessThanOrEqual(0);

    // A forged post changing the admin's own roles is refused in the page's language, no stack trace.
    const adminId = await staffIdOf(KALBAR, 'admin');
    const forged = await admin.page.evaluate(async (id) => {
      const body = new URLSearchParams({ intent: 'roles', staffUserId: id });
      body.append('roles', 'TENANT_ADMIN');
      body.append('roles', 'VERIFIER');
      const response = await fetch(location.pathname, { method: 'POST', body });
      return { status: response.status, text: await response.text() };
    }, adminId);
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('Peran Anda tidak dapat melakukan perubahan ini');
    expect(forged.text).not.toMatch(/Nobody changes|at .*\.ts:\d+/);
    // Admin and custodian in one person is the API's refusal (the page keeps no copy of the
    // rule), said next to the roles in the page's language.
    const clash = await admin.page.evaluate(async () => {
      const body = new URLSearchParams({ intent: 'create', name: 'Petugas Ganda', email: 'ganda@kalbar.test', title: '', password: 'kata-sandi-yang-panjang' });
      body.append('roles', 'TENANT_ADMIN');
      body.append('roles', 'IDENTITY_CUSTODIAN');
      const response = await fetch(location.pathname, { method: 'POST', body });
      return { status: response.status, text: await response.text() };
    });
    expect(clash.status).toBe(400);
    expect(clash.text).toContain('tidak boleh memegang kunci pembuka identitas pelapor');
    await admin.context.close();

    // The head sees the staff page, confirms the admin's proposal, and the account holds the role.
    const head = await openPage(target, konsol(KALBAR));
    await signIn(head.page, demoEmail('pimpinan', KALBAR));
    await follow(head.page, '[data-nav="console-staff"]', 'console-staff');
    expect(await head.page.locator('[data-action="create-staff"]').count(), 'the head adds nobody').toBe(0);
    const waiting = head.page.locator(`[data-role-proposal="${demoEmail('telaah', KALBAR)}"]`);
    expect(await waiting.locator('[data-proposed-by]').innerText()).toContain('Admin Instansi (demo)');
    expect(await seriousViolations(head.page), 'staff page, head').toEqual([]);
    expect(await shoot(head.page, 'trust-staff-head'), 'head staff page at 360 px').toBeLessThanOrEqual(0);
    await waiting.locator('[data-decide="confirm"]').click();
    await waitForFlash(head.page);
    expect(await head.page.locator('[data-flash]').innerText()).toContain('dikonfirmasi');
    const confirmed = head.page.locator(`[data-account="${demoEmail('telaah', KALBAR)}"]`);
    expect(await confirmed.locator('[data-roles]').innerText()).toContain('Penjaga identitas');
    expect(await confirmed.locator('[data-pending-change]').count()).toBe(0);

    // The head proposes a custodian too; the admin would confirm it.
    const verifier = head.page.locator(`[data-account="${demoEmail('verifikator', KALBAR)}"]`);
    await verifier.locator('[data-propose="GRANT:IDENTITY_CUSTODIAN"] button').click();
    await waitForFlash(head.page);
    expect(await head.page.locator('[data-flash]').innerText()).toContain('Usulan tercatat');
    expect(await head.page.locator(`[data-account="${demoEmail('verifikator', KALBAR)}"] [data-pending-change="GRANT:IDENTITY_CUSTODIAN"]`).count()).toBe(1);
    // The head's own card offers nothing.
    expect(await head.page.locator(`[data-account="${demoEmail('pimpinan', KALBAR)}"] form`).count()).toBe(0);

    // The audit log: newest first, in words, in the agency's time.
    await follow(head.page, '[data-nav="console-audit"]', 'console-audit');
    const rows = head.page.locator('[data-audit-entry]');
    expect(await rows.first().getAttribute('data-action')).toBe('ROLE_CHANGE_PROPOSED');
    const entry = head.page.locator('[data-action="ROLE_CHANGE_CONFIRMED"]').first();
    const text = await entry.innerText();
    expect(text).toContain('Perubahan peran dikonfirmasi');
    expect(text).toContain('Pimpinan (demo)');
    expect(text).toContain('Tim Telaah (demo)');
    expect(text).toContain('Sebelum: Tim Telaah');
    expect(text).toContain('Sesudah: Tim Telaah, Penjaga identitas');
    expect(text).toMatch(/WIB/);
    expect(text).not.toContain('{');
    expect(await head.page.locator('[data-action="ROLE_CHANGE_PROPOSED"]').last().innerText()).toContain('Admin Instansi (demo)');
    expect(await seriousViolations(head.page), 'audit log, head').toEqual([]);
    expect(await shoot(head.page, 'trust-audit-head'), 'audit log at 360 px').toBeLessThanOrEqual(0);

    // Paged with "Lebih lama": one entry a page through the address, older ones after.
    await head.page.goto(`${web.url}${konsol(KALBAR)}/audit`);
    const firstIds = await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-audit-entry')));
    expect(firstIds.length).toBeGreaterThanOrEqual(3);
    await head.page.goto(`${web.url}${konsol(KALBAR)}/audit?sebelum=${firstIds[1]}`);
    const olderIds = await head.page.locator('[data-audit-entry]').evaluateAll((list) => list.map((row) => row.getAttribute('data-audit-entry')));
    expect(olderIds[0]).toBe(firstIds[2]);
    expect(await head.page.locator('[data-newest]').count()).toBe(1);
    await head.context.close();
  }, 120_000);

  it("shows a verifier's mark on a colleague as waiting, and the head confirms it on the case page", async () => {
    const filed = await fileReport(KALBAR, 'pungutan di loket');
    const verifier = await openPage(target, konsol(KALBAR));
    await signIn(verifier.page, demoEmail('verifikator', KALBAR));
    await openCase(target, verifier.page, `${konsol(KALBAR)}/kotak-masuk`, filed.registrationNumber);
    const conflict = verifier.page.locator('[data-action="conflict"]');
    expect(await conflict.locator('[data-conflict-waits]').innerText()).toContain('menunggu konfirmasi pimpinan');
    await conflict.getByLabel('Petugas yang disebut dalam laporan').selectOption({ label: 'Tim Telaah (demo) (Auditor)' });
    await conflict.locator('#colleague-reason').fill('Kerabat pihak terlapor');
    await conflict.getByRole('button', { name: 'Kecualikan petugas ini' }).click();
    await waitForFlash(verifier.page);
    expect(await verifier.page.locator('[data-flash]').innerText()).toContain('menunggu konfirmasi pimpinan');
    const pending = verifier.page.locator('[data-section="case-conflict-proposals"]');
    expect(await pending.innerText()).toContain('Tim Telaah (demo) ditandai memiliki benturan kepentingan');
    expect(await pending.innerText()).toContain('Ditandai oleh Verifikator (demo)');
    expect(await pending.innerText()).toContain('Kerabat pihak terlapor');
    expect(await pending.locator('[data-decide]').count(), 'the proposer does not decide').toBe(0);
    expect(await verifier.page.locator('[data-exclusions]').count()).toBe(0);
    expect(await seriousViolations(verifier.page), 'case page, waiting conflict').toEqual([]);
    expect(await shoot(verifier.page, 'trust-case-waiting'), 'case page at 360 px').toBeLessThanOrEqual(0);
    await verifier.context.close();

    const head = await openPage(target, konsol(KALBAR));
    await signIn(head.page, demoEmail('pimpinan', KALBAR));
    await openCase(target, head.page, `${konsol(KALBAR)}/kotak-masuk`, filed.registrationNumber);
    await head.page.locator('[data-section="case-conflict-proposals"] [data-decide="confirm"]').click();
    await waitForFlash(head.page);
    expect(await head.page.locator('[data-flash]').innerText()).toContain('Benturan kepentingan dikonfirmasi');
    expect(await head.page.locator('[data-section="case-conflict-proposals"]').count()).toBe(0);
    expect(await head.page.locator('[data-exclusions]').innerText()).toContain('Tim Telaah (demo)');
    await shoot(head.page, 'trust-case-confirmed');
    await head.context.close();
  }, 90_000);

  it("lets the secretariat confirm a head appointment and a conflict marked on a head, and read its province's audit log", async () => {
    // At BKAD Kalbar the admin proposes the verifier as head (through the API: the page is shown above).
    const bkadAdmin = await staffClient(api.url, BKAD, 'admin');
    const proposed = await bkadAdmin.call('mutation($input: ProposeRoleChangeInput!) { proposeRoleChange(input: $input) { id } }', {
      input: { staffUserId: await staffIdOf(BKAD, 'verifikator'), role: 'AGENCY_HEAD', change: 'GRANT' },
    });
    expect(proposed.errors).toBeUndefined();

    // At Inspektorat Kalbar a case restricted to the verifier, who marks the head.
    const filed = await fileReport(KALBAR, 'pengadaan alat tulis');
    const caseId = await caseIdOf(KALBAR, filed.registrationNumber);
    const head = await staffClient(api.url, KALBAR, 'pimpinan');
    const restricted = await head.call('mutation($input: RestrictCaseInput!) { restrictCase(input: $input) { id } }', {
      input: { caseId, handlerIds: [await staffIdOf(KALBAR, 'verifikator')] },
    });
    expect(restricted.errors).toBeUndefined();
    const verifierApi = await staffClient(api.url, KALBAR, 'verifikator');
    const marked = await verifierApi.call('mutation($input: RecordConflictInput!) { recordConflict(input: $input) { id } }', {
      input: { caseId, staffUserId: await staffIdOf(KALBAR, 'pimpinan'), reason: 'Pimpinan disebut dalam laporan' },
    });
    expect(marked.errors).toBeUndefined();

    const secretariat = await openPage(target, '/konsol/sekretariat');
    await signIn(secretariat.page, SECRETARIAT);
    await follow(secretariat.page, '[data-nav="console-decisions"]', 'console-decisions');
    const headProposal = secretariat.page.locator(`[data-role-proposal="${demoEmail('verifikator', BKAD)}"]`);
    expect(await headProposal.innerText()).toContain('angkat sebagai Pimpinan');
    const conflictProposal = secretariat.page.locator('[data-section="conflict-proposals"] [data-conflict-proposal]');
    expect(await conflictProposal.innerText()).toContain('Pimpinan (demo) ditandai memiliki benturan kepentingan');
    expect(await conflictProposal.locator(`[data-case-link="${filed.registrationNumber}"]`).count()).toBe(1);
    expect(await seriousViolations(secretariat.page), 'decisions page').toEqual([]);
    expect(await shoot(secretariat.page, 'trust-decisions'), 'decisions page at 360 px').toBeLessThanOrEqual(0);

    await headProposal.locator('[data-decide="confirm"]').click();
    await waitForFlash(secretariat.page);
    expect(await secretariat.page.locator('[data-flash]').innerText()).toContain('Perubahan peran dikonfirmasi');
    expect(await secretariat.page.locator(`[data-role-proposal="${demoEmail('verifikator', BKAD)}"]`).count()).toBe(0);
    await secretariat.page.locator('[data-section="conflict-proposals"] [data-decide="confirm"]').click();
    await waitForFlash(secretariat.page);
    expect(await secretariat.page.locator('[data-flash]').innerText()).toContain('Benturan kepentingan dikonfirmasi');
    expect(await secretariat.page.locator('[data-no-conflicts]').count()).toBe(1);
    const bkadAccounts = await bkadAdmin.call<{ staffAccounts: { email: string; roles: string[] }[] }>('{ staffAccounts { email roles } }');
    expect(bkadAccounts.data!.staffAccounts.find((account) => account.email === demoEmail('verifikator', BKAD))!.roles).toContain('AGENCY_HEAD');

    // The province's audit log, every agency, then only BKAD's.
    await follow(secretariat.page, '[data-nav="console-audit"]', 'console-audit');
    const all = await secretariat.page.locator('[data-audit-log]').innerText();
    expect(all).toContain('Sekretariat Daerah (demo)');
    expect(await secretariat.page.locator(`[data-audit-entry] [data-agency="${KALBAR}"]`).count()).toBeGreaterThan(0);
    expect(await secretariat.page.locator(`[data-audit-entry] [data-agency="${BKAD}"]`).count()).toBeGreaterThan(0);
    const caseLink = secretariat.page.locator(`[data-action="CONFLICT_CONFIRMED"] [data-case-link="${filed.registrationNumber}"]`);
    expect(await caseLink.getAttribute('href')).toBe(`/konsol/sekretariat/kasus/${caseId}`);
    expect(await seriousViolations(secretariat.page), 'audit log, secretariat').toEqual([]);
    expect(await shoot(secretariat.page, 'trust-audit-secretariat'), 'secretariat audit at 360 px').toBeLessThanOrEqual(0);
    await secretariat.page.getByLabel('Instansi').selectOption(BKAD);
    await secretariat.page.getByRole('button', { name: 'Tampilkan' }).click();
    await secretariat.page.waitForURL(/instansi=bkad-kalbar/);
    expect(await secretariat.page.locator(`[data-audit-entry] [data-agency="${KALBAR}"]`).count()).toBe(0);
    const confirmedHead = await secretariat.page.locator('[data-action="ROLE_CHANGE_CONFIRMED"]').first().innerText();
    expect(confirmedHead).toContain('Verifikator (demo)');
    expect(confirmedHead).toContain('Sesudah: Verifikator, Pimpinan');
    await secretariat.context.close();

    // With the head excluded, the verifier is the last person able to act: said plainly.
    const verifier = await openPage(target, konsol(KALBAR));
    await signIn(verifier.page, demoEmail('verifikator', KALBAR));
    await openCase(target, verifier.page, `${konsol(KALBAR)}/kotak-masuk`, filed.registrationNumber);
    const self = verifier.page.locator('[data-action="conflict"]');
    await self.locator('#conflict-confirm').check();
    await self.getByRole('button', { name: 'Nyatakan benturan kepentingan saya' }).click();
    await verifier.page.getByText('Tidak ada petugas lain yang dapat menangani aduan ini').first().waitFor();
    expect(await verifier.page.locator('main').innerText()).not.toContain('Petugas lain mengubah aduan ini pada saat yang sama');
    await verifier.context.close();
  }, 120_000);
});
