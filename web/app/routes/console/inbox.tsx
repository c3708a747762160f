/**
 * `/t/<slug>/konsol/kotak-masuk`: an agency's inbox; `/konsol/sekretariat/kotak-masuk`: the
 * province's inbox across its agencies (with the agency column and filter). Filters are a GET form; the next page
 * is a link carrying the cursor. No session: the sign-in page.
 */
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { findConsoleLanding } from '../../console/console-access';
import { ConsolePage, FlashMessage } from '../../console/console-page';
import { consoleInboxPath } from '../../console/console-paths';
import { describeFlash } from '../../console/flash';
import { InboxFilters } from '../../console/inbox-filters';
import { createInboxSearch, parseInboxQuery, toInboxVariables } from '../../console/inbox-query';
import { InboxTable } from '../../console/inbox-table';
import { LiveInbox } from '../../console/live-inbox';
import { ConsoleInboxDocument, ConsoleViewerDocument } from '../../graphql/documents.server';
import type { ConsoleInboxQuery } from '../../graphql/generated/graphql';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { createTranslator } from '../../i18n/translate';
import { reporterPageHeaders } from '../../reporting/page-headers';
import type { RouteHandle } from '../../route-handle';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ApiError, callConsole, getConsoleFrame, requireViewer, startConsolePage, takeFlash, toConsolePageError } from '../../server/console.server';

export const headers = reporterPageHeaders;

/** Following the inbox and its counters live needs the page script (both are rendered without it). */
export const handle: RouteHandle = { hydrate: true };

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args);
  let query = parseInboxQuery(new URL(request.url));
  let badInput = false;
  let noCases = false;
  const load = async (): Promise<ConsoleInboxQuery> => {
    try {
      return await callConsole(call, ConsoleInboxDocument, toInboxVariables(query));
    } catch (error) {
      // A role that reads no cases (the agency admin): the console still opens, with its own pages.
      if (error instanceof ApiError && error.code === 'FORBIDDEN') {
        noCases = true;
        const { viewerStaff } = await callConsole(call, ConsoleViewerDocument);
        return { viewerStaff, caseCounters: [], inbox: { totalCount: 0, hasNextPage: false, endCursor: null, liveCursor: null, cases: [] } };
      }
      // A stale cursor or a filter the API refuses: show the first page, and say so.
      if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
      badInput = true;
      query = parseInboxQuery(new URL('http://unused/'));
      return callConsole(call, ConsoleInboxDocument, toInboxVariables(query));
    }
  };
  try {
    const result = await load();
    const viewer = requireViewer(result.viewerStaff, request, call);
    // A role that opens no cases (the tenant admin) is sent to its own work, not an empty inbox.
    const landing = findConsoleLanding(viewer, call.scope);
    if (noCases && landing !== consoleInboxPath(call.scope)) return redirect(landing);
    const frame = await getConsoleFrame(call, viewer.provinceId);
    const headers = new Headers();
    const flash = describeFlash(takeFlash(request, call, headers), createTranslator(call.locale));
    return data(
      { frame, themeStyle: frame.themeStyle ?? undefined, viewer, inbox: result.inbox, counters: result.caseCounters, query, badInput, noCases, flash },
      { headers },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const locale = findMetaLocale(matches);
  return data.frame.scope.kind === 'agency'
    ? createReporterMeta(locale, data.frame.title, 'inbox.title')
    : createReporterMeta(locale, undefined, 'inbox.secretariatTitle', { province: data.frame.shortName });
};

export default function ConsoleInbox() {
  const { frame, viewer, inbox, counters, query, badInput, noCases, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const base = consoleInboxPath(frame.scope);
  const secretariat = frame.scope.kind === 'secretariat';
  const agencies = frame.province?.tenants.map((tenant) => ({ key: tenant.slug, name: tenant.shortName })) ?? [];
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-inbox">
      <FlashMessage text={flash} />
      <h1>{secretariat ? t('inbox.secretariatTitle', { province: frame.shortName }) : t('inbox.title')}</h1>
      {noCases ? null : <LiveInbox scope={frame.scope} after={inbox.liveCursor} counters={counters} />}
      {noCases ? (
        <p className="note" data-no-cases>
          {t('inbox.noCases')}
        </p>
      ) : null}
      {badInput ? (
        <p className="note" role="status">
          {t('inbox.badInput')}
        </p>
      ) : null}
      {noCases ? null : (
        <InboxFilters
          base={base}
          query={query}
          caseTypes={frame.tenant?.caseTypes ?? []}
          categories={frame.tenant?.categories ?? []}
          channels={frame.tenant?.channels ?? []}
          agencies={agencies}
        />
      )}
      {noCases ? null : (
        <>
          <p className="inbox-total" role="status" data-total={inbox.totalCount}>
            {t('inbox.total', { count: inbox.totalCount })}
          </p>
          {inbox.cases.length === 0 ? <p>{t('inbox.empty')}</p> : <InboxTable scope={frame.scope} cases={inbox.cases} showAgency={secretariat} />}
        </>
      )}
      {inbox.hasNextPage || query.after ? (
        <nav className="pager" aria-label={t('inbox.pages')}>
          {query.after ? <a href={`${base}${createInboxSearch(query, null)}`}>{t('inbox.first')}</a> : null}
          {inbox.hasNextPage && inbox.endCursor ? (
            <a href={`${base}${createInboxSearch(query, inbox.endCursor)}`} rel="next" className="button">
              {t('inbox.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </ConsolePage>
  );
}
