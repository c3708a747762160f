/**
 * Benchmark: the figures of issue 15 on PostgreSQL, for a province of 20 agencies with
 * 2,000,000 cases and 20,000,000 events (data: figures-data.ts).
 *
 *  - the dashboards: the `figures` query as the console sends it (ConsoleFigures), for the
 *    provincial secretariat (every agency) and an agency head, in-process (the resolver's
 *    services inside the viewer's data scope) and over HTTP against a started API;
 *  - the public statistics page (`publicStatistics`) from its cache and on a miss (the cache
 *    emptied as the figures pass's signal empties it);
 *  - keeping the figures current: a case transition alone, and the figures pass that follows it
 *    (one pass per transition, and one pass over a batch), per event;
 *  - the monthly report of one agency-month of ~10,000 cases: the content's queries, the PDF and
 *    the XLSX, separately;
 *  - EXPLAIN (ANALYZE, BUFFERS) of each statement the dashboards, the page and the report run.
 *
 *   DATABASE_URL=postgresql://aduan:aduan@127.0.0.1:5432/aduan pnpm bench figures [--runs 100] [--keep] [--reuse] [--scale 1]
 *
 * Building the data takes long (see the results file): --keep leaves the database
 * (aduan_bench_figures) for later runs, --reuse runs on a kept one (migrating it first).
 * --scale builds a fraction of the data (0.01: 20,000 cases) to try the benchmark quickly, with
 * --db naming another database for it. --skip-dashboards and --skip-http rerun the other parts,
 * --results names their results files; --probe prints one dashboard's statements and stops.
 * The API started for the HTTP part runs its jobs: its SLA sweep escalates the generated overdue
 * cases that were not escalated (docs/performance.md).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { toStaffViewer, type StaffViewer } from '@aduan/api/auth/staff-viewer.ts';
import { transitionCase } from '@aduan/api/cases/case-workflow.service.ts';
import { TenantConfigCache } from '@aduan/api/config/tenant-config.service.ts';
import { openDatabase, type Database } from '@aduan/api/db.ts';
import { createLocalEvidenceStorage } from '@aduan/api/evidence/evidence-storage.ts';
import { listAttentionCases } from '@aduan/api/stats/attention-cases.service.ts';
import { figureAudience } from '@aduan/api/stats/figure-access.ts';
import { checkFigureFilter, type FigureFilter } from '@aduan/api/stats/figure-filter.ts';
import { loadCalendars, runFiguresPass, runFiguresToEnd } from '@aduan/api/stats/figures-pass.service.ts';
import { summarizeFigures } from '@aduan/api/stats/figures.service.ts';
import { listHandlerFigures } from '@aduan/api/stats/handler-figures.service.ts';
import { buildMonthlyReportContent } from '@aduan/api/stats/monthly-report-content.service.ts';
import type { MonthlyReportContent } from '@aduan/api/stats/monthly-report-content.ts';
import { renderMonthlyReportPdf } from '@aduan/api/stats/monthly-report-pdf.ts';
import { createReportRenderer } from '@aduan/api/stats/monthly-report-render.ts';
import { renderMonthlyReportXlsx } from '@aduan/api/stats/monthly-report-xlsx.ts';
import { generatePendingReports, requestReportVersion } from '@aduan/api/stats/monthly-report.service.ts';
import { summarizeOpenCases } from '@aduan/api/stats/open-cases.service.ts';
import { computePublicStatistics, getPublicYear } from '@aduan/api/stats/public-statistics.service.ts';
import { listSatisfactionFigures, summarizeSatisfaction } from '@aduan/api/stats/satisfaction-figures.service.ts';
import { NationalCalendarCache } from '@aduan/api/sla/working-calendar.service.ts';
import { endOfLocalDay } from '@aduan/api/sla/working-days.ts';
import { DEMO_STAFF_PASSWORD } from '../src/commands/index.ts';
import { BENCH_TENANTS_DIR, countData, generate, MAIN_AGENCY, PROVINCE, setupFiguresDatabase, type FiguresCounts } from './figures-data.ts';
import { inlineParams, machine, REPO_ROOT, startBenchApi, waitIdle, writeResults, type Child } from './support.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100' },
    'http-runs': { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
    /** Builds (or migrates) the database and stops, keeping it. */
    'data-only': { type: 'boolean', default: false },
    /** Another database name, e.g. for a small trial beside a kept full one. */
    db: { type: 'string', default: 'aduan_bench_figures' },
    /** Skips the in-process dashboards (a trial of the other parts). */
    'skip-dashboards': { type: 'boolean', default: false },
    /** Skips the HTTP part (a rerun of the in-process parts). */
    'skip-http': { type: 'boolean', default: false },
    /** The results files' name (ops/bench/results/<name>.md), e.g. for a partial rerun. */
    results: { type: 'string', default: 'figures' },
    /** Prints the statements of one province dashboard (last whole month) with their times, and stops. */
    probe: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const SCALE = Number(values.scale);
const DB_NAME = values.db;
if (!/^[a-z_][a-z0-9_]*$/.test(DB_NAME)) throw new Error('figures: --db must be a plain database name');
const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The bench database: made afresh and filled, or a kept one migrated (--reuse). */
async function openBenchDatabase(): Promise<{ url: string; counts: FiguresCounts; buildSeconds: number | null }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error('figures: this benchmark runs on PostgreSQL; set DATABASE_URL=postgresql://user:password@127.0.0.1:5432/db');
    process.exit(2);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${DB_NAME}`;
  if (!values.reuse) {
    log(`figures: preparing database ${DB_NAME}`);
    await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${DB_NAME}`);
  }
  await setupFiguresDatabase(url.toString());
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    if (values.reuse) return { url: url.toString(), counts: await countData(client), buildSeconds: null };
    const started = performance.now();
    const counts = await generate(client, log, SCALE);
    return { url: url.toString(), counts, buildSeconds: Math.round((performance.now() - started) / 1000) };
  } finally {
    await client.end();
  }
}

// --- measuring --------------------------------------------------------------------------

const RUNS = Number(values.runs);
const HTTP_RUNS = Number(values['http-runs']);
const WARMUP = 5;
/**
 * Over HTTP a started API is warm after ~10-15 requests of any range (V8's compiling and the
 * pool's new PostgreSQL connections, each loading its own catalog caches: measured, a province's
 * month took 842, 337, 313 … 133 ms on its first twelve requests and 70-110 ms afterwards, and
 * another range's fifteen requests warmed it as well). The series are timed warm; the first
 * series' warm-up is kept as what the first users after a start see.
 */
const HTTP_WARMUP = 15;
/** A series stops after this long (at least 3 runs): a slow range must not hold the run for an hour. */
const SERIES_BUDGET_MS = 60_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}

interface Timing {
  runs: number;
  /** Runs that failed (e.g. Prisma's 15 s transaction timeout); their time counts. */
  failures?: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
}

async function time(runs: number, work: () => Promise<unknown>, warmup = WARMUP, warmupSamples: number[] = []): Promise<Timing> {
  const warming = performance.now();
  // A slow series warms up once (a run of seconds is warm after one).
  let failures = 0;
  let lastError = '';
  const attempt = async () => {
    try {
      await work();
    } catch (error) {
      failures += 1;
      lastError = String(error).replace(/\s+/g, ' ').slice(0, 200);
    }
  };
  for (let i = 0; i < warmup && (i < 1 || performance.now() - warming < 5_000); i += 1) {
    const started = performance.now();
    await attempt();
    warmupSamples.push(performance.now() - started);
  }
  failures = 0;
  const samples: number[] = [];
  const budget = performance.now() + SERIES_BUDGET_MS;
  for (let i = 0; i < runs && (i < 3 || performance.now() < budget); i += 1) {
    const started = performance.now();
    await attempt();
    samples.push(performance.now() - started);
  }
  if (failures > 0) log(`figures: ${failures} of ${samples.length} runs failed: ${lastError}`);
  return { ...summarize(samples), ...(failures > 0 ? { failures } : {}) };
}

/** The statements the pg driver runs while `capturing` is set, with their time (Prisma's adapter and db.sql both go through pg.Client#query). */
interface Captured {
  text: string;
  values: unknown[];
  ms: number;
}
const captured: Captured[] = [];
let capturing = false;
const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const result = originalQuery.apply(this, args);
  if (capturing && result && typeof (result as Promise<unknown>).then === 'function') {
    const [first, second] = args as [unknown, unknown];
    let entry: Captured | null = null;
    if (typeof first === 'string') entry = { text: first, values: Array.isArray(second) ? second : [], ms: 0 };
    else if (first && typeof first === 'object' && 'text' in first)
      entry = { text: String((first as { text: string }).text), values: ((first as { values?: unknown[] }).values ?? []) as unknown[], ms: 0 };
    if (entry) {
      const started = performance.now();
      const done = () => {
        entry.ms = performance.now() - started;
      };
      captured.push(entry);
      (result as Promise<unknown>).then(done, done);
    }
  }
  return result;
} as typeof pg.Client.prototype.query;

async function capture<T>(work: () => Promise<T>): Promise<{ value: T; statements: Captured[] }> {
  captured.length = 0;
  capturing = true;
  try {
    const value = await work();
    return {
      value,
      statements: captured.filter((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.text) && !/set_config/.test(entry.text)).map((entry) => ({ ...entry })),
    };
  } finally {
    capturing = false;
  }
}

const short = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 90);

// --- viewers ----------------------------------------------------------------------------

interface Viewer {
  name: string;
  email: string;
  /** The agency's console endpoint; null: the platform's. */
  slug: string | null;
  staff: StaffViewer;
}

async function loadViewer(client: pg.Client, name: string, email: string, slug: string | null): Promise<Viewer> {
  const {
    rows: [row],
  } = await client.query<{ id: string; tenant_id: string | null; province_id: string | null; roles: string[] | string; name: string }>(
    'SELECT id, tenant_id, province_id, roles::text[] AS roles, name FROM staff_user WHERE email_key = $1',
    [email],
  );
  if (!row) throw new Error(`no staff ${email}`);
  const provinceTenantIds = row.province_id
    ? (await client.query<{ id: string }>('SELECT id FROM tenant WHERE province_id = $1 ORDER BY slug', [row.province_id])).rows.map((tenant) => tenant.id)
    : [];
  const roles = (Array.isArray(row.roles) ? row.roles : String(row.roles).replace(/[{}]/g, '').split(',')) as StaffViewer['roles'];
  const staff = toStaffViewer({
    sessionId: 'bench',
    userId: row.id,
    roles,
    tenantId: row.tenant_id,
    provinceTenantIds,
    provinceId: row.province_id,
    name: row.name,
    email,
    title: null,
  });
  return { name, email, slug, staff };
}

// --- the dashboard, in-process ------------------------------------------------------------

interface Deps {
  db: Database;
  configs: TenantConfigCache;
  calendars: NationalCalendarCache;
}

const DASHBOARD_STEPS = ['configs', 'figures', 'openNow', 'attention', 'handlers', 'satisfaction'] as const;
type Step = (typeof DASHBOARD_STEPS)[number];

/** The `figures` resolver's work (dashboard.schema.ts), step by step, without the GraphQL layer. */
async function dashboard(deps: Deps, viewer: StaffViewer, allTenantIds: string[], filter: FigureFilter, steps?: Record<Step, number[]>): Promise<number> {
  const now = new Date();
  let last = performance.now();
  const lap = (step: Step) => {
    const at = performance.now();
    steps?.[step].push(at - last);
    last = at;
  };
  const audience = figureAudience(viewer, allTenantIds, null);
  const configs = await Promise.all(audience.tenantIds.map((tenantId) => deps.configs.find(tenantId)));
  lap('configs');
  const caseViewer = { ability: viewer.ability, scope: audience.scope };
  // As the console asks: the months and breakdowns for one agency only (ADR 0038).
  const summary = await summarizeFigures(deps.db.sql, audience.scope, audience.tenantIds, filter, now, {
    stages: true,
    breakdowns: audience.tenantIds.length === 1,
  });
  lap('figures');
  await summarizeOpenCases(deps.db.sql, audience.scope, audience.tenantIds, now);
  lap('openNow');
  await listAttentionCases(deps.db.prisma, caseViewer, audience.tenantIds, now);
  lap('attention');
  await listHandlerFigures(deps.db.sql, { ...caseViewer, userId: viewer.userId }, audience.tenantIds, filter, now);
  lap('handlers');
  if (viewer.ability.can('read', 'Case')) {
    for (const zone of new Set(configs.map((config) => config!.timeZone))) {
      const tenantIds = configs.filter((config) => config!.timeZone === zone).map((config) => config!.id);
      // Ratings given within the range's dates in the zone, as the resolver's instants().
      const period = {
        from: new Date(endOfLocalDay(filter.from, zone).getTime() + 1 - 86_400_000),
        to: new Date(endOfLocalDay(filter.to, zone).getTime() + 1),
      };
      const figures = await listSatisfactionFigures(deps.db.sql, { ability: viewer.ability, scope: { tenantIds }, userId: viewer.userId }, period);
      summarizeSatisfaction(figures, 'tenant');
    }
  }
  lap('satisfaction');
  return summary.total.received;
}

// --- GraphQL over HTTP ----------------------------------------------------------------------

/** The console's document with the fragments it spreads (as the web server appends them). */
async function consoleDocument(file: string): Promise<string> {
  const dir = path.join(REPO_ROOT, 'web', 'app', 'graphql');
  const source = await readFile(path.join(dir, file), 'utf8');
  const fragmentsText = (await readFile(path.join(dir, 'fragments.graphql'), 'utf8')).split('\n').filter((line) => !/^\s*#/.test(line));
  const fragments = new Map<string, string>();
  let current: string | null = null;
  for (const line of fragmentsText) {
    const start = /^fragment\s+(\w+)\s+on\s/.exec(line);
    if (start) current = start[1]!;
    if (current) fragments.set(current, `${fragments.get(current) ?? ''}${line}\n`);
  }
  const needed: string[] = [];
  const visit = (text: string) => {
    for (const [, name] of text.matchAll(/\.\.\.\s*(\w+)/g)) {
      if (name === 'on' || needed.includes(name!)) continue;
      needed.push(name!);
      visit(fragments.get(name!) ?? '');
    }
  };
  visit(source);
  return [source, ...needed.map((name) => fragments.get(name)!)].join('\n');
}

async function graphql(url: string, query: string, variables: unknown, token?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'id', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 400));
  return body.data;
}

async function signIn(apiUrl: string, viewer: Viewer): Promise<{ endpoint: string; token: string }> {
  const endpoint = viewer.slug ? `${apiUrl}/t/${viewer.slug}/graphql` : `${apiUrl}/graphql`;
  const { loginStaff } = await graphql(endpoint, 'mutation($input: StaffCredentialsInput!) { loginStaff(input: $input) { token } }', {
    input: { email: viewer.email, password: DEMO_STAFF_PASSWORD },
  });
  return { endpoint, token: loginStaff.token };
}

// --- EXPLAIN ----------------------------------------------------------------------------

async function explain(url: string, tenantIds: readonly string[], statement: { text: string; values: unknown[] }): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT set_config('role', 'aduan_app', true), set_config('app.tenant_ids', $1, true)", [`{${tenantIds.join(',')}}`]);
    // Twice: the first warms the cache as the timed runs did.
    await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
    await client.query('ROLLBACK');
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

// --- run --------------------------------------------------------------------------------

const load = () => os.loadavg().map((n) => Number(n.toFixed(1)));

function localToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function previousMonth(today: string): { year: number; month: number; from: string; to: string } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const y = month === 1 ? year - 1 : year;
  const m = month === 1 ? 12 : month - 1;
  const from = `${y}-${String(m).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { year: y, month: m, from, to };
}

async function main(): Promise<void> {
  log(`figures: load average ${load().join(' ')}`);
  const bench = await openBenchDatabase();
  log(`figures: ${JSON.stringify(bench.counts)} (built in ${bench.buildSeconds ?? 'reused'} s)`);
  if (values['data-only']) return;
  const children: Child[] = [];
  const client = new pg.Client({ connectionString: bench.url });
  await client.connect();
  await client.query('ANALYZE');
  const db = openDatabase({ databaseUrl: bench.url, pgliteDataDir: '', poolSize: 10 });
  const deps: Deps = { db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) };
  const result: Record<string, unknown> = {
    benchmark: 'figures',
    date: new Date().toISOString(),
    machine: machine(),
    data: bench.counts,
    buildSeconds: bench.buildSeconds,
  };
  const loads: { at: string; load: number[] }[] = [];
  const note = (at: string) => {
    loads.push({ at, load: load() });
    log(`figures: ${at}: load ${load().join(' ')}`);
  };
  try {
    const allTenantIds = (await client.query<{ id: string }>('SELECT id FROM tenant ORDER BY slug')).rows.map((row) => row.id);
    const main = (await client.query<{ id: string; time_zone: string }>('SELECT id, time_zone FROM tenant WHERE slug = $1', [MAIN_AGENCY])).rows[0]!;
    const other = (await client.query<{ id: string }>("SELECT id FROM tenant WHERE slug = 'uji-kalbar-01'")).rows[0]!;
    const viewers = [
      await loadViewer(client, 'province (secretariat, 20 agencies)', `sekretariat@${PROVINCE}.test`, null),
      await loadViewer(client, `agency (head of ${MAIN_AGENCY})`, `pimpinan@${MAIN_AGENCY}.test`, MAIN_AGENCY),
    ];
    const today = localToday(main.time_zone);
    const lastMonth = previousMonth(today);
    const ranges = [
      { label: 'this month so far (the console default)', from: `${today.slice(0, 8)}01`, to: today },
      { label: `last whole month (${lastMonth.from.slice(0, 7)})`, from: lastMonth.from, to: lastMonth.to },
      { label: 'year to date', from: `${today.slice(0, 4)}-01-01`, to: today },
      { label: 'two years (the longest range)', from: new Date(Date.parse(`${today}T00:00:00Z`) - 730 * 86_400_000).toISOString().slice(0, 10), to: today },
    ];

    if (values.probe) {
      const filter = checkFigureFilter({ from: ranges[1]!.from, to: ranges[1]!.to });
      for (const viewer of viewers) {
        let statements: Captured[] = [];
        try {
          statements = (await capture(() => dashboard(deps, viewer.staff, allTenantIds, filter))).statements;
        } catch (error) {
          log(`probe ${viewer.name}: failed: ${String(error).slice(0, 300)}`);
          statements = captured.filter((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.text) && !/set_config/.test(entry.text));
        }
        for (const entry of statements) log(`probe ${viewer.name}: ${entry.ms.toFixed(1)} ms ${short(entry.text)}`);
      }
      return;
    }

    // 1. The dashboards in-process, step by step.
    note('dashboards in-process');
    const dashboards: { viewer: string; range: string; received: number; timing: Timing; steps: Record<Step, number> }[] = [];
    const dashboardStatements = new Map<string, Captured[]>();
    for (const viewer of values['skip-dashboards'] ? [] : viewers) {
      for (const range of ranges) {
        const filter = checkFigureFilter({ from: range.from, to: range.to });
        let received = -1;
        let statements: Captured[] = [];
        try {
          ({ value: received, statements } = await capture(() => dashboard(deps, viewer.staff, allTenantIds, filter)));
        } catch (error) {
          log(`figures: ${viewer.name} / ${range.label}: the first run failed: ${String(error).replace(/\s+/g, ' ').slice(0, 200)}`);
          statements = captured.filter((entry) => /^\s*(SELECT|WITH)\b/i.test(entry.text) && !/set_config/.test(entry.text)).map((entry) => ({ ...entry }));
        }
        dashboardStatements.set(`${viewer.name}|${range.label}`, statements);
        const steps = Object.fromEntries(DASHBOARD_STEPS.map((step) => [step, [] as number[]])) as Record<Step, number[]>;
        const timing = await time(RUNS, () => dashboard(deps, viewer.staff, allTenantIds, filter, steps));
        const medians = Object.fromEntries(DASHBOARD_STEPS.map((step) => [step, summarize(steps[step]).p50])) as Record<Step, number>;
        dashboards.push({ viewer: viewer.name, range: range.label, received, timing, steps: medians });
        log(
          `figures: ${viewer.name} / ${range.label}: ${received} cases, p50 ${timing.p50} p95 ${timing.p95} p99 ${timing.p99} ms; steps p50 ${JSON.stringify(medians)}`,
        );
      }
    }
    result.dashboards = dashboards;

    // 2. The public statistics page's computation (a cache miss), in-process.
    note('public statistics in-process');
    const publicRows: { agency: string; path: string; timing: Timing }[] = [];
    const publicStatements = new Map<string, Captured[]>();
    for (const [slug, tenantId] of [
      [MAIN_AGENCY, main.id],
      ['uji-kalbar-01', other.id],
    ] as const) {
      const config = (await deps.configs.find(tenantId))!;
      const range = getPublicYear(null, config.timeZone);
      const { statements } = await capture(() => computePublicStatistics(db.sql, config, range, 'id'));
      publicStatements.set(slug, statements);
      const timing = await time(RUNS, () => computePublicStatistics(db.sql, config, range, 'id'));
      publicRows.push({ agency: slug, path: 'miss, in-process (computePublicStatistics)', timing });
      log(`figures: public statistics ${slug} ${range.year}: miss in-process p50 ${timing.p50} p95 ${timing.p95} ms`);
    }

    // 3. Keeping the figures current: a transition alone, then the pass over its event.
    note('transitions and the figures pass');
    await runFiguresToEnd(deps);
    const verifier = await loadViewer(client, 'verifier', `verifikator@${MAIN_AGENCY}.test`, MAIN_AGENCY);
    // A kept database (--reuse) runs out of submitted cases: each run takes ~430. The cases earlier
    // runs' verifier took and nobody moved since go back to SUBMITTED (the counting trigger keeps
    // the tallies; their history keeps the earlier take, so their first response is that take's).
    await client.query(
      `UPDATE "case" c SET status = 'SUBMITTED' WHERE c.id IN (
         SELECT c2.id FROM "case" c2 WHERE c2.tenant_id = $1 AND c2.status = 'IN_VERIFICATION' AND NOT c2.restricted
           AND (SELECT e.actor_id FROM case_event e WHERE e.case_id = c2.id ORDER BY e.id DESC LIMIT 1) = $2
           AND (SELECT count(*) FROM "case" s WHERE s.tenant_id = $1 AND s.status = 'SUBMITTED' AND NOT s.restricted) < 440
         ORDER BY c2.received_at DESC LIMIT 440)`,
      [main.id, verifier.staff.userId],
    );
    const submitted = (
      await client.query<{ id: string }>(
        `SELECT id FROM "case" WHERE tenant_id = $1 AND status = 'SUBMITTED' AND NOT restricted ORDER BY received_at DESC LIMIT 440`,
        [main.id],
      )
    ).rows.map((row) => row.id);
    const TRANSITIONS = Math.min(100, Math.floor((submitted.length - 21) / 3));
    if (TRANSITIONS < 10) throw new Error(`figures: only ${submitted.length} submitted cases to take`);
    const calendars = await loadCalendars(deps);
    const take = (caseId: string) => transitionCase(deps, verifier.staff, { caseId, transition: 'TAKE_FOR_VERIFICATION' });
    // Warm-up: a few transitions and a pass (the workflow's caches, Prisma's statements).
    for (const caseId of submitted.slice(2 * TRANSITIONS + 1, 2 * TRANSITIONS + 11)) await take(caseId);
    await runFiguresPass(deps, calendars);
    // a. Transitions back to back, the pass later over all their events (as a busy API: one pass per interval).
    const alone: number[] = [];
    for (const caseId of submitted.slice(0, TRANSITIONS)) {
      const started = performance.now();
      await take(caseId);
      alone.push(performance.now() - started);
    }
    const batchStarted = performance.now();
    const batchPass = await runFiguresPass(deps, calendars);
    const batchPassMs = performance.now() - batchStarted;
    // What counting what is open (the triggers of ADR 0036 and 0037) costs a transition, in this
    // run: rounds of transitions with the triggers and without, alternating (each round's first
    // discarded: switching re-plans), then the tallies counted again from the cases.
    const COUNTING_TRIGGERS = ['case_counting_update'];
    const switchTriggers = (on: boolean) =>
      client.query(`ALTER TABLE "case" ${COUNTING_TRIGGERS.map((name) => `${on ? 'ENABLE' : 'DISABLE'} TRIGGER ${name}`).join(', ')}`);
    const withTriggers: number[] = [];
    const withoutTriggers: number[] = [];
    const spare = submitted.slice(2 * TRANSITIONS + 11);
    const ROUND = 11;
    try {
      for (let round = 0; (round + 1) * ROUND <= spare.length && round < 20; round += 1) {
        const on = round % 2 === 0;
        await switchTriggers(on);
        const cases = spare.slice(round * ROUND, (round + 1) * ROUND);
        await take(cases[0]!);
        for (const caseId of cases.slice(1)) {
          const started = performance.now();
          await take(caseId);
          (on ? withTriggers : withoutTriggers).push(performance.now() - started);
        }
      }
    } finally {
      await switchTriggers(true);
      await client.query('SELECT aduan_recount_open_cases()');
    }
    // b. A pass after each transition (a quiet API: the runner reacts to each event).
    const followed: number[] = [];
    const passes: number[] = [];
    for (const caseId of submitted.slice(TRANSITIONS, 2 * TRANSITIONS)) {
      let started = performance.now();
      await take(caseId);
      followed.push(performance.now() - started);
      started = performance.now();
      await runFiguresPass(deps, calendars);
      passes.push(performance.now() - started);
    }
    const { statements: passStatements } = await capture(async () => {
      await take(submitted[2 * TRANSITIONS]!);
      await runFiguresPass(deps, calendars);
    });
    // c. A backlog: the last 20,000 events of the history read again (full batches of 2,000).
    const maxId = Number((await client.query<{ n: string }>('SELECT max(id)::text AS n FROM case_event')).rows[0]!.n);
    const BACKLOG = 20_000;
    const backlogFrom = maxId - 2 * TRANSITIONS - 12 - BACKLOG;
    const before = await client.query<Record<string, unknown>>(
      `SELECT f.case_id, f.outcome::text, f.first_response_working_days, f.resolve_working_days, f.within_standard, f.escalated
       FROM case_figure f WHERE f.case_id IN (SELECT case_id FROM case_event WHERE id > $1 AND id <= $2)`,
      [backlogFrom, backlogFrom + BACKLOG],
    );
    await client.query(`UPDATE notification_position SET up_to = $1, oldest = pg_snapshot_xmin(pg_current_snapshot())::text WHERE name = 'figures'`, [
      backlogFrom,
    ]);
    const backlogStarted = performance.now();
    let backlogEvents = 0;
    let backlogPasses = 0;
    for (;;) {
      const pass = await runFiguresPass(deps, calendars);
      if (!pass) break;
      backlogEvents += pass.events;
      backlogPasses += 1;
      if (!pass.more) break;
    }
    const backlogMs = performance.now() - backlogStarted;
    const after = new Map(
      (
        await client.query<Record<string, unknown>>(
          `SELECT case_id, outcome::text, first_response_working_days, resolve_working_days, within_standard, escalated FROM case_figure WHERE case_id = ANY ($1::uuid[])`,
          [before.rows.map((row) => row.case_id)],
        )
      ).rows.map((row) => [String(row.case_id), row]),
    );
    const differ = (field: string) => before.rows.filter((row) => String(after.get(String(row.case_id))?.[field]) !== String(row[field])).length;
    const generatedVsPass = {
      cases: before.rows.length,
      outcome: differ('outcome'),
      escalated: differ('escalated'),
      withinStandard: differ('within_standard'),
      resolveWorkingDays: differ('resolve_working_days'),
      firstResponseWorkingDays: differ('first_response_working_days'),
    };
    const transition = {
      transitions: TRANSITIONS,
      alone: summarize(alone),
      withTriggers: summarize(withTriggers),
      withoutTriggers: summarize(withoutTriggers),
      followedByPass: summarize(followed),
      passAfterEach: summarize(passes),
      batchPass: { events: batchPass?.events ?? 0, ms: Number(batchPassMs.toFixed(1)) },
      backlog: {
        events: backlogEvents,
        passes: backlogPasses,
        ms: Math.round(backlogMs),
        perEventMs: Number((backlogMs / Math.max(1, backlogEvents)).toFixed(3)),
      },
      generatedVsPass,
      passStatements: passStatements.map((entry) => ({ sql: short(entry.text), ms: Number(entry.ms.toFixed(2)) })),
    };
    result.transition = transition;
    log(`figures: transition ${JSON.stringify(transition)}`);

    // 4. The monthly report of the main agency's last month.
    note('monthly report');
    const target = { scope: 'AGENCY' as const, tenantId: main.id };
    const period = { year: lastMonth.year, month: lastMonth.month };
    const { value: content, statements: reportStatements } = await capture(() =>
      buildMonthlyReportContent(db, target, period, { version: 1, generatedAt: new Date() }),
    );
    const contentTiming = await time(3, () => buildMonthlyReportContent(db, target, period, { version: 1, generatedAt: new Date() }), 0);
    const pdfSizes: number[] = [];
    const xlsxSizes: number[] = [];
    const pdfTiming = await time(3, async () => pdfSizes.push((await renderMonthlyReportPdf(content)).length), 1);
    const xlsxTiming = await time(3, async () => xlsxSizes.push((await renderMonthlyReportXlsx(content)).length), 1);
    // As the API does it: one worker per turn (its start-up and the renderers' loading included), then a second report on it.
    const workerStarted = performance.now();
    const renderer = createReportRenderer();
    let workerFirstMs = 0;
    let workerSecondMs = 0;
    try {
      await renderer.render(content as MonthlyReportContent);
      workerFirstMs = performance.now() - workerStarted;
      const second = performance.now();
      await renderer.render(content as MonthlyReportContent);
      workerSecondMs = performance.now() - second;
    } finally {
      await renderer.close();
    }
    // As the API's job makes a report (monthly-report.service.ts): a version requested, then a
    // turn that takes it, starts the renderers' worker while it reads the content, renders,
    // stores both files (local storage here) and marks it ready. Each turn its own worker.
    const jobMs: number[] = [];
    const storageDir = await mkdtemp(path.join(os.tmpdir(), 'aduan-bench-reports-'));
    try {
      const storage = createLocalEvidenceStorage({ dir: storageDir });
      const head = viewers[1]!.staff;
      for (let turn = 0; turn < 3; turn += 1) {
        await requestReportVersion(db, target, period, { id: head.userId, tenantId: main.id, provinceId: null });
        const started = performance.now();
        const made = await generatePendingReports({
          db,
          storage,
          logger: { info() {}, warn() {}, error: (...args: unknown[]) => log(`figures: report job: ${String(args.at(-1))}`) },
        });
        if (made !== 1) throw new Error(`the report job made ${made} reports`);
        jobMs.push(Math.round(performance.now() - started));
      }
    } finally {
      await rm(storageDir, { recursive: true, force: true });
      await client.query('DELETE FROM monthly_report WHERE tenant_id = $1', [main.id]);
    }
    const report = {
      jobMs,
      agencyMonth: `${MAIN_AGENCY} ${lastMonth.from.slice(0, 7)}`,
      cases: content.totals.received,
      listed: content.cases.length,
      content: contentTiming,
      pdf: pdfTiming,
      xlsx: xlsxTiming,
      pdfBytes: pdfSizes[0],
      xlsxBytes: xlsxSizes[0],
      workerFirstMs: Math.round(workerFirstMs),
      workerSecondMs: Math.round(workerSecondMs),
      statements: reportStatements.map((entry) => ({ sql: short(entry.text), ms: Number(entry.ms.toFixed(1)) })),
    };
    result.report = report;
    log(`figures: report ${JSON.stringify({ ...report, statements: undefined })}`);

    // 5. Over HTTP: the console's query and the public page, cached and not.
    const http: { viewer: string; range: string; timing: Timing }[] = [];
    result.http = http;
    if (!values['skip-http']) {
      note('HTTP');
      const api = await startBenchApi(bench.url, { RATE_LIMIT_SCALE: '100000', DATABASE_POOL_SIZE: '10', TENANTS_DIR: BENCH_TENANTS_DIR });
      children.push(api);
      // Measured once the API's start-up work (its jobs' first turns: the SLA sweep's catch-up
      // over the generated data, the figures pass) has settled, as a running API is.
      result.settleMs = await waitIdle([api.process.pid!]);
      const consoleFigures = await consoleDocument('console-figures.graphql');
      const publicQuery = await consoleDocument('public-statistics.graphql');
      for (const viewer of viewers) {
        const { endpoint, token } = await signIn(api.url, viewer);
        for (const range of ranges.slice(0, 2)) {
          // As the console asks: an agency's page with its months and breakdowns, the province's without.
          const call = () => graphql(endpoint, consoleFigures, { filter: { from: range.from, to: range.to }, detail: viewer.slug !== null }, token);
          const cold: number[] = [];
          const timing = await time(HTTP_RUNS, call, HTTP_WARMUP, cold);
          if (!result.httpCold) result.httpCold = { viewer: viewer.name, range: range.label, ms: cold.map((ms) => Math.round(ms)) };
          http.push({ viewer: viewer.name, range: range.label, timing });
          log(`figures: HTTP ${viewer.name} / ${range.label}: p50 ${timing.p50} p95 ${timing.p95} p99 ${timing.p99} ms`);
        }
      }
      for (const slug of [MAIN_AGENCY, 'uji-kalbar-01']) {
        const timing = await time(RUNS * 2, () => graphql(`${api.url}/t/${slug}/graphql`, publicQuery, {}));
        publicRows.push({ agency: slug, path: 'cached, HTTP', timing });
        log(`figures: HTTP public statistics ${slug} cached: p50 ${timing.p50} p95 ${timing.p95} ms`);
      }
      await api.stop();
      children.pop();
      // The same page with the cache off (PUBLIC_STATISTICS_CACHE_SECONDS=0): every request is a miss, as the first after the pass's signal.
      const uncached = await startBenchApi(bench.url, {
        RATE_LIMIT_SCALE: '100000',
        DATABASE_POOL_SIZE: '10',
        TENANTS_DIR: BENCH_TENANTS_DIR,
        PUBLIC_STATISTICS_CACHE_SECONDS: '0',
      });
      children.push(uncached);
      result.settleUncachedMs = await waitIdle([uncached.process.pid!]);
      for (const slug of [MAIN_AGENCY, 'uji-kalbar-01']) {
        const timing = await time(RUNS, () => graphql(`${uncached.url}/t/${slug}/graphql`, publicQuery, {}));
        publicRows.push({ agency: slug, path: 'miss, HTTP (cache off)', timing });
        log(`figures: HTTP public statistics ${slug} miss: p50 ${timing.p50} p95 ${timing.p95} ms`);
      }
    }
    result.publicStatistics = publicRows;
    note('plans');

    // 6. Plans: every statement of the province's and the agency's dashboard (last whole month), the public page (main agency), the report.
    const plans: { key: string; ms: number; sql: string; plan: string }[] = [];
    const addPlans = async (key: string, tenantIds: readonly string[], statements: Captured[]) => {
      // The statements of the figures (not the configuration cache's loads).
      const relevant = statements.filter((entry) => /case_figure|case_stage_figure|"case"|case_handler|case_rating|case_event|case_sla/.test(entry.text));
      for (const [index, statement] of relevant.entries()) {
        plans.push({
          key: `${key} #${index + 1}`,
          ms: Number(statement.ms.toFixed(1)),
          sql: inlineParams(statement),
          plan: await explain(bench.url, tenantIds, statement),
        });
      }
    };
    const monthRange = ranges[1]!.label;
    await addPlans(`province dashboard, ${monthRange}`, viewers[0]!.staff.scope.tenantIds, dashboardStatements.get(`${viewers[0]!.name}|${monthRange}`) ?? []);
    await addPlans(`agency dashboard, ${monthRange}`, [main.id], dashboardStatements.get(`${viewers[1]!.name}|${monthRange}`) ?? []);
    await addPlans(`public statistics miss, ${MAIN_AGENCY}`, [main.id], publicStatements.get(MAIN_AGENCY) ?? []);
    await addPlans(`monthly report content, ${report.agencyMonth}`, [main.id], reportStatements);
    result.plans = plans;
    result.loads = loads;
    await writeResults(values.results, result, renderMarkdown(result as never, ranges, plans));
    log(`figures: results in ops/bench/results/${values.results}.md`);
  } finally {
    for (const child of children.reverse()) await child.stop();
    await db.close();
    await client.end();
    if (!values.keep) await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
  }
}

function renderMarkdown(
  result: any,
  ranges: { label: string; from: string; to: string }[],
  plans: { key: string; ms: number; sql: string; plan: string }[],
): string {
  const counts = result.data as FiguresCounts;
  const row = (t: Timing) => `${t.runs}${t.failures ? ` (${t.failures} failed)` : ''} | ${t.p50} | ${t.p95} | ${t.p99} | ${t.max}`;
  const t = result.transition;
  const r = result.report;
  return [
    `# Benchmark: dashboards, public statistics, monthly report (${String(result.date).slice(0, 10)})`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GiB, Node ${result.machine.node}; PostgreSQL 15 on the same machine, default settings (shared_buffers 128 MB). Load averages (1, 5, 15 min) at each phase: ${result.loads.map((entry: { at: string; load: number[] }) => `${entry.at} ${entry.load.join('/')}`).join('; ')}.`,
    '',
    `Data (ops/bench/figures-data.ts, generated in SQL${result.buildSeconds ? ` in ${Math.round(result.buildSeconds / 60)} min` : ', a kept database'}): ${counts.agencies} agencies of ${PROVINCE}, ${counts.cases.toLocaleString('en')} cases received over two years (${counts.mainCases.toLocaleString('en')} of them ${MAIN_AGENCY}'s, ~10,000 a month), ${counts.events.toLocaleString('en')} case events, ${counts.figures.toLocaleString('en')} case figures and ${counts.stageFigures.toLocaleString('en')} stage figures, ${counts.ratings.toLocaleString('en')} ratings, ${counts.openCases.toLocaleString('en')} cases open now. Ranges: ${ranges.map((range) => `${range.label} ${range.from}..${range.to}`).join('; ')}.`,
    '',
    '## The dashboards, in-process',
    '',
    "The `figures` resolver's services (dashboard.schema.ts) one after the other as it calls them, in the viewer's data scope: the figures over the range (`summarizeFigures`: the range's counts, its percentiles and the SLA stages, three transactions at once; the months and breakdowns only for one agency, as the console asks), what is open now (three statements over the tallies), the attention list (the overdue ids in SQL, then Prisma for the rows the viewer may open), the handler figures (three statements: the range's groups, the handlers' tallies, the viewer's own cases), satisfaction (two: the groups and the viewer's own cases); the configurations are cached. p50 per step in the last columns.",
    '',
    `| viewer | range | cases in range | runs | p50 ms | p95 ms | p99 ms | max ms | ${DASHBOARD_STEPS.join(' | ')} |`,
    `|---|---|---:|---:|---:|---:|---:|---:|${DASHBOARD_STEPS.map(() => '---:').join('|')}|`,
    ...result.dashboards.map(
      (entry: any) =>
        `| ${entry.viewer} | ${entry.range} | ${entry.received.toLocaleString('en')} | ${row(entry.timing)} | ${DASHBOARD_STEPS.map((step) => entry.steps[step]).join(' | ')} |`,
    ),
    '',
    '## The dashboards over HTTP',
    '',
    `The console's document (web/app/graphql/console-figures.graphql with its fragments) against the started API (production mode), signed in, ${HTTP_RUNS} sequential requests after ${HTTP_WARMUP} warm-up ones, once the API's start-up work had settled (its process under a quarter of a core for a second: ${result.settleMs ?? '?'} ms after it answered /readyz; ${result.settleUncachedMs ?? '?'} ms for the API without the page cache).`,
    '',
    '| viewer | range | runs | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...result.http.map((entry: any) => `| ${entry.viewer} | ${entry.range} | ${row(entry.timing)} |`),
    '',
    result.httpCold
      ? `The API's first requests after its start (the first series' warm-up, ${result.httpCold.viewer} / ${result.httpCold.range}), ms in order: ${result.httpCold.ms.join(', ')}.`
      : '',
    '',
    '## The public statistics page',
    '',
    "The page's document (web/app/graphql/public-statistics.graphql) for the current year, no sign-in. Cached: the API as configured (PUBLIC_STATISTICS_CACHE_SECONDS=300). Miss: an API with the cache off (0), so every request computes the page as the first one after the figures pass's signal does; and `computePublicStatistics` in-process.",
    '',
    '| agency | path | runs | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...result.publicStatistics.map((entry: any) => `| ${entry.agency} | ${entry.path} | ${row(entry.timing)} |`),
    '',
    '## Keeping the figures current',
    '',
    `A verifier takes ${t.transitions} submitted cases of ${MAIN_AGENCY} for verification (\`transitionCase\`, in-process): first back to back with one figures pass over all their events after (\`runFiguresPass\`), then rounds of 10 with the open-case triggers and 10 without them, alternating (what counting what is open costs a transition; each round's first transition discarded, the tallies counted again after), then each followed at once by a pass (as the runner does on a quiet API); then the last ${t.backlog.events.toLocaleString('en')} events of the history read again as a backlog (full batches of 2,000).`,
    '',
    '| what | runs | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    `| transition alone | ${row(t.alone)} |`,
    `| transition, in rounds with the open-case triggers | ${row(t.withTriggers)} |`,
    `| transition, in rounds between them without the triggers | ${row(t.withoutTriggers)} |`,
    `| transition with a pass after each | ${row(t.followedByPass)} |`,
    `| the pass after each transition (1 event) | ${row(t.passAfterEach)} |`,
    '',
    `One pass over the ${t.batchPass.events} events of the back-to-back transitions: ${t.batchPass.ms} ms (${(t.batchPass.ms / Math.max(1, t.batchPass.events)).toFixed(2)} ms an event). Backlog: ${t.backlog.events.toLocaleString('en')} events in ${t.backlog.passes} passes, ${t.backlog.ms} ms, ${t.backlog.perEventMs} ms an event.`,
    '',
    `The generated figures against the pass's for the backlog's ${t.generatedVsPass.cases.toLocaleString('en')} cases (how many differ): outcome ${t.generatedVsPass.outcome}, escalated ${t.generatedVsPass.escalated}, within standard ${t.generatedVsPass.withinStandard}, working days to resolve ${t.generatedVsPass.resolveWorkingDays}, to first response ${t.generatedVsPass.firstResponseWorkingDays} (the generator counts 5/7 of calendar days, the pass the agency's calendar).`,
    '',
    "A one-event pass's statements (ms):",
    '',
    ...t.passStatements.map((entry: any) => `- ${entry.ms} ms: \`${entry.sql}\``),
    '',
    '## The monthly report',
    '',
    `${r.agencyMonth}: ${r.cases.toLocaleString('en')} cases received, ${r.listed.toLocaleString('en')} listed (restricted cases count but are not listed). In-process, each part separately; then as the API renders (a worker thread per turn).`,
    '',
    '| part | runs | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---:|---:|---:|---:|---:|',
    `| content (queries + rows) | ${row(r.content)} |`,
    `| PDF (${Math.round(r.pdfBytes / 1024)} KiB) | ${row(r.pdf)} |`,
    `| XLSX (${Math.round(r.xlsxBytes / 1024)} KiB) | ${row(r.xlsx)} |`,
    '',
    `As the API's job makes it (a version requested, then a turn: its worker started while the content is read, both files rendered, stored and the report marked ready; each turn a new worker): ${(r.jobMs ?? []).join(', ')} ms.`,
    '',
    `In the worker: the first report ${r.workerFirstMs} ms (the worker's start and the renderers' loading included), a second on the same worker ${r.workerSecondMs} ms.`,
    '',
    "The content's statements (ms):",
    '',
    ...r.statements.map((entry: any) => `- ${entry.ms} ms: \`${entry.sql}\``),
    '',
    '## Plans',
    '',
    "Each statement as sent (captured at the pg driver, parameters inlined here for reading), with EXPLAIN (ANALYZE, BUFFERS) as `aduan_app` in the viewer's scope after one warm-up execution. The time in the heading is the statement's time in the first (capturing) run.",
    '',
    ...plans.flatMap((entry) => [`### ${entry.key} (${entry.ms} ms)`, '', '```sql', entry.sql, '```', '', '```', entry.plan, '```', '']),
  ].join('\n');
}

await main();
