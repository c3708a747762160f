/**
 * The boundaries between the folders (issue 13), checked in CI: dependency-cruiser with the rules of
 * .dependency-cruiser.cjs and the baseline of known violations in
 * .dependency-cruiser-known-violations.json, as `pnpm boundaries` runs it. A new forbidden import
 * fails here with the rule's name, the importing file and the imported one.
 *
 * The second part cruises a small throwaway tree that commits each import the issue forbids, so
 * every rule is shown to fire (and the allowed imports to pass) whatever the real code holds today.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const BASELINE = join(ROOT, '.dependency-cruiser-known-violations.json');
/** What is cruised: the same list as the `boundaries` script in package.json. */
const SOURCES = ['api/src', 'web/app', 'web/server', 'ops/src', 'ops/bench'];

async function checkBoundaries(baseDir: string, sources: string[], knownViolations: IViolation[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(sources, { ...options, baseDir, knownViolations, ignoreKnown: true });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return output;
}

function describeViolation(violation: IViolation): string {
  return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
}

/** The violations that fail the check: errors that are not in the baseline. */
function failing(result: ICruiseResult): string[] {
  return result.summary.violations.filter((violation) => violation.rule.severity === 'error').map(describeViolation);
}

const knownViolations = JSON.parse(readFileSync(BASELINE, 'utf8')) as IViolation[];

describe('the workspace', () => {
  it('keeps its boundaries, with no known violation left and no import cycle', async () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.boundaries).toContain(`depcruise ${SOURCES.join(' ')} `);

    const result = await checkBoundaries(ROOT, SOURCES, knownViolations);

    const broken = failing(result);
    expect(broken, `imports that cross a boundary (see docs/ARCHITECTURE.md, run pnpm boundaries):\n${broken.join('\n')}\n`).toEqual([]);
    // An entry whose import is gone must leave the baseline, so that it lists exactly what is left to fix.
    expect(result.summary.baselineStale ?? 0, 'known violations that are fixed: remove them with pnpm boundaries:baseline').toBe(0);
    expect(result.summary.error).toBe(0);
    // Every entry matched a violation that the baseline turned off.
    expect(result.summary.ignore).toBe(knownViolations.length);
  });
});

describe('each rule', () => {
  let tree: string;

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };

  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'aduan-boundaries-'));
    // The modules that are imported.
    write('api/package.json', JSON.stringify({ name: '@aduan/api', type: 'module', exports: { './*': './src/*' } }));
    write('api/src/db.ts', 'export const db = 1;\n');
    write('api/src/jobs/runner.ts', 'export const run = 1;\n');
    write('api/src/stats/counters.ts', 'export const count = 1;\n');
    write('api/src/context.ts', 'export type Context = { db: number };\n');
    write('api/src/cases/case-lifecycle.ts', 'export const OPEN = 1;\nexport type CaseStatus = string;\n');
    write('ops/package.json', JSON.stringify({ name: '@aduan/ops', type: 'module', dependencies: { '@aduan/api': 'workspace:*' } }));
    write('ops/src/cli.ts', 'export const cli = 1;\n');
    write('web/app/root.tsx', 'export const root = 1;\n');
    // ops/ reaches @aduan/api through the workspace link, as pnpm lays it out.
    mkdirSync(join(tree, 'ops/node_modules/@aduan'), { recursive: true });
    symlinkSync('../../../api', join(tree, 'ops/node_modules/@aduan/api'));

    // The imports issue 13 forbids.
    write('web/app/by-path.ts', "import { db } from '../../api/src/db.ts';\nexport const a = db;\n");
    write('web/app/by-package.ts', "import { db } from '@aduan/api/db.ts';\nexport const a = db;\n");
    write('web/app/by-path.test.ts', "import { db } from '../../api/src/db.ts';\nexport const a = db;\n");
    write('api/src/to-ops.ts', "import { cli } from '../../ops/src/cli.ts';\nexport const a = cli;\n");
    write('api/src/to-web.ts', "import { root } from '../../web/app/root.tsx';\nexport const a = root;\n");
    write('api/src/sla/clock.ts', "import { OPEN } from '../cases/case-lifecycle.ts';\nexport const a = OPEN;\n");
    write('api/src/sla/types.ts', "import type { CaseStatus } from '../cases/case-lifecycle.ts';\nexport type A = CaseStatus;\n");
    write('api/src/sla/sweep.ts', "import { run } from '../jobs/runner.ts';\nexport const a = run;\n");
    write('api/src/sla/counts.ts', "import { count } from '../stats/counters.ts';\nexport const a = count;\n");
    write('api/src/cases/schedule.ts', "import { run } from '../jobs/runner.ts';\nexport const a = run;\n");
    write('api/src/config/loader.ts', "import { OPEN } from '../cases/case-lifecycle.ts';\nexport const a = OPEN;\n");
    write('api/src/tenancy/tenant.ts', "import { OPEN } from '../cases/case-lifecycle.ts';\nexport const a = OPEN;\n");
    write('ops/src/by-path.ts', "import { db } from '../../api/src/db.ts';\nexport const a = db;\n");
    write('api/src/typo.ts', "import { db } from './dbb.ts';\nexport const a = db;\n");
    write('api/src/cases/case-work.service.ts', "import type { Context } from '../context.ts';\nexport const a = (ctx: Context) => ctx.db;\n");
    write('api/src/ring-a.ts', "import { b } from './ring-b.ts';\nexport const a = () => b;\n");
    write('api/src/ring-b.ts', "import { a } from './ring-a.ts';\nexport const b = () => a;\n");
    // What is allowed: ops through the package name, the process entry starting the jobs, a test under sla/ that builds a case, a schema module reading the context.
    write('ops/src/by-package.ts', "import { db } from '@aduan/api/db.ts';\nexport const a = db;\n");
    write('api/src/main.ts', "import { run } from './jobs/runner.ts';\nexport const a = run;\n");
    write('api/src/cases/case-work.schema.ts', "import type { Context } from '../context.ts';\nexport const a = (ctx: Context) => ctx.db;\n");
    write('api/src/sla/clock.int.test.ts', "import { OPEN } from '../cases/case-lifecycle.ts';\nexport const a = OPEN;\n");
  });

  afterAll(() => {
    rmSync(tree, { recursive: true, force: true });
  });

  const forbidden = [
    'api-not-ops-or-web: api/src/to-ops.ts → ops/src/cli.ts',
    'api-not-ops-or-web: api/src/to-web.ts → web/app/root.tsx',
    'config-not-cases: api/src/config/loader.ts → api/src/cases/case-lifecycle.ts',
    'config-not-cases: api/src/tenancy/tenant.ts → api/src/cases/case-lifecycle.ts',
    'jobs-on-top: api/src/cases/schedule.ts → api/src/jobs/runner.ts',
    'jobs-on-top: api/src/sla/sweep.ts → api/src/jobs/runner.ts',
    'no-circular: api/src/ring-a.ts → api/src/ring-b.ts',
    'not-to-unresolvable: api/src/typo.ts → ./dbb.ts',
    'not-to-unresolvable: web/app/by-package.ts → @aduan/api/db.ts',
    'ops-uses-api-exports: ops/src/by-path.ts → api/src/db.ts',
    'services-not-context: api/src/cases/case-work.service.ts → api/src/context.ts',
    'sla-is-the-clock: api/src/sla/counts.ts → api/src/stats/counters.ts',
    'sla-is-the-clock: api/src/sla/sweep.ts → api/src/jobs/runner.ts',
    'sla-not-cases: api/src/sla/clock.ts → api/src/cases/case-lifecycle.ts',
    'sla-not-cases: api/src/sla/types.ts → api/src/cases/case-lifecycle.ts',
    'web-not-api: web/app/by-package.ts → @aduan/api/db.ts',
    'web-not-api: web/app/by-path.test.ts → api/src/db.ts',
    'web-not-api: web/app/by-path.ts → api/src/db.ts',
  ];

  it('fails on every import the issue forbids, naming the rule, and lets the allowed ones through', async () => {
    const result = await checkBoundaries(tree, ['api', 'web', 'ops/src'], []);

    expect(failing(result).sort()).toEqual(forbidden);
    expect(result.summary.violations.filter((violation) => violation.rule.severity === 'warn').map(describeViolation)).toEqual([]);
    const opsByPackage = result.modules.find((module) => module.source === 'ops/src/by-package.ts');
    expect(opsByPackage?.dependencies.map((dependency) => [dependency.resolved, dependency.valid])).toEqual([['api/src/db.ts', true]]);
  });

  it('passes a known violation and fails again once it leaves the baseline', async () => {
    const all = await checkBoundaries(tree, ['api', 'web', 'ops/src'], []);
    const sla = all.summary.violations.filter((violation) => violation.rule.name === 'sla-not-cases');
    const baseline = all.summary.violations.filter((violation) => violation.rule.severity === 'error' && violation.rule.name !== 'sla-not-cases');

    const withSla = await checkBoundaries(tree, ['api', 'web', 'ops/src'], [...baseline, ...sla]);
    expect(failing(withSla)).toEqual([]);

    const withoutOne = await checkBoundaries(tree, ['api', 'web', 'ops/src'], [...baseline, sla[0]!]);
    expect(failing(withoutOne)).toEqual([describeViolation(sla[1]!)]);
  });
});
