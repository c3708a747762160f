/**
 * From committed case events to emails to send: reads the event log from where it stopped
 * (the live feed's rule, live/case-feed.ts: ids are not in commit order), asks the rules
 * (notification-rules.ts) who is told, and writes one outbox row per recipient, in the same
 * transaction as its new position. So a crash anywhere loses nothing (the position moves only
 * with the rows) and doubles nothing (an event is read again only inside the window of
 * transactions still running, and (event, recipient) is unique).
 *
 * One dispatch runs at a time across every API instance: the position row is locked, and an
 * instance that finds it locked skips its turn.
 */
import { withSqlScope } from '../auth/data-scope.ts';
import type { SqlRunner } from '../db.ts';
import type { EmailKind } from '../generated/prisma/enums.ts';
import { mailsFor, type MailRule } from './notification-rules.ts';

type Runner = Omit<SqlRunner, 'withConnection' | 'transaction'>;

const POSITION = 'email';
/** New events read per dispatch; events of still-running transactions are read again until they commit. */
const BATCH = 500;

interface EventRow {
  /** Null in the one row of a read that found no event. */
  id: string | null;
  tenant_id: string;
  case_id: string;
  kind: string;
  actor_kind: string;
  visibility: string;
  transition: string | null;
  submitted: string | null;
  reporter_account_id: string | null;
  restricted: boolean;
  snapshot_xmin: string;
}

const EVENT_COLUMNS = `
  e.id::text AS id, e.tenant_id, e.case_id, e.kind::text AS kind, e.actor_kind::text AS actor_kind,
  e.visibility::text AS visibility, e.data->>'transition' AS transition, e.data->>'submitted' AS submitted, c.reporter_account_id, c.restricted`;

// New events in id order, and the window of transactions that were running at the last read;
// with the oldest transaction running now, from the same statement so that both describe one
// snapshot (a later snapshot could miss a transaction that commits in between).
const READ_EVENTS = `
  WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS snapshot_xmin)
  SELECT snapshot.snapshot_xmin, events.*
  FROM snapshot
  LEFT JOIN LATERAL (
    (SELECT ${EVENT_COLUMNS} FROM case_event e JOIN "case" c ON c.id = e.case_id
      WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${BATCH})
    UNION ALL
    (SELECT ${EVENT_COLUMNS} FROM case_event e JOIN "case" c ON c.id = e.case_id
      WHERE e.id <= $1::bigint AND e.tx_id >= $2::text::xid8)
  ) events ON true`;

/** Active staff of the agency who may be told of this case: not excluded from it, not opted out of the kind. */
const TOLD_STAFF = `
  SELECT s.id FROM staff_user s
  WHERE s.active AND NOT ($3::"EmailKind" = ANY (s.email_opt_out))
    AND NOT EXISTS (SELECT 1 FROM case_exclusion x WHERE x.case_id = $1 AND x.staff_user_id = s.id)`;

async function recipientsOf(runner: Runner, event: EventRow, rule: MailRule): Promise<{ reporterAccountId?: string; staffUserId?: string }[]> {
  if (rule.audience === 'reporter') {
    if (!event.reporter_account_id) return [];
    const rows = await runner.query<{ id: string }>('SELECT id FROM reporter_account WHERE id = $1 AND notification_email IS NOT NULL', [
      event.reporter_account_id,
    ]);
    return rows.map((row) => ({ reporterAccountId: row.id }));
  }
  const params = [event.case_id, event.tenant_id, rule.kind, event.restricted];
  let sql: string;
  if (rule.audience === 'case-staff') {
    // The case's handlers, else the agency's verifiers; on a restricted case without handlers, the head.
    sql = `${TOLD_STAFF} AND s.tenant_id = $2 AND (
        s.id IN (SELECT staff_user_id FROM case_handler WHERE case_id = $1)
        OR (NOT EXISTS (SELECT 1 FROM case_handler WHERE case_id = $1)
            AND CASE WHEN $4::boolean THEN 'AGENCY_HEAD' ELSE 'VERIFIER' END::"StaffRole" = ANY (s.roles)))`;
  } else if (rule.audience === 'agency-head') {
    sql = `${TOLD_STAFF} AND s.tenant_id = $2 AND 'AGENCY_HEAD' = ANY (s.roles)`;
  } else {
    // The secretariat reads no restricted case.
    sql = `${TOLD_STAFF} AND NOT $4::boolean AND s.tenant_id IS NULL AND 'PROVINCIAL_SECRETARIAT' = ANY (s.roles)
        AND s.province_id = (SELECT province_id FROM tenant WHERE id = $2)`;
  }
  // The head's statement does not read $4 (restricted), and PostgreSQL refuses a parameter more than the statement has.
  const rows = await runner.query<{ id: string }>(sql, rule.audience === 'agency-head' ? params.slice(0, 3) : params);
  return rows.map((row) => ({ staffUserId: row.id }));
}

async function enqueue(runner: Runner, event: EventRow, kind: EmailKind, recipient: { reporterAccountId?: string; staffUserId?: string }) {
  const key = recipient.reporterAccountId ? `reporter:${recipient.reporterAccountId}` : `staff:${recipient.staffUserId}`;
  const rows = await runner.query(
    `INSERT INTO email_outbox (id, tenant_id, case_id, event_id, kind, reporter_account_id, staff_user_id, recipient_key)
     VALUES (gen_random_uuid(), $1, $2, $3::bigint, $4::"EmailKind", $5, $6, $7)
     ON CONFLICT (event_id, recipient_key) DO NOTHING RETURNING id`,
    [event.tenant_id, event.case_id, event.id, kind, recipient.reporterAccountId ?? null, recipient.staffUserId ?? null, key],
  );
  return rows.length;
}

/** One dispatch; returns how many events it read and mails it queued (null: another instance is dispatching). */
export async function dispatchEmails(sql: SqlRunner): Promise<{ events: number; queued: number } | null> {
  return withSqlScope(sql, 'platform', async (runner) => {
    // The first dispatch starts at the present: a new deployment does not mail its past.
    await runner.query(
      `INSERT INTO notification_position (name, up_to, oldest)
       SELECT $1, coalesce(max(id), 0), pg_snapshot_xmin(pg_current_snapshot())::text FROM case_event
       ON CONFLICT (name) DO NOTHING`,
      [POSITION],
    );
    const [position] = await runner.query<{ up_to: string; oldest: string }>(
      'SELECT up_to::text AS up_to, oldest FROM notification_position WHERE name = $1 FOR UPDATE SKIP LOCKED',
      [POSITION],
    );
    if (!position) return null;
    const rows = await runner.query<EventRow>(READ_EVENTS, [position.up_to, position.oldest]);
    const events = rows.filter((row): row is EventRow & { id: string } => row.id !== null);
    let queued = 0;
    for (const event of events) {
      const rules = mailsFor({
        kind: event.kind,
        actorKind: event.actor_kind,
        visibility: event.visibility,
        transition: event.transition,
        submitted: event.submitted === 'true',
      });
      for (const rule of rules) {
        for (const recipient of await recipientsOf(runner, event, rule)) queued += await enqueue(runner, event, rule.kind, recipient);
      }
    }
    const upTo = events.reduce((max, event) => (BigInt(event.id) > max ? BigInt(event.id) : max), BigInt(position.up_to));
    // What ran during the read may still commit events with ids up to upTo: read them again next time.
    await runner.query('UPDATE notification_position SET up_to = $2::bigint, oldest = $3 WHERE name = $1', [POSITION, upTo.toString(), rows[0]!.snapshot_xmin]);
    return { events: events.length, queued };
  });
}
