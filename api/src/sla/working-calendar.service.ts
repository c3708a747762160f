/**
 * Builds a tenant's working calendar from the database: the loaded national years
 * (cached in memory; they change only when `pnpm ops calendar` runs) and the tenant's
 * own days off from its cached configuration.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createWorkingCalendar, type WorkingCalendar } from './working-days.ts';

const NATIONAL_CACHE_MS = 5 * 60 * 1000;

export class NationalCalendarCache {
  #loaded: { at: number; days: { date: Date }[]; years: number[] } | null = null;

  constructor(private readonly prisma: PrismaClient) {}

  async forTenant(tenant: { timeZone: string; daysOff: { date: Date }[] }): Promise<WorkingCalendar> {
    if (!this.#loaded || Date.now() - this.#loaded.at > NATIONAL_CACHE_MS) {
      const [days, years] = await Promise.all([
        this.prisma.nationalCalendarDay.findMany({ select: { date: true } }),
        this.prisma.calendarYear.findMany({ select: { year: true } }),
      ]);
      this.#loaded = { at: Date.now(), days, years: years.map((row) => row.year) };
    }
    return createWorkingCalendar({
      timeZone: tenant.timeZone,
      nationalDays: this.#loaded.days,
      tenantDaysOff: tenant.daysOff,
      knownYears: this.#loaded.years,
    });
  }

  invalidate(): void {
    this.#loaded = null;
  }
}
