/**
 * `/t/<slug>/lapor/<caseTypeKey>`: the report form of one case type; its action files the
 * report and renders the receipt from its own answer (the tracking code is shown once and
 * never goes into a URL, a redirect or a cookie). Each blank form carries a random
 * submission key: the same form sent again (a reload of the receipt, a double click) files
 * nothing new and shows the first registration number instead.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EMAIL_SECTION_ID } from '../../account/notification-email-data';
import { findMetaLocale } from '../../i18n/use-translation';
import type { RouteHandle } from '../../route-handle';
import { findToday } from '../../reporting/formats';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { Receipt } from '../../reporting/receipt';
import { AlreadySubmitted } from '../../reporting/already-submitted';
import { ReportForm } from '../../reporting/report-form';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { createSubmissionKey, handleReportAction } from '../../server/report-submission.server';
import { beginReporterPost, createReporterCall, getOnlineCaseType, getReporterPage } from '../../server/reporter.server';

/** The upload progress bars and the print button need the page script. */
export const handle: RouteHandle = { hydrate: true };

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  const caseType = getOnlineCaseType(page.tenant, params.caseTypeKey);
  return data(
    { ...page, caseType, today: findToday(page.tenant.timeZone), submissionKey: createSubmissionKey(), shows: context.actionOutcome ?? 'form' },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call, tenant } = await beginReporterPost({ request, params, context });
  const response = await handleReportAction(request, call, getOnlineCaseType(tenant, params.caseTypeKey));
  if (response.data.outcome === 'submitted') context.actionOutcome = 'receipt';
  if (response.data.outcome === 'duplicate') context.actionOutcome = 'duplicate';
  return response;
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = findMetaLocale(matches);
  if (!data) return [];
  if (data.shows === 'receipt') return createReporterMeta(locale, data.tenant.name, 'receipt.title');
  if (data.shows === 'duplicate') return createReporterMeta(locale, data.tenant.name, 'duplicate.title');
  return createReporterMeta(locale, data.tenant.name, 'form.title', { caseType: data.caseType.name });
};

export default function ReportFormRoute() {
  const { tenant, viewer, directoryHref, caseType, today, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const trackHref = `/t/${tenant.slug}/lacak`;
  let content;
  let page = 'report-form';
  if (result?.outcome === 'submitted') {
    page = 'receipt';
    content = (
      <Receipt
        registrationNumber={result.registrationNumber}
        trackingCode={result.trackingCode}
        receipt={result.receipt}
        trackHref={trackHref}
        emailSettingsHref={`/t/${tenant.slug}/akun/laporan#${EMAIL_SECTION_ID}`}
      />
    );
  } else if (result?.outcome === 'duplicate') {
    page = 'already-submitted';
    content = <AlreadySubmitted message={result.message} trackHref={trackHref} formHref={`/t/${tenant.slug}/lapor/${caseType.key}`} />;
  } else {
    content = (
      <ReportForm
        tenant={tenant}
        caseType={caseType}
        viewer={viewer}
        today={today}
        // The refused form keeps the key it was sent with (the loader's is new on every request).
        submissionKey={result?.submissionKey ?? submissionKey}
        values={result?.values}
        problems={result?.problems}
        kept={result?.kept}
      />
    );
  }
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page={page}>
      {content}
    </ReporterPage>
  );
}
