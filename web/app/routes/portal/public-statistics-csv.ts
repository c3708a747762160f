/**
 * `GET /t/<slug>/statistik.csv?tahun=2026&tabel=per-bulan`: one table of the public statistics
 * page as CSV (a header row, "< 5" for a suppressed count), in the page's language. The table
 * name is one of a fixed list and the year four digits; anything else is a 400 in plain words.
 */
import type { LoaderFunctionArgs } from '@remix-run/node';
import { createTranslator } from '../../i18n/translate';
import { getPublicStatistics, readYear } from '../../server/public-statistics.server';
import { createReporterCall } from '../../server/reporter.server';
import { toCsv } from '../../statistics/csv';
import { buildStatisticsTables, isTableId } from '../../statistics/statistics-tables';

function refuse(message: string) {
  return new Response(`${message}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const t = createTranslator(call.locale);
  const url = new URL(request.url);
  const table = url.searchParams.get('tabel');
  const asked = readYear(url);
  if (!isTableId(table)) return refuse(t('error.pageNotFound.title'));
  if ('problem' in asked) return refuse(t('statistics.invalidYear', { year: asked.problem.year }));
  const result = await getPublicStatistics(call, asked.year);
  if ('problem' in result) {
    return refuse(
      result.problem.reason === 'RANGE_IN_FUTURE'
        ? t('statistics.futureYear', { year: result.problem.year })
        : t('statistics.invalidYear', { year: result.problem.year }),
    );
  }
  const found = buildStatisticsTables(result.statistics, t, call.locale).find((item) => item.id === table)!;
  // The name is built from the slug (checked), the year (digits) and the table (a fixed list).
  const fileName = `statistik-${call.slug}-${result.statistics.year}-${found.id}.csv`;
  return new Response(toCsv([found.columns, ...found.rows]), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
