/**
 * `/t/<slug>/konsol/masuk` (an agency's staff) and `/konsol/sekretariat/masuk` (provincial
 * secretariat staff): email and password; `?kembali=` a page of the same console.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ConsolePage } from '../../console/console-page';
import { findConsoleReturnPath } from '../../console/console-paths';
import { findMetaLocale, useTranslation } from '../../i18n/use-translation';
import { describedBy, ErrorSummary, FieldError } from '../../reporting/form-controls';
import { findProblems } from '../../reporting/report-form-data';
import { reporterPageHeaders } from '../../reporting/page-headers';
import { createReporterMeta } from '../../reporting/reporter-meta';
import { EMAIL_FIELD, PASSWORD_FIELD, RETURN_FIELD } from '../../console/sign-in-data';
import { handleSignInAction } from '../../server/console-sign-in.server';
import { createConsoleCall, getConsoleFrame, startConsoleAction } from '../../server/console.server';
import { toPageError } from '../../server/page-errors.server';

export const headers = reporterPageHeaders;

function findNotice(url: URL): 'consoleSignIn.sessionEnded' | 'consoleSignIn.signedOut' | null {
  if (url.searchParams.get('sesi') === 'berakhir') return 'consoleSignIn.sessionEnded';
  if (url.searchParams.has('keluar')) return 'consoleSignIn.signedOut';
  return null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createConsoleCall({ request, params, context });
  const frame = await getConsoleFrame(call).catch((error: unknown) => {
    throw toPageError(error);
  });
  const url = new URL(request.url);
  return data({
    frame,
    themeStyle: frame.themeStyle ?? undefined,
    returnTo: findConsoleReturnPath(url.searchParams.get('kembali'), call.scope),
    notice: findNotice(url),
  });
}

export async function action(args: ActionFunctionArgs) {
  return handleSignInAction(args.request, startConsoleAction(args, { signedIn: false }));
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data
    ? createReporterMeta(
        findMetaLocale(matches),
        data.frame.title || undefined,
        data.frame.scope.kind === 'agency' ? 'consoleSignIn.title' : 'consoleSignIn.secretariatTitle',
      )
    : [];

export default function ConsoleSignIn() {
  const { frame, returnTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const problems = result?.problems ?? [];
  const emailProblems = findProblems(problems, EMAIL_FIELD);
  const passwordProblems = findProblems(problems, PASSWORD_FIELD);
  const general = problems.filter((problem) => problem.field === null);
  return (
    <ConsolePage frame={frame} viewer={null} page="console-sign-in">
      <div className="sign-in">
        <h1>{t(frame.scope.kind === 'agency' ? 'consoleSignIn.title' : 'consoleSignIn.secretariatTitle')}</h1>
        {notice && !result ? (
          <p className="note" role="status">
            {t(notice)}
          </p>
        ) : null}
        {general.length > 0 ? (
          <div className="problem" role="alert" data-problem>
            {general.map((problem, index) => (
              <p key={index}>{problem.message}</p>
            ))}
          </div>
        ) : null}
        <ErrorSummary problems={problems.filter((problem) => problem.field !== null)} />
        <p>{frame.scope.kind === 'agency' ? t('consoleSignIn.intro', { agency: frame.title }) : t('consoleSignIn.secretariatIntro')}</p>
        <form method="post" className="credentials-form" noValidate>
          {returnTo ? <input type="hidden" name={RETURN_FIELD} value={returnTo} /> : null}
          <div className={emailProblems.length > 0 ? 'field invalid' : 'field'}>
            <label htmlFor={EMAIL_FIELD}>{t('consoleSignIn.email')}</label>
            <FieldError id={EMAIL_FIELD} problems={emailProblems} />
            <input
              type="email"
              id={EMAIL_FIELD}
              name={EMAIL_FIELD}
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              required
              defaultValue={result?.email ?? ''}
              aria-invalid={emailProblems.length > 0 ? true : undefined}
              aria-describedby={describedBy(EMAIL_FIELD, { problems: emailProblems })}
            />
          </div>
          <div className={passwordProblems.length > 0 ? 'field invalid' : 'field'}>
            <label htmlFor={PASSWORD_FIELD}>{t('consoleSignIn.password')}</label>
            <FieldError id={PASSWORD_FIELD} problems={passwordProblems} />
            <input
              type="password"
              id={PASSWORD_FIELD}
              name={PASSWORD_FIELD}
              autoComplete="current-password"
              required
              aria-invalid={passwordProblems.length > 0 ? true : undefined}
              aria-describedby={describedBy(PASSWORD_FIELD, { problems: passwordProblems })}
            />
          </div>
          <button type="submit" className="button">
            {t('consoleSignIn.submit')}
          </button>
        </form>
      </div>
    </ConsolePage>
  );
}
