/**
 * The date range and filters of a figures query, checked once for every caller (the public
 * page, the dashboards, the monthly report). Dates are the agencies' own calendar dates
 * ('YYYY-MM-DD', inclusive): a case counts in the range when its local date of receipt does.
 * A reversed range, one longer than MAX_RANGE_DAYS or one that ends in the future is the
 * client's mistake, said with a stable `details.reason`, never an empty result that looks like zero.
 */
import { AppError } from '../errors.ts';
import { localDate } from '../sla/working-days.ts';

/** Two years: a year against the one before it. */
export const MAX_RANGE_DAYS = 731;

/** The easternmost zone of Indonesia: no agency's today is later than this zone's. */
const EASTERNMOST_ZONE = 'Asia/Jayapura';

export type FilterProblem = 'INVALID_DATE' | 'RANGE_REVERSED' | 'RANGE_TOO_LONG' | 'RANGE_IN_FUTURE' | 'MONTH_NOT_ENDED';

export interface FigureFilter {
  from: string;
  to: string;
  caseTypeIds: readonly string[] | null;
  categoryIds: readonly string[] | null;
  channelIds: readonly string[] | null;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function refuse(reason: FilterProblem, message: string, field: string): never {
  throw new AppError('BAD_USER_INPUT', message, { reason, issues: [{ path: [field], message }] });
}

function dayNumber(value: string, field: string): number {
  const match = PLAIN_DATE.exec(value);
  const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(at) || new Date(at).toISOString().slice(0, 10) !== value) refuse('INVALID_DATE', `${field} must be a date as YYYY-MM-DD.`, field);
  return at / MS_PER_DAY;
}

/** Today's date where it is latest in Indonesia. */
export function latestToday(now = new Date()): string {
  return localDate(now, EASTERNMOST_ZONE);
}

export function checkFigureFilter(
  input: { from: string; to: string; caseTypeIds?: readonly string[] | null; categoryIds?: readonly string[] | null; channelIds?: readonly string[] | null },
  now = new Date(),
): FigureFilter {
  const from = dayNumber(input.from, 'from');
  const to = dayNumber(input.to, 'to');
  if (to < from) refuse('RANGE_REVERSED', 'The range ends before it starts.', 'to');
  if (to - from + 1 > MAX_RANGE_DAYS) refuse('RANGE_TOO_LONG', `A range may cover at most ${MAX_RANGE_DAYS} days.`, 'to');
  if (input.to > latestToday(now)) refuse('RANGE_IN_FUTURE', 'The range ends in the future.', 'to');
  const list = (ids: readonly string[] | null | undefined) => (ids && ids.length > 0 ? [...new Set(ids)] : null);
  return { from: input.from, to: input.to, caseTypeIds: list(input.caseTypeIds), categoryIds: list(input.categoryIds), channelIds: list(input.channelIds) };
}

/** A whole month that has ended everywhere in Indonesia, as its range. */
export function endedMonth(year: number, month: number, now = new Date()): { from: string; to: string } {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12 || year < 2000 || year > 9999) {
    refuse('INVALID_DATE', 'A month is a year and a month number from 1 to 12.', 'month');
  }
  const first = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  // Ended in the westernmost zone too: the day after its last day has begun there.
  if (localDate(now, 'Asia/Jakarta') <= last) refuse('MONTH_NOT_ENDED', 'This month has not ended yet.', 'month');
  return { from: first, to: last };
}
