/**
 * When a stage's deadline counts as overdue, and when as due soon: the one definition, read
 * by the inbox's filter (cases/staff-cases.service.ts), the case page and the inbox rows
 * (cases/staff-case.schema.ts, `overdue` and `dueSoon` on CurrentStage, which the web shows as
 * they are), the reporter's escalation (cases/escalation.service.ts), the counters
 * (stats/case-counters.service.ts) and the SLA sweep's overdue pass (jobs/sla-sweep.sql.ts).
 * Each reader needs it in its own language: a predicate (`isOverdue`, `isDueSoon`), a Prisma
 * filter (`overdueWhere`, `notOverdueWhere`) and a SQL condition (`overdueSql`,
 * `clockRunsSql`). They are written side by side here, so a change to the rule is a change
 * to this file (deadline-state.test.ts holds them to each other).
 *
 * The rule: a stage's clock runs while the case is open and not waiting for the reporter
 * (the waiting time does not count, stage-clock.ts moves the deadline by it); a running
 * stage is overdue once its deadline (the end of a working day, working-days.ts) has passed,
 * and due soon from the end of the working day that leaves DUE_SOON_WORKING_DAYS working days
 * to go (the deadline's own day included). Which statuses are open is the state machine's
 * (cases/case-lifecycle.ts `OPEN_STATUSES`): its readers pass them in, sla/ knows no case.
 */
import type { CaseStatus, Prisma } from '../generated/prisma/client.ts';
import { reminderDueAt } from './stage-clock.ts';
import type { WorkingCalendar } from './working-days.ts';

/** A deadline this many working days ahead (the deadline's day included) is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

/** What the rule reads of a case. */
export interface DeadlineFacts {
  status: CaseStatus;
  stageDeadline: Date | null;
  waitingSince: Date | null;
}

/** The stage clock runs: an open case not waiting for the reporter. */
export function isClockRunning(facts: Pick<DeadlineFacts, 'status' | 'waitingSince'>, openStatuses: readonly CaseStatus[]): boolean {
  return facts.waitingSince === null && openStatuses.includes(facts.status);
}

export function isOverdue(facts: DeadlineFacts, openStatuses: readonly CaseStatus[], now: Date): boolean {
  return isClockRunning(facts, openStatuses) && facts.stageDeadline !== null && facts.stageDeadline.getTime() < now.getTime();
}

/** The instant from which a running stage with this deadline is due soon. */
export function dueSoonFrom(deadline: Date, calendar: WorkingCalendar): Date {
  // No stage start bounds it: a short stage is due soon from the working day it would be.
  return reminderDueAt(deadline, DUE_SOON_WORKING_DAYS, new Date(0), calendar);
}

/** Running, not overdue yet, and within DUE_SOON_WORKING_DAYS working days of its deadline. */
export function isDueSoon(facts: DeadlineFacts, openStatuses: readonly CaseStatus[], now: Date, calendar: WorkingCalendar): boolean {
  if (!isClockRunning(facts, openStatuses) || facts.stageDeadline === null) return false;
  if (isOverdue(facts, openStatuses, now)) return false;
  return now.getTime() >= dueSoonFrom(facts.stageDeadline, calendar).getTime();
}

/** `isOverdue` as a Prisma filter on cases. */
export function overdueWhere(openStatuses: readonly CaseStatus[], now: Date): Prisma.CaseWhereInput {
  return { stageDeadline: { lt: now }, waitingSince: null, status: { in: [...openStatuses] } };
}

/** Not `isOverdue`, as a Prisma filter on cases (spelled out: Prisma's NOT drops rows whose deadline is null). */
export function notOverdueWhere(openStatuses: readonly CaseStatus[], now: Date): Prisma.CaseWhereInput {
  return { OR: [{ stageDeadline: null }, { stageDeadline: { gte: now } }, { waitingSince: { not: null } }, { status: { notIn: [...openStatuses] } }] };
}

/** A list of statuses as a SQL array. */
function statusesSql(statuses: readonly CaseStatus[]): string {
  return `ARRAY[${statuses.map((status) => `'${status}'`).join(', ')}]::"CaseStatus"[]`;
}

/** The case row named `alias` is in one of `statuses` (an enum comparison an index can serve). */
export function statusInSql(alias: string, statuses: readonly CaseStatus[]): string {
  return `${alias}.status = ANY (${statusesSql(statuses)})`;
}

/** `isClockRunning` as a SQL condition on the case row named `alias`. */
export function clockRunsSql(alias: string, openStatuses: readonly CaseStatus[]): string {
  return `${alias}.waiting_since IS NULL AND ${statusInSql(alias, openStatuses)}`;
}

/** `isOverdue` as a SQL condition on the case row named `alias`, at the SQL expression `now`. */
export function overdueSql(alias: string, openStatuses: readonly CaseStatus[], now: string): string {
  return `${clockRunsSql(alias, openStatuses)} AND ${alias}.stage_deadline < ${now}`;
}
