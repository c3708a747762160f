/**
 * The national working-day calendar: holidays and collective leave, one file a year
 * (`ops/data/calendars/id-holidays-<year>.json`), loaded by `pnpm ops calendar`.
 * Deadline maths lives beside it in this folder; a year not loaded is unknown, never
 * silently treated as having no holidays.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2026-08-17"');
const day = z.strictObject({ date: isoDate, name: z.string().min(1) });

export const calendarFile = z
  .strictObject({
    source: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    nationalHolidays: z.array(day),
    collectiveLeave: z.array(day),
  })
  .superRefine((calendar, ctx) => {
    const all = [...calendar.nationalHolidays, ...calendar.collectiveLeave];
    all.forEach((entry, index) => {
      if (!entry.date.startsWith(`${calendar.year}-`)) {
        ctx.addIssue({ code: 'custom', path: ['days', index], message: `${entry.date} is not in ${calendar.year}` });
      }
    });
    const dates = all.map((entry) => entry.date);
    const duplicate = dates.find((date, index) => dates.indexOf(date) !== index);
    if (duplicate) ctx.addIssue({ code: 'custom', path: ['days'], message: `${duplicate} is listed twice` });
  });
export type CalendarFile = z.infer<typeof calendarFile>;

export async function readCalendarFiles(dir: string): Promise<{ file: string; calendar: CalendarFile }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const calendars = [];
  for (const name of names) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      throw new Error(`${name}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = calendarFile.safeParse(raw);
    if (!parsed.success) {
      throw new Error(`${name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`);
    }
    calendars.push({ file: name, calendar: parsed.data });
  }
  return calendars;
}

/** Replaces a year of the national calendar; returns false when it was already identical. */
export async function loadNationalCalendar(prisma: PrismaClient, calendar: CalendarFile): Promise<boolean> {
  const days = [
    ...calendar.nationalHolidays.map((entry) => ({ ...entry, kind: 'NATIONAL_HOLIDAY' as const })),
    ...calendar.collectiveLeave.map((entry) => ({ ...entry, kind: 'COLLECTIVE_LEAVE' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const existing = await prisma.nationalCalendarDay.findMany({ where: { year: calendar.year }, orderBy: { date: 'asc' } });
  const year = await prisma.calendarYear.findUnique({ where: { year: calendar.year } });
  const same =
    year?.source === calendar.source &&
    existing.length === days.length &&
    existing.every(
      (row, index) => row.date.toISOString().slice(0, 10) === days[index]!.date && row.name === days[index]!.name && row.kind === days[index]!.kind,
    );
  if (same) return false;
  await prisma.$transaction([
    prisma.calendarYear.deleteMany({ where: { year: calendar.year } }),
    prisma.calendarYear.create({ data: { year: calendar.year, source: calendar.source } }),
    prisma.nationalCalendarDay.createMany({
      data: days.map((entry) => ({
        date: new Date(`${entry.date}T00:00:00Z`),
        year: calendar.year,
        kind: entry.kind,
        name: entry.name,
      })),
    }),
  ]);
  return true;
}

export interface CalendarDay {
  date: Date;
  /** A plain name for national days; `{ id, en }` for the tenant's own. */
  name: unknown;
  kind: 'NATIONAL_HOLIDAY' | 'COLLECTIVE_LEAVE' | 'TENANT_DAY_OFF';
}

export interface YearCalendar {
  year: number;
  /** False when the national calendar of that year has not been loaded: deadlines in it are provisional. */
  loaded: boolean;
  source: string | null;
  days: CalendarDay[];
}

/** The non-working days (besides weekends) of a tenant in a year. */
export async function getYearCalendar(prisma: PrismaClient, year: number, tenantDaysOff: { date: Date; name: unknown }[]): Promise<YearCalendar> {
  const calendar = await prisma.calendarYear.findUnique({ where: { year }, include: { days: { orderBy: { date: 'asc' } } } });
  const own = tenantDaysOff
    .filter((day) => day.date.getUTCFullYear() === year)
    .map((day) => ({ date: day.date, name: day.name, kind: 'TENANT_DAY_OFF' as const }));
  const days = [...(calendar?.days ?? []), ...own].sort((a, b) => a.date.getTime() - b.date.getTime());
  return { year, loaded: Boolean(calendar), source: calendar?.source ?? null, days };
}
