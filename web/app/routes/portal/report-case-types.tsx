/** `/t/<slug>/lapor`: choose what kind of report to file (only the ones filed online). */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { findMetaLocale } from '../../i18n/use-translation';
import { CaseTypeChoice } from '../../reporting/case-type-choice';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { createReporterCall, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { page, headers } = await getReporterPage(createReporterCall({ request, params, context }), request);
  return data(page, { headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'choose.title') : [];

export default function ReportCaseTypes() {
  const { tenant, viewer, directoryHref } = useLoaderData<typeof loader>();
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="report-case-types">
      <CaseTypeChoice tenant={tenant} />
    </ReporterPage>
  );
}
