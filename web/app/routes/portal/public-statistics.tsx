/**
 * `/t/<slug>/statistik`: an agency's public statistics of a year (`?tahun=2026`; the current
 * year by default). No sign-in, no script: a GET form chooses the year; each table has a CSV.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { createTranslator } from '../../i18n/translate';
import { findMetaLocale } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { ReporterPage } from '../../reporting/reporter-page';
import { getPublicStatistics, readYear } from '../../server/public-statistics.server';
import { createReporterCall, getReporterPage } from '../../server/reporter.server';
import { PublicStatisticsView } from '../../statistics/public-statistics-view';

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  const asked = readYear(new URL(request.url));
  const result = 'problem' in asked ? asked : await getPublicStatistics(call, asked.year);
  const body = { ...page, statistics: 'statistics' in result ? result.statistics : null, problem: 'problem' in result ? result.problem : null };
  return data(body, { headers, status: body.problem ? 400 : 200 });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const t = createTranslator(findMetaLocale(matches));
  return [{ title: t('statistics.metaTitle', { agency: data.tenant.name }) }];
};

export default function PublicStatisticsRoute() {
  const { tenant, viewer, directoryHref, statistics, problem } = useLoaderData<typeof loader>();
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="public-statistics">
      <PublicStatisticsView slug={tenant.slug} agency={tenant.name} timeZone={tenant.timeZone} statistics={statistics} problem={problem} />
    </ReporterPage>
  );
}
