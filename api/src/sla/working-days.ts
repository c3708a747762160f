/**
 * Deadline maths for SLA stages: pure functions, no I/O. The calendar comes from
 * `calendar.service.ts` (national holidays and collective leave, one year at a time) plus the
 * tenant's own days off.
 *
 * Rules
 * - A working day is a local calendar date (in the tenant's time zone) that is not a Saturday
 *   or Sunday and not in `daysOff` (national holidays, collective leave, tenant days off).
 * - A stage of N working days received at instant S ends at 23:59:59.999 local time of the
 *   N-th working day strictly after D = the local date of S. D never counts, whatever the
 *   hour and whether or not it is a working day.
 * - A pause from P1 to P2 (the case waits for the reporter) moves the deadline later by the
 *   number of working days W with localDate(P1) < W <= localDate(P2): the day the pause starts
 *   was (partly) used, the day it ends is given back. A pause starting and ending on the same
 *   local date moves nothing; a pause over a weekend or holidays moves only by the working days
 *   in it. Pauses are applied in order; a pause that starts after the deadline as moved by the
 *   earlier pauses does not move it (the stage was already late; waiting for the reporter
 *   afterwards does not undo that). An open pause (`to: null`) is treated as if resumed at
 *   `now`, and the result says `paused: true`: the deadline keeps moving while it stays open.
 * - Provisional: a year whose national calendar is not in `knownYears` still has weekends (and
 *   the tenant's own days off) but its holidays are unknown, so any date of such a year that
 *   the computation counted as a working day (towards the stage, or towards a pause's shift)
 *   might be a holiday. The result is then `provisional: true`. A deadline that lands in an
 *   unknown year is always provisional, since the deadline day itself is counted.
 *
 * Plain calendar dates ('YYYY-MM-DD') are handled as whole UTC days, which has no time-zone
 * meaning; only the conversions between instants and local dates use the tenant's zone.
 */
import { TZDate, tz } from '@date-fns/tz';
import { endOfDay, format } from 'date-fns';

/** The longest stage accepted, in working days. */
export const MAX_STAGE_WORKING_DAYS = 365;

export interface WorkingCalendar {
  timeZone: string; // IANA
  /** Non-working dates besides weekends, as local 'YYYY-MM-DD'. */
  daysOff: ReadonlySet<string>;
  /** Years whose national calendar is loaded. */
  knownYears: ReadonlySet<number>;
}

export interface Deadline {
  deadline: Date;
  provisional: boolean;
}

export interface Pause {
  from: Date;
  to: Date | null;
}

const MS_PER_DAY = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const validTimeZones = new Set<string>();

function assertTimeZone(timeZone: string): void {
  if (validTimeZones.has(timeZone)) return;
  // Offsets ("+07:00") are not zones: a tenant's zone must be a name from the IANA database.
  const looksLikeName = typeof timeZone === 'string' && /^[A-Za-z]/.test(timeZone);
  let valid = false;
  if (looksLikeName) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
  }
  if (!valid) throw new RangeError(`working days: unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name like "Asia/Jakarta"`);
  validTimeZones.add(timeZone);
}

function assertInstant(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new RangeError(`working days: ${what} must be a valid Date, got ${String(value)}`);
  }
}

function assertWorkingDays(workingDays: number): void {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_STAGE_WORKING_DAYS) {
    throw new RangeError(`working days: a stage lasts a whole number of working days from 1 to ${MAX_STAGE_WORKING_DAYS}, got ${String(workingDays)}`);
  }
}

/** Days since 1970-01-01 of a plain date; throws on anything but a real 'YYYY-MM-DD'. */
function toDayNumber(date: string, what: string): number {
  const match = typeof date === 'string' ? PLAIN_DATE.exec(date) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const check = new Date(time);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return time / MS_PER_DAY;
    }
  }
  throw new RangeError(`working days: ${what} must be a calendar date like "2026-08-17", got ${JSON.stringify(date)}`);
}

function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function isWeekendDay(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A holiday as stored: a JS Date at UTC midnight of the calendar date, or 'YYYY-MM-DD'. */
function toCalendarDate(value: Date | string, what: string): string {
  if (typeof value === 'string') return fromDayNumber(toDayNumber(value, what));
  assertInstant(value, what);
  // Anything but UTC midnight is an instant, not a date: reading its UTC day would be off by one
  // for a local midnight (e.g. 2026-08-16T17:00Z is 17 August in WIB but 16 August in UTC).
  if (value.getTime() % MS_PER_DAY !== 0) {
    throw new RangeError(`working days: ${what} must be a calendar date at UTC midnight, got ${value.toISOString()}`);
  }
  return value.toISOString().slice(0, 10);
}

export function createWorkingCalendar(input: {
  timeZone: string;
  nationalDays: { date: Date | string }[];
  tenantDaysOff: { date: Date | string }[];
  knownYears: Iterable<number>;
}): WorkingCalendar {
  assertTimeZone(input.timeZone);
  const daysOff = new Set<string>();
  for (const day of input.nationalDays) daysOff.add(toCalendarDate(day.date, 'a national day'));
  for (const day of input.tenantDaysOff) daysOff.add(toCalendarDate(day.date, 'a tenant day off'));
  const knownYears = new Set<number>();
  for (const year of input.knownYears) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`working days: a known year must be a four-digit year, got ${String(year)}`);
    }
    knownYears.add(year);
  }
  return Object.freeze({ timeZone: input.timeZone, daysOff, knownYears });
}

/** The local calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  assertInstant(instant, 'the instant');
  assertTimeZone(timeZone);
  return format(instant, 'yyyy-MM-dd', { in: tz(timeZone) });
}

/** The last millisecond (23:59:59.999 local) of a local date, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(endOfDay(new TZDate(year, month - 1, day, timeZone)).getTime());
}

function isWorkingDayNumber(dayNumber: number, calendar: WorkingCalendar): boolean {
  return !isWeekendDay(dayNumber) && !calendar.daysOff.has(fromDayNumber(dayNumber));
}

function isUnknownYear(dayNumber: number, calendar: WorkingCalendar): boolean {
  return !calendar.knownYears.has(new Date(dayNumber * MS_PER_DAY).getUTCFullYear());
}

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  return isWorkingDayNumber(toDayNumber(date, 'the date'), calendar);
}

/** The `count`-th working day strictly after `after` (count 0: `after` itself). */
function nthWorkingDayAfter(after: number, count: number, calendar: WorkingCalendar): { day: number; provisional: boolean } {
  let day = after;
  let provisional = false;
  for (let counted = 0; counted < count; ) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) {
      counted += 1;
      if (isUnknownYear(day, calendar)) provisional = true;
    }
  }
  return { day, provisional };
}

/** Working days W with after < W <= through. */
function countWorkingDays(after: number, through: number, calendar: WorkingCalendar): { count: number; provisional: boolean } {
  let count = 0;
  let provisional = false;
  for (let day = after + 1; day <= through; day += 1) {
    if (isWorkingDayNumber(day, calendar)) {
      count += 1;
      if (isUnknownYear(day, calendar)) provisional = true;
    }
  }
  return { count, provisional };
}

function localDayNumber(instant: Date, timeZone: string): number {
  return toDayNumber(localDate(instant, timeZone), 'the local date');
}

/**
 * The working days from `from` to `to` by the stage rule: the working days after the local date
 * of `from` up to and including the local date of `to` (0 on the same day; 0 when `to` is earlier).
 */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  assertInstant(from, 'the start');
  assertInstant(to, 'the end');
  return countWorkingDays(localDayNumber(from, calendar.timeZone), localDayNumber(to, calendar.timeZone), calendar).count;
}

/** The end of the `workingDays`-th working day after the local date of `start`. */
export function addWorkingDays(start: Date, workingDays: number, calendar: WorkingCalendar): Deadline {
  assertInstant(start, 'the start');
  assertWorkingDays(workingDays);
  const end = nthWorkingDayAfter(localDayNumber(start, calendar.timeZone), workingDays, calendar);
  return { deadline: endOfLocalDay(fromDayNumber(end.day), calendar.timeZone), provisional: end.provisional };
}

/**
 * A stage's deadline with the reporter's waiting time taken out (see the rules at the top).
 * Pauses may come in any order but must not overlap, must start at or after `start`, and only
 * the latest may be open. `now` (default: the current time) only matters for an open pause.
 */
export function computeStageDeadline(
  input: { start: Date; workingDays: number; pauses?: Pause[]; now?: Date },
  calendar: WorkingCalendar,
): Deadline & { paused: boolean } {
  const { start, workingDays } = input;
  assertInstant(start, 'the start');
  assertWorkingDays(workingDays);
  const now = input.now ?? new Date();
  assertInstant(now, 'now');
  const pauses = [...(input.pauses ?? [])];
  pauses.forEach((pause, index) => {
    assertInstant(pause.from, `pause ${index + 1} start`);
    if (pause.to !== null) assertInstant(pause.to, `pause ${index + 1} end`);
  });
  pauses.sort((a, b) => a.from.getTime() - b.from.getTime());
  pauses.forEach((pause, index) => {
    const at = pause.from.toISOString();
    if (pause.from.getTime() < start.getTime()) throw new RangeError(`working days: the pause from ${at} starts before the stage (${start.toISOString()})`);
    if (pause.to !== null && pause.to.getTime() < pause.from.getTime()) throw new RangeError(`working days: the pause from ${at} ends before it starts`);
    if (pause.to === null && index < pauses.length - 1) throw new RangeError(`working days: the pause from ${at} is still open but a later pause exists`);
    if (pause.to === null && now.getTime() < pause.from.getTime())
      throw new RangeError(`working days: the open pause from ${at} starts after now (${now.toISOString()})`);
    const next = pauses[index + 1];
    if (next && pause.to !== null && next.from.getTime() < pause.to.getTime())
      throw new RangeError(`working days: the pauses from ${at} and ${next.from.toISOString()} overlap`);
  });

  const { timeZone } = calendar;
  let { day: deadlineDay, provisional } = nthWorkingDayAfter(localDayNumber(start, timeZone), workingDays, calendar);
  for (const pause of pauses) {
    const from = localDayNumber(pause.from, timeZone);
    if (from > deadlineDay) break; // already late when the pause began; later pauses start later still
    const covered = countWorkingDays(from, localDayNumber(pause.to ?? now, timeZone), calendar);
    const moved = nthWorkingDayAfter(deadlineDay, covered.count, calendar);
    deadlineDay = moved.day;
    provisional = provisional || covered.provisional || moved.provisional;
  }
  return {
    deadline: endOfLocalDay(fromDayNumber(deadlineDay), timeZone),
    provisional,
    paused: pauses.some((pause) => pause.to === null),
  };
}

/**
 * Consecutive stages: each starts when the previous one's deadline ends (for a receipt's
 * projected deadlines). A stage after a provisional one is provisional too: its start is.
 */
export function projectStageDeadlines(start: Date, stages: { key: string; workingDays: number }[], calendar: WorkingCalendar): ({ key: string } & Deadline)[] {
  assertInstant(start, 'the start');
  const keys = new Set<string>();
  const projected: ({ key: string } & Deadline)[] = [];
  let stageStart = start;
  let provisional = false;
  for (const stage of stages) {
    if (keys.has(stage.key)) throw new RangeError(`working days: the stage ${JSON.stringify(stage.key)} is listed twice`);
    keys.add(stage.key);
    const result = addWorkingDays(stageStart, stage.workingDays, calendar);
    provisional = provisional || result.provisional;
    projected.push({ key: stage.key, deadline: result.deadline, provisional });
    stageStart = result.deadline;
  }
  return projected;
}
