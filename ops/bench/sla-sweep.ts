/**
 * The SLA sweep over 1,000,000 open cases on PostgreSQL (target: a whole sweep in under
 * 60 s on the 2-core machine). Cases are generated with generate_series over the demo
 * agencies' case types that have an SLA policy, then swept once at a fixed instant:
 *
 * - realistic: 20% overdue, 10% with a reminder due, 0.5% silence notices and 0.5% silence
 *   closures due, the rest with nothing due;
 * - worst case: every case overdue;
 * - idle: a sweep that finds nothing (what almost every minute's sweep is).
 *
 * Before each full sweep, one batch of each pass is run under EXPLAIN (ANALYZE, BUFFERS)
 * and rolled back; the plans go into the results file.
 *
 *   DATABASE_URL=postgresql://aduan:aduan@127.0.0.1:5432/aduan pnpm bench sla-sweep [--cases 1000000]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { z } from 'zod';
import { TenantConfigCache } from '@aduan/api/config/tenant-config.service.ts';
import { openDatabase } from '@aduan/api/db.ts';
import { planTransition, TRANSITIONS } from '@aduan/api/cases/case-lifecycle.ts';
import { DEFAULT_SWEEP_BATCH_SIZE, runSlaSweep, type SlaSweepResult } from '@aduan/api/jobs/sla-sweep.service.ts';
import { CLOSE_SILENT, ESCALATE_OVERDUE, SELECT_DUE_REMINDERS, SEND_SILENCE_NOTICES, WRITE_REMINDERS } from '@aduan/api/jobs/sla-sweep.sql.ts';
import { NationalCalendarCache } from '@aduan/api/sla/working-calendar.service.ts';
import { createBenchDatabase, machine, writeResults } from './support.ts';

const { values } = parseArgs({ options: { cases: { type: 'string' }, keep: { type: 'boolean' } } });
const CASES = z.coerce
  .number()
  .int()
  .min(1000)
  .max(5_000_000)
  .parse(values.cases ?? '1000000');
/** The sweep's instant: Thursday 26 November 2026, 08:00 WIB. */
const NOW = new Date('2026-11-26T08:00:00+07:00');

const benchDb = await createBenchDatabase('sla-sweep', 'aduan_bench_sla_sweep');
const client = new pg.Client({ connectionString: benchDb.url });
await client.connect();
const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  const ms = Math.round(performance.now() - started);
  console.log(`sla-sweep: ${label}: ${seconds(ms)} s`);
  return { value, ms };
}

/**
 * Every case is open and in the first stage of its case type's policy. `g` picks the case
 * type and, by its remainder modulo 1000, what is due at NOW.
 */
const GENERATE = `
  WITH types AS (
    SELECT row_number() OVER (ORDER BY ct.id) - 1 AS n, ct.id AS case_type_id, ct.tenant_id, t.time_zone, s.key AS stage_key
    FROM case_type ct
    JOIN tenant t ON t.id = ct.tenant_id
    JOIN LATERAL (SELECT key FROM sla_stage WHERE sla_policy_id = ct.sla_policy_id AND active ORDER BY position LIMIT 1) s ON true
    WHERE ct.sla_policy_id IS NOT NULL
  ), counted AS (SELECT count(*) AS types FROM types),
  rows AS (
    SELECT g, g % 1000 AS bucket, ty.*,
      -- local midnight of a date in the tenant's zone, as an instant
      ((DATE '2026-11-26')::timestamp AT TIME ZONE ty.time_zone) AS thursday
    FROM generate_series(1, $1::int) g
    CROSS JOIN counted
    JOIN types ty ON ty.n = g % counted.types
  ),
  planned AS (
    SELECT gen_random_uuid() AS id, tenant_id, g, case_type_id,
      (CASE WHEN bucket >= 300 AND bucket < 310 THEN 'NEEDS_INFO' WHEN g % 3 = 0 THEN 'SUBMITTED' WHEN g % 3 = 1 THEN 'IN_VERIFICATION' ELSE 'IN_FOLLOW_UP' END)::"CaseStatus" AS status,
      thursday - interval '4 days' AS received_at, stage_key, thursday - interval '3 days' + interval '9 hours' AS stage_started_at,
      CASE
        WHEN bucket < 200 THEN thursday - interval '1 millisecond' - (g % 10) * interval '1 day'          -- overdue
        WHEN bucket < 300 THEN thursday + interval '1 day' - interval '1 millisecond'                       -- due today: reminder due
        ELSE thursday + interval '6 days' - interval '1 millisecond'                                         -- later
      END AS stage_deadline,
      bucket >= 300 AND bucket < 310 AS waiting,
      thursday,
      CASE
        WHEN bucket < 200 OR (bucket >= 300 AND bucket < 310) THEN NULL
        WHEN bucket < 300 THEN thursday - interval '1 millisecond'                                           -- end of Wednesday
        ELSE thursday + interval '5 days' - interval '1 millisecond'
      END AS next_reminder_at,
      CASE WHEN bucket >= 300 AND bucket < 305 THEN thursday - interval '1 millisecond' END AS silence_notice_at, -- notice due
      CASE WHEN bucket >= 300 AND bucket < 305 THEN thursday + interval '2 days'
           WHEN bucket >= 305 AND bucket < 310 THEN thursday - interval '1 millisecond' END AS silence_close_at  -- closure due
    FROM rows
  ), new_case AS (
    INSERT INTO "case" (
      id, tenant_id, registration_number, year, sequence, case_type_id, status, identity_mode, identity_protection,
      tracking_code_hash, title, answers, locale, received_at, submitted_at, deadlines, stage_key, stage_started_at,
      stage_deadline, stage_pauses, waiting_since, resume_status, updated_at
    )
    SELECT id, tenant_id, 'BENCH-2026-' || g, 2026, g, case_type_id, status,
      'ANONYMOUS', 'NONE', md5(g::text), 'Laporan uji ' || g, '{}', 'id',
      received_at, received_at, '[]', stage_key, stage_started_at, stage_deadline,
      CASE WHEN waiting THEN jsonb_build_array(jsonb_build_object('from', thursday - interval '9 days', 'to', null)) ELSE '[]'::jsonb END,
      CASE WHEN waiting THEN thursday - interval '9 days' END,
      CASE WHEN waiting THEN 'IN_VERIFICATION'::"CaseStatus" END,
      received_at
    FROM planned
  )
  -- The sweep's timers beside each case, as the lifecycle writes them (sla/case-sla.ts).
  INSERT INTO case_sla (case_id, tenant_id, received_at, overdue_at, next_reminder_at, silence_notice_at, silence_close_at)
  SELECT id, tenant_id, received_at, CASE WHEN NOT waiting THEN stage_deadline END, next_reminder_at, silence_notice_at, silence_close_at
  FROM planned`;

/** Every case overdue again, nothing else due, and the previous sweep's trail removed. */
const RESET_ALL_OVERDUE = [
  `UPDATE "case" SET status = 'IN_VERIFICATION', closed_at = NULL,
    stage_key = coalesce(stage_key, 'verification'), stage_started_at = received_at,
    stage_deadline = $1::timestamptz - interval '1 hour', stage_pauses = '[]',
    waiting_since = NULL, resume_status = NULL`,
  `UPDATE case_sla SET overdue_at = $1::timestamptz - interval '1 hour', next_reminder_at = NULL,
    escalated_at = NULL, escalation_source = NULL, silence_notice_at = NULL, silence_close_at = NULL`,
];

async function clearTrail(): Promise<void> {
  await client.query('TRUNCATE sla_notice, staff_notification CASCADE'); // with who read them (staff_notification_read)
  await client.query('DELETE FROM case_message');
  await client.query(`DELETE FROM case_event WHERE kind IN ('REMINDER_SENT', 'ESCALATED', 'SILENCE_NOTICE', 'STATUS_CHANGED')`);
}

async function vacuum(): Promise<void> {
  for (const table of ['"case"', 'case_sla', 'case_event', 'sla_notice', 'staff_notification', 'case_message']) await client.query(`VACUUM ANALYZE ${table}`);
  // Start each sweep with the dirty pages of the setup written out, where the role may (pg_checkpoint).
  await client.query('CHECKPOINT').catch(() => {});
}

/** One batch of each statement under EXPLAIN ANALYZE, rolled back. */
async function explainPasses(): Promise<Record<string, string>> {
  const closing = planTransition({ status: 'NEEDS_INFO', resumeStatus: null }, 'CLOSE_FOR_SILENCE', { kind: 'SYSTEM' });
  const at = NOW.toISOString();
  const statements: [string, string, unknown[]][] = [
    ['reminders: select and lock a batch', SELECT_DUE_REMINDERS, [at, DEFAULT_SWEEP_BATCH_SIZE]],
    ['overdue: escalate a batch', ESCALATE_OVERDUE, [at, DEFAULT_SWEEP_BATCH_SIZE]],
    ['silence notices: a batch', SEND_SILENCE_NOTICES, [at, DEFAULT_SWEEP_BATCH_SIZE]],
    [
      'silence closures: a batch',
      CLOSE_SILENT,
      [at, DEFAULT_SWEEP_BATCH_SIZE, TRANSITIONS.CLOSE_FOR_SILENCE.from, closing.to, closing.visibility, closing.name],
    ],
  ];
  const plans: Record<string, string> = {};
  const explained = async (sql: string, params: unknown[]) =>
    (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n');
  for (const [label, sql, params] of statements) {
    await client.query('BEGIN');
    try {
      // As the sweep's batch transactions run (sla-sweep.service.ts).
      await client.query('SET LOCAL synchronous_commit TO OFF');
      await client.query('SET LOCAL enable_nestloop TO OFF');
      plans[label] = await explained(sql, params);
      if (sql === SELECT_DUE_REMINDERS) {
        // The batch's write, with each case's reminder sent and no next one (the service plans
        // these with the tenant's calendar; the statement's work is the same).
        const { rows } = await client.query(SELECT_DUE_REMINDERS, params);
        const input = rows.map((row: Record<string, unknown>) => ({
          id: row.id,
          tenant_id: row.tenant_id,
          status: row.status,
          stage_key: row.stage_key,
          stage_deadline: (row.stage_deadline as Date | null)?.toISOString().slice(0, -1) ?? null,
          step: 1,
          due_at: new Date(NOW.getTime() - 1).toISOString(),
          next_at: null,
        }));
        if (input.length > 0) plans['reminders: write the batch'] = await explained(WRITE_REMINDERS, [at, JSON.stringify(input)]);
      }
    } finally {
      await client.query('ROLLBACK');
    }
  }
  return plans;
}

async function sweep(label: string): Promise<{ result: SlaSweepResult; ms: number }> {
  const db = openDatabase({ databaseUrl: benchDb.url, pgliteDataDir: 'unused', poolSize: 4 });
  try {
    const deps = { db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) };
    const { value, ms } = await timed(label, () => runSlaSweep(deps, { now: NOW }));
    console.log(
      `sla-sweep:   ${JSON.stringify({ reminders: value.reminders, escalations: value.escalations, silenceNotices: value.silenceNotices, silenceClosures: value.silenceClosures, ms: value.ms })}`,
    );
    return { result: value, ms };
  } finally {
    await db.close();
  }
}

async function tableSizes() {
  const result = await client.query(
    `SELECT relname AS table, pg_size_pretty(pg_total_relation_size(oid)) AS total, (SELECT count(*) FROM pg_index WHERE indrelid = c.oid)::int AS indexes
     FROM pg_class c WHERE relname IN ('case', 'case_sla', 'case_event', 'sla_notice', 'staff_notification') ORDER BY relname`,
  );
  return result.rows as { table: string; total: string; indexes: number }[];
}

try {
  const generated = await timed(`generate ${CASES.toLocaleString('en')} open cases`, () => client.query(GENERATE, [CASES]));
  await timed('vacuum analyze', vacuum);
  const due = (
    await client.query(
      `SELECT count(*) FILTER (WHERE overdue_at < $1 AND escalated_at IS NULL)::int AS overdue,
            count(*) FILTER (WHERE next_reminder_at <= $1)::int AS reminders,
            count(*) FILTER (WHERE silence_notice_at <= $1)::int AS notices,
            count(*) FILTER (WHERE silence_close_at <= $1 AND silence_notice_at IS NULL)::int AS closures,
            count(*)::int AS total
     FROM case_sla`,
      [NOW],
    )
  ).rows[0] as Record<string, number>;
  console.log(`sla-sweep: due at ${NOW.toISOString()}: ${JSON.stringify(due)}`);
  const realisticPlans = await explainPasses();
  const realistic = await sweep('realistic sweep');
  const idle = await sweep('idle sweep (nothing due)');
  const sizes = await tableSizes();

  await timed('reset: every case overdue', async () => {
    await clearTrail();
    for (const statement of RESET_ALL_OVERDUE) await client.query(statement, [NOW]);
    await vacuum();
  });
  const worstPlans = await explainPasses();
  const worst = await sweep('worst case: every case overdue');

  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    postgres: (await client.query('SHOW server_version')).rows[0].server_version as string,
    cases: CASES,
    generateMs: generated.ms,
    batchSize: DEFAULT_SWEEP_BATCH_SIZE,
    due,
    realistic: { totalMs: realistic.ms, ...realistic.result },
    idle: { totalMs: idle.ms, ...idle.result },
    worst: { totalMs: worst.ms, ...worst.result },
    loadAverageAfter: os.loadavg(),
    sizes,
  };
  const row = (label: string, run: { totalMs: number } & SlaSweepResult) =>
    `| ${label} | **${seconds(run.totalMs)} s** | ${run.reminders.toLocaleString('en')} | ${run.escalations.toLocaleString('en')} | ${run.silenceNotices.toLocaleString('en')} | ${run.silenceClosures.toLocaleString('en')} | ${run.batches} | ${seconds(run.ms.reminders)} / ${seconds(run.ms.overdue)} / ${seconds(run.ms.silenceNotices)} / ${seconds(run.ms.silenceClosures)} |`;
  const fence = (text: string) => `\`\`\`\n${text}\n\`\`\``;
  const markdown = `# SLA sweep over ${CASES.toLocaleString('en')} open cases

Run: \`DATABASE_URL=postgresql://… pnpm bench sla-sweep\` (${results.date}). Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, PostgreSQL ${results.postgres} with its default settings on the same machine; load average at the end ${results.loadAverageAfter.map((value) => value.toFixed(1)).join(' / ')} (other work on the machine shares its 2 cores). Target: a whole sweep over 1,000,000 open cases in under 60 s.

Cases are generated with \`generate_series\` over the demo agencies' case types that have an SLA policy (${(generated.ms / 1000).toFixed(0)} s for the insert), all open and in their first stage, then swept once at ${NOW.toISOString()} by \`runSlaSweep\` (the code the API's job runs), in batches of ${DEFAULT_SWEEP_BATCH_SIZE.toLocaleString('en')} rows per transaction.

Due at that instant (realistic run): ${due.overdue!.toLocaleString('en')} overdue, ${due.reminders!.toLocaleString('en')} reminders, ${due.notices!.toLocaleString('en')} silence notices, ${due.closures!.toLocaleString('en')} silence closures.

| sweep | total | reminders | escalations | silence notices | closures | batches | per pass, s (reminders / overdue / notices / closures) |
|---|---:|---:|---:|---:|---:|---:|---|
${row('realistic (20% overdue, 10% reminders, 1% silence)', results.realistic)}
${row('idle (nothing due)', results.idle)}
${row('worst case (every case overdue)', results.worst)}

Each escalation writes its \`case_sla\` row (escalated, next reminder cleared), an \`sla_notice\`, an \`ESCALATED\` event and one
notification (the agency's roles and the province's secretariat); each reminder its \`case_sla\` row, a notice, an event and one
notification; each silence notice its \`case_sla\` row, a notice, a message and an event; each closure the case (status, clock),
its \`case_sla\` row, a notice, an event and a notification. Only the closure writes the case row.
Table sizes after the realistic run: ${sizes.map((size) => `\`${size.table}\` ${size.total} (${size.indexes} indexes)`).join(', ')}.

## Where the time goes

See the plans below. Finding a batch is a range scan of the pass's partial index on
\`case_sla\` that \`LIMIT\` stops after ${DEFAULT_SWEEP_BATCH_SIZE.toLocaleString('en')} rows (nothing scans the million cases; the idle
sweep is four empty probes), then the batch's cases are read by primary key. The rest is
writes: the \`case_sla\` update (a new version of a ~100-byte row, with an entry in its
primary key and in the partial indexes whose predicate the new version meets), the inserts
of notices, events and notifications with their indexes, and the foreign-key checks of
\`sla_notice\` and \`case_event\` against \`case\` (one \`SELECT … FOR KEY SHARE\` per row, which
also writes a row lock into the case's heap page; see "Trigger for constraint" under each
plan). The reminder pass also computes each case's next reminder in TypeScript with the
tenant's working calendar.

## Plans: realistic run, first batch of each pass

${Object.entries(realisticPlans)
  .map(([label, plan]) => `### ${label}\n\n${fence(plan)}`)
  .join('\n\n')}

## Plans: worst case, first batch of each pass

${Object.entries(worstPlans)
  .map(([label, plan]) => `### ${label}\n\n${fence(plan)}`)
  .join('\n\n')}
`;
  await writeResults('sla-sweep', results, markdown);
  console.log('sla-sweep: results in ops/bench/results/sla-sweep.md');
} finally {
  await client.end();
  if (!values.keep) await benchDb.drop();
}
