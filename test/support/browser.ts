/** Debian's Chromium driven by playwright-core (it cannot download a browser here). */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
/** In CI a missing browser is a failure; on a laptop the browser tests are skipped with this notice. */
export const browserTestsEnabled = chromiumAvailable || Boolean(process.env.CI);
if (!chromiumAvailable) {
  console.warn(`browser tests: no Chromium at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
}

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\``);
  // playwright gives every launch a fresh temporary profile of its own.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical violations on the page, as `rule: targets` lines. axe is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern: pages are checked under their own policy, and nothing is added to their DOM. Pages
 * checked one after another in one tab reuse the renderer, and V8 compiles axe once for them.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // `void 0` after the source: the script's last value is axe itself, not worth sending back.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource}\n;void 0`);
  const results = await page.evaluate(async () => (window as any).axe.run(document, { resultTypes: ['violations'] }));
  return (results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
