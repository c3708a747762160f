/** Builds the web package once per run and starts it against an API. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { findFreePort, REPO_ROOT, startProcess, webServerArgs, type RunningProcess } from './processes.ts';

const WEB_DIR = path.join(REPO_ROOT, 'web');

export function buildWeb(): void {
  const build = spawnSync('pnpm', ['--filter', '@aduan/web', 'run', 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
}

/** `readyPath` must answer below 500 once the server listens (a page that needs no API when the API is down). */
export async function startWeb(apiUrl: string, readyPath = '/'): Promise<RunningProcess> {
  const port = await findFreePort();
  return startProcess({
    // The production server, as `pnpm start` runs it.
    command: process.execPath,
    args: webServerArgs('./build/server/index.js'),
    cwd: WEB_DIR,
    // A loaded CI machine (two suites' worth of servers on two cores) can take longer than the
    // production default of 5 s for a heavy action; the tests are about behaviour, not speed.
    env: { PORT: String(port), API_URL: apiUrl, NODE_ENV: 'production', API_TIMEOUT_MS: '30000' },
    readyPath,
    port,
  });
}
