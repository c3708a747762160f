/**
 * `/t/<slug>/lacak`: follow a report. Number and code are posted, never put in a URL; a
 * signed-in pseudonymous reporter picks from their own reports instead. The report view
 * has the reply form, whose evidence uploads show progress when the page script runs.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { MyReportsDocument } from '../../graphql/documents.server';
import type { ReportSummary } from '../../graphql/results';
import { findMetaLocale } from '../../i18n/use-translation';
import type { RouteHandle } from '../../route-handle';
import { LiveCaseView } from '../../live/live-report';
import { findToday } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { TrackForm } from '../../reporting/track-form';
import { ApiError } from '../../server/api-client.server';
import { toPageError } from '../../server/page-errors.server';
import { handleTrackAction } from '../../server/report-tracking.server';
import { beginReporterPost, callApi, createReporterCall, getReporterPage } from '../../server/reporter.server';

/** The reply form's upload progress and the live report need the page script. */
export const handle: RouteHandle = { hydrate: true };

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  let myReports: ReportSummary[] | null = null;
  if (page.viewer) {
    myReports = await callApi(call, MyReportsDocument)
      .then((result) => result.myReports)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code !== 'TENANT_NOT_FOUND') return null;
        throw toPageError(error);
      });
  }
  const example = `${page.tenant.registrationPrefix}-${findToday(page.tenant.timeZone).slice(0, 4)}-000123`;
  // `?nomor=`: the number a transferred report's old page links here with (the code is never in a URL).
  const asked = new URL(request.url).searchParams.get('nomor') ?? '';
  const prefill = /^[A-Za-z0-9-]{1,40}$/.test(asked) ? asked.toUpperCase() : '';
  return data({ ...page, myReports, example, prefill }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call, tenant } = await beginReporterPost({ request, params, context });
  return handleTrackAction(request, call, tenant);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'track.title') : [];

export default function TrackReportRoute() {
  const { tenant, viewer, directoryHref, myReports, example, prefill } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const view = result?.outcome === 'found' ? result.view : null;
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page={view ? 'track-report' : 'track'}>
      {view ? (
        <LiveCaseView view={view} slug={tenant.slug} caseType={tenant.caseTypes.find((caseType) => caseType.key === view.report.caseTypeKey)} />
      ) : (
        <TrackForm
          slug={tenant.slug}
          example={example}
          timeZone={tenant.timeZone}
          registrationNumber={result?.outcome === 'refused' ? result.registrationNumber : prefill}
          problems={result?.outcome === 'refused' ? result.problems : []}
          viewer={viewer}
          myReports={myReports}
        />
      )}
    </ReporterPage>
  );
}
