/**
 * From committed case events to emails to send and console notifications: reads the event
 * log from where it stopped (the live feed's rule, live/case-feed.ts: ids are not in commit
 * order), asks the rules (notification-rules.ts) who is told, and writes one outbox row per
 * recipient, and one console notification per staff member the rules name whatever they chose
 * for email, in the same transaction as its new position. So a crash anywhere loses nothing (the position moves only
 * with the rows) and doubles nothing (an event is read again only inside the window of
 * transactions still running, and (event, recipient) is unique, for mails and notifications alike).
 *
 * One dispatch runs at a time across every API instance (live/event-log-reader.ts).
 */
import { withSqlScope } from '../auth/data-scope.ts';
import type { SqlRunner } from '../db.ts';
import { readEventLog } from '../live/event-log-reader.ts';
import type { EmailKind, StaffNotificationKind } from '../generated/prisma/enums.ts';
import { inAppKindOf, mailsFor, type MailRule } from './notification-rules.ts';

type Runner = Omit<SqlRunner, 'withConnection' | 'transaction'>;

const POSITION = 'email';
/** New events read per dispatch; events of still-running transactions are read again until they commit. */
const BATCH = 500;

interface EventRow {
  id: string;
  tenant_id: string;
  case_id: string;
  kind: string;
  actor_kind: string;
  visibility: string;
  transition: string | null;
  submitted: string | null;
  reporter_account_id: string | null;
  identity_mode: string;
  identity_protection: string;
  reporter_mail_stopped: boolean;
  restricted: boolean;
  created_at: Date;
}

const EVENT_COLUMNS = `
  e.id::text AS id, e.tenant_id, e.case_id, e.kind::text AS kind, e.actor_kind::text AS actor_kind,
  e.visibility::text AS visibility, e.data->>'transition' AS transition, e.data->>'submitted' AS submitted, c.reporter_account_id,
  c.identity_mode::text AS identity_mode, c.identity_protection::text AS identity_protection,
  c.reporter_mail_stopped_at IS NOT NULL AS reporter_mail_stopped, c.restricted, e.created_at`;

/** Active staff who may be told of this case (not excluded from it); `opted_out`: of this kind of mail. */
const TOLD_STAFF = `
  SELECT s.id, ($3::"EmailKind" = ANY (s.email_opt_out)) AS opted_out FROM staff_user s
  WHERE s.active
    AND NOT EXISTS (SELECT 1 FROM case_exclusion x WHERE x.case_id = $1 AND x.staff_user_id = s.id)`;

interface Recipient {
  reporterAccountId?: string;
  /** An identified reporter without an account: the address in the identity they gave (notify/reporter-email.ts). */
  caseReporter?: true;
  staffUserId?: string;
  /** A staff member who turned this kind of mail off: told in the console only. */
  optedOut?: boolean;
}

async function recipientsOf(runner: Runner, event: EventRow, rule: MailRule): Promise<Recipient[]> {
  if (rule.audience === 'reporter') {
    if (!event.reporter_account_id) {
      // Identified without an account: the agency's key opens their identity; a sealed one only a custodian opens.
      const readable = event.identity_mode === 'IDENTIFIED' && event.identity_protection === 'TENANT_KEY';
      return readable && !event.reporter_mail_stopped ? [{ caseReporter: true }] : [];
    }
    // With an account, the account's address decides (removing it stops the mails).
    const rows = await runner.query<{ id: string }>('SELECT id FROM reporter_account WHERE id = $1 AND notification_email IS NOT NULL', [
      event.reporter_account_id,
    ]);
    return rows.map((row) => ({ reporterAccountId: row.id }));
  }
  // Each statement is given exactly the parameters it uses (an unused one is an error on PostgreSQL).
  const params: unknown[] = [event.case_id, event.tenant_id, rule.kind];
  let sql: string;
  if (rule.audience === 'case-staff') {
    // The case's handlers, else the agency's verifiers; on a restricted case without handlers, the head.
    sql = `${TOLD_STAFF} AND s.tenant_id = $2 AND (
        s.id IN (SELECT staff_user_id FROM case_handler WHERE case_id = $1)
        OR (NOT EXISTS (SELECT 1 FROM case_handler WHERE case_id = $1)
            AND CASE WHEN $4::boolean THEN 'AGENCY_HEAD' ELSE 'VERIFIER' END::"StaffRole" = ANY (s.roles)))`;
    params.push(event.restricted);
  } else if (rule.audience === 'agency-head') {
    sql = `${TOLD_STAFF} AND s.tenant_id = $2 AND 'AGENCY_HEAD' = ANY (s.roles)`;
  } else {
    // The secretariat reads no restricted case.
    sql = `${TOLD_STAFF} AND NOT $4::boolean AND s.tenant_id IS NULL AND 'PROVINCIAL_SECRETARIAT' = ANY (s.roles)
        AND s.province_id = (SELECT province_id FROM tenant WHERE id = $2)`;
    params.push(event.restricted);
  }
  const rows = await runner.query<{ id: string; opted_out: boolean }>(sql, params);
  return rows.map((row) => ({ staffUserId: row.id, optedOut: row.opted_out }));
}

async function notifyInConsole(runner: Runner, event: EventRow, kind: StaffNotificationKind, staffUserId: string) {
  await runner.query(
    `INSERT INTO staff_notification (id, tenant_id, roles, staff_user_id, event_id, case_id, kind, created_at)
     VALUES (gen_random_uuid(), $1, '{}', $2, $3::bigint, $4, $5::"StaffNotificationKind", $6::timestamptz)
     ON CONFLICT (event_id, staff_user_id) DO NOTHING`,
    [event.tenant_id, staffUserId, event.id, event.case_id, kind, event.created_at],
  );
}

async function enqueue(runner: Runner, event: EventRow, kind: EmailKind, recipient: Recipient) {
  const key = recipient.reporterAccountId
    ? `reporter:${recipient.reporterAccountId}`
    : recipient.caseReporter
      ? `case-reporter:${event.case_id}`
      : `staff:${recipient.staffUserId}`;
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
    const batch = await readEventLog<EventRow>(runner, POSITION, EVENT_COLUMNS, BATCH);
    if (!batch) return null;
    const { events } = batch;
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
        const inApp = inAppKindOf(rule.kind);
        for (const recipient of await recipientsOf(runner, event, rule)) {
          if (inApp && recipient.staffUserId) await notifyInConsole(runner, event, inApp, recipient.staffUserId);
          if (!recipient.optedOut) queued += await enqueue(runner, event, rule.kind, recipient);
        }
      }
    }
    await batch.advance();
    return { events: events.length, queued };
  });
}
