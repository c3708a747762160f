/**
 * The SLA sweep's statements. Each takes one batch of due cases from the pass's queue in
 * `case_sla` (a partial index per pass, see the case_sla migration; each WHERE repeats its
 * index's predicate so the planner uses it) with `FOR UPDATE SKIP LOCKED`, so two sweeps at
 * once never take the same rows and a lifecycle transition, which writes the case's timers
 * first (case-workflow.service.ts), never runs on a case a batch holds. It checks each case
 * against the case itself, moves it out of the queue, and records what happened with
 * data-modifying CTEs. `sla_notice`'s primary key (case, stage, kind, step) with
 * `ON CONFLICT DO NOTHING` makes each notice exactly once, and events and notifications are
 * written only for notices that were inserted.
 *
 * Only the closure writes the case row; a reminder, an escalation or a silence notice
 * writes the narrow `case_sla` row (ADR 0011, ops/bench/results/sla-sweep.md).
 *
 * A queued case that the case row says is not due (its timers went stale: a write that
 * did not go through case-clock.ts) gets its timer set from the case instead, so it leaves
 * the queue and the pass ends.
 *
 * Rows are named by `id = ANY (ARRAY(SELECT id FROM …))`: an index scan on the primary key
 * whatever the planner guesses of a CTE's size (the batches run with nested loops off, and
 * a join on the CTE would otherwise hash the whole table for each batch).
 *
 * Parameters are positional; timestamps are passed as ISO strings and cast.
 */
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import { clockRunsSql, overdueSql } from '../sla/deadline-state.ts';
import type { Locale } from '../i18n/locale.ts';
import { agencyRolesSql as agencyRoles } from '../notify/staff-notifications.service.ts';
import { MONTH_NAMES, sqlFormatOf, sqlLiteral, SWEEP_MESSAGES } from './sla-sweep.messages.ts';

/** $1 now, $2 batch size: the cases whose reminder is due, locked, with their stage. */
export const SELECT_DUE_REMINDERS = `
  WITH due AS (
    SELECT s.case_id FROM case_sla s
    WHERE s.next_reminder_at IS NOT NULL AND s.next_reminder_at <= $1::timestamptz
    ORDER BY s.next_reminder_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  SELECT c.id, c.tenant_id, c.case_type_id, c.status, c.stage_key, c.stage_started_at, c.stage_deadline
  FROM "case" c
  WHERE c.id = ANY (ARRAY(SELECT case_id FROM due))`;

/**
 * $1 now, $2 jsonb [{ id, tenant_id, status, stage_key, stage_deadline, step, due_at,
 * next_at }] for rows the caller holds locked: moves each case's next reminder on, and sends
 * the reminder where `step` is set.
 */
export const WRITE_REMINDERS = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(
      id uuid, tenant_id uuid, status "CaseStatus", stage_key text, stage_deadline timestamp,
      step int, due_at timestamptz, next_at timestamptz
    )
  ), moved AS (
    UPDATE case_sla s SET next_reminder_at = i.next_at
    FROM input i WHERE s.case_id = i.id AND s.case_id = ANY (ARRAY(SELECT id FROM input))
    RETURNING s.case_id
  ), notice AS (
    INSERT INTO sla_notice (tenant_id, case_id, stage_key, kind, step, due_at, created_at)
    SELECT i.tenant_id, i.id, i.stage_key, 'REMINDER'::"SlaNoticeKind", i.step, i.due_at, $1::timestamptz
    FROM input i
    WHERE i.step IS NOT NULL AND i.stage_key IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING case_id, step
  ), event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
    SELECT i.tenant_id, i.id, 'REMINDER_SENT'::"CaseEventKind", 'SYSTEM'::"ActorKind", 'INTERNAL'::"EventVisibility", i.status,
      jsonb_build_object('stageKey', i.stage_key, 'daysBefore', n.step, 'deadline', i.stage_deadline), $1::timestamptz
    FROM notice n JOIN input i ON i.id = n.case_id
    RETURNING id
  ), notify AS (
    INSERT INTO staff_notification (id, tenant_id, roles, case_id, kind, created_at)
    SELECT gen_random_uuid(), i.tenant_id, ${agencyRoles}, i.id, 'REMINDER'::"StaffNotificationKind", $1::timestamptz
    FROM notice n JOIN input i ON i.id = n.case_id
    RETURNING id
  )
  SELECT (SELECT count(*) FROM notice)::int AS done`;

/**
 * $1 now, $2 batch size. Cases overdue (sla/deadline-state.ts), not escalated yet: escalated to the province's secretariat. One notification
 * serves the agency (its roles) and the province (escalation.service.ts reads it for both).
 */
export const ESCALATE_OVERDUE = `
  WITH queued AS (
    SELECT s.case_id FROM case_sla s
    WHERE s.escalated_at IS NULL AND s.overdue_at IS NOT NULL AND s.overdue_at < $1::timestamptz
    ORDER BY s.overdue_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), cases AS (
    SELECT c.id, c.tenant_id, c.stage_key, c.stage_deadline, c.status, c.waiting_since
    FROM "case" c WHERE c.id = ANY (ARRAY(SELECT case_id FROM queued))
  ), picked AS (
    SELECT x.id, x.tenant_id, x.stage_key, x.stage_deadline, x.status FROM cases x
    WHERE ${overdueSql('x', OPEN_STATUSES, '$1::timestamptz')}
  ), escalated AS (
    UPDATE case_sla s SET escalated_at = $1::timestamptz, escalation_source = 'SLA_SWEEP'::"EscalationSource", next_reminder_at = NULL
    WHERE s.case_id = ANY (ARRAY(SELECT id FROM picked))
    RETURNING s.case_id
  ), resynced AS (
    UPDATE case_sla s SET overdue_at = CASE WHEN ${clockRunsSql('x', OPEN_STATUSES)} THEN x.stage_deadline END
    FROM cases x
    WHERE s.case_id = x.id AND s.case_id = ANY (ARRAY(SELECT id FROM cases EXCEPT SELECT id FROM picked))
    RETURNING s.case_id
  ), notice AS (
    INSERT INTO sla_notice (tenant_id, case_id, stage_key, kind, step, due_at, created_at)
    SELECT p.tenant_id, p.id, coalesce(p.stage_key, ''), 'OVERDUE'::"SlaNoticeKind", 0, p.stage_deadline, $1::timestamptz
    FROM picked p
    ON CONFLICT DO NOTHING
    RETURNING case_id
  ), target AS (
    SELECT p.id, p.tenant_id, p.stage_key, p.stage_deadline, p.status, t.province_id
    FROM notice n JOIN picked p ON p.id = n.case_id JOIN tenant t ON t.id = p.tenant_id
  ), event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
    SELECT x.tenant_id, x.id, 'ESCALATED'::"CaseEventKind", 'SYSTEM'::"ActorKind", 'REPORTER'::"EventVisibility", x.status,
      jsonb_build_object('source', 'SLA_SWEEP'::"EscalationSource", 'stageKey', x.stage_key, 'deadline', x.stage_deadline, 'provinceId', x.province_id),
      $1::timestamptz
    FROM target x
    RETURNING id
  ), notify AS (
    INSERT INTO staff_notification (id, tenant_id, province_id, roles, case_id, kind, created_at)
    SELECT gen_random_uuid(), x.tenant_id, x.province_id, ${agencyRoles}, x.id, 'OVERDUE'::"StaffNotificationKind", $1::timestamptz FROM target x
    RETURNING id
  )
  SELECT (SELECT count(*) FROM queued)::int AS picked, (SELECT count(*) FROM notice)::int AS done`;

const months = (locale: Locale) => `ARRAY[${MONTH_NAMES[locale].map(sqlLiteral).join(',')}]`;
const localClose = `(p.silence_close_at AT TIME ZONE p.time_zone)`;

/**
 * The reporter's warning before an automatic closure (sla-sweep.messages.ts), with the
 * closing date in the agency's time zone.
 */
const SILENCE_MESSAGE = `format(
  ${sqlLiteral(sqlFormatOf(SWEEP_MESSAGES.silenceNotice, { id: { day: 1, month: 2, year: 3 }, en: { day: 1, month: 4, year: 3 } }))},
  extract(day FROM ${localClose})::int,
  (${months('id')})[extract(month FROM ${localClose})::int],
  extract(year FROM ${localClose})::int,
  (${months('en')})[extract(month FROM ${localClose})::int]
)`;

/**
 * $1 now, $2 batch size. A case waiting for the reporter nears its silence closure: the
 * reporter gets a message and a SILENCE_NOTICE event. `step` is the number of the wait in
 * the stage (the pauses so far), so a second request for facts gets its own notice. A queued
 * case no longer waiting loses its silence timers.
 */
export const SEND_SILENCE_NOTICES = `
  WITH queued AS (
    SELECT s.case_id, s.silence_notice_at, s.silence_close_at FROM case_sla s
    WHERE s.silence_notice_at IS NOT NULL AND s.silence_notice_at <= $1::timestamptz
    ORDER BY s.silence_notice_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), picked AS (
    SELECT c.id, c.tenant_id, c.stage_key, jsonb_array_length(c.stage_pauses) AS wait, c.status,
      q.silence_notice_at, q.silence_close_at, t.time_zone
    FROM "case" c JOIN queued q ON q.case_id = c.id JOIN tenant t ON t.id = c.tenant_id
    WHERE c.id = ANY (ARRAY(SELECT case_id FROM queued)) AND c.status = 'NEEDS_INFO'
  ), checked AS (
    SELECT q.case_id, p.id IS NOT NULL AS waiting FROM queued q LEFT JOIN picked p ON p.id = q.case_id
  ), cleared AS (
    UPDATE case_sla s SET silence_notice_at = NULL, silence_close_at = CASE WHEN x.waiting THEN s.silence_close_at END
    FROM checked x
    WHERE s.case_id = x.case_id AND s.case_id = ANY (ARRAY(SELECT case_id FROM queued))
    RETURNING s.case_id
  ), notice AS (
    INSERT INTO sla_notice (tenant_id, case_id, stage_key, kind, step, due_at, created_at)
    SELECT p.tenant_id, p.id, coalesce(p.stage_key, ''), 'SILENCE_NOTICE'::"SlaNoticeKind", p.wait, p.silence_notice_at, $1::timestamptz
    FROM picked p
    ON CONFLICT DO NOTHING
    RETURNING case_id
  ), message AS (
    INSERT INTO case_message (id, tenant_id, case_id, author_kind, visibility, body, created_at)
    SELECT gen_random_uuid(), p.tenant_id, p.id, 'SYSTEM'::"ActorKind", 'REPORTER'::"EventVisibility", ${SILENCE_MESSAGE}, $1::timestamptz
    FROM notice n JOIN picked p ON p.id = n.case_id
    RETURNING id, case_id
  ), event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
    SELECT p.tenant_id, p.id, 'SILENCE_NOTICE'::"CaseEventKind", 'SYSTEM'::"ActorKind", 'REPORTER'::"EventVisibility", p.status,
      jsonb_build_object('messageId', m.id, 'closesAt', p.silence_close_at), $1::timestamptz
    FROM message m JOIN picked p ON p.id = m.case_id
    RETURNING id
  )
  SELECT (SELECT count(*) FROM queued)::int AS picked, (SELECT count(*) FROM notice)::int AS done`;

/**
 * $1 now, $2 batch size, $3 the statuses the transition leaves from, $4 the status it leads
 * to, $5 the event's visibility, $6 the transition's name (all from the state machine,
 * case-lifecycle.ts). Writes what `applyTransition` writes for a transition whose clock
 * effect is `end` (case-clock.ts): the status, `closed_at`, no running stage, no waiting,
 * no timers, and a STATUS_CHANGED event. Only after the reporter was warned
 * (`silence_notice_at` cleared by the notice pass). A queued case no longer waiting loses
 * its silence timers.
 */
export const CLOSE_SILENT = `
  WITH queued AS (
    SELECT s.case_id, s.silence_close_at FROM case_sla s
    WHERE s.silence_close_at IS NOT NULL AND s.silence_notice_at IS NULL AND s.silence_close_at <= $1::timestamptz
    ORDER BY s.silence_close_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), picked AS (
    SELECT c.id, c.tenant_id, c.stage_key, jsonb_array_length(c.stage_pauses) AS wait, c.status, q.silence_close_at
    FROM "case" c JOIN queued q ON q.case_id = c.id
    WHERE c.id = ANY (ARRAY(SELECT case_id FROM queued)) AND c.status = ANY ($3::"CaseStatus"[])
  ), closed AS (
    UPDATE "case" c SET
      status = $4::"CaseStatus", closed_at = $1::timestamptz,
      stage_key = NULL, stage_started_at = NULL, stage_deadline = NULL, stage_provisional = false,
      stage_pauses = '[]'::jsonb, waiting_since = NULL, resume_status = NULL,
      updated_at = $1::timestamptz
    WHERE c.id = ANY (ARRAY(SELECT id FROM picked))
    RETURNING c.id
  ), checked AS (
    SELECT q.case_id, p.id IS NOT NULL AS closing FROM queued q LEFT JOIN picked p ON p.id = q.case_id
  ), timers AS (
    UPDATE case_sla s SET silence_notice_at = NULL, silence_close_at = NULL,
      overdue_at = CASE WHEN x.closing THEN NULL ELSE s.overdue_at END,
      next_reminder_at = CASE WHEN x.closing THEN NULL ELSE s.next_reminder_at END
    FROM checked x
    WHERE s.case_id = x.case_id AND s.case_id = ANY (ARRAY(SELECT case_id FROM queued))
    RETURNING s.case_id
  ), notice AS (
    INSERT INTO sla_notice (tenant_id, case_id, stage_key, kind, step, due_at, created_at)
    SELECT p.tenant_id, p.id, coalesce(p.stage_key, ''), 'SILENCE_CLOSED'::"SlaNoticeKind", p.wait, p.silence_close_at, $1::timestamptz
    FROM picked p
    ON CONFLICT DO NOTHING
    RETURNING case_id
  ), event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
    SELECT p.tenant_id, p.id, 'STATUS_CHANGED'::"CaseEventKind", 'SYSTEM'::"ActorKind", $5::"EventVisibility", $4::"CaseStatus",
      jsonb_build_object('transition', $6::text, 'from', p.status, 'to', $4::text), $1::timestamptz
    FROM picked p
    RETURNING id
  ), notify AS (
    INSERT INTO staff_notification (id, tenant_id, roles, case_id, kind, created_at)
    SELECT gen_random_uuid(), p.tenant_id, ${agencyRoles}, p.id, 'SILENCE_CLOSED'::"StaffNotificationKind", $1::timestamptz
    FROM notice n JOIN picked p ON p.id = n.case_id
    RETURNING id
  )
  SELECT (SELECT count(*) FROM queued)::int AS picked, (SELECT count(*) FROM event)::int AS done`;

/**
 * $1 now, $2 batch size, $3 the open statuses. The province's secretariat instructed the agency
 * on an escalation (cases/escalation-follow-up.service.ts) and the instructed deadline passed
 * with the case still open: an INSTRUCTION_OVERDUE notice (once per deadline: its step is the
 * deadline's day number), an internal event, and one notification for the agency's case roles
 * and the province. A queued case no longer open (answered, closed, transferred) just leaves
 * the queue; so does each case taken, since a deadline is told of once.
 */
export const INSTRUCTIONS_OVERDUE = `
  WITH queued AS (
    SELECT s.case_id, s.instruction_deadline FROM case_sla s
    WHERE s.instruction_overdue_at IS NOT NULL AND s.instruction_overdue_at < $1::timestamptz
    ORDER BY s.instruction_overdue_at
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), picked AS (
    SELECT c.id, c.tenant_id, c.status, q.instruction_deadline, t.province_id
    FROM "case" c JOIN queued q ON q.case_id = c.id JOIN tenant t ON t.id = c.tenant_id
    WHERE c.id = ANY (ARRAY(SELECT case_id FROM queued)) AND c.status = ANY ($3::"CaseStatus"[])
  ), cleared AS (
    UPDATE case_sla s SET instruction_overdue_at = NULL
    WHERE s.case_id = ANY (ARRAY(SELECT case_id FROM queued))
    RETURNING s.case_id
  ), notice AS (
    INSERT INTO sla_notice (tenant_id, case_id, stage_key, kind, step, due_at, created_at)
    SELECT p.tenant_id, p.id, 'instruction', 'INSTRUCTION_OVERDUE'::"SlaNoticeKind",
      floor(extract(epoch FROM p.instruction_deadline) / 86400)::int, p.instruction_deadline, $1::timestamptz
    FROM picked p
    ON CONFLICT DO NOTHING
    RETURNING case_id
  ), event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
    SELECT p.tenant_id, p.id, 'INSTRUCTION_OVERDUE'::"CaseEventKind", 'SYSTEM'::"ActorKind", 'INTERNAL'::"EventVisibility", p.status,
      jsonb_build_object('deadline', p.instruction_deadline), $1::timestamptz
    FROM notice n JOIN picked p ON p.id = n.case_id
    RETURNING id
  ), notify AS (
    INSERT INTO staff_notification (id, tenant_id, province_id, roles, case_id, kind, created_at)
    SELECT gen_random_uuid(), p.tenant_id, p.province_id, ${agencyRoles}, p.id, 'INSTRUCTION_OVERDUE'::"StaffNotificationKind", $1::timestamptz
    FROM notice n JOIN picked p ON p.id = n.case_id
    RETURNING id
  )
  SELECT (SELECT count(*) FROM queued)::int AS picked, (SELECT count(*) FROM notice)::int AS done`;
