/**
 * `/t/<slug>/email/berhenti?kasus=<id>&token=<token>`: the link at the foot of a mail to an
 * identified reporter who filed without an account. Opening it stops nothing (mail scanners open
 * links): the page asks, and a POST stops the mails about that report.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { StopReportEmailDocument } from '../../graphql/documents.server';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { ApiError } from '../../server/api-client.server';
import { beginReporterPost, callApi, createReporterCall, describeApiProblem, findProblemStatus, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

function readLink(values: { get(name: string): unknown }): { caseId: string; token: string } | null {
  const caseId = values.get('kasus');
  const token = values.get('token');
  return typeof caseId === 'string' && typeof token === 'string' && CASE_ID.test(caseId) && TOKEN.test(token) ? { caseId, token } : null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  return data({ ...page, link: readLink(new URL(request.url).searchParams) }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { call } = await beginReporterPost({ request, params, context });
  const link = readLink(await request.formData());
  if (!link) return data({ outcome: 'invalid' as const, problem: null }, { status: 404 });
  try {
    await callApi(call, StopReportEmailDocument, { input: link });
    return data({ outcome: 'done' as const, problem: null });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return data({ outcome: 'invalid' as const, problem: null }, { status: 404 });
    const problem = describeApiProblem(error, call.locale);
    if (!problem) throw error;
    return data({ outcome: 'problem' as const, problem }, { status: findProblemStatus(error) });
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'stopEmail.title') : [];

export default function StopReportEmail() {
  const { tenant, viewer, directoryHref, link } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const track = `/t/${tenant.slug}/lacak`;
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="stop-email">
      <h1>{t('stopEmail.title')}</h1>
      {result?.outcome === 'done' ? (
        <p className="note" role="status" data-stopped>
          {t('stopEmail.done')}
        </p>
      ) : !link || result?.outcome === 'invalid' ? (
        <p className="warning" role="alert" data-invalid-link>
          {t('stopEmail.invalid')}
        </p>
      ) : (
        <>
          <p className="lead-text">{t('stopEmail.intro')}</p>
          {result?.problem ? (
            <p className="warning" role="alert">
              {result.problem}
            </p>
          ) : null}
          <Form method="post" reloadDocument>
            <input type="hidden" name="kasus" value={link.caseId} />
            <input type="hidden" name="token" value={link.token} />
            <button type="submit" className="button">
              {t('stopEmail.confirm')}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href={track}>{t('stopEmail.track')}</a>
      </p>
    </ReporterPage>
  );
}
