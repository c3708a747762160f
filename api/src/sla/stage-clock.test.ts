/**
 * When a stage's reminders fall due: counted back in working days from the deadline, over
 * weekends and the 2026 national holidays and collective leave, in the tenant's zone.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFile } from './calendar.service.ts';
import { nextReminder, pauseStage, planReminder, reminderDueAt, resumeStage, startStage } from './stage-clock.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-days.ts';

const calendar2026 = calendarFile.parse(JSON.parse(readFileSync(new URL('../../../ops/data/calendars/id-holidays-2026.json', import.meta.url), 'utf8')));
const nationalDays = [...calendar2026.nationalHolidays, ...calendar2026.collectiveLeave].map((day) => ({ date: day.date }));

function calendarFor(timeZone: string, tenantDaysOff: string[] = []): WorkingCalendar {
  return createWorkingCalendar({ timeZone, nationalDays, tenantDaysOff: tenantDaysOff.map((date) => ({ date })), knownYears: [2026] });
}

const WIB = calendarFor('Asia/Pontianak');
const WITA = calendarFor('Asia/Makassar');
const wib = (local: string) => new Date(`${local}+07:00`);
const wita = (local: string) => new Date(`${local}+08:00`);
const endOfDayWib = (date: string) => wib(`${date}T23:59:59.999`);

describe('reminderDueAt', () => {
  // Thursday 5 November, 3 working days: Friday 6, Monday 9, Tuesday 10 (deadline).
  const start = wib('2026-11-05T09:00:00');
  const deadline = endOfDayWib('2026-11-10');

  it('counts back over a weekend', () => {
    expect(reminderDueAt(deadline, 1, start, WIB)).toEqual(endOfDayWib('2026-11-09'));
    expect(reminderDueAt(deadline, 2, start, WIB)).toEqual(endOfDayWib('2026-11-06'));
  });

  it('falls no earlier than the end of the day the stage started', () => {
    expect(reminderDueAt(deadline, 3, start, WIB)).toEqual(endOfDayWib('2026-11-05'));
    expect(reminderDueAt(deadline, 10, start, WIB)).toEqual(endOfDayWib('2026-11-05'));
  });

  it('is the deadline itself for zero days before', () => {
    expect(reminderDueAt(deadline, 0, start, WIB)).toEqual(deadline);
  });

  it('skips Christmas and its collective leave', () => {
    // Monday 21 December, 5 working days: 22, 23, (24 leave, 25 Christmas, weekend) 28, 29, 30.
    const christmasStart = wib('2026-12-21T09:00:00');
    const christmasDeadline = endOfDayWib('2026-12-30');
    expect(reminderDueAt(christmasDeadline, 1, christmasStart, WIB)).toEqual(endOfDayWib('2026-12-29'));
    expect(reminderDueAt(christmasDeadline, 2, christmasStart, WIB)).toEqual(endOfDayWib('2026-12-28'));
    expect(reminderDueAt(christmasDeadline, 3, christmasStart, WIB)).toEqual(endOfDayWib('2026-12-23'));
  });

  it("skips the tenant's own days off", () => {
    const withDayOff = calendarFor('Asia/Pontianak', ['2026-11-09']);
    expect(reminderDueAt(deadline, 1, start, withDayOff)).toEqual(endOfDayWib('2026-11-06'));
  });

  it("ends the day in the tenant's zone (WITA)", () => {
    const witaDeadline = wita('2026-11-10T23:59:59.999');
    expect(reminderDueAt(witaDeadline, 1, wita('2026-11-05T09:00:00'), WITA)).toEqual(wita('2026-11-09T23:59:59.999'));
  });
});

describe('nextReminder', () => {
  const stage = { key: 'follow-up', workingDays: 5, remindDaysBefore: [3, 1] };
  const clock = { stageStartedAt: wib('2026-12-21T09:00:00'), stageDeadline: endOfDayWib('2026-12-30') };

  it('gives the earliest reminder still ahead, across the holidays', () => {
    expect(nextReminder(stage, clock, wib('2026-12-21T09:00:00'), WIB)).toEqual(endOfDayWib('2026-12-23'));
    expect(nextReminder(stage, clock, endOfDayWib('2026-12-23'), WIB)).toEqual(endOfDayWib('2026-12-29'));
    expect(nextReminder(stage, clock, wib('2026-12-26T10:00:00'), WIB)).toEqual(endOfDayWib('2026-12-29'));
    expect(nextReminder(stage, clock, endOfDayWib('2026-12-29'), WIB)).toBeNull();
  });

  it('is what a new stage stores, and moves with a pause', () => {
    const started = startStage(stage, clock.stageStartedAt, WIB);
    expect(started.stageDeadline).toEqual(clock.stageDeadline);
    expect(started.nextReminderAt).toEqual(endOfDayWib('2026-12-23'));
    const paused = pauseStage(started, wib('2026-12-22T10:00:00'));
    expect(paused.nextReminderAt).toBeNull();
    // Waiting from Tuesday 22 to Monday 28 December gives back 23 and 28: the deadline moves two
    // working days, to 31 December and 1 January 2027 (a year whose holidays are not loaded).
    const resumed = resumeStage(paused, stage, wib('2026-12-28T10:00:00'), WIB);
    expect(resumed.stageDeadline).toEqual(endOfDayWib('2027-01-01'));
    expect(resumed.stageProvisional).toBe(true);
    expect(resumed.nextReminderAt).toEqual(reminderDueAt(resumed.stageDeadline!, 3, clock.stageStartedAt, WIB));
  });

  it('ignores reminders of zero or fewer days', () => {
    expect(nextReminder({ remindDaysBefore: [0, -1] }, clock, clock.stageStartedAt, WIB)).toBeNull();
  });
});

describe('the sweep plans one reminder at a time', () => {
  const stage = { remindDaysBefore: [3, 1] };
  const clock = { stageStartedAt: wib('2026-12-21T09:00:00'), stageDeadline: endOfDayWib('2026-12-30') };

  it('sends the latest reminder due and schedules the next', () => {
    expect(planReminder(stage, clock, wib('2026-12-24T08:00:00'), WIB)).toEqual({ step: 3, dueAt: endOfDayWib('2026-12-23'), next: endOfDayWib('2026-12-29') });
  });

  it('after a long pause in the sweeps, sends one reminder, not a burst', () => {
    expect(planReminder(stage, clock, wib('2026-12-30T08:00:00'), WIB)).toEqual({ step: 1, dueAt: endOfDayWib('2026-12-29'), next: null });
  });

  it('sends none once the deadline has passed', () => {
    expect(planReminder(stage, clock, wib('2026-12-31T08:00:00'), WIB)).toEqual({ step: null, dueAt: null, next: null });
  });
});
