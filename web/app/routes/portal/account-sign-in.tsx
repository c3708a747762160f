/** `/t/<slug>/akun/masuk`: sign in with a pseudonym and password. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CredentialsForm } from '../../account/credentials-form';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { assertSameOriginPost } from '../../server/csrf.server';
import { handleCredentialsAction } from '../../server/reporter-account.server';
import { createReporterCall, findReturnPath, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

/** Why the reporter landed here, from the page that sent them: `?sesi=berakhir`, `?keluar=1`. */
function findNotice(url: URL): 'account.sessionEnded' | 'account.signedOut' | null {
  if (url.searchParams.get('sesi') === 'berakhir') return 'account.sessionEnded';
  if (url.searchParams.has('keluar')) return 'account.signedOut';
  return null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  const url = new URL(request.url);
  return data({ ...page, returnTo: findReturnPath(url.searchParams.get('kembali'), call.slug), notice: findNotice(url) }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOriginPost(request);
  return handleCredentialsAction(request, createReporterCall({ request, params, context }), 'login');
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'account.signInTitle') : [];

export default function AccountSignIn() {
  const { tenant, viewer, directoryHref, returnTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const query = returnTo ? `?kembali=${encodeURIComponent(returnTo)}` : '';
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="sign-in">
      <h1>{t('account.signInTitle')}</h1>
      {notice && !result ? (
        <p className="note" role="status">
          {t(notice)}
        </p>
      ) : null}
      {viewer && !result ? <p className="note">{t('form.signedInAs', { pseudonym: viewer.pseudonym })}</p> : null}
      <p className="lead-text">{t('account.signInIntro')}</p>
      <CredentialsForm mode="login" pseudonym={result?.pseudonym} problems={result?.problems} returnTo={returnTo} />
      <p>
        {t('account.noAccount')} <a href={`/t/${tenant.slug}/akun/daftar${query}`}>{t('reporterNav.register')}</a>
      </p>
    </ReporterPage>
  );
}
