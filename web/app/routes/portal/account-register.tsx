/**
 * `/t/<slug>/akun/daftar`: register a reporter account (a pseudonym and a password). The page
 * says what the account holds and what each report will ask, from the agency's case types
 * (an agency taking only identified reports asks for personal details on each report's form),
 * and, in the agency's own words where it has them, that the pseudonym must not reveal who you are.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { AccountTermsNote } from '../../account/account-terms-note';
import { describeAccountTerms } from '../../account/account-terms';
import { CredentialsForm } from '../../account/credentials-form';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { ReporterPage } from '../../reporting/reporter-page';
import { assertSameOriginPost } from '../../server/csrf.server';
import { handleCredentialsAction } from '../../server/reporter-account.server';
import { createReporterCall, findReturnPath, getReporterPage } from '../../server/reporter.server';

export const headers = reporterPageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  const { page, headers } = await getReporterPage(call, request);
  const returnTo = findReturnPath(new URL(request.url).searchParams.get('kembali'), call.slug);
  // The agency's own advice on choosing a pseudonym, from the case types that allow one.
  const agencyNotes = [
    ...new Set(
      page.tenant.caseTypes
        .filter((caseType) => caseType.identity.allowed.includes('PSEUDONYMOUS'))
        .flatMap((caseType) => (caseType.identity.pseudonymousNote ? [caseType.identity.pseudonymousNote] : [])),
    ),
  ];
  return data({ ...page, returnTo, agencyNotes, terms: describeAccountTerms(page.tenant.caseTypes) }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOriginPost(request);
  return handleCredentialsAction(request, createReporterCall({ request, params, context }), 'register');
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? createReporterMeta(findMetaLocale(matches), data.tenant.name, 'account.registerTitle') : [];

export default function AccountRegister() {
  const { tenant, viewer, directoryHref, returnTo, agencyNotes, terms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const query = returnTo ? `?kembali=${encodeURIComponent(returnTo)}` : '';
  return (
    <ReporterPage tenant={tenant} viewer={viewer} directoryHref={directoryHref} page="register">
      <h1>{t('account.registerTitle')}</h1>
      <p className="lead-text">{t('account.registerIntro')}</p>
      <AccountTermsNote terms={terms} agency={tenant.name} />
      <div className="warning" role="note">
        <h2>{t('account.pseudonymWarningTitle')}</h2>
        <p>{t('account.pseudonymWarning')}</p>
        {agencyNotes.map((note, index) => (
          <blockquote key={index} className="agency-note">
            <p className="muted">{t('account.agencyWords', { agency: tenant.name })}</p>
            <p>{note}</p>
          </blockquote>
        ))}
      </div>
      <p>{t('account.noRecovery')}</p>
      <CredentialsForm mode="register" pseudonym={result?.pseudonym} problems={result?.problems} returnTo={returnTo} />
      <p>
        {t('account.haveAccount')} <a href={`/t/${tenant.slug}/akun/masuk${query}`}>{t('reporterNav.signIn')}</a>
      </p>
    </ReporterPage>
  );
}
