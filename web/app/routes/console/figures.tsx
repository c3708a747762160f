/**
 * `/t/<slug>/konsol/angka`: an agency's dashboard (its head and admin);
 * `/konsol/sekretariat/angka`: the province's, every agency side by side with a total and a
 * drill-down to one (`?instansi=<slug>`). The range and filters are a GET form (`dari`,
 * `sampai`, `jenis`, `instansi`), so the page works without a script; a bad range is said next
 * to the form, never shown as zeros. Open-now figures link to the inbox filtered to their
 * cases when the role opens cases. Others get the 404 page.
 */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { findConsolePages } from '../../console/console-access';
import { ConsolePage } from '../../console/console-page';
import { consoleFiguresPath } from '../../console/console-paths';
import { FiguresForm, FiguresView } from '../../console/figures-view';
import { defaultFigureRange, parseFiguresQuery } from '../../console/figures-query';
import { LiveFigures } from '../../console/live-figures';
import { ConsoleFigureChoicesDocument, ConsoleFiguresDocument, ConsoleViewerDocument } from '../../graphql/documents.server';
import type { ConsoleFiguresQuery } from '../../graphql/generated/graphql';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import type { RouteHandle } from '../../route-handle';
import { ApiError, callConsole, getConsoleFrame, requireViewer, startConsolePage, toConsolePageError } from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

/** Following the counters live needs the page script (the page is whole without it). */
export const handle: RouteHandle = { hydrate: true };

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  try {
    const { viewerStaff } = await callConsole(call, ConsoleViewerDocument);
    const viewer = requireViewer(viewerStaff, request, call);
    if (!findConsolePages(viewer, call.scope).figures) throw createPageError('PAGE_NOT_FOUND');
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const { provinces } = await callConsole(call, ConsoleFigureChoicesDocument);
    const tenants = provinces.flatMap((province) => province.tenants);
    const ownTenant = call.scope.kind === 'agency' ? (tenants.find((tenant) => call.scope.kind === 'agency' && tenant.slug === call.scope.slug) ?? null) : null;
    const range = defaultFigureRange(frame.timeZone);
    const query = parseFiguresQuery(new URL(request.url), range);
    const caseTypes = ownTenant?.caseTypes ?? [];
    const caseTypeId = query.caseType ? (caseTypes.find((item) => item.key === query.caseType)?.id ?? null) : null;
    const agencyId = query.agency ? (tenants.find((tenant) => tenant.slug === query.agency)?.id ?? null) : null;
    let figures: ConsoleFiguresQuery['figures'] | null = null;
    let problem: string | null = null;
    if ((query.caseType && !caseTypeId) || (query.agency && !agencyId)) problem = 'NOT_FOUND';
    else {
      try {
        const result = await callConsole(call, ConsoleFiguresDocument, {
          filter: { from: query.from, to: query.to, tenantIds: agencyId ? [agencyId] : null, caseTypeIds: caseTypeId ? [caseTypeId] : null },
          // One agency's page shows its months and breakdowns (figures-view.tsx).
          detail: call.scope.kind === 'agency' || agencyId !== null || frame.province?.tenants.length === 1,
        });
        figures = result.figures;
      } catch (error) {
        // Only the head, the admin and the secretariat see figures; for anyone else the page does not exist.
        if (error instanceof ApiError && error.code === 'FORBIDDEN') throw createPageError('PAGE_NOT_FOUND');
        if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') problem = error.reason ?? 'other';
        else if (error instanceof ApiError && error.code === 'NOT_FOUND') problem = 'NOT_FOUND';
        else throw error;
      }
    }
    const agencies = call.scope.kind === 'secretariat' ? (frame.province?.tenants.map((tenant) => ({ key: tenant.slug, name: tenant.shortName })) ?? []) : [];
    return data({
      frame,
      themeStyle: frame.themeStyle ?? undefined,
      viewer,
      query,
      figures,
      problem,
      caseTypes: caseTypes.map((item) => ({ key: item.key, name: item.name })),
      agencies,
    });
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const locale = findMetaLocale(matches);
  return data.frame.scope.kind === 'agency'
    ? createReporterMeta(locale, data.frame.title, 'figures.title')
    : createReporterMeta(locale, undefined, 'figures.secretariatTitle', { province: data.frame.shortName });
};

export default function ConsoleFigures() {
  const { frame, viewer, query, figures, problem, caseTypes, agencies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const secretariat = frame.scope.kind === 'secretariat';
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-figures">
      <h1>{secretariat ? t('figures.secretariatTitle', { province: frame.shortName }) : t('figures.title')}</h1>
      <p className="lead-text">{t('figures.intro')}</p>
      <FiguresForm base={consoleFiguresPath(frame.scope)} query={query} caseTypes={caseTypes} agencies={agencies} problem={problem} />
      {figures ? (
        <>
          {viewer.canReadCases ? <LiveFigures scope={frame.scope} /> : null}
          <FiguresView figures={figures} query={query} scope={frame.scope} canOpenCases={viewer.canReadCases} />
        </>
      ) : (
        <p className="muted" data-no-figures>
          {t('figures.noFigures')}
        </p>
      )}
    </ConsolePage>
  );
}
