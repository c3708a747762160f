/** Debian's Chromium driven by playwright-core (it cannot download a browser here). */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
