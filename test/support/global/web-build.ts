/**
 * Global setup of the e2e project: the web is built once per run, into a folder of the run's
 * own, and every test file that starts the web starts it on that build (`sharedWebBuild()` in
 * ../web-build.ts). Each file used to build it again: twelve builds of ~8 s each on a quiet
 * machine. Vitest calls this only when an e2e test is queued, so a unit run pays nothing.
 *
 * This runs in Vitest's main process, which must not import `vitest` itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT } from '../processes.ts';
// The value this setup provides is declared where tests read it.
import type {} from '../web-build.ts';

export default function setup(project: TestProject) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-web-build-'));
  const directory = path.join(scratch, 'build');
  const build = spawnSync('pnpm', ['--filter', '@aduan/web', 'run', 'build'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // As shipped: vitest's NODE_ENV=test would make Vite bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production', WEB_BUILD_DIRECTORY: directory },
  });
  if (build.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
  }
  // The server build imports react and @remix-run/* by name: let it find web's packages.
  symlinkSync(path.join(REPO_ROOT, 'web', 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  project.provide('webBuildDirectory', directory);
  return () => rmSync(scratch, { recursive: true, force: true });
}
