import { formatCalendarDate, formatDateTime } from '../reporting/formats';
import { useTranslation } from '../i18n/use-translation';
import type { YearProblem } from '../server/public-statistics.server';
import { buildStatisticsTables, formatCount, type PublicStatistics, type StatisticsTable, type TableId } from './statistics-tables';

/**
 * An agency's public statistics of a year: the summary, the handling times, then each table
 * (with its chart, when the API drew one) and its CSV. Plain HTML: a GET form chooses the year,
 * and nothing needs the page script.
 */
export function PublicStatisticsView({
  slug,
  agency,
  timeZone,
  statistics,
  problem,
}: {
  slug: string;
  agency: string;
  timeZone: string;
  statistics: PublicStatistics | null;
  problem: YearProblem | null;
}) {
  const { t, locale } = useTranslation();
  const base = `/t/${slug}/statistik`;
  if (!statistics || problem) {
    const year = problem?.year ?? '';
    return (
      <section className="statistics" aria-labelledby="statistics-title">
        <h1 id="statistics-title">{t('statistics.link')}</h1>
        <p className="problem" role="alert">
          {problem?.reason === 'RANGE_IN_FUTURE' ? t('statistics.futureYear', { year }) : t('statistics.invalidYear', { year })}
        </p>
        <p>
          <a href={base}>{t('statistics.backToCurrent')}</a>
        </p>
      </section>
    );
  }
  const tables = buildStatisticsTables(statistics, t, locale);
  const charts: Partial<Record<TableId, string>> = {
    'per-bulan': statistics.charts.perMonth,
    'jenis-laporan': statistics.charts.byCaseType,
    'jenis-pelanggaran': statistics.charts.byCategory,
    status: statistics.charts.byStatus,
    kanal: statistics.charts.byChannel,
  };
  const count = (value: PublicStatistics['received']) => formatCount(value, t, locale);
  const share = statistics.withinStandard;
  return (
    <section className="statistics" aria-labelledby="statistics-title">
      <h1 id="statistics-title">{t('statistics.title', { year: statistics.year })}</h1>
      <p>{t('statistics.intro', { agency, to: formatCalendarDate(statistics.to, locale) })}</p>
      <form method="get" action={base} className="statistics-year">
        <label htmlFor="statistics-year">{t('statistics.year')}</label>
        <select id="statistics-year" name="tahun" defaultValue={String(statistics.year)}>
          {statistics.years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
        <button type="submit">{t('statistics.show')}</button>
      </form>

      <h2>{t('statistics.summary')}</h2>
      <dl className="statistics-summary">
        <div>
          <dt>{t('statistics.received')}</dt>
          <dd data-figure="received">{count(statistics.received)}</dd>
        </div>
        <div>
          <dt>{t('statistics.answered')}</dt>
          <dd data-figure="answered">{count(statistics.answered)}</dd>
        </div>
        <div>
          <dt>{t('statistics.withinStandard')}</dt>
          <dd data-figure="within-standard">
            {share.shown && share.share !== null
              ? `${new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share.share)} ${t('statistics.withinStandardOf', { cases: count(share.cases) })}`
              : t('statistics.notEnough')}
          </dd>
        </div>
      </dl>
      {statistics.received.value === 0 ? <p>{t('statistics.empty')}</p> : null}

      {tables.map((table) => (
        <StatisticsTableSection key={table.id} table={table} chart={charts[table.id]} csvHref={`${base}.csv?tahun=${statistics.year}&tabel=${table.id}`} />
      ))}
      <p className="statistics-note">{t('statistics.timesNote')}</p>
      <p className="statistics-note">{t('statistics.computedAt', { at: formatDateTime(statistics.computedAt, timeZone, locale) })}</p>
    </section>
  );
}

function StatisticsTableSection({ table, chart, csvHref }: { table: StatisticsTable; chart?: string; csvHref: string }) {
  const { t } = useTranslation();
  const headingId = `tabel-${table.id}`;
  return (
    <section className="statistics-table" aria-labelledby={headingId} data-table={table.id}>
      <h2 id={headingId}>{table.caption}</h2>
      {/* The API's drawing, as an image: an SVG in <img> runs no script and fetches nothing. */}
      {chart ? (
        <figure className="statistics-chart">
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart)}`} alt={table.caption} />
        </figure>
      ) : null}
      {/* A wide table scrolls inside itself on a phone; the keyboard can reach and scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable */}
      <section className="table-scroll" aria-label={table.caption} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{row[0]}</th>
                {row.slice(1).map((cell, cellIndex) => (
                  <td key={cellIndex}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p>
        <a href={csvHref} download>
          {t('statistics.csv')}
        </a>
      </p>
    </section>
  );
}
