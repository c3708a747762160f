/**
 * The web as built for production (`WEB_BUILD_DIRECTORY`), started as in production
 * (`web/server/main.ts`). The e2e project builds it once per run (`global/web-build.ts`);
 * test files start their servers on that build.
 */
import path from 'node:path';
import { inject } from 'vitest';
import { findFreePort, REPO_ROOT, startProcess, webServerArgs, type RunningProcess } from './processes.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's web build (`<folder>/build`, with web's packages beside it; global/web-build.ts). */
    webBuildDirectory: string;
  }
}

const WEB_DIR = path.join(REPO_ROOT, 'web');

/** The run's web build, made once by the e2e project's global setup. */
export function sharedWebBuild(): string {
  const directory = inject('webBuildDirectory');
  if (!directory) throw new Error('no web build: web tests run in the e2e project, whose global setup builds the web once');
  return directory;
}

/**
 * The production server on `buildDirectory` against `apiUrl`. `readyPath` must answer below 500
 * once the server listens (a page that needs no API, when the API is down).
 */
export async function startBuiltWeb(apiUrl: string, buildDirectory: string, env: Record<string, string> = {}, readyPath = '/'): Promise<RunningProcess> {
  const port = await findFreePort();
  return startProcess({
    command: process.execPath,
    args: webServerArgs(path.join(buildDirectory, 'server', 'index.js')),
    cwd: WEB_DIR,
    // A loaded CI machine (two suites' worth of servers on two cores) can take longer than the
    // production default of 5 s for a heavy action; the tests are about behaviour, not speed.
    env: { PORT: String(port), API_URL: apiUrl, NODE_ENV: 'production', API_TIMEOUT_MS: '30000', ...env },
    readyPath,
    port,
  });
}
