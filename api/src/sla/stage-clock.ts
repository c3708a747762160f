/**
 * The clock of the SLA stage a case is in: when it started, its deadline (moved later by
 * the time spent waiting for the reporter), and when the next reminder is due. Pure
 * functions over `working-days.ts`; the case lifecycle decides when a stage starts, pauses,
 * resumes or ends, and stores the result on the case.
 */
import { computeStageDeadline, localDate, type Pause, type WorkingCalendar } from './working-days.ts';

export interface StageDefinition {
  key: string;
  workingDays: number;
  /** Reminders, in working days before the deadline (e.g. [3, 1]). */
  remindDaysBefore: readonly number[];
}

/** What a case stores about its running stage (see the Case model). */
export interface StageClock {
  stageKey: string | null;
  stageStartedAt: Date | null;
  stageDeadline: Date | null;
  stageProvisional: boolean;
  stagePauses: StoredPause[];
  nextReminderAt: Date | null;
}

/** A pause as stored in JSON. */
export interface StoredPause {
  from: string;
  to: string | null;
}

export const NO_STAGE: StageClock = {
  stageKey: null,
  stageStartedAt: null,
  stageDeadline: null,
  stageProvisional: false,
  stagePauses: [],
  nextReminderAt: null,
};

const MS_PER_DAY = 86_400_000;

function toPauses(stored: readonly StoredPause[]): Pause[] {
  return stored.map((pause) => ({ from: new Date(pause.from), to: pause.to === null ? null : new Date(pause.to) }));
}

/**
 * The instant a reminder `daysBefore` working days ahead of the deadline is due: the end
 * of the working day that leaves `daysBefore` working days to go. Never before `start`.
 */
export function reminderDueAt(deadline: Date, daysBefore: number, start: Date, calendar: WorkingCalendar): Date {
  if (daysBefore <= 0) return deadline;
  const deadlineDay = Date.parse(`${localDate(deadline, calendar.timeZone)}T00:00:00Z`) / MS_PER_DAY;
  const startDay = Date.parse(`${localDate(start, calendar.timeZone)}T00:00:00Z`) / MS_PER_DAY;
  let day = deadlineDay;
  let remaining = daysBefore;
  while (remaining > 0 && day > startDay) {
    day -= 1;
    const date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    const weekday = new Date(day * MS_PER_DAY).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !calendar.daysOff.has(date)) remaining -= 1;
  }
  // The end of that local day is the deadline's time of day shifted back by whole days
  // (both are 23:59:59.999 local; Indonesian zones have no daylight saving).
  const due = new Date(deadline.getTime() - (deadlineDay - day) * MS_PER_DAY);
  return due.getTime() < start.getTime() ? start : due;
}

/** One reminder of a stage: its days before the deadline, and when it is due. */
export interface ScheduledReminder {
  step: number;
  at: Date;
}

/**
 * The stage's reminder schedule: one reminder per positive `remindDaysBefore`, each due at
 * `reminderDueAt`. The one place the schedule is read from the policy; `nextReminder` (the
 * lifecycle) and `planReminder` (the sweep) both go through it. `dueAt` lets the sweep pass
 * its memoised `cachedReminderDueAt` (the same instants).
 */
export function scheduleReminders(
  stage: Pick<StageDefinition, 'remindDaysBefore'>,
  clock: { stageStartedAt: Date; stageDeadline: Date },
  calendar: WorkingCalendar,
  dueAt: typeof reminderDueAt = reminderDueAt,
): ScheduledReminder[] {
  return stage.remindDaysBefore
    .filter((days) => days > 0)
    .map((days) => ({ step: days, at: dueAt(clock.stageDeadline, days, clock.stageStartedAt, calendar) }));
}

/** The earliest reminder of the stage still ahead of `after`, or null. */
export function nextReminder(
  stage: Pick<StageDefinition, 'remindDaysBefore'>,
  clock: { stageStartedAt: Date; stageDeadline: Date },
  after: Date,
  calendar: WorkingCalendar,
): Date | null {
  const due = scheduleReminders(stage, clock, calendar)
    .map((reminder) => reminder.at)
    .filter((at) => at.getTime() > after.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  return due[0] ?? null;
}

export interface ReminderPlan {
  /** The reminder to send now (its days before the deadline), or null. */
  step: number | null;
  dueAt: Date | null;
  /** The stage's next reminder after now, or null. */
  next: Date | null;
}

/**
 * `reminderDueAt` for many cases of a batch. Its day arithmetic depends on the deadline and
 * on the local date of the stage's start only (the start itself just bounds the result
 * from below), and an instant's local date is the same within any quarter hour (every time
 * zone's offset and change of offset is a multiple of 15 minutes). So the day arithmetic is
 * memoised per deadline and start quarter hour: for a batch of 5,000 cases it runs a few
 * dozen times instead of thousands (each run converts instants to local dates, the costly
 * part).
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const reminderMemo = new WeakMap<WorkingCalendar, Map<string, number>>();

export function cachedReminderDueAt(deadline: Date, daysBefore: number, start: Date, calendar: WorkingCalendar): Date {
  let memo = reminderMemo.get(calendar);
  if (!memo) {
    memo = new Map();
    reminderMemo.set(calendar, memo);
  }
  const quarter = Math.floor(start.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${deadline.getTime()}|${daysBefore}|${quarter}`;
  let due = memo.get(key);
  if (due === undefined) {
    due = reminderDueAt(deadline, daysBefore, new Date(quarter), calendar).getTime();
    if (memo.size > 100_000) memo.clear();
    memo.set(key, due);
  }
  return new Date(Math.max(due, start.getTime()));
}

/**
 * What to do for a case whose reminder is due at `now` (the SLA sweep): send the latest
 * reminder already due (after a pause in the sweeps, one reminder, not a burst), unless the
 * deadline itself has passed (the overdue pass speaks then), and schedule the stage's next
 * reminder (as `nextReminder` would).
 */
export function planReminder(
  stage: Pick<StageDefinition, 'remindDaysBefore'> | null,
  clock: { stageStartedAt: Date | null; stageDeadline: Date | null },
  now: Date,
  calendar: WorkingCalendar,
): ReminderPlan {
  const { stageStartedAt, stageDeadline } = clock;
  if (!stage || !stageStartedAt || !stageDeadline) return { step: null, dueAt: null, next: null };
  if (stageDeadline.getTime() <= now.getTime()) return { step: null, dueAt: null, next: null };
  let due: ScheduledReminder | null = null;
  let next: Date | null = null;
  for (const reminder of scheduleReminders(stage, { stageStartedAt, stageDeadline }, calendar, cachedReminderDueAt)) {
    if (reminder.at.getTime() <= now.getTime()) {
      if (!due || reminder.at.getTime() > due.at.getTime()) due = reminder;
    } else if (!next || reminder.at.getTime() < next.getTime()) {
      next = reminder.at;
    }
  }
  return { step: due?.step ?? null, dueAt: due?.at ?? null, next };
}

/** A stage starting at `at`. */
export function startStage(stage: StageDefinition, at: Date, calendar: WorkingCalendar): StageClock {
  const result = computeStageDeadline({ start: at, workingDays: stage.workingDays, pauses: [], now: at }, calendar);
  const clock = { stageStartedAt: at, stageDeadline: result.deadline };
  return {
    stageKey: stage.key,
    ...clock,
    stageProvisional: result.provisional,
    stagePauses: [],
    nextReminderAt: nextReminder(stage, clock, at, calendar),
  };
}

/** The reporter is asked for facts: the clock stops (no reminders while it waits). */
export function pauseStage(clock: StageClock, at: Date): StageClock {
  if (!clock.stageKey) return clock;
  if (clock.stagePauses.some((pause) => pause.to === null)) return clock;
  return { ...clock, stagePauses: [...clock.stagePauses, { from: at.toISOString(), to: null }], nextReminderAt: null };
}

/** The reporter answered: the deadline moves later by the working days spent waiting. */
export function resumeStage(clock: StageClock, stage: StageDefinition, at: Date, calendar: WorkingCalendar): StageClock {
  if (!clock.stageKey || !clock.stageStartedAt) return clock;
  const pauses = clock.stagePauses.map((pause) => (pause.to === null ? { ...pause, to: at.toISOString() } : pause));
  const result = computeStageDeadline({ start: clock.stageStartedAt, workingDays: stage.workingDays, pauses: toPauses(pauses), now: at }, calendar);
  const moved = { stageStartedAt: clock.stageStartedAt, stageDeadline: result.deadline };
  return {
    ...clock,
    stageDeadline: result.deadline,
    stageProvisional: result.provisional,
    stagePauses: pauses,
    nextReminderAt: nextReminder(stage, moved, at, calendar),
  };
}

/** The stage of a policy by key. */
export function findStage<T extends { key: string }>(stages: readonly T[], key: string | null): T | null {
  return key === null ? null : (stages.find((stage) => stage.key === key) ?? null);
}
