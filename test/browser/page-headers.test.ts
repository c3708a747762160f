/**
 * The pages that run scripts (the report form, the track page, the console's inbox) run them
 * under a Content-Security-Policy whose script-src has no 'unsafe-inline': Remix's inline
 * scripts carry the response's nonce, and Chromium reports no violation while the page
 * hydrates and goes live. Every response also forbids powerful browser features
 * (Permissions-Policy), and says HTTPS-only (Strict-Transport-Security) when a trusted proxy
 * says the browser used TLS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { browserTestsEnabled, launchChromium } from '../support/browser.ts';
import { signIn } from '../support/console-browser.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { graphql } from '../support/graphql.ts';
import { startApi, type RunningProcess } from '../support/processes.ts';
import { png } from '@aduan/api/evidence/test-files.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers } from '../support/reporting.ts';
import { setupTenants } from '../support/setup-tenants.ts';
import { demoEmail } from '../support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from '../support/web-build.ts';

const KALBAR = 'inspektorat-kalbar';

let database: TestDatabase;
let api: RunningProcess;
let web: RunningProcess;
let browser: Browser;

/** A page in a context that keeps the site's CSP, recording every violation Chromium reports. */
async function openWatched(pathname: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective}: ${event.blockedURI || 'inline'}`);
    });
  });
  const response = (await page.goto(`${web.url}${pathname}`))!;
  return { context, page, violations, response };
}

function scriptSource(response: Response): string {
  const policy = response.headers()['content-security-policy'] ?? '';
  return (
    policy
      .split(';')
      .map((part) => part.trim())
      .find((part) => part.startsWith('script-src')) ?? ''
  );
}

/** Remix has hydrated the page: its router exists, which only the page's scripts create. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => '__remixRouter' in window, null, { timeout: 15_000 });
}

describe.skipIf(!browserTestsEnabled)('security headers of the pages', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    await setupTenants(database);
    api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false' });
    // The test stands where a TLS-terminating proxy would: the web server trusts loopback's X-Forwarded-Proto.
    web = await startBuiltWeb(api.url, sharedWebBuild(), { TRUST_PROXY: 'loopback' });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('runs the report form under a nonce policy without a violation', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const { context, page, violations, response } = await openWatched(`/t/${KALBAR}/lapor/${caseType.key}`);
    const scripts = scriptSource(response);
    expect(scripts).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(scripts).not.toContain('unsafe-inline');
    await hydrated(page);
    // Each response has its own nonce.
    const again = await page.reload();
    expect(scriptSource(again!)).not.toBe(scripts);
    await hydrated(page);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('runs the track page, live, under the policy without a violation', async () => {
    const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint')!;
    const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
    const filed = await graphql(`${api.url}/t/${KALBAR}/graphql`, SUBMIT_REPORT, {
      variables: {
        input: {
          caseTypeKey: caseType.key,
          answers: validAnswers(caseType, 'jalan berlubang di depan pasar'),
          identityMode: 'ANONYMOUS',
          evidenceIds: [photo.evidenceId],
        },
      },
    });
    const { registrationNumber, trackingCode } = filed.data!.submitReport as { registrationNumber: string; trackingCode: string };
    const { context, page, violations } = await openWatched(`/t/${KALBAR}/lacak`);
    await page.getByLabel('Nomor registrasi').fill(registrationNumber);
    await page.getByLabel('Kode pelacakan').fill(trackingCode);
    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.request().isNavigationRequest()),
      page.getByRole('button', { name: 'Lacak' }).click(),
    ]);
    expect(scriptSource(answer)).not.toContain('unsafe-inline');
    await page.locator('[data-case]').waitFor();
    // The live indicator only turns live once the page's scripts run and its socket opens.
    await page.locator('[data-live="live"]').waitFor({ timeout: 15_000 });
    expect(violations).toEqual([]);
    await context.close();
  });

  it("runs the console's inbox under the policy without a violation", async () => {
    const { context, page, violations } = await openWatched(`/t/${KALBAR}/konsol`);
    await signIn(page, demoEmail('verifikator', KALBAR));
    expect(new URL(page.url()).pathname).toBe(`/t/${KALBAR}/konsol/kotak-masuk`);
    const inbox = await page.reload();
    expect(scriptSource(inbox!)).toMatch(/^script-src 'self' 'nonce-/);
    await hydrated(page);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('forbids powerful browser features on every response, and says HTTPS-only only over TLS', async () => {
    for (const pathname of ['/', `/t/${KALBAR}/`, '/no-such-page']) {
      const plain = await fetch(`${web.url}${pathname}`);
      const policy = plain.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(policy, pathname).toContain(`${feature}=()`);
      expect(plain.headers.get('strict-transport-security'), pathname).toBeNull();
    }
    // Over loopback, which this web server trusts (TRUST_PROXY=loopback), as a proxy ending TLS would.
    const overTls = await fetch(`${web.url}/`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
