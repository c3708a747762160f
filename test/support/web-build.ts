/**
 * A web build of a test file's own (WEB_BUILD_DIRECTORY), so two browser test files never
 * race one build, started as in production (`web/server/main.ts`).
 */
import { spawnSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { findFreePort, REPO_ROOT, startProcess, webServerArgs, type RunningProcess } from './processes.ts';

const WEB_DIR = path.join(REPO_ROOT, 'web');

/** Builds the web into `<scratch>/build` and lets the server build find web's packages. */
export function buildWebInto(scratch: string): string {
  const directory = path.join(scratch, 'build');
  const build = spawnSync('pnpm', ['--filter', '@aduan/web', 'run', 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, WEB_BUILD_DIRECTORY: directory },
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  // The server build imports react and @remix-run/* by name.
  symlinkSync(path.join(WEB_DIR, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  return directory;
}

export async function startBuiltWeb(apiUrl: string, buildDirectory: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  const port = await findFreePort();
  return startProcess({
    command: process.execPath,
    args: webServerArgs(path.join(buildDirectory, 'server', 'index.js')),
    cwd: WEB_DIR,
    env: { PORT: String(port), API_URL: apiUrl, NODE_ENV: 'production', ...env },
    readyPath: '/',
    port,
  });
}
