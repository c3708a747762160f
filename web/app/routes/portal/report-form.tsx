/**
 * `/t/<slug>/lapor/<caseTypeKey>`: the report form of one case type; its action files the
 * report and renders the receipt from its own answer (the tracking code is shown once and
 * never goes into a URL, a redirect or a cookie).
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ReportingTenantDocument } from '../../graphql/documents.server';
import { findMetaLocale } from '../../i18n/use-translation';
import type { RouteHandle } from '../../route-handle';
import { findToday } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { Receipt } from '../../reporting/receipt';
import { ReportForm } from '../../reporting/report-form';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { assertSameOriginPost } from '../../server/csrf.server';
import { toPageError } from '../../server/page-errors.server';
import { handleReportAction } from '../../server/report-submission.server';
import { callApi, createReporterCall, getOnlineCaseType, getReporterPage } from '../../server/reporter.server';

/** The upload progress bars and the print button need the page script. */
export const handle: RouteHandle = { hydrate: true };

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  const caseType = getOnlineCaseType(page.tenant, params.caseTypeKey);
  return data({ ...page, caseType, today: findToday(page.tenant.timeZone), showsReceipt: context.actionOutcome === 'receipt' }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOriginPost(request);
  const call = createReporterCall({ request, params, context });
  let tenant;
  try {
    ({ tenant } = await callApi(call, ReportingTenantDocument));
  } catch (error) {
    throw toPageError(error);
  }
  const response = await handleReportAction(request, call, getOnlineCaseType(tenant, params.caseTypeKey));
  if (response.data.outcome === 'submitted') context.actionOutcome = 'receipt';
  return response;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = findMetaLocale(matches);
  if (!data) return [];
  return data.showsReceipt
    ? createReporterMeta(locale, data.tenant.name, 'receipt.title')
    : createReporterMeta(locale, data.tenant.name, 'form.title', { caseType: data.caseType.name });
};

export default function ReportFormRoute() {
  const { tenant, viewer, directoryHref, caseType, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page={result?.outcome === 'submitted' ? 'receipt' : 'report-form'}>
      {result?.outcome === 'submitted' ? (
        <Receipt registrationNumber={result.registrationNumber} trackingCode={result.trackingCode} receipt={result.receipt} trackHref={`/t/${tenant.slug}/lacak`} />
      ) : (
        <ReportForm
          tenant={tenant}
          caseType={caseType}
          viewer={viewer}
          today={today}
          values={result?.values}
          problems={result?.problems}
          reattach={result?.reattach}
        />
      )}
    </ReporterPage>
  );
}
