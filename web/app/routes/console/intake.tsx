/**
 * `/t/<slug>/konsol/catat`: record a report received offline. First the case type (a GET
 * form, `?jenis=<key>`), then its form; the action records it and redirects to the receipt.
 * For staff whose role may record (`viewerStaff.canRecordIntake`); others get the 404 page.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage } from '../../console/console-page';
import { consoleIntakePath } from '../../console/console-paths';
import { findIntakeCaseTypes, findIntakeChannels, type IntakeValues } from '../../console/intake-data';
import { IntakeForm } from '../../console/intake-form';
import { findLocalNow } from '../../console/zoned-time';
import { IntakeTenantDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { Hint } from '../../reporting/form-controls';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { handleIntakeAction } from '../../server/console-intake.server';
import {
  callConsole,
  getConsoleFrame,
  requireViewer,
  startConsoleAction,
  startConsolePage,
  toConsolePageError,
  type AgencyConsoleCall,
} from '../../server/console.server';
import { createPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

async function loadIntake(request: Request, call: AgencyConsoleCall) {
  try {
    const result = await callConsole(call, IntakeTenantDocument);
    const viewer = requireViewer(result.viewerStaff, request, call);
    if (!viewer.canRecordIntake) throw createPageError('PAGE_NOT_FOUND');
    return { viewer, tenant: result.tenant, caseTypes: findIntakeCaseTypes(result.tenant) };
  } catch (error) {
    if (error instanceof Response) throw error;
    throw toConsolePageError(error, request, call);
  }
}

export async function loader(args: LoaderFunctionArgs) {
  const { request } = args;
  const call = startConsolePage(args, { agencyOnly: true });
  const { viewer, tenant, caseTypes } = await loadIntake(request, call);
  const frame = await getConsoleFrame(call, viewer.provinceId).catch((error: unknown) => {
    throw toConsolePageError(error, request, call);
  });
  const chosenKey = new URL(request.url).searchParams.get('jenis');
  const caseType = caseTypes.find((candidate) => candidate.key === chosenKey) ?? (caseTypes.length === 1 ? caseTypes[0]! : null);
  const now = findLocalNow(tenant.timeZone);
  return data({
    frame,
    themeStyle: frame.themeStyle ?? undefined,
    viewer,
    tenant,
    caseTypes: caseTypes.map(({ key, name, description }) => ({ key, name, description })),
    caseType,
    channels: caseType ? findIntakeChannels(tenant.channels, caseType.key) : [],
    now,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { request } = args;
  const call = startConsoleAction(args, { agencyOnly: true });
  const { tenant, caseTypes } = await loadIntake(request, call);
  const key = new URL(request.url).searchParams.get('jenis');
  // The case type comes with the form as well; the address wins when both are there.
  const body = await request.clone().formData();
  const posted = typeof body.get('caseTypeKey') === 'string' ? (body.get('caseTypeKey') as string) : '';
  const caseType = caseTypes.find((candidate) => candidate.key === (key ?? posted)) ?? caseTypes.find((candidate) => candidate.key === posted);
  if (!caseType) throw createPageError('PAGE_NOT_FOUND');
  return handleIntakeAction(request, call, tenant, caseType);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.frame.title || undefined, 'intake.title') : [];

export default function ConsoleIntake() {
  const { frame, viewer, tenant, caseTypes, caseType, channels, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const slug = frame.scope.kind === 'agency' ? frame.scope.slug : '';
  const base = consoleIntakePath(slug);
  const blank: IntakeValues = {
    channelKey: '',
    receivedDate: now.date,
    receivedTime: now.time,
    externalReference: '',
    categoryKey: '',
    identityMode: '',
    answers: {},
    details: {},
  };
  return (
    <ConsolePage frame={frame} viewer={viewer} page="console-intake">
      {caseType ? (
        <IntakeForm
          tenant={tenant}
          caseType={caseType}
          channels={channels}
          values={result?.values ?? blank}
          problems={result?.problems ?? []}
          today={now.date}
          changeHref={base}
        />
      ) : (
        <>
          <h1>{t('intake.title')}</h1>
          <p className="lead-text">{t('intake.intro')}</p>
          {caseTypes.length === 0 ? (
            <p className="note">{t('intake.noTypes')}</p>
          ) : (
            <form method="get" action={base} className="intake-choice">
              <div className="field">
                <label htmlFor="jenis">{t('intake.chooseType')}</label>
                <Hint id="jenis">{t('intake.chooseTypeHint')}</Hint>
                <select id="jenis" name="jenis" required aria-describedby="jenis-hint">
                  {caseTypes.map((item) => (
                    <option key={item.key} value={item.key}>
                      {item.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button">
                {t('intake.next')}
              </button>
            </form>
          )}
        </>
      )}
    </ConsolePage>
  );
}
