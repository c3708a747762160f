import { readFileSync } from 'node:fs';
import { TZDate, tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarFile } from './calendar.service.ts';
import {
  addWorkingDays,
  computeStageDeadline,
  createWorkingCalendar,
  isWorkingDay,
  localDate,
  projectStageDeadlines,
  type WorkingCalendar,
} from './working-days.ts';

// The real 2026 national calendar, as the DB hands it over: Dates at UTC midnight of each day.
const calendar2026 = calendarFile.parse(JSON.parse(readFileSync(new URL('../../../ops/data/calendars/id-holidays-2026.json', import.meta.url), 'utf8')));
const nationalDays = [...calendar2026.nationalHolidays, ...calendar2026.collectiveLeave].map((day) => ({
  date: new Date(`${day.date}T00:00:00Z`),
}));

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';

/** Only 2026 is loaded: 2025 and 2027 are unknown years. */
function calendarFor(timeZone: string, tenantDaysOff: string[] = []): WorkingCalendar {
  return createWorkingCalendar({
    timeZone,
    nationalDays,
    tenantDaysOff: tenantDaysOff.map((date) => ({ date })),
    knownYears: [calendar2026.year],
  });
}

/** 'Mon 2026-07-06 10:00' in a zone → the instant. The weekday guards the tables against typos. */
function at(local: string, timeZone: string): Date {
  const match = /^(\w{3}) (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (!match) throw new Error(`bad local time in the table: ${local}`);
  const [, weekday, year, month, day, hour, minute] = match.map((part, index) => (index < 2 ? part : Number(part))) as [
    string,
    string,
    number,
    number,
    number,
    number,
    number,
  ];
  const instant = new TZDate(year, month - 1, day, hour, minute, timeZone);
  const actual = format(instant, 'EEE', { in: tz(timeZone) });
  if (actual !== weekday) throw new Error(`${local}: that date is a ${actual}`);
  return new Date(instant.getTime());
}

/** An instant as the table writes deadlines: local weekday, date and time to the millisecond. */
function show(instant: Date, timeZone: string): string {
  return format(instant, 'EEE yyyy-MM-dd HH:mm:ss.SSS', { in: tz(timeZone) });
}

describe('the 2026 calendar file', () => {
  it('holds the 17 national holidays and 8 collective leave days of the SKB', () => {
    expect(calendar2026.nationalHolidays).toHaveLength(17);
    expect(calendar2026.collectiveLeave).toHaveLength(8);
  });
});

describe('localDate', () => {
  it.each([
    { instant: '2026-07-09T16:30:00Z', timeZone: WIB, date: '2026-07-09', reason: '23:30 WIB is still Thursday' },
    { instant: '2026-07-09T16:30:00Z', timeZone: 'Asia/Pontianak', date: '2026-07-09', reason: 'Pontianak is WIB too' },
    { instant: '2026-07-09T16:30:00Z', timeZone: WITA, date: '2026-07-10', reason: 'the same instant is 00:30 Friday in WITA' },
    { instant: '2026-07-09T16:30:00Z', timeZone: WIT, date: '2026-07-10', reason: 'and 01:30 Friday in WIT' },
    { instant: '2026-07-09T16:59:59.999Z', timeZone: WIB, date: '2026-07-09', reason: 'the last millisecond of Thursday in WIB' },
    { instant: '2026-07-09T17:00:00Z', timeZone: WIB, date: '2026-07-10', reason: 'the first millisecond of Friday in WIB' },
    { instant: '2026-12-31T15:30:00Z', timeZone: WIT, date: '2027-01-01', reason: 'New Year comes first in Papua' },
  ])('$instant in $timeZone is $date ($reason)', ({ instant, timeZone, date }) => {
    expect(localDate(new Date(instant), timeZone)).toBe(date);
  });

  it('rejects an unknown zone and an invalid instant', () => {
    expect(() => localDate(new Date(), 'Asia/Atlantis')).toThrow(/unknown time zone "Asia\/Atlantis"/);
    expect(() => localDate(new Date(Number.NaN), WIB)).toThrow(/the instant must be a valid Date/);
  });
});

describe('createWorkingCalendar', () => {
  it('reads DB dates (UTC midnight) as calendar dates, whatever the zone', () => {
    const papua = createWorkingCalendar({
      timeZone: WIT,
      nationalDays: [{ date: new Date('2026-08-17T00:00:00Z') }],
      tenantDaysOff: [],
      knownYears: [2026],
    });
    expect([...papua.daysOff]).toEqual(['2026-08-17']);
  });

  it('gives the same calendar for Dates and for date strings', () => {
    const fromStrings = createWorkingCalendar({
      timeZone: WIB,
      nationalDays: [...calendar2026.nationalHolidays, ...calendar2026.collectiveLeave],
      tenantDaysOff: [],
      knownYears: new Set([2026]),
    });
    expect([...fromStrings.daysOff].sort()).toEqual([...calendarFor(WIB).daysOff].sort());
    expect(fromStrings.daysOff.size).toBe(25);
  });

  it.each([
    { input: { timeZone: 'Asia/Atlantis' }, error: /unknown time zone "Asia\/Atlantis"/, reason: 'not an IANA zone' },
    { input: { timeZone: '+07:00' }, error: /unknown time zone "\+07:00"/, reason: 'an offset is not a zone' },
    { input: { timeZone: '' }, error: /unknown time zone ""/, reason: 'empty' },
    {
      input: { nationalDays: [{ date: new Date('2026-08-16T17:00:00Z') }] },
      error: /a national day must be a calendar date at UTC midnight, got 2026-08-16T17:00:00.000Z/,
      reason: 'a local midnight instant would be read as the day before',
    },
    { input: { tenantDaysOff: [{ date: '2026-8-17' }] }, error: /a tenant day off must be a calendar date like "2026-08-17"/, reason: 'not zero-padded' },
    { input: { tenantDaysOff: [{ date: '2026-02-30' }] }, error: /a tenant day off must be a calendar date/, reason: 'no such date' },
    { input: { tenantDaysOff: [{ date: '2026-08-17T00:00:00Z' }] }, error: /a tenant day off must be a calendar date/, reason: 'a date-time, not a date' },
    { input: { tenantDaysOff: [{ date: new Date(Number.NaN) }] }, error: /a tenant day off must be a valid Date/, reason: 'invalid Date' },
    { input: { knownYears: [2026.5] }, error: /a known year must be a four-digit year, got 2026.5/, reason: 'not a year' },
  ])('rejects $reason', ({ input, error }) => {
    expect(() => createWorkingCalendar({ timeZone: WIB, nationalDays: [], tenantDaysOff: [], knownYears: [2026], ...input })).toThrow(error);
  });
});

describe('isWorkingDay', () => {
  const calendar = calendarFor(WIB, ['2026-07-08']);
  it.each([
    { date: '2026-07-06', working: true, reason: 'an ordinary Monday' },
    { date: '2026-07-11', working: false, reason: 'Saturday' },
    { date: '2026-07-12', working: false, reason: 'Sunday' },
    { date: '2026-08-17', working: false, reason: 'Independence Day (national holiday)' },
    { date: '2026-03-23', working: false, reason: 'Idul Fitri collective leave' },
    { date: '2026-12-24', working: false, reason: 'Christmas collective leave' },
    { date: '2026-07-08', working: false, reason: "the tenant's own day off" },
    { date: '2027-01-01', working: true, reason: '2027 is not loaded: only weekends are known (hence provisional deadlines)' },
    { date: '2027-01-02', working: false, reason: 'a Saturday is non-working even in an unknown year' },
  ])('$date is working: $working ($reason)', ({ date, working }) => {
    expect(isWorkingDay(date, calendar)).toBe(working);
  });

  it('rejects a malformed date', () => {
    expect(() => isWorkingDay('17/08/2026', calendar)).toThrow(/the date must be a calendar date like "2026-08-17", got "17\/08\/2026"/);
  });
});

// Every deadline is the end (23:59:59.999 local) of the N-th working day after the local date of receipt.
describe('addWorkingDays', () => {
  it.each([
    {
      reason: 'plain weekday: Tue, Wed, Thu count; the day of receipt never does',
      start: 'Mon 2026-07-06 10:00',
      workingDays: 3,
      deadline: 'Thu 2026-07-09 23:59:59.999',
    },
    { reason: '1 working day: the next working day', start: 'Mon 2026-07-06 08:00', workingDays: 1, deadline: 'Tue 2026-07-07 23:59:59.999' },
    {
      reason: 'Friday start: Sat and Sun skipped, Mon 13, Tue 14, Wed 15 count',
      start: 'Fri 2026-07-10 09:00',
      workingDays: 3,
      deadline: 'Wed 2026-07-15 23:59:59.999',
    },
    {
      reason: 'Saturday start: same as Friday, Sunday does not count either',
      start: 'Sat 2026-07-11 09:00',
      workingDays: 3,
      deadline: 'Wed 2026-07-15 23:59:59.999',
    },
    {
      reason: 'received on a holiday (17 August): counting starts the next day',
      start: 'Mon 2026-08-17 10:00',
      workingDays: 1,
      deadline: 'Tue 2026-08-18 23:59:59.999',
    },
    { reason: '23:30 Thursday is still Thursday: Friday is day 1', start: 'Thu 2026-07-09 23:30', workingDays: 1, deadline: 'Fri 2026-07-10 23:59:59.999' },
    {
      reason: '00:30 Friday (an hour later) is Friday: Monday is day 1',
      start: 'Fri 2026-07-10 00:30',
      workingDays: 1,
      deadline: 'Mon 2026-07-13 23:59:59.999',
    },
    {
      reason: 'the instant of the 23:30 WIB row is 00:30 Friday in WITA: Monday, not Friday',
      timeZone: WITA,
      start: 'Fri 2026-07-10 00:30',
      workingDays: 1,
      deadline: 'Mon 2026-07-13 23:59:59.999',
    },
    {
      reason: 'the same instant is 01:30 Friday in WIT: Monday',
      timeZone: WIT,
      start: 'Fri 2026-07-10 01:30',
      workingDays: 1,
      deadline: 'Mon 2026-07-13 23:59:59.999',
    },
    {
      reason: 'Asia/Pontianak (Kalimantan Barat) is WIB like Jakarta',
      timeZone: 'Asia/Pontianak',
      start: 'Thu 2026-07-09 23:30',
      workingDays: 1,
      deadline: 'Fri 2026-07-10 23:59:59.999',
    },
    {
      reason: 'Idul Fitri: 18-24 March all off (cuti Nyepi, Nyepi, cuti, Idul Fitri Sat-Sun, cuti x2): 25, 26, 27 count',
      start: 'Tue 2026-03-17 10:00',
      workingDays: 3,
      deadline: 'Fri 2026-03-27 23:59:59.999',
    },
    {
      reason: 'Idul Fitri: Tue 17 counts, then nothing until Wed 25, Thu 26',
      start: 'Mon 2026-03-16 10:00',
      workingDays: 3,
      deadline: 'Thu 2026-03-26 23:59:59.999',
    },
    {
      reason: 'Idul Fitri in WITA: same dates, local end of day',
      timeZone: WITA,
      start: 'Tue 2026-03-17 10:00',
      workingDays: 3,
      deadline: 'Fri 2026-03-27 23:59:59.999',
    },
    {
      reason: 'Christmas: Wed 23 counts, 24 (cuti) 25 (Christmas) 26-27 (weekend) do not, then Mon 28',
      start: 'Tue 2026-12-22 10:00',
      workingDays: 2,
      deadline: 'Mon 2026-12-28 23:59:59.999',
    },
    {
      reason: 'received 23 Dec, 3 days: 28, 29, 30 all in 2026, so not provisional',
      start: 'Wed 2026-12-23 10:00',
      workingDays: 3,
      deadline: 'Wed 2026-12-30 23:59:59.999',
    },
    {
      reason: 'received 23 Dec, 5 days: 28-31 Dec, then 1 Jan 2027 counted because 2027 is not loaded: provisional',
      start: 'Wed 2026-12-23 10:00',
      workingDays: 5,
      deadline: 'Fri 2027-01-01 23:59:59.999',
      provisional: true,
    },
    {
      reason: "tenant's own day off (Wed 8 July): Tue 7, Thu 9, Fri 10",
      tenantDaysOff: ['2026-07-08'],
      start: 'Mon 2026-07-06 10:00',
      workingDays: 3,
      deadline: 'Fri 2026-07-10 23:59:59.999',
    },
    {
      reason: 'a tenant day off in 2027 is known (1 Jan skipped) but Mon 4 Jan is still a guess: provisional',
      tenantDaysOff: ['2027-01-01'],
      start: 'Wed 2026-12-23 10:00',
      workingDays: 5,
      deadline: 'Mon 2027-01-04 23:59:59.999',
      provisional: true,
    },
    {
      reason: 'received 31 Dec 2025 (unknown year, but the receipt day never counts); 1 Jan 2026 is New Year',
      start: 'Wed 2025-12-31 10:00',
      workingDays: 1,
      deadline: 'Fri 2026-01-02 23:59:59.999',
    },
    {
      reason: 'Wed 31 Dec 2025 is counted but 2025 is not loaded: provisional',
      start: 'Tue 2025-12-30 10:00',
      workingDays: 2,
      deadline: 'Fri 2026-01-02 23:59:59.999',
      provisional: true,
    },
    {
      reason: '365 (the maximum): 239 working days left in 2026 after 2 Jan, then 126 weekdays of 2027',
      start: 'Fri 2026-01-02 10:00',
      workingDays: 365,
      deadline: 'Fri 2027-06-25 23:59:59.999',
      provisional: true,
    },
  ])('$start + $workingDays → $deadline: $reason', ({ start, workingDays, deadline, provisional = false, timeZone = WIB, tenantDaysOff = [] }) => {
    const result = addWorkingDays(at(start, timeZone), workingDays, calendarFor(timeZone, tenantDaysOff));
    expect({ deadline: show(result.deadline, timeZone), provisional: result.provisional }).toEqual({ deadline, provisional });
  });

  it('counts from the local date: one UTC instant, a different deadline in WIB and WITA', () => {
    const instant = new Date('2026-07-09T16:30:00Z'); // Thu 23:30 WIB = Fri 00:30 WITA
    expect(at('Thu 2026-07-09 23:30', WIB)).toEqual(instant);
    expect(at('Fri 2026-07-10 00:30', WITA)).toEqual(instant);
    expect(addWorkingDays(instant, 1, calendarFor(WIB)).deadline.toISOString()).toBe('2026-07-10T16:59:59.999Z'); // Fri 23:59:59.999 WIB
    expect(addWorkingDays(instant, 1, calendarFor(WITA)).deadline.toISOString()).toBe('2026-07-13T15:59:59.999Z'); // Mon 23:59:59.999 WITA
  });

  it('returns the last millisecond of the local day as a UTC instant', () => {
    const start = new Date('2026-07-06T03:00:00Z');
    expect(addWorkingDays(start, 1, calendarFor(WIB)).deadline.toISOString()).toBe('2026-07-07T16:59:59.999Z');
    expect(addWorkingDays(start, 1, calendarFor(WITA)).deadline.toISOString()).toBe('2026-07-07T15:59:59.999Z');
    expect(addWorkingDays(start, 1, calendarFor(WIT)).deadline.toISOString()).toBe('2026-07-07T14:59:59.999Z');
  });

  describe('whatever the server time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });
    it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'])('gives the same deadline with TZ=%s', (serverZone) => {
      process.env.TZ = serverZone;
      const result = addWorkingDays(at('Tue 2026-03-17 10:00', WITA), 3, calendarFor(WITA));
      expect(show(result.deadline, WITA)).toBe('Fri 2026-03-27 23:59:59.999');
    });
  });

  it.each([
    { workingDays: 0, reason: 'zero' },
    { workingDays: -1, reason: 'negative' },
    { workingDays: 1.5, reason: 'not whole' },
    { workingDays: 366, reason: 'above 365' },
    { workingDays: Number.NaN, reason: 'NaN' },
    { workingDays: Number.POSITIVE_INFINITY, reason: 'infinite' },
  ])('rejects $workingDays working days ($reason)', ({ workingDays }) => {
    expect(() => addWorkingDays(new Date('2026-07-06T03:00:00Z'), workingDays, calendarFor(WIB))).toThrow(
      /a stage lasts a whole number of working days from 1 to 365/,
    );
  });

  it('rejects an invalid start and a calendar with an unknown zone', () => {
    expect(() => addWorkingDays(new Date('not a date'), 3, calendarFor(WIB))).toThrow(/the start must be a valid Date/);
    const broken: WorkingCalendar = { timeZone: 'Mars/Olympus', daysOff: new Set(), knownYears: new Set([2026]) };
    expect(() => addWorkingDays(new Date('2026-07-06T03:00:00Z'), 3, broken)).toThrow(/unknown time zone "Mars\/Olympus"/);
  });
});

// A pause from P1 to P2 moves the deadline by the working days W with localDate(P1) < W <= localDate(P2).
describe('computeStageDeadline', () => {
  it.each([
    { reason: 'no pause: as addWorkingDays', start: 'Mon 2026-07-06 09:00', workingDays: 3, pauses: [], deadline: 'Thu 2026-07-09 23:59:59.999' },
    {
      reason: 'pause within one day (Tue 10:00-15:00): no shift',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Tue 2026-07-07 10:00', 'Tue 2026-07-07 15:00']],
      deadline: 'Thu 2026-07-09 23:59:59.999',
    },
    {
      reason: 'pause Fri 14:00 to Mon 09:00 covers Sat, Sun, Mon: only Mon is a working day, +1 (Wed 15 → Thu 16)',
      start: 'Wed 2026-07-08 09:00',
      workingDays: 5,
      pauses: [['Fri 2026-07-10 14:00', 'Mon 2026-07-13 09:00']],
      deadline: 'Thu 2026-07-16 23:59:59.999',
    },
    {
      reason: 'pause Fri 14 to Tue 18 Aug covers Sat, Sun, 17 Aug (holiday), Tue: +1 (Wed 19 → Thu 20)',
      start: 'Thu 2026-08-13 09:00',
      workingDays: 3,
      pauses: [['Fri 2026-08-14 10:00', 'Tue 2026-08-18 10:00']],
      deadline: 'Thu 2026-08-20 23:59:59.999',
    },
    {
      reason: 'pause 17 to 25 March spans all of Idul Fitri: 8 calendar days but only Wed 25 is a working day, +1 (Mon 30 → Tue 31)',
      start: 'Mon 2026-03-16 09:00',
      workingDays: 5,
      pauses: [['Tue 2026-03-17 10:00', 'Wed 2026-03-25 10:00']],
      deadline: 'Tue 2026-03-31 23:59:59.999',
    },
    {
      reason: 'two pauses: Tue-Thu gives back Wed 8 and Thu 9 (+2), Tue-Wed gives back Wed 15 (+1): Mon 13 → Thu 16',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 5,
      pauses: [
        ['Tue 2026-07-07 10:00', 'Thu 2026-07-09 10:00'],
        ['Tue 2026-07-14 11:00', 'Wed 2026-07-15 16:00'],
      ],
      deadline: 'Thu 2026-07-16 23:59:59.999',
    },
    {
      reason: 'the same two pauses given out of order',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 5,
      pauses: [
        ['Tue 2026-07-14 11:00', 'Wed 2026-07-15 16:00'],
        ['Tue 2026-07-07 10:00', 'Thu 2026-07-09 10:00'],
      ],
      deadline: 'Thu 2026-07-16 23:59:59.999',
    },
    {
      reason: 'back-to-back pauses (the second starts the day the first ends) give back each day once: +2',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [
        ['Tue 2026-07-07 10:00', 'Wed 2026-07-08 10:00'],
        ['Wed 2026-07-08 12:00', 'Thu 2026-07-09 10:00'],
      ],
      deadline: 'Mon 2026-07-13 23:59:59.999',
    },
    {
      reason: 'pause on the day of receipt (the clock had not started): Tue 7 and Wed 8 given back, Thu 9 → Mon 13',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Mon 2026-07-06 10:00', 'Wed 2026-07-08 10:00']],
      deadline: 'Mon 2026-07-13 23:59:59.999',
    },
    {
      reason: 'pause starting on the deadline day: Wed 8 and Thu 9 given back, so the answer day is the new deadline',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 1,
      pauses: [['Tue 2026-07-07 16:00', 'Thu 2026-07-09 09:00']],
      deadline: 'Thu 2026-07-09 23:59:59.999',
    },
    {
      reason: 'pause starting after the deadline (already late): the breach is not undone',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 1,
      pauses: [['Wed 2026-07-08 10:00', 'Fri 2026-07-10 10:00']],
      deadline: 'Tue 2026-07-07 23:59:59.999',
    },
    {
      reason: 'open pause since Wed 8, now Mon 13: as if resumed now, Thu 9, Fri 10, Mon 13 given back (+3)',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Wed 2026-07-08 10:00', null]],
      now: 'Mon 2026-07-13 12:00',
      deadline: 'Tue 2026-07-14 23:59:59.999',
      paused: true,
    },
    {
      reason: 'open pause since this morning: nothing given back yet, but paused',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Wed 2026-07-08 10:00', null]],
      now: 'Wed 2026-07-08 16:00',
      deadline: 'Thu 2026-07-09 23:59:59.999',
      paused: true,
    },
    {
      reason: 'a closed pause then an open one: +2 then +1',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 5,
      pauses: [
        ['Tue 2026-07-07 10:00', 'Thu 2026-07-09 10:00'],
        ['Tue 2026-07-14 11:00', null],
      ],
      now: 'Wed 2026-07-15 08:00',
      deadline: 'Thu 2026-07-16 23:59:59.999',
      paused: true,
    },
    {
      reason: 'open pause on a stage already late: still paused, the deadline stays',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 1,
      pauses: [['Wed 2026-07-08 10:00', null]],
      now: 'Mon 2026-07-13 12:00',
      deadline: 'Tue 2026-07-07 23:59:59.999',
      paused: true,
    },
    {
      reason: 'pause Tue 23:30 to Wed 00:30 WIB crosses midnight: Wed 8 given back (+1)',
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Tue 2026-07-07 23:30', 'Wed 2026-07-08 00:30']],
      deadline: 'Fri 2026-07-10 23:59:59.999',
    },
    {
      reason: 'the same instants are Wed 00:30 to 01:30 in WITA, one local day: no shift',
      timeZone: WITA,
      start: 'Mon 2026-07-06 09:00',
      workingDays: 3,
      pauses: [['Wed 2026-07-08 00:30', 'Wed 2026-07-08 01:30']],
      deadline: 'Thu 2026-07-09 23:59:59.999',
    },
    {
      reason: 'pause 23 Dec to 4 Jan 2027 gives back 28-31 Dec, 1 Jan (a guess: 2027 unknown) and 4 Jan (+6): provisional',
      start: 'Mon 2026-12-21 09:00',
      workingDays: 3,
      pauses: [['Wed 2026-12-23 10:00', 'Mon 2027-01-04 10:00']],
      deadline: 'Tue 2027-01-05 23:59:59.999',
      provisional: true,
    },
  ])('$start + $workingDays → $deadline: $reason', ({ start, workingDays, pauses, now, deadline, provisional = false, paused = false, timeZone = WIB }) => {
    const result = computeStageDeadline(
      {
        start: at(start, timeZone),
        workingDays,
        pauses: pauses.map(([from, to]) => ({ from: at(from!, timeZone), to: to ? at(to, timeZone) : null })),
        now: now ? at(now, timeZone) : undefined,
      },
      calendarFor(timeZone),
    );
    expect({ deadline: show(result.deadline, timeZone), provisional: result.provisional, paused: result.paused }).toEqual({
      deadline,
      provisional,
      paused,
    });
  });

  it('takes the current time for an open pause when no `now` is given', () => {
    const start = new Date(Date.now() - 60_000);
    const result = computeStageDeadline({ start, workingDays: 3, pauses: [{ from: start, to: null }] }, calendarFor(WIB));
    expect(result.paused).toBe(true);
    expect(result.deadline).toEqual(addWorkingDays(start, 3, calendarFor(WIB)).deadline);
  });

  const monday = at('Mon 2026-07-06 09:00', WIB);
  const hours = (count: number) => new Date(monday.getTime() + count * 3_600_000);
  it.each([
    { pauses: [{ from: hours(-1), to: hours(1) }], error: /starts before the stage/, reason: 'a pause before the stage' },
    { pauses: [{ from: hours(5), to: hours(2) }], error: /ends before it starts/, reason: 'a pause ending before it starts' },
    {
      pauses: [
        { from: hours(1), to: hours(5) },
        { from: hours(4), to: hours(8) },
      ],
      error: /overlap/,
      reason: 'overlapping pauses',
    },
    {
      pauses: [
        { from: hours(1), to: null },
        { from: hours(4), to: hours(8) },
      ],
      error: /still open but a later pause exists/,
      reason: 'an open pause that is not the last',
    },
    { pauses: [{ from: hours(30), to: null }], error: /starts after now/, reason: 'an open pause in the future' },
    { pauses: [{ from: new Date(Number.NaN), to: null }], error: /pause 1 start must be a valid Date/, reason: 'an invalid Date' },
  ])('rejects $reason', ({ pauses, error }) => {
    expect(() => computeStageDeadline({ start: monday, workingDays: 3, pauses, now: hours(2) }, calendarFor(WIB))).toThrow(error);
  });

  it('validates the stage length like addWorkingDays', () => {
    expect(() => computeStageDeadline({ start: monday, workingDays: 366 }, calendarFor(WIB))).toThrow(/from 1 to 365, got 366/);
  });
});

describe('projectStageDeadlines (LAPOR-SP4N: verification 3 working days, then follow-up 5)', () => {
  const stages = [
    { key: 'verification', workingDays: 3 },
    { key: 'followUp', workingDays: 5 },
  ];

  it.each([
    {
      reason: 'an ordinary fortnight: Tue-Thu, then Fri 10, Mon 13 to Thu 16',
      start: 'Mon 2026-07-06 10:00',
      expected: [
        { key: 'verification', deadline: 'Thu 2026-07-09 23:59:59.999', provisional: false },
        { key: 'followUp', deadline: 'Thu 2026-07-16 23:59:59.999', provisional: false },
      ],
    },
    {
      reason: 'across Idul Fitri: 17, 25, 26 March; then 27, 30, 31 March, 1, 2 April (Good Friday 3 April is next)',
      start: 'Mon 2026-03-16 10:00',
      expected: [
        { key: 'verification', deadline: 'Thu 2026-03-26 23:59:59.999', provisional: false },
        { key: 'followUp', deadline: 'Thu 2026-04-02 23:59:59.999', provisional: false },
      ],
    },
    {
      reason: 'filed before Christmas: verification ends in 2026 (known); follow-up reaches 1 and 4 Jan 2027 (unknown)',
      start: 'Mon 2026-12-21 10:00',
      expected: [
        { key: 'verification', deadline: 'Mon 2026-12-28 23:59:59.999', provisional: false },
        { key: 'followUp', deadline: 'Mon 2027-01-04 23:59:59.999', provisional: true },
      ],
    },
  ])('from $start: $reason', ({ start, expected }) => {
    const projected = projectStageDeadlines(at(start, WIB), stages, calendarFor(WIB));
    expect(projected.map((stage) => ({ ...stage, deadline: show(stage.deadline, WIB) }))).toEqual(expected);
  });

  it('makes a stage after a provisional one provisional too, since its start is a guess', () => {
    // Wed 31 Dec 2025 is counted though 2025 is not loaded; the second stage lies wholly in 2026.
    const projected = projectStageDeadlines(
      at('Mon 2025-12-29 10:00', WIB),
      [
        { key: 'a', workingDays: 2 },
        { key: 'b', workingDays: 1 },
      ],
      calendarFor(WIB),
    );
    expect(projected.map((stage) => ({ ...stage, deadline: show(stage.deadline, WIB) }))).toEqual([
      { key: 'a', deadline: 'Wed 2025-12-31 23:59:59.999', provisional: true },
      { key: 'b', deadline: 'Fri 2026-01-02 23:59:59.999', provisional: true },
    ]);
  });

  it('starts each stage at the previous deadline, so a stage equals addWorkingDays from there', () => {
    const [verification, followUp] = projectStageDeadlines(at('Fri 2026-07-10 15:00', WIB), stages, calendarFor(WIB));
    expect(followUp!.deadline).toEqual(addWorkingDays(verification!.deadline, 5, calendarFor(WIB)).deadline);
  });

  it('returns nothing for no stages and rejects a repeated key or a bad length', () => {
    expect(projectStageDeadlines(at('Mon 2026-07-06 10:00', WIB), [], calendarFor(WIB))).toEqual([]);
    expect(() => projectStageDeadlines(at('Mon 2026-07-06 10:00', WIB), [stages[0]!, stages[0]!], calendarFor(WIB))).toThrow(
      /the stage "verification" is listed twice/,
    );
    expect(() => projectStageDeadlines(at('Mon 2026-07-06 10:00', WIB), [{ key: 'x', workingDays: 0 }], calendarFor(WIB))).toThrow(/from 1 to 365/);
  });
});
