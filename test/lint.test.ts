/**
 * The linter and formatter, checked in CI: Biome (biome.json) over the whole workspace, as
 * `pnpm lint` runs it. A file that is not formatted, or that breaks a lint rule, fails here with
 * Biome's own report (file, line, rule). Warnings fail too, so none pile up. `pnpm format`
 * rewrites the formatting and applies the safe fixes.
 *
 * The second test runs the same configuration on a throwaway file that is badly formatted and
 * imports something it never uses, so the check is shown to fire whatever today's code holds.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = join(ROOT, 'node_modules/.bin/biome');

function biomeCi(cwd: string, configPath: string, paths = ['.']): { status: number | null; report: string } {
  const run = spawnSync(BIOME, ['ci', '--error-on-warnings', '--colors=off', `--config-path=${configPath}`, ...paths], { cwd, encoding: 'utf8' });
  return { status: run.status, report: `${run.stdout}${run.stderr}` };
}

describe('the workspace', () => {
  it('is formatted and passes the lint rules (pnpm lint; pnpm format fixes the formatting)', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.lint).toContain('biome ci');
    const { status, report } = biomeCi(ROOT, ROOT);
    expect(status, report).toBe(0);
  }, 60_000);

  it('fails on a file that is badly formatted or imports what it never uses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aduan-lint-'));
    try {
      const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as Record<string, unknown>;
      // The throwaway folder is not a git checkout, and has no node_modules for the schema.
      delete config.vcs;
      delete config.$schema;
      writeFileSync(join(dir, 'biome.json'), JSON.stringify(config));
      writeFileSync(join(dir, 'tidy.ts'), "export const tidy = 'yes';\n");
      expect(biomeCi(dir, dir, ['tidy.ts']).status, 'a tidy file passes').toBe(0);

      writeFileSync(join(dir, 'messy.ts'), 'import { readFileSync } from "node:fs";\nexport const messy   =  "no"\n');
      const { status, report } = biomeCi(dir, dir, ['messy.ts']);
      expect(status).not.toBe(0);
      expect(report).toContain('messy.ts');
      expect(report).toContain('format');
      expect(report).toContain('noUnusedImports');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
