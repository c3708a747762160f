/**
 * `/t/<slug>/akun/laporan`: the signed-in pseudonymous reporter's own reports ("Laporan saya"),
 * and the address that tells them of their reports' news (`#email`, where the mails link).
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { findEmailNotice } from '../../account/notification-email-data';
import { NotificationEmailSection } from '../../account/notification-email-form';
import { MyReportsDocument, ReporterNotificationEmailDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { ReportList } from '../../reporting/report-list';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { ApiError } from '../../server/api-client.server';
import { assertSameOriginPost } from '../../server/csrf.server';
import { toPageError } from '../../server/page-errors.server';
import { handleNotificationEmailAction, redirectToSignIn } from '../../server/reporter-email.server';
import { callApi, createReporterCall, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  if (!call.token) throw redirectToSignIn(request, call, false);
  const { page, headers } = await getReporterPage(call, request);
  if (!page.viewer) throw redirectToSignIn(request, call, true);
  try {
    // The address is asked for here only: the API decrypts it for every request that reads it.
    const [{ myReports }, { viewerReporter }] = await Promise.all([callApi(call, MyReportsDocument), callApi(call, ReporterNotificationEmailDocument)]);
    const notice = findEmailNotice(new URL(request.url));
    return data({ ...page, viewer: page.viewer, myReports, notificationEmail: viewerReporter?.notificationEmail ?? null, notice }, { headers });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') throw redirectToSignIn(request, call, true);
    throw toPageError(error);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOriginPost(request);
  return handleNotificationEmailAction(request, createReporterCall({ request, params, context }));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'account.reportsTitle') : [];

export default function AccountReports() {
  const { tenant, viewer, directoryHref, myReports, notificationEmail, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="my-reports">
      <h1>{t('account.reportsTitle')}</h1>
      <p>{t('account.reportsIntro', { pseudonym: viewer.pseudonym })}</p>
      {myReports.length > 0 ? <ReportList reports={myReports} slug={tenant.slug} timeZone={tenant.timeZone} /> : <p>{t('account.reportsEmpty')}</p>}
      <p>
        <a className="button" href={`/t/${tenant.slug}/lapor`}>
          {t('account.newReport')}
        </a>
      </p>
      <NotificationEmailSection email={notificationEmail} notice={result ? null : notice} typed={result?.email} problems={result?.problems} />
    </ReporterPage>
  );
}
