/** Helpers for the staff console's browser tests: a page in its own context, signing in, finding a case. */
import type { Browser, Page } from 'playwright-core';
import { afterEach } from 'vitest';
import type { RunningProcess } from './processes.ts';

export const DEMO_PASSWORD = 'demo-staff-password';

export interface ConsoleBrowser {
  browser: Browser;
  webUrl: string;
}

/** Below a test's 30 s: a step that stalls fails with its own name, not as a test that timed out. */
const STEP_TIMEOUT_MS = 20_000;

/** `locale`: the browser's language (its Accept-Language); Playwright's default is en-US. */
export async function openPage(target: ConsoleBrowser, pathname: string, options: { javaScript?: boolean; width?: number; locale?: string } = {}) {
  const context = await target.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    acceptDownloads: true,
    ...(options.locale ? { locale: options.locale } : {}),
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  await page.goto(`${target.webUrl}${pathname}`);
  return { context, page };
}

/** Signs in on the sign-in page the console sent the browser to. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForLoadState();
}

/**
 * Waits for the result of a console action: its flash, then the rest of the document. A click
 * before the page's script ran posts the form natively and the next page streams in as a new
 * document, so the flash at its top can be there before the sections below it.
 */
export async function waitForFlash(page: Page) {
  await page.locator('[data-flash]').waitFor();
  await page.waitForLoadState('domcontentloaded');
}

/** What a stalled step says beside Playwright's message: where the browser is, what it shows, the servers' slow calls. */
async function explainStall(page: Page, error: Error): Promise<Error> {
  const shown = (
    await page
      .locator('body')
      .innerText()
      .catch(() => '(no body)')
  ).slice(0, 300);
  return new Error(`${error.message}\nat ${page.url()}, showing:\n${shown}\nthe servers' slow or failed calls:\n${slowServerLines().join('\n') || '(none)'}`);
}

/**
 * Opens a case of the console at `base` from its inbox, by registration number: the row's link
 * is followed as a new document (its address is what is tested), so the case page never races
 * the inbox's hydration or a live reload of the inbox.
 */
export async function openCase(target: ConsoleBrowser, page: Page, base: string, number: string) {
  await page.goto(`${target.webUrl}${base}?cari=${encodeURIComponent(number)}`);
  const href = await page.locator(`[data-case-row="${number}"] a`).getAttribute('href');
  if (!href) throw await explainStall(page, new Error(`the inbox row of ${number} has no link`));
  await page.goto(new URL(href, page.url()).toString()).catch(async (error: Error) => {
    throw await explainStall(page, error);
  });
  await page
    .locator(`[data-case="${number}"]`)
    .waitFor()
    .catch(async (error: Error) => {
      throw await explainStall(page, error);
    });
}

/**
 * Follows a link of the console (e.g. `[data-nav="console-audit"]`) to the page `main[data-page=…]`
 * and waits for its whole document: a click before the page's script ran loads the next page as a
 * new document, which streams in, so its main element can be there before the text inside it.
 */
export async function follow(page: Page, link: string, pageName: string) {
  await page.locator(link).click();
  await page
    .locator(`main[data-page="${pageName}"]`)
    .waitFor()
    .catch(async (error: Error) => {
      throw await explainStall(page, error);
    });
  await page.waitForLoadState('domcontentloaded');
}

export async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A date some days before today, `YYYY-MM-DD`, in the zone. */
export function daysAgo(days: number, timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - days * 86_400_000));
}

let watchedServers: () => (RunningProcess | undefined)[] = () => [];

/** An API request slower than this (pino-http's `responseTime`) is named when a step stalls. */
const SLOW_REQUEST_MS = 2000;

/**
 * The last lines of the watched servers' output that explain a stall: the web's warnings
 * (slow or failed API calls, with the request id) and the API's slow requests and errors.
 */
function slowServerLines(): string[] {
  const lines = watchedServers().flatMap((server) => server?.output().split('\n') ?? []);
  return lines
    .filter((line) => {
      if (line.startsWith('[web]')) return true;
      if (!line.startsWith('{')) return false;
      try {
        const entry = JSON.parse(line) as { level?: number; responseTime?: number };
        return (entry.level ?? 0) >= 40 || (entry.responseTime ?? 0) >= SLOW_REQUEST_MS;
      } catch {
        return false;
      }
    })
    .slice(-6)
    .map((line) => line.slice(0, 300));
}

/**
 * After a failed test, prints the end of what the servers printed (the API logs warnings and
 * errors, the web its failed API calls), so a failure in CI carries the servers' side too.
 */
export function printServerOutputOnFailure(servers: () => (RunningProcess | undefined)[]) {
  watchedServers = servers;
  afterEach((context) => {
    if (context.task.result?.state !== 'fail') return;
    for (const server of servers()) {
      if (server) console.warn(`--- output of ${server.url}, last 8,000 characters ---\n${server.output().slice(-8000)}`);
    }
  });
}
