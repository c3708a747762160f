/**
 * The inbox benchmark's data, generated in SQL (generate_series) in a minute or so: one
 * agency with 100,000 cases received over a year and 1,000,000 events, and a few thousand
 * cases in other agencies. The mix is skewed the way a real inbox is: most old cases are
 * closed, new ones wait for verification, a few channels and categories carry most reports,
 * about 1% are restricted to named handlers, a few hundred carry conflicts of interest.
 */
import type pg from 'pg';

export const MAIN_AGENCY = 'inspektorat-kalbar';
export const MAIN_CASES = 100_000;
export const MAIN_EVENTS_PER_CASE = 10;
export const OTHER_AGENCIES: Record<string, number> = { 'bkad-kalbar': 2_000, 'inspektorat-bontang': 1_000, 'inspektorat-kalsel': 1_000 };
/** Extra staff of the main agency, so handlers and exclusions spread over realistic names. */
const EXTRA_STAFF = 30;

export interface AgencyIds {
  id: string;
  prefix: string;
  caseTypes: { id: string; key: string }[];
  categories: { id: string; key: string }[];
  channels: { id: string; key: string }[];
}

export async function loadAgency(client: pg.Client, slug: string): Promise<AgencyIds> {
  const {
    rows: [tenant],
  } = await client.query<{ id: string; registration_prefix: string }>('SELECT id, registration_prefix FROM tenant WHERE slug = $1', [slug]);
  if (!tenant) throw new Error(`no agency ${slug}`);
  const of = async (table: string) =>
    (await client.query<{ id: string; key: string }>(`SELECT id, key FROM "${table}" WHERE tenant_id = $1 ORDER BY position`, [tenant.id])).rows;
  return {
    id: tenant.id,
    prefix: tenant.registration_prefix,
    caseTypes: await of('case_type'),
    categories: await of('category'),
    channels: await of('channel'),
  };
}

/** Inserts `count` cases of one agency; returns nothing, the rows are read back by SQL. */
async function insertCases(client: pg.Client, agency: AgencyIds, count: number): Promise<void> {
  // age: 0..365 days, newest last in g; r1..r6 drive the choices; picks are skewed (r^2) so the
  // first keys of each list are common and the last ones rare.
  await client.query(
    `
    WITH base AS (
      SELECT g,
             (365.0 * (1 - g::float8 / $6) + random() * 0.01) AS age,
             random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7
      FROM generate_series(1, $6) AS g
    ), shaped AS (
      SELECT b.*,
             date_trunc('milliseconds', now() - make_interval(secs => b.age * 86400)) AS received_at,
             CASE
               WHEN b.age < 7 THEN (ARRAY['SUBMITTED','SUBMITTED','SUBMITTED','IN_VERIFICATION','IN_VERIFICATION','NEEDS_INFO','ACCEPTED','REJECTED'])[1 + floor(b.r1 * 8)::int]
               WHEN b.age < 60 THEN (ARRAY['IN_VERIFICATION','NEEDS_INFO','ACCEPTED','IN_FOLLOW_UP','IN_FOLLOW_UP','IN_FOLLOW_UP','ANSWERED','ANSWERED','CLOSED','CLOSED','REJECTED','TRANSFERRED'])[1 + floor(b.r1 * 12)::int]
               WHEN b.r1 < 0.60 THEN 'CLOSED'
               WHEN b.r1 < 0.72 THEN 'ANSWERED'
               WHEN b.r1 < 0.84 THEN 'REJECTED'
               WHEN b.r1 < 0.87 THEN 'TRANSFERRED'
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
    ), filled AS (
      SELECT gen_random_uuid() AS id, n.*, open.stage_key, open.started, open.deadline,
             open.deadline < now() AND n.status <> 'NEEDS_INFO' AND n.r7 < 0.3 AS escalated
      FROM numbered n
      LEFT JOIN LATERAL (
        SELECT CASE WHEN n.status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO') THEN 'verification' ELSE 'follow-up' END AS stage_key,
               n.received_at AS started,
               n.received_at + CASE WHEN n.status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO') THEN interval '7 days' ELSE interval '75 days' END AS deadline
        WHERE n.status IN ('SUBMITTED','IN_VERIFICATION','NEEDS_INFO','ACCEPTED','IN_FOLLOW_UP')
      ) open ON true
    ), new_case AS (
      INSERT INTO "case" (
        id, tenant_id, registration_number, year, sequence, case_type_id, category_id, channel_id, status,
        identity_mode, identity_protection, tracking_code_hash, title, answers, locale, received_at, submitted_at,
        deadlines, priority, stage_key, stage_started_at, stage_deadline, stage_provisional, stage_pauses,
        waiting_since, resume_status, restricted, closed_at, updated_at
      )
      SELECT n.id, $1::uuid, $2 || '-' || n.year || '-' || lpad(n.sequence::text, 6, '0'), n.year, n.sequence,
             ($3::uuid[])[1 + floor(power(n.r2, 2) * cardinality($3::uuid[]))::int],
             CASE WHEN n.r3 < 0.05 THEN NULL ELSE ($4::uuid[])[1 + floor(power(n.r3, 2) * cardinality($4::uuid[]))::int] END,
             ($5::uuid[])[1 + floor(power(n.r4, 2.5) * cardinality($5::uuid[]))::int],
             n.status::"CaseStatus",
             (ARRAY['IDENTIFIED','IDENTIFIED','PSEUDONYMOUS','ANONYMOUS'])[1 + floor(n.r5 * 4)::int]::"IdentityMode",
             'NONE'::"IdentityProtection", md5(n.g::text || $2), 'Laporan uji ' || n.g, '{}'::jsonb, 'id', n.received_at, n.received_at,
             '[]'::jsonb,
             (CASE WHEN n.r6 < 0.10 THEN 'LOW' WHEN n.r6 < 0.80 THEN 'NORMAL' WHEN n.r6 < 0.95 THEN 'HIGH' ELSE 'URGENT' END)::"CasePriority",
             n.stage_key, n.started, n.deadline, false, '[]'::jsonb,
             CASE WHEN n.status = 'NEEDS_INFO' THEN n.received_at + interval '3 days' END,
             CASE WHEN n.status = 'NEEDS_INFO' THEN 'IN_VERIFICATION'::"CaseStatus" END,
             n.r7 > 0.99,
             CASE WHEN n.status IN ('CLOSED','REJECTED','TRANSFERRED','ANSWERED') THEN n.received_at + interval '30 days' END,
             now()
      FROM filled n
    )
    -- The SLA sweep's side of each case (case_sla): the running stage's deadline and, for about
    -- 30% of the overdue ones, an escalation a day after it.
    INSERT INTO case_sla (case_id, tenant_id, received_at, overdue_at, escalated_at, escalation_source)
    SELECT n.id, $1::uuid, n.received_at,
           CASE WHEN n.status <> 'NEEDS_INFO' THEN n.deadline END,
           CASE WHEN n.escalated THEN n.deadline + interval '1 day' END,
           CASE WHEN n.escalated THEN 'SLA_SWEEP'::"EscalationSource" END
    FROM filled n
    `,
    [agency.id, agency.prefix, agency.caseTypes.map((row) => row.id), agency.categories.map((row) => row.id), agency.channels.map((row) => row.id), count],
  );
}

export interface GeneratedCounts {
  cases: number;
  mainCases: number;
  events: number;
  restricted: number;
  handlers: number;
  exclusions: number;
  verifierExclusions: number;
  verifierHandled: number;
}

/** Generates everything; the demo staff (verifikator, pimpinan, …) must exist (ops setup). */
export async function generate(client: pg.Client, log: (line: string) => void): Promise<GeneratedCounts> {
  await client.query('SELECT setseed(0.2026)');
  const main = await loadAgency(client, MAIN_AGENCY);
  log(`inbox: ${MAIN_CASES} cases for ${MAIN_AGENCY}`);
  await insertCases(client, main, MAIN_CASES);
  for (const [slug, count] of Object.entries(OTHER_AGENCIES)) await insertCases(client, await loadAgency(client, slug), count);

  await client.query(
    `INSERT INTO staff_user (id, tenant_id, email, email_key, name, password_hash, roles, updated_at)
     SELECT gen_random_uuid(), $1, 'auditor' || g || '@bench.test', 'auditor' || g || '@bench.test', 'Auditor ' || g, 'x', ARRAY['REVIEWER']::"StaffRole"[], now()
     FROM generate_series(1, $2) g`,
    [main.id, EXTRA_STAFF],
  );
  const staff = (
    await client.query<{ id: string; email_key: string }>('SELECT id, email_key FROM staff_user WHERE tenant_id = $1 ORDER BY email_key', [main.id])
  ).rows;
  const verifier = staff.find((row) => row.email_key.startsWith('verifikator@'))!.id;
  const head = staff.find((row) => row.email_key.startsWith('pimpinan@'))!.id;
  const staffIds = staff.map((row) => row.id);

  log('inbox: handlers of restricted cases, conflicts of interest');
  // Every restricted case has two or three named handlers; the demo verifier is one of them on a third.
  await client.query(
    `INSERT INTO case_handler (tenant_id, case_id, staff_user_id)
     SELECT DISTINCT c.tenant_id, c.id, h.staff
     FROM "case" c
     CROSS JOIN LATERAL (VALUES (($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int]),
                                (($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int]),
                                (CASE WHEN random() < 0.33 THEN $3::uuid ELSE ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] END)) AS h(staff)
     WHERE c.tenant_id = $1 AND c.restricted`,
    [main.id, staffIds, verifier],
  );
  // About 1% of cases name a staff member or carry a declared conflict; 150 exclude the demo
  // verifier and 20 the head, spread over the year.
  await client.query(
    `INSERT INTO case_exclusion (id, tenant_id, case_id, staff_user_id, kind)
     SELECT gen_random_uuid(), c.tenant_id, c.id, ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int],
            (CASE WHEN random() < 0.5 THEN 'NAMED_IN_REPORT' ELSE 'DECLARED_CONFLICT' END)::"ExclusionKind"
     FROM "case" c WHERE c.tenant_id = $1 AND random() < 0.01
     ON CONFLICT DO NOTHING`,
    [main.id, staffIds],
  );
  for (const [who, count] of [
    [verifier, 150],
    [head, 20],
  ] as const) {
    await client.query(
      `INSERT INTO case_exclusion (id, tenant_id, case_id, staff_user_id, kind)
       SELECT gen_random_uuid(), c.tenant_id, c.id, $2, 'DECLARED_CONFLICT'
       FROM (SELECT id, tenant_id FROM "case" WHERE tenant_id = $1 ORDER BY random() LIMIT $3) c
       ON CONFLICT DO NOTHING`,
      [main.id, who, count],
    );
  }
  // The newest two pages hold a few conflicts of the verifier, so the first page must skip them.
  await client.query(
    `INSERT INTO case_exclusion (id, tenant_id, case_id, staff_user_id, kind)
     SELECT gen_random_uuid(), c.tenant_id, c.id, $2, 'NAMED_IN_REPORT'
     FROM (SELECT id, tenant_id FROM "case" WHERE tenant_id = $1 ORDER BY received_at DESC OFFSET 3 LIMIT 40) c
     WHERE random() < 0.1
     ON CONFLICT DO NOTHING`,
    [main.id, verifier],
  );

  log(`inbox: ${MAIN_CASES * MAIN_EVENTS_PER_CASE} events`);
  await client.query(
    `INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, actor_id, visibility, status, data, created_at)
     SELECT c.tenant_id, c.id,
            (CASE WHEN k = 1 THEN 'SUBMITTED' ELSE (ARRAY['STATUS_CHANGED','MESSAGE','NOTE_ADDED','EVIDENCE_ADDED','PRIORITY_CHANGED','REMINDER_SENT'])[1 + (k % 6)] END)::"CaseEventKind",
            (CASE WHEN k = 1 THEN 'REPORTER' WHEN k % 6 = 5 THEN 'SYSTEM' ELSE 'STAFF' END)::"ActorKind",
            NULL,
            (CASE WHEN k % 3 = 0 THEN 'INTERNAL' ELSE 'REPORTER' END)::"EventVisibility",
            c.status, '{}'::jsonb, c.received_at + make_interval(hours => k * 7)
     FROM "case" c CROSS JOIN LATERAL generate_series(1, CASE WHEN c.tenant_id = $1 THEN $2 ELSE 3 END) AS k
     ORDER BY c.received_at, k`,
    [main.id, MAIN_EVENTS_PER_CASE],
  );
  log('inbox: ANALYZE');
  await client.query('ANALYZE');
  return countData(client);
}

/** What the database holds (also for a kept database that a run reuses). */
export async function countData(client: pg.Client): Promise<GeneratedCounts> {
  const main = await loadAgency(client, MAIN_AGENCY);
  const staff = (
    await client.query<{ id: string; email_key: string }>('SELECT id, email_key FROM staff_user WHERE tenant_id = $1 ORDER BY email_key', [main.id])
  ).rows;
  const verifier = staff.find((row) => row.email_key.startsWith('verifikator@'))!.id;
  const one = async (sql: string, params: unknown[] = []) => Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
  return {
    cases: await one('SELECT count(*) AS n FROM "case"'),
    mainCases: await one('SELECT count(*) AS n FROM "case" WHERE tenant_id = $1', [main.id]),
    events: await one('SELECT count(*) AS n FROM case_event'),
    restricted: await one('SELECT count(*) AS n FROM "case" WHERE tenant_id = $1 AND restricted', [main.id]),
    handlers: await one('SELECT count(*) AS n FROM case_handler'),
    exclusions: await one('SELECT count(*) AS n FROM case_exclusion'),
    verifierExclusions: await one('SELECT count(*) AS n FROM case_exclusion WHERE staff_user_id = $1', [verifier]),
    verifierHandled: await one('SELECT count(*) AS n FROM case_handler WHERE staff_user_id = $1', [verifier]),
  };
}
