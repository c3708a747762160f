/**
 * The tables of the public statistics page, built once from the API's answer and used twice:
 * as HTML tables under the charts and as the CSV downloads (`/t/<slug>/statistik.csv`).
 * A suppressed count is "< 5"; a time figure of too few reports is not given at all.
 */
import type { PublicStatisticsQuery } from '../graphql/generated/graphql';
import type { MessageKey, Translate } from '../i18n/translate';

export type PublicStatistics = PublicStatisticsQuery['publicStatistics'];
type Count = { value: number | null; suppressed: boolean };

/** The tables, by the name they have in a CSV address (`?tabel=`). */
export const TABLE_IDS = ['per-bulan', 'jenis-laporan', 'jenis-pelanggaran', 'status', 'kanal', 'waktu'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export function isTableId(value: unknown): value is TableId {
  return typeof value === 'string' && (TABLE_IDS as readonly string[]).includes(value);
}

export interface StatisticsTable {
  id: TableId;
  caption: string;
  /** Column headings; the first column heads each row. */
  columns: string[];
  /** Cells as text; the first cell of a row is its heading. */
  rows: string[][];
}

export function formatCount(count: Count, t: Translate, locale: string): string {
  if (count.suppressed || count.value === null) return t('statistics.suppressed');
  return new Intl.NumberFormat(locale).format(count.value);
}

export function formatDays(days: number | null, locale: string): string {
  return days === null ? '' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(days);
}

const breakdowns: { id: TableId; field: 'byCaseType' | 'byCategory' | 'byStatus' | 'byChannel'; caption: MessageKey; column: MessageKey }[] = [
  { id: 'jenis-laporan', field: 'byCaseType', caption: 'statistics.table.byCaseType', column: 'statistics.column.caseType' },
  { id: 'jenis-pelanggaran', field: 'byCategory', caption: 'statistics.table.byCategory', column: 'statistics.column.category' },
  { id: 'status', field: 'byStatus', caption: 'statistics.table.byStatus', column: 'statistics.column.status' },
  { id: 'kanal', field: 'byChannel', caption: 'statistics.table.byChannel', column: 'statistics.column.channel' },
];

export function buildStatisticsTables(stats: PublicStatistics, t: Translate, locale: string): StatisticsTable[] {
  const year = stats.year;
  const reports = t('statistics.column.reports');
  const count = (value: Count) => formatCount(value, t, locale);
  const tables: StatisticsTable[] = [
    {
      id: 'per-bulan',
      caption: t('statistics.table.perMonth', { year }),
      columns: [t('statistics.column.month'), reports],
      rows: stats.months.map((month) => [month.label, count(month.received)]),
    },
  ];
  for (const breakdown of breakdowns) {
    tables.push({
      id: breakdown.id,
      caption: t(breakdown.caption, { year }),
      columns: [t(breakdown.column), reports],
      rows: stats[breakdown.field].map((row) => [row.label, count(row.received)]),
    });
  }
  const timeRow = (label: MessageKey, figure: PublicStatistics['resolution']) =>
    figure.shown
      ? [
          t(label),
          formatDays(figure.medianWorkingDays, locale),
          formatDays(figure.p90WorkingDays, locale),
          formatDays(figure.medianDays, locale),
          formatDays(figure.p90Days, locale),
          count(figure.cases),
        ]
      : [t(label), t('statistics.notEnough'), '', '', '', count(figure.cases)];
  tables.push({
    id: 'waktu',
    caption: t('statistics.table.times', { year }),
    columns: [
      t('statistics.measure'),
      t('statistics.medianWorkingDays'),
      t('statistics.p90WorkingDays'),
      t('statistics.medianDays'),
      t('statistics.p90Days'),
      t('statistics.cases'),
    ],
    rows: [timeRow('statistics.firstResponse', stats.firstResponse), timeRow('statistics.resolution', stats.resolution)],
  });
  return tables;
}
