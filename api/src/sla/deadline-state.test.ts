/**
 * The one definition of overdue and due soon: due soon counted in working days (over
 * weekends and the tenant's days off), and the Prisma filters held to the predicate on every
 * combination of the facts. The SQL condition is held to it on a real database by
 * jobs/sla-sweep.int.test.ts (the overdue pass).
 */
import { describe, expect, it } from 'vitest';
import type { CaseStatus, Prisma } from '../generated/prisma/client.ts';
import { dueSoonFrom, isDueSoon, isOverdue, notOverdueWhere, overdueSql, overdueWhere, type DeadlineFacts } from './deadline-state.ts';
import { createWorkingCalendar } from './working-days.ts';

const OPEN: CaseStatus[] = ['SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP'];
const WIB = createWorkingCalendar({ timeZone: 'Asia/Pontianak', nationalDays: [], tenantDaysOff: [{ date: '2026-11-12' }], knownYears: [2026] });
const wib = (local: string) => new Date(`${local}+07:00`);
const endOfDay = (date: string) => wib(`${date}T23:59:59.999`);

const running = (deadline: Date): DeadlineFacts => ({ status: 'IN_VERIFICATION', stageDeadline: deadline, waitingSince: null });

describe('overdue', () => {
  const deadline = endOfDay('2026-11-10');
  it('is a running stage past its deadline', () => {
    expect(isOverdue(running(deadline), OPEN, wib('2026-11-11T00:00:00'))).toBe(true);
    expect(isOverdue(running(deadline), OPEN, wib('2026-11-10T23:59:59'))).toBe(false);
  });
  it('is never a case waiting for the reporter, a closed case, or one without a deadline', () => {
    const late = wib('2026-12-01T00:00:00');
    expect(isOverdue({ ...running(deadline), status: 'NEEDS_INFO', waitingSince: wib('2026-11-09T10:00:00') }, OPEN, late)).toBe(false);
    expect(isOverdue({ ...running(deadline), status: 'CLOSED' }, OPEN, late)).toBe(false);
    expect(isOverdue({ ...running(deadline), stageDeadline: null }, OPEN, late)).toBe(false);
  });
});

describe('due soon, in working days', () => {
  it('starts two working days before a mid-week deadline', () => {
    // Thursday 19 November: due soon from the end of Tuesday 17 (Wednesday and Thursday to go).
    expect(dueSoonFrom(endOfDay('2026-11-19'), WIB)).toEqual(endOfDay('2026-11-17'));
    expect(isDueSoon(running(endOfDay('2026-11-19')), OPEN, wib('2026-11-17T23:00:00'), WIB)).toBe(false);
    expect(isDueSoon(running(endOfDay('2026-11-19')), OPEN, wib('2026-11-18T08:00:00'), WIB)).toBe(true);
  });
  it('counts over a weekend: a Monday deadline is due soon from the end of Thursday', () => {
    expect(dueSoonFrom(endOfDay('2026-11-09'), WIB)).toEqual(endOfDay('2026-11-05'));
    expect(isDueSoon(running(endOfDay('2026-11-09')), OPEN, wib('2026-11-06T08:00:00'), WIB)).toBe(true);
  });
  it("counts over the tenant's day off", () => {
    // Friday 13 November; Thursday 12 is the tenant's day off: Wednesday 11 and Friday 13 to go.
    expect(dueSoonFrom(endOfDay('2026-11-13'), WIB)).toEqual(endOfDay('2026-11-10'));
  });
  it('is not overdue, paused or closed', () => {
    const deadline = endOfDay('2026-11-19');
    expect(isDueSoon(running(deadline), OPEN, wib('2026-11-20T08:00:00'), WIB)).toBe(false);
    expect(isDueSoon({ ...running(deadline), status: 'NEEDS_INFO', waitingSince: wib('2026-11-18T08:00:00') }, OPEN, wib('2026-11-19T08:00:00'), WIB)).toBe(
      false,
    );
    expect(isDueSoon({ ...running(deadline), status: 'ANSWERED' }, OPEN, wib('2026-11-19T08:00:00'), WIB)).toBe(false);
  });
});

/** Evaluates the subset of Prisma's case filter the rule uses, as PostgreSQL would (a comparison with null is not true). */
function matches(where: Prisma.CaseWhereInput, facts: DeadlineFacts): boolean {
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'OR') return (condition as Prisma.CaseWhereInput[]).some((branch) => matches(branch, facts));
    if (key === 'AND') return (condition as Prisma.CaseWhereInput[]).every((branch) => matches(branch, facts));
    const value = facts[key as keyof DeadlineFacts];
    if (condition === null) return value === null;
    const filter = condition as { lt?: Date; gte?: Date; in?: string[]; notIn?: string[]; not?: null };
    return Object.entries(filter).every(([operator, operand]) => {
      if (operator === 'not' && operand === null) return value !== null;
      if (value === null) return false;
      if (operator === 'lt') return (value as Date).getTime() < (operand as Date).getTime();
      if (operator === 'gte') return (value as Date).getTime() >= (operand as Date).getTime();
      if (operator === 'in') return (operand as string[]).includes(value as string);
      if (operator === 'notIn') return !(operand as string[]).includes(value as string);
      throw new Error(`the evaluator does not know ${key}.${operator}`);
    });
  });
}

describe('the Prisma filters are the predicate', () => {
  const now = wib('2026-11-11T10:00:00');
  const statuses: CaseStatus[] = ['SUBMITTED', 'NEEDS_INFO', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED'];
  const deadlines = [null, wib('2026-11-10T23:59:59'), now, wib('2026-11-12T23:59:59')];
  const waits = [null, wib('2026-11-09T10:00:00')];
  const everyCase = statuses.flatMap((status) => deadlines.flatMap((stageDeadline) => waits.map((waitingSince) => ({ status, stageDeadline, waitingSince }))));

  it.each(everyCase)('%o', (facts) => {
    expect(matches(overdueWhere(OPEN, now), facts)).toBe(isOverdue(facts, OPEN, now));
    expect(matches(notOverdueWhere(OPEN, now), facts)).toBe(!isOverdue(facts, OPEN, now));
  });

  it('and the SQL condition reads the same columns', () => {
    expect(overdueSql('c', ['ACCEPTED'], '$1::timestamptz')).toBe(
      `c.waiting_since IS NULL AND c.status = ANY (ARRAY['ACCEPTED']::"CaseStatus"[]) AND c.stage_deadline < $1::timestamptz`,
    );
  });
});
