/**
 * An agency's public statistics page (issue 15): one calendar year of its figures, as the
 * public may see them (public-figures.ts), labelled in the reader's language. No sign-in: the
 * agency comes from the address, the year is the only input, and it is checked here.
 */
import { queryInScope } from '../auth/data-scope.ts';
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import type { SqlRunner } from '../db.ts';
import { AppError } from '../errors.ts';
import { CaseStatus as CASE_STATUSES } from '../generated/prisma/enums.ts';
import { localize, type Locale, type LocalizedText } from '../i18n/locale.ts';
import { statisticsWords } from '../i18n/statistics-labels.ts';
import { localDate } from '../sla/working-days.ts';
import { barChart, columnChart, listMonthLabels } from './charts.ts';
import { checkFigureFilter } from './figure-filter.ts';
import { summarizeFigures } from './figures.service.ts';
import { toPublicFigures, type PublicCount, type PublicFigures, type PublicRow } from './public-figures.ts';

/** The first year the page answers for: nothing before it was ever filed on the platform. */
export const FIRST_PUBLIC_YEAR = 2000;

export type PublicRowKindWithOther = PublicRow['kind'] | 'OTHER';

export interface PublicStatisticsRow {
  kind: PublicRowKindWithOther;
  /** The case type, category or channel key of the agency's configuration, or the status. */
  key: string | null;
  label: string;
  received: PublicCount;
}

export interface PublicStatisticsMonth {
  month: string;
  label: string;
  received: PublicCount;
}

/** The charts of the page, each a static SVG (charts.ts); a suppressed count is drawn as no bar. */
export interface PublicStatisticsCharts {
  perMonth: string;
  byCaseType: string;
  byCategory: string;
  byStatus: string;
  byChannel: string;
}

export interface PublicStatistics extends Omit<PublicFigures, 'months' | 'byCaseType' | 'byCategory' | 'byChannel' | 'byStatus'> {
  year: number;
  /** The range counted: 1 January to the end of the year, or to today in the agency's zone. */
  from: string;
  to: string;
  /** The years with reports, newest first, and always the current one. */
  years: number[];
  computedAt: Date;
  locale: Locale;
  months: PublicStatisticsMonth[];
  byCaseType: PublicStatisticsRow[];
  byCategory: PublicStatisticsRow[];
  byChannel: PublicStatisticsRow[];
  byStatus: PublicStatisticsRow[];
  charts: PublicStatisticsCharts;
}

export interface PublicYear {
  year: number;
  from: string;
  to: string;
}

/**
 * The range of `year` (the current year in the agency's zone when absent): a year before 2000 is
 * INVALID_DATE, one after the current year RANGE_IN_FUTURE, never an empty page that looks like zero.
 */
export function getPublicYear(year: number | null | undefined, timeZone: string, now = new Date()): PublicYear {
  const today = localDate(now, timeZone);
  const currentYear = Number(today.slice(0, 4));
  const chosen = year ?? currentYear;
  if (!Number.isInteger(chosen) || chosen < FIRST_PUBLIC_YEAR) {
    const message = `A year from ${FIRST_PUBLIC_YEAR} on.`;
    throw new AppError('BAD_USER_INPUT', message, { reason: 'INVALID_DATE', issues: [{ path: ['year'], message }] });
  }
  if (chosen > currentYear) {
    const message = 'This year has not begun yet.';
    throw new AppError('BAD_USER_INPUT', message, { reason: 'RANGE_IN_FUTURE', issues: [{ path: ['year'], message }] });
  }
  const from = `${chosen}-01-01`;
  const last = `${chosen}-12-31`;
  const { to } = checkFigureFilter({ from, to: last < today ? last : today }, now);
  return { year: chosen, from, to };
}

const OTHER_KEY = '\u0000other';

/** The breakdown keys as the agency's configuration keys (an id no longer configured: OTHER). */
function keysOf(config: TenantConfig) {
  const byId = new Map<string, { key: string; name: unknown; position: number }>();
  for (const item of [...config.caseTypes, ...config.categories, ...config.channels]) byId.set(item.id, item);
  return byId;
}

function monthsOf(range: PublicYear): string[] {
  const last = Number(range.to.slice(5, 7));
  return Array.from({ length: last }, (_, index) => `${range.year}-${String(index + 1).padStart(2, '0')}`);
}

// One index probe per year (the first date of receipt from each 1 January on), not a DISTINCT
// over every figure of the agency.
const YEARS_WITH_REPORTS = `
  WITH RECURSIVE y AS (
    SELECT extract(year FROM min(received_date))::int AS year FROM case_figure WHERE tenant_id = $1::uuid
    UNION ALL
    SELECT (SELECT extract(year FROM min(received_date))::int FROM case_figure WHERE tenant_id = $1::uuid AND received_date >= make_date(y.year + 1, 1, 1))
    FROM y WHERE y.year IS NOT NULL
  )
  SELECT year FROM y WHERE year IS NOT NULL ORDER BY year DESC`;

export async function listYearsWithReports(sql: SqlRunner, tenantId: string): Promise<number[]> {
  const rows = await queryInScope<{ year: number }>(sql, { tenantIds: [tenantId] }, YEARS_WITH_REPORTS, [tenantId]);
  return rows.map((row) => Number(row.year));
}

/** The agency's public figures of `range`, labelled in `locale`. */
export async function computePublicStatistics(
  sql: SqlRunner,
  config: TenantConfig,
  range: PublicYear,
  locale: Locale,
  now = new Date(),
): Promise<PublicStatistics> {
  const words = statisticsWords(locale);
  const filter = checkFigureFilter({ from: range.from, to: range.to }, now);
  // The page shows no SLA stage: those are not read.
  const summary = await summarizeFigures(sql, { tenantIds: [config.id] }, [config.id], filter, now, { stages: false, breakdowns: true });
  const configured = keysOf(config);
  // Breakdowns by configuration key, not id; ids no longer configured fold into one row.
  summary.breakdowns = summary.breakdowns.map((row) =>
    row.dimension === 'status' || row.key === null ? row : { ...row, key: configured.get(row.key)?.key ?? OTHER_KEY },
  );
  const confidentialCaseTypeIds = new Set(config.caseTypes.filter((caseType) => caseType.confidential).map((caseType) => caseType.key));
  const figures = toPublicFigures(summary, config.id, { months: monthsOf(range), confidentialCaseTypeIds });

  const positions = new Map<string, number>();
  const names = new Map<string, unknown>();
  for (const [dimension, items] of [
    ['caseType', config.caseTypes],
    ['category', config.categories],
    ['channel', config.channels],
  ] as const) {
    for (const item of items) {
      positions.set(`${dimension}:${item.key}`, item.position);
      names.set(`${dimension}:${item.key}`, item.name);
    }
  }
  const kindOrder: Record<PublicRowKindWithOther, number> = { KEY: 0, NONE: 1, OTHER: 2, CONFIDENTIAL: 3 };
  const label = (dimension: string, row: PublicRow): PublicStatisticsRow => {
    if (row.kind === 'CONFIDENTIAL') return { kind: 'CONFIDENTIAL', key: null, label: words.confidential, received: row.received };
    if (row.kind === 'NONE') return { kind: 'NONE', key: null, label: words.none, received: row.received };
    if (row.key === OTHER_KEY) return { kind: 'OTHER', key: null, label: words.other, received: row.received };
    const text = dimension === 'status' ? words.status[row.key as CaseStatus] : localize(names.get(`${dimension}:${row.key}`) as LocalizedText, locale);
    return { kind: 'KEY', key: row.key, label: text ?? String(row.key), received: row.received };
  };
  const statusOrder = Object.values(CASE_STATUSES) as string[];
  const ordered = (dimension: string, rows: PublicRow[]) =>
    rows
      .map((row) => label(dimension, row))
      .sort(
        (a, b) =>
          kindOrder[a.kind] - kindOrder[b.kind] ||
          (dimension === 'status'
            ? statusOrder.indexOf(String(a.key)) - statusOrder.indexOf(String(b.key))
            : (positions.get(`${dimension}:${a.key}`) ?? 0) - (positions.get(`${dimension}:${b.key}`) ?? 0)),
      );

  const byCaseType = ordered('caseType', figures.byCaseType);
  const byCategory = ordered('category', figures.byCategory);
  const byChannel = ordered('channel', figures.byChannel);
  const byStatus = ordered('status', figures.byStatus);
  const bars = (title: string, rows: PublicStatisticsRow[]) =>
    barChart({
      title: `${title}, ${range.year}`,
      labels: rows.map((row) => row.label),
      series: [{ name: words.charts.reports, values: rows.map((row) => row.received.value) }],
      locale,
    });
  const charts: PublicStatisticsCharts = {
    perMonth: columnChart({
      title: `${words.charts.perMonth}, ${range.year}`,
      labels: listMonthLabels(locale).slice(0, figures.months.length),
      series: [{ name: words.charts.reports, values: figures.months.map((month) => month.received.value) }],
      locale,
    }),
    byCaseType: bars(words.charts.byCaseType, byCaseType),
    byCategory: bars(words.charts.byCategory, byCategory),
    byStatus: bars(words.charts.byStatus, byStatus),
    byChannel: bars(words.charts.byChannel, byChannel),
  };

  const years = new Set(await listYearsWithReports(sql, config.id));
  years.add(Number(localDate(now, config.timeZone).slice(0, 4)));
  return {
    ...figures,
    year: range.year,
    from: range.from,
    to: range.to,
    years: [...years].filter((year) => year >= FIRST_PUBLIC_YEAR).sort((a, b) => b - a),
    computedAt: now,
    locale,
    months: figures.months.map((month) => ({ ...month, label: words.months[Number(month.month.slice(5, 7)) - 1]! })),
    byCaseType,
    byCategory,
    byChannel,
    byStatus,
    charts,
  };
}
