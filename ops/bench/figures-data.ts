/**
 * The figures benchmark's data (issue 15): a province of 20 agencies (West Kalimantan's two demo
 * agencies and 18 generated copies of the demo Inspektorat's configuration, set up from a
 * generated tenants directory by `pnpm ops setup`) with 2,000,000 cases received over two years
 * and 10 events each (20,000,000), all generated in SQL (generate_series), with their figures
 * (`case_figure`, `case_stage_figure`) written in SQL from the same generated timings, the
 * figures the pass would compute from those events up to the working-day rounding (a weekday
 * share of 5/7 instead of the agency's calendar). The figures pass itself is measured on new
 * events by the benchmark (figures.ts), not used to build two years of history.
 *
 * Every case follows one script: filed, taken for verification (the first response), accepted
 * or rejected or transferred or asked for information, followed up, answered, closed, as far as
 * its status says, with notes, evidence, messages and reminders between; its pace is one random
 * factor per case, so times to answer spread over a few days to a few weeks around the
 * standard. The main agency (the demo Inspektorat) receives ~10,000 cases a month, for the
 * monthly report's agency-month.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { parseEnv } from '@aduan/api/env.ts';
import { runCommand } from '../src/commands/index.ts';
import { benchApiEnv, REPO_ROOT } from './support.ts';

export const PROVINCE = 'kalimantan-barat';
export const MAIN_AGENCY = 'inspektorat-kalbar';
export const TOTAL_CASES = 2_000_000;
export const EVENTS_PER_CASE = 10;
/** ~10,000 a month over the two years (730 days). */
export const MAIN_CASES = 245_000;
export const GENERATED_AGENCIES = 18;
export const DAYS = 730;
/** The generated tenants directory: the repository's tenants and the 18 copies. */
export const BENCH_TENANTS_DIR = path.join(REPO_ROOT, '.data', 'bench-figures-tenants');

const generatedSlug = (index: number) => `uji-kalbar-${String(index).padStart(2, '0')}`;
// 'UJA'..'UJR': 2 to 6 capital letters, unique.
const generatedPrefix = (index: number) => `UJ${String.fromCharCode(64 + index)}`;

/** Writes the tenants directory: the repository's tenants plus 18 copies of the Inspektorat in the same province. */
export async function writeBenchTenants(): Promise<string> {
  await rm(BENCH_TENANTS_DIR, { recursive: true, force: true });
  await mkdir(BENCH_TENANTS_DIR, { recursive: true });
  await cp(path.join(REPO_ROOT, 'tenants'), BENCH_TENANTS_DIR, { recursive: true });
  const source = await readFile(path.join(REPO_ROOT, 'tenants', MAIN_AGENCY, 'tenant.yaml'), 'utf8');
  for (let index = 1; index <= GENERATED_AGENCIES; index += 1) {
    const slug = generatedSlug(index);
    const dir = path.join(BENCH_TENANTS_DIR, slug);
    await cp(path.join(REPO_ROOT, 'tenants', MAIN_AGENCY), dir, { recursive: true });
    const text = source
      .replace(/^slug: .*$/m, `slug: ${slug}`)
      .replace(/^registrationPrefix: .*$/m, `registrationPrefix: ${generatedPrefix(index)}`)
      .replace(/^shortName: .*$/m, `shortName: Instansi Uji ${index}`)
      .replace(/^( {2}id: )Inspektorat Provinsi Kalimantan Barat$/m, `$1Instansi Uji ${index} Provinsi Kalimantan Barat`)
      .replace(/^( {2}en: )Inspectorate of West Kalimantan Province$/m, `$1Test Agency ${index} of West Kalimantan Province`)
      .replace(/^website: .*$/m, `website: https://uji-${index}.example.go.id/`);
    await writeFile(path.join(dir, 'tenant.yaml'), text);
  }
  return BENCH_TENANTS_DIR;
}

/** `pnpm ops setup` on the bench database with the generated tenants directory. */
export async function setupFiguresDatabase(url: string): Promise<void> {
  const tenantsDir = await writeBenchTenants();
  const env = parseEnv({ DATABASE_URL: url, API_DATABASE_URL: benchApiEnv(url).API_DATABASE_URL, TENANTS_DIR: tenantsDir });
  await runCommand('setup', { env, tenantsDir, actor: 'bench', print: () => {} });
}

export interface Agency {
  id: string;
  slug: string;
  prefix: string;
  timeZone: string;
  caseTypes: string[];
  categories: string[];
  channels: string[];
}

export async function loadProvince(client: pg.Client): Promise<Agency[]> {
  const { rows } = await client.query<{ id: string; slug: string; registration_prefix: string; time_zone: string }>(
    `SELECT t.id, t.slug, t.registration_prefix, t.time_zone FROM tenant t JOIN province p ON p.id = t.province_id WHERE p.slug = $1 ORDER BY t.slug`,
    [PROVINCE],
  );
  const of = async (table: string, tenantId: string) =>
    (await client.query<{ id: string }>(`SELECT id FROM "${table}" WHERE tenant_id = $1 ORDER BY position`, [tenantId])).rows.map((row) => row.id);
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      slug: row.slug,
      prefix: row.registration_prefix,
      timeZone: row.time_zone,
      caseTypes: await of('case_type', row.id),
      categories: await of('category', row.id),
      channels: await of('channel', row.id),
    })),
  );
}

/** The script's event offsets in days (times the case's pace), k = 1..10. */
const OFFSETS = '(ARRAY[0, 0.6, 1.2, 2, 2.8, 4, 5.5, 7, 9, 14]::float8[])';

/**
 * One agency's generated cases, in a temporary table the other statements read: the case's
 * shape, its pace and the instants of its script.
 */
async function generateCases(client: pg.Client, agency: Agency, count: number): Promise<void> {
  await client.query('DROP TABLE IF EXISTS bench_gen');
  await client.query(
    `
    CREATE TEMP TABLE bench_gen AS
    WITH base AS (
      SELECT g, (${DAYS}.0 * (1 - g::float8 / $5) + random() * 0.01) AS age,
             random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8
      FROM generate_series(1, $5) AS g
    ), shaped AS (
      SELECT b.*, date_trunc('milliseconds', (now() AT TIME ZONE 'UTC') - make_interval(secs => b.age * 86400)) AS received_at,
             0.3 + 2.2 * b.r8 * b.r8 AS pace,
             CASE
               WHEN b.age < 7 THEN (ARRAY['SUBMITTED','SUBMITTED','SUBMITTED','IN_VERIFICATION','IN_VERIFICATION','NEEDS_INFO','ACCEPTED','REJECTED'])[1 + floor(b.r1 * 8)::int]
               WHEN b.age < 45 THEN (ARRAY['IN_VERIFICATION','NEEDS_INFO','ACCEPTED','IN_FOLLOW_UP','IN_FOLLOW_UP','IN_FOLLOW_UP','ANSWERED','ANSWERED','CLOSED','CLOSED','REJECTED','TRANSFERRED'])[1 + floor(b.r1 * 12)::int]
               WHEN b.r1 < 0.62 THEN 'CLOSED'
               WHEN b.r1 < 0.74 THEN 'ANSWERED'
               WHEN b.r1 < 0.86 THEN 'REJECTED'
               WHEN b.r1 < 0.89 THEN 'TRANSFERRED'
               WHEN b.r1 < 0.95 THEN 'IN_FOLLOW_UP'
               WHEN b.r1 < 0.97 THEN 'NEEDS_INFO'
               WHEN b.r1 < 0.985 THEN 'ACCEPTED'
               WHEN b.r1 < 0.995 THEN 'IN_VERIFICATION'
               ELSE 'SUBMITTED'
             END AS status
      FROM base b
    ), numbered AS (
      SELECT s.*, extract(year FROM s.received_at)::int AS year,
             row_number() OVER (PARTITION BY extract(year FROM s.received_at) ORDER BY s.g)::int AS sequence
      FROM shaped s
    )
    SELECT gen_random_uuid() AS id, $1::uuid AS tenant_id, n.*,
           ($2::uuid[])[1 + floor(power(n.r2, 2) * cardinality($2::uuid[]))::int] AS case_type_id,
           CASE WHEN n.r3 < 0.05 THEN NULL ELSE ($3::uuid[])[1 + floor(power(n.r3, 2) * cardinality($3::uuid[]))::int] END AS category_id,
           ($4::uuid[])[1 + floor(power(n.r4, 2.5) * cardinality($4::uuid[]))::int] AS channel_id,
           -- The script's instants: k = 2 the first response, 4 the end of verification, 9 the answer, 10 the closure.
           n.received_at + make_interval(secs => ${OFFSETS}[2] * n.pace * 86400) AS t_first,
           n.received_at + make_interval(secs => ${OFFSETS}[4] * n.pace * 86400) AS t_verified,
           n.received_at + make_interval(secs => ${OFFSETS}[5] * n.pace * 86400) AS t_follow_up,
           n.received_at + make_interval(secs => ${OFFSETS}[9] * n.pace * 86400) AS t_answered,
           n.received_at + make_interval(secs => ${OFFSETS}[10] * n.pace * 86400) AS t_closed,
           n.status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO','ACCEPTED','IN_FOLLOW_UP') AS open
    FROM numbered n`,
    [agency.id, agency.caseTypes, agency.categories, agency.channels, count],
  );
  // The case type's stages, with the stored deadline's offset from receipt (working days × 7/5).
  await client.query('DROP TABLE IF EXISTS bench_stage');
  await client.query(
    `CREATE TEMP TABLE bench_stage AS
     SELECT ct.id AS case_type_id, ct.confidential, s.key, s.position,
            row_number() OVER (PARTITION BY ct.id ORDER BY s.position) AS nth,
            count(*) OVER (PARTITION BY ct.id) AS stages,
            sum(s.working_days) OVER (PARTITION BY ct.id ORDER BY s.position) * 1.4 AS deadline_days,
            sum(s.working_days) OVER (PARTITION BY ct.id) AS standard
     FROM case_type ct JOIN sla_stage s ON s.sla_policy_id = ct.sla_policy_id AND s.active
     WHERE ct.tenant_id = $1`,
    [agency.id],
  );
  await client.query('ANALYZE bench_gen');
}

async function insertCases(client: pg.Client, agency: Agency): Promise<void> {
  await client.query(
    `
    WITH filled AS (
      SELECT g.*, st.key AS stage_key, st.deadline AS stage_deadline,
             -- The SLA sweep escalates every open case past its deadline (not while it waits for the
             -- reporter): so does the history, or the API started for the HTTP runs would.
             st.deadline < (now() AT TIME ZONE 'UTC') AND g.status <> 'NEEDS_INFO' AS escalated
      FROM bench_gen g
      LEFT JOIN LATERAL (
        -- The running stage: the first while verifying, the last while following up.
        SELECT s.key, g.received_at + make_interval(secs => s.deadline_days * 86400) AS deadline
        FROM bench_stage s
        WHERE s.case_type_id = g.case_type_id AND g.open
          AND s.nth = CASE WHEN g.status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO') THEN 1 ELSE s.stages END
      ) st ON true
    ), new_case AS (
      INSERT INTO "case" (
        id, tenant_id, registration_number, year, sequence, case_type_id, category_id, channel_id, status,
        identity_mode, identity_protection, tracking_code_hash, title, answers, locale, received_at, submitted_at,
        deadlines, priority, stage_key, stage_started_at, stage_deadline, stage_provisional, stage_pauses,
        waiting_since, resume_status, restricted, closed_at, updated_at
      )
      SELECT n.id, $1::uuid, $2 || '-' || n.year || '-' || lpad(n.sequence::text, 6, '0'), n.year, n.sequence,
             n.case_type_id, n.category_id, n.channel_id, n.status::"CaseStatus",
             (ARRAY['IDENTIFIED','IDENTIFIED','PSEUDONYMOUS','ANONYMOUS'])[1 + floor(n.r5 * 4)::int]::"IdentityMode",
             'NONE'::"IdentityProtection", md5(n.g::text || $2), 'Laporan uji ' || n.g, '{}'::jsonb, 'id', n.received_at, n.received_at,
             coalesce((SELECT jsonb_agg(jsonb_build_object('key', s.key, 'deadline',
                               to_char(n.received_at + make_interval(secs => s.deadline_days * 86400), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY s.position)
                       FROM bench_stage s WHERE s.case_type_id = n.case_type_id), '[]'::jsonb),
             (CASE WHEN n.r6 < 0.10 THEN 'LOW' WHEN n.r6 < 0.80 THEN 'NORMAL' WHEN n.r6 < 0.95 THEN 'HIGH' ELSE 'URGENT' END)::"CasePriority",
             n.stage_key, CASE WHEN n.stage_key IS NOT NULL THEN CASE WHEN n.status IN ('ACCEPTED','IN_FOLLOW_UP') THEN n.t_verified ELSE n.received_at END END,
             n.stage_deadline, false, '[]'::jsonb,
             CASE WHEN n.status = 'NEEDS_INFO' THEN n.t_verified END,
             CASE WHEN n.status = 'NEEDS_INFO' THEN 'IN_VERIFICATION'::"CaseStatus" END,
             n.r7 > 0.99,
             CASE WHEN n.status = 'CLOSED' THEN n.t_closed WHEN n.status IN ('REJECTED','TRANSFERRED') THEN n.t_verified END,
             now()
      FROM filled n
    )
    INSERT INTO case_sla (case_id, tenant_id, received_at, overdue_at, escalated_at, escalation_source)
    SELECT n.id, $1::uuid, n.received_at,
           CASE WHEN n.status <> 'NEEDS_INFO' THEN n.stage_deadline END,
           CASE WHEN n.escalated THEN least(n.stage_deadline + interval '1 hour', now() AT TIME ZONE 'UTC') END,
           CASE WHEN n.escalated THEN 'SLA_SWEEP'::"EscalationSource" END
    FROM filled n`,
    [agency.id, agency.prefix],
  );
}

/** Ten events per case, in the order of the script; ids rise with time across the agency. */
async function insertEvents(client: pg.Client, agency: Agency): Promise<void> {
  await client.query(
    `
    WITH script AS (
      SELECT g.id, g.status, g.received_at, g.pace, k,
             CASE
               WHEN k = 2 AND g.status <> 'SUBMITTED' THEN 'TAKE_FOR_VERIFICATION'
               WHEN k = 4 AND g.status = 'NEEDS_INFO' THEN 'REQUEST_INFO'
               WHEN k = 4 AND g.status IN ('ACCEPTED','IN_FOLLOW_UP','ANSWERED','CLOSED') THEN 'ACCEPT'
               WHEN k = 4 AND g.status = 'REJECTED' THEN 'REJECT'
               WHEN k = 4 AND g.status = 'TRANSFERRED' THEN 'TRANSFER'
               WHEN k = 5 AND g.status IN ('IN_FOLLOW_UP','ANSWERED','CLOSED') THEN 'START_FOLLOW_UP'
               WHEN k = 9 AND g.status IN ('ANSWERED','CLOSED') THEN 'APPROVE_ANSWER'
               WHEN k = 10 AND g.status = 'CLOSED' THEN 'CLOSE'
             END AS transition,
             s.escalated_at IS NOT NULL AND k = 8 AS escalation
      FROM bench_gen g JOIN case_sla s ON s.case_id = g.id CROSS JOIN generate_series(1, ${EVENTS_PER_CASE}) AS k
    )
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, actor_id, visibility, status, data, created_at)
    SELECT $1::uuid, e.id,
           (CASE WHEN e.k = 1 THEN 'SUBMITTED' WHEN e.transition IS NOT NULL THEN 'STATUS_CHANGED' WHEN e.escalation THEN 'ESCALATED'
                 ELSE (ARRAY['NOTE_ADDED','NOTE_ADDED','MESSAGE','EVIDENCE_ADDED','NOTE_ADDED','MESSAGE','PRIORITY_CHANGED','NOTE_ADDED','REMINDER_SENT','NOTE_ADDED'])[e.k] END)::"CaseEventKind",
           (CASE WHEN e.k = 1 THEN 'REPORTER' WHEN e.escalation OR (e.transition IS NULL AND e.k = 9) THEN 'SYSTEM' ELSE 'STAFF' END)::"ActorKind",
           NULL,
           (CASE WHEN e.k = 1 OR e.transition IS NOT NULL OR (e.k IN (3, 6) AND e.transition IS NULL) THEN 'REPORTER' ELSE 'INTERNAL' END)::"EventVisibility",
           e.status::"CaseStatus",
           CASE WHEN e.transition IS NOT NULL THEN jsonb_build_object('transition', e.transition) ELSE '{}'::jsonb END,
           least(e.received_at + make_interval(secs => ${OFFSETS}[e.k] * e.pace * 86400), now() AT TIME ZONE 'UTC')
    FROM script e
    ORDER BY e.received_at, e.k`,
    [agency.id],
  );
}

/**
 * The figures of each case as the pass computes them from its script: the first response is the
 * staff's first visible step (k = 2), the answer k = 9, a rejection or transfer k = 4; working
 * days are 5/7 of calendar days (the pass counts the agency's calendar).
 */
async function insertFigures(client: pg.Client, agency: Agency): Promise<void> {
  await client.query(
    `
    INSERT INTO case_figure (case_id, tenant_id, case_type_id, category_id, channel_id, confidential, received_at, received_date, received_month,
      status, outcome, first_response_at, first_response_working_days, first_response_days, resolved_at, resolve_working_days, resolve_days,
      standard_working_days, within_standard, escalated, transferred_in)
    SELECT g.id, $1::uuid, g.case_type_id, g.category_id, g.channel_id, ct.confidential, g.received_at,
           (g.received_at AT TIME ZONE 'UTC' AT TIME ZONE $2)::date, date_trunc('month', (g.received_at AT TIME ZONE 'UTC' AT TIME ZONE $2))::date,
           g.status::"CaseStatus",
           (CASE WHEN g.status IN ('ANSWERED','CLOSED') THEN 'ANSWERED' WHEN g.status = 'REJECTED' THEN 'REJECTED' WHEN g.status = 'TRANSFERRED' THEN 'TRANSFERRED' ELSE 'OPEN' END)::"FigureOutcome",
           fr.at, floor(fr.days * 5 / 7)::int, round(fr.days::numeric, 1)::float8,
           res.at, floor(res.days * 5 / 7)::int, round(res.days::numeric, 1)::float8,
           std.standard,
           CASE WHEN g.status IN ('ANSWERED','CLOSED') AND std.standard IS NOT NULL THEN floor(res.days * 5 / 7) <= std.standard END,
           s.escalated_at IS NOT NULL, false
    FROM bench_gen g
    JOIN case_type ct ON ct.id = g.case_type_id
    JOIN case_sla s ON s.case_id = g.id
    LEFT JOIN LATERAL (SELECT max(b.standard)::int AS standard FROM bench_stage b WHERE b.case_type_id = g.case_type_id) std ON true
    LEFT JOIN LATERAL (SELECT g.t_first AS at, ${OFFSETS}[2] * g.pace AS days WHERE g.status <> 'SUBMITTED' AND g.t_first < now() AT TIME ZONE 'UTC') fr ON true
    LEFT JOIN LATERAL (
      SELECT CASE WHEN g.status IN ('ANSWERED','CLOSED') THEN g.t_answered ELSE g.t_verified END AS at,
             CASE WHEN g.status IN ('ANSWERED','CLOSED') THEN ${OFFSETS}[9] ELSE ${OFFSETS}[4] END * g.pace AS days
      WHERE g.status IN ('ANSWERED','CLOSED','REJECTED','TRANSFERRED')
    ) res ON true`,
    [agency.id, agency.timeZone],
  );
  // Finished stages: the first ends at the end of verification, the last at the answer.
  await client.query(
    `
    INSERT INTO case_stage_figure (case_id, stage_key, tenant_id, case_type_id, received_at, received_date, started_at, deadline, ended_at, late)
    SELECT g.id, b.key, $1::uuid, g.case_type_id, g.received_at, (g.received_at AT TIME ZONE 'UTC' AT TIME ZONE $2)::date,
           CASE WHEN b.nth = 1 THEN g.received_at ELSE g.t_verified END,
           g.received_at + make_interval(secs => b.deadline_days * 86400), e.ended,
           e.ended > g.received_at + make_interval(secs => b.deadline_days * 86400)
    FROM bench_gen g JOIN bench_stage b ON b.case_type_id = g.case_type_id
    CROSS JOIN LATERAL (SELECT CASE WHEN b.nth = b.stages AND b.nth > 1 OR b.stages = 1 THEN g.t_answered ELSE g.t_verified END AS ended) e
    WHERE (b.nth < b.stages AND g.status IN ('ACCEPTED','IN_FOLLOW_UP','ANSWERED','CLOSED','REJECTED','TRANSFERRED'))
       OR (b.nth = b.stages AND g.status IN ('ANSWERED','CLOSED'))`,
    [agency.id, agency.timeZone],
  );
}

/** Ratings of about a third of the answers; named handlers of the restricted cases. */
async function insertRatingsAndHandlers(client: pg.Client, agency: Agency): Promise<void> {
  await client.query(
    `INSERT INTO case_rating (case_id, tenant_id, case_type_id, handler_id, satisfied, rated_at, updated_at)
     SELECT g.id, $1::uuid, g.case_type_id, NULL, g.r6 < 0.75, g.t_answered + interval '1 day', g.t_answered + interval '1 day'
     FROM bench_gen g WHERE g.status IN ('ANSWERED','CLOSED') AND g.r5 < 0.33 AND g.t_answered + interval '1 day' < now() AT TIME ZONE 'UTC'`,
    [agency.id],
  );
  const staff = (await client.query<{ id: string }>('SELECT id FROM staff_user WHERE tenant_id = $1 ORDER BY email_key', [agency.id])).rows.map(
    (row) => row.id,
  );
  await client.query(
    `INSERT INTO case_handler (tenant_id, case_id, staff_user_id)
     SELECT DISTINCT $1::uuid, g.id, h.staff
     FROM bench_gen g
     CROSS JOIN LATERAL (VALUES (($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int]),
                                (($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int])) AS h(staff)
     WHERE g.r7 > 0.99`,
    [agency.id, staff],
  );
}

export interface FiguresCounts {
  agencies: number;
  cases: number;
  mainCases: number;
  events: number;
  figures: number;
  stageFigures: number;
  ratings: number;
  openCases: number;
}

/** Generates everything; the setup (migrations, the 20 agencies, demo staff) must have run. */
export async function generate(client: pg.Client, log: (line: string) => void, scale = 1): Promise<FiguresCounts> {
  await client.query('SELECT setseed(0.2026)');
  await client.query("SET synchronous_commit = 'off'");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query("SET work_mem = '256MB'");
  const agencies = await loadProvince(client);
  const others = agencies.filter((agency) => agency.slug !== MAIN_AGENCY);
  const perOther = Math.round(((TOTAL_CASES - MAIN_CASES) * scale) / others.length);
  for (const agency of agencies) {
    const count = agency.slug === MAIN_AGENCY ? Math.round(MAIN_CASES * scale) : perOther;
    const started = performance.now();
    await generateCases(client, agency, count);
    await insertCases(client, agency);
    const cases = performance.now();
    await insertEvents(client, agency);
    const events = performance.now();
    await insertFigures(client, agency);
    await insertRatingsAndHandlers(client, agency);
    log(
      `figures: ${agency.slug}: ${count} cases ${((cases - started) / 1000).toFixed(0)} s, events ${((events - cases) / 1000).toFixed(0)} s, figures ${((performance.now() - events) / 1000).toFixed(0)} s`,
    );
  }
  await client.query('DROP TABLE IF EXISTS bench_gen');
  await client.query('DROP TABLE IF EXISTS bench_stage');
  // The readers of the event log start at its end: the history's figures are written above, and
  // no mail goes out for generated events.
  await client.query(
    `UPDATE notification_position SET up_to = (SELECT coalesce(max(id), 0) FROM case_event), oldest = pg_snapshot_xmin(pg_current_snapshot())::text`,
  );
  await client.query(
    `INSERT INTO notification_position (name, up_to, oldest)
     SELECT 'email', coalesce(max(id), 0), pg_snapshot_xmin(pg_current_snapshot())::text FROM case_event ON CONFLICT (name) DO NOTHING`,
  );
  // The open-case changes the triggers wrote while the cases were generated, folded as the API's
  // figures runner folds them after each pass (ADR 0036).
  log('figures: folding the open-case changes');
  await client.query('SELECT aduan_fold_open_case_changes()');
  log('figures: VACUUM ANALYZE');
  await client.query('VACUUM ANALYZE');
  return countData(client);
}

export async function countData(client: pg.Client): Promise<FiguresCounts> {
  const one = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  const main = (await client.query<{ id: string }>('SELECT id FROM tenant WHERE slug = $1', [MAIN_AGENCY])).rows[0]!.id;
  return {
    agencies: (await loadProvince(client)).length,
    cases: await one('SELECT count(*) AS n FROM "case"'),
    mainCases: await one('SELECT count(*) AS n FROM "case" WHERE tenant_id = $1', [main]),
    events: await one('SELECT count(*) AS n FROM case_event'),
    figures: await one('SELECT count(*) AS n FROM case_figure'),
    stageFigures: await one('SELECT count(*) AS n FROM case_stage_figure'),
    ratings: await one('SELECT count(*) AS n FROM case_rating'),
    openCases: await one(`SELECT count(*) AS n FROM "case" WHERE status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO','ACCEPTED','IN_FOLLOW_UP')`),
  };
}
