/** `/t/<slug>/akun/laporan`: the signed-in pseudonymous reporter's own reports ("Laporan saya"). */
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { MyReportsDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { ReportList } from '../../reporting/report-list';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { ApiError } from '../../server/api-client.server';
import { toPageError } from '../../server/page-errors.server';
import { createClearSessionCookie } from '../../server/reporter-session.server';
import { callApi, createReporterCall, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const signIn = (ended: boolean) =>
    redirect(`/t/${call.slug}/akun/masuk?kembali=${encodeURIComponent(`/t/${call.slug}/akun/laporan`)}${ended ? '&sesi=berakhir' : ''}`, {
      headers: ended ? { 'Set-Cookie': createClearSessionCookie(request, call.slug) } : undefined,
    });
  if (!call.token) throw signIn(false);
  const { page, headers } = await getReporterPage(call, request);
  if (!page.viewer) throw signIn(true);
  try {
    const { myReports } = await callApi(call, MyReportsDocument);
    return data({ ...page, viewer: page.viewer, myReports }, { headers });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') throw signIn(true);
    throw toPageError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'account.reportsTitle') : [];

export default function AccountReports() {
  const { tenant, viewer, directoryHref, myReports } = useLoaderData<typeof loader>();
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
    </ReporterPage>
  );
}
