/**
 * Everything runs on the Node the project declares (ADR 0018): `engines.node` in the root
 * package.json names the major, and the `node` devDependency brings that Node into
 * node_modules/.bin, so the machine's own Node (20 on a fresh machine) only runs pnpm. This
 * fails when the test worker, the API or the web server the tests start, or the `node` that
 * pnpm's scripts find (the one `pnpm start`, tsx, prisma, remix and vitest run on) is older.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { REPO_ROOT, startApi, type RunningProcess } from './support/processes.ts';
import { sharedWebBuild, startBuiltWeb } from './support/web-build.ts';

const rootPackage = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

function majorOf(version: string): number {
  const match = /^v?(\d+)\./.exec(version);
  if (!match) throw new Error(`not a Node version: ${version}`);
  return Number(match[1]);
}

const declaredMajor = (() => {
  const match = /^>=\s*(\d+)(?:\.\d+){0,2}$/.exec(rootPackage.engines.node);
  if (!match) throw new Error(`engines.node should read ">=<major>", not ${rootPackage.engines.node}`);
  return Number(match[1]);
})();

describe('the Node runtime', () => {
  it('declares one major, and brings that Node along as a dependency', () => {
    expect(declaredMajor).toBeGreaterThanOrEqual(24);
    expect(majorOf(rootPackage.devDependencies.node ?? 'none')).toBe(declaredMajor);
  });

  it('runs the tests on it', () => {
    expect(majorOf(process.version)).toBeGreaterThanOrEqual(declaredMajor);
  });

  it("gives pnpm's scripts in every package that Node", () => {
    for (const workspacePackage of ['@aduan/api', '@aduan/web', '@aduan/ops']) {
      const run = spawnSync('pnpm', ['--filter', workspacePackage, 'exec', 'node', '-p', 'process.version'], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      expect(majorOf(run.stdout.trim()), `${workspacePackage}: ${run.stdout}`).toBeGreaterThanOrEqual(declaredMajor);
    }
  });

  describe('in the servers', () => {
    let api: RunningProcess;
    let web: RunningProcess;
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase();
      api = await startApi(database.env);
      web = await startBuiltWeb(api.url, sharedWebBuild());
    }, 240_000);

    afterAll(async () => {
      await web?.stop();
      await api?.stop();
      await database?.drop();
    });

    it('starts the API on it, and the API says so once in its startup log line', () => {
      const started = api
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg?: string; node?: string })
        .find((entry) => entry.msg?.startsWith('Aduan API listening'));
      expect(started?.node).toMatch(/^v\d+\./);
      expect(majorOf(started!.node!)).toBeGreaterThanOrEqual(declaredMajor);
    });

    it('keeps /healthz to its status, without the version', async () => {
      const body = await (await fetch(`${api.url}/healthz`)).text();
      expect(body).not.toContain(process.version);
    });

    it('starts the web server on it', () => {
      const version = /web: listening on \S+ \(Node (v[\d.]+)\)/.exec(web.output())?.[1];
      expect(version).toBeDefined();
      expect(majorOf(version!)).toBeGreaterThanOrEqual(declaredMajor);
    });
  });
});
