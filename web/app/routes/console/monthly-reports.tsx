/**
 * `/t/<slug>/konsol/laporan-bulanan` (the agency's head and admin) and
 * `/konsol/sekretariat/laporan-bulanan` (the secretariat): the monthly report versions the
 * viewer may download, by month, newest first, and a form asking for a new version. While a
 * version is being made the page reloads itself every few seconds (a meta refresh: no script
 * needed). Anyone else gets the 404 page.
 */
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { findConsolePages } from '../../console/console-access';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleReportsPath } from '../../console/console-paths';
import { describeFlash } from '../../console/flash';
import { MonthlyReportForm, MonthlyReportList, type ReportTargetOption } from '../../console/monthly-reports';
import { MonthlyReportsDocument } from '../../graphql/documents.server';
import { createTranslator } from '../../i18n/translate';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { handleReportRequest, type ReportActionData, reportTargetValue } from '../../server/console-report-actions.server';
import {
  ApiError,
  callConsole,
  type ConsoleCall,
  getConsoleFrame,
  requireViewer,
  startConsoleAction,
  startConsolePage,
  takeFlash,
  toConsolePageError,
} from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

/** Seconds between reloads while a version is being made. */
const REFRESH_SECONDS = 3;

async function loadReports(call: ConsoleCall, request: Request) {
  const result = await callConsole(call, MonthlyReportsDocument).catch((error: unknown) => {
    // Roles that see no monthly report: for them the page does not exist.
    if (error instanceof ApiError && error.code === 'FORBIDDEN') throw createPageError('PAGE_NOT_FOUND');
    throw error;
  });
  const viewer = requireViewer(result.viewerStaff, request, call);
  if (!findConsolePages(viewer, call.scope).reports) throw createPageError('PAGE_NOT_FOUND');
  return { viewer, reports: result.monthlyReports };
}

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  try {
    const { viewer, reports } = await loadReports(call, request);
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const t = createTranslator(call.locale);
    const flash = describeFlash(takeFlash(request, call, headers), t);
    // The secretariat asks for its province's report or one of its agencies'.
    const targets: ReportTargetOption[] =
      call.scope.kind === 'secretariat' && frame.province
        ? [
            { value: reportTargetValue('province', frame.province.id), label: t('reports.targetProvince', { name: frame.province.name }) },
            ...frame.province.tenants.map((tenant) => ({ value: reportTargetValue('agency', tenant.id), label: tenant.name })),
          ]
        : [];
    const generating = reports.some((report) => report.state === 'GENERATING');
    return data({ frame, themeStyle: frame.themeStyle ?? undefined, viewer, reports, targets, flash, generating }, { headers });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  const call = startConsoleAction(args);
  try {
    const { viewer } = await loadReports(call, request);
    return await handleReportRequest(request, call, viewer);
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? [
        ...createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'reports.title'),
        ...(data.generating ? [{ httpEquiv: 'refresh', content: String(REFRESH_SECONDS) }] : []),
      ]
    : [];

export default function MonthlyReports() {
  const { frame, viewer, reports, targets, flash, generating } = useLoaderData<typeof loader>();
  const result = useActionData<ReportActionData>();
  const { t } = useTranslation();
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-reports">
      <h1>{t('reports.title')}</h1>
      <FlashMessage text={flash} />
      <p className="lead-text">{t('reports.intro')}</p>
      {generating ? (
        <p className="warning" role="status" data-generating>
          {t('reports.generating')}
        </p>
      ) : null}
      <MonthlyReportForm action={consoleReportsPath(frame.scope)} targets={targets} timeZone={frame.timeZone} problem={result ?? null} />
      <MonthlyReportList reports={reports} scope={frame.scope} timeZone={frame.timeZone} />
    </ConsolePage>
  );
}
