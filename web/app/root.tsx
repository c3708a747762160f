import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { isRouteErrorResponse, Links, Meta, Outlet, Scripts, ScrollRestoration, useMatches, useRouteError } from '@remix-run/react';
import { useNonce } from './nonce';
import type { CSSProperties, ReactNode } from 'react';
import { ErrorPage, findErrorText, type ErrorKind } from './components/error-page';
import { createLocaleCookie, resolveLocale } from './i18n/locale.server';
import { createTranslator } from './i18n/translate';
import { useLocale } from './i18n/use-translation';
import { isPageErrorData, PAGE_ERROR_STATUS } from './page-error';
import { wantsHydration } from './route-handle';
import stylesHref from './styles/app.css?url';
import type { ThemeStyle } from './theme/theme';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesHref }];

/** Decides the page language for every route, and remembers a `?lang=` choice in a cookie. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  const cookie = createLocaleCookie(request);
  return data({ locale }, cookie ? { headers: { 'Set-Cookie': cookie } } : undefined);
}

/** A page error's own headers (no-store, Retry-After) reach the document; cookies are kept by Remix. */
export const headers: HeadersFunction = ({ errorHeaders }) => errorHeaders ?? new Headers();

function classifyError(error: unknown): { kind: ErrorKind; status: number } {
  if (isRouteErrorResponse(error)) {
    if (isPageErrorData(error.data)) return { kind: error.data.reason, status: PAGE_ERROR_STATUS[error.data.reason] };
    if (error.status === 404) return { kind: 'PAGE_NOT_FOUND', status: 404 };
    if (error.status === 503) return { kind: 'SERVICE_UNAVAILABLE', status: 503 };
    return { kind: 'UNEXPECTED', status: error.status };
  }
  return { kind: 'UNEXPECTED', status: 500 };
}

export const meta: MetaFunction<typeof loader> = ({ data: rootData, error }) => {
  const t = createTranslator(rootData?.locale ?? 'id');
  if (!error) return [{ title: t('site.name') }, { name: 'description', content: t('directory.description') }];
  const text = findErrorText(classifyError(error).kind);
  return [{ title: `${t(text.title)} | ${t('site.name')}` }, { name: 'description', content: t(text.body) }, { name: 'robots', content: 'noindex' }];
};

function findThemeStyle(matches: ReturnType<typeof useMatches>): ThemeStyle | undefined {
  for (const match of matches) {
    const themeStyle = (match.data as { themeStyle?: ThemeStyle } | undefined)?.themeStyle;
    if (themeStyle) return themeStyle;
  }
  return undefined;
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const matches = useMatches();
  const hydrate = matches.some((match) => wantsHydration(match.handle));
  const nonce = useNonce();
  return (
    <html lang={locale} style={findThemeStyle(matches) as CSSProperties | undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const { kind, status } = classifyError(useRouteError());
  return <ErrorPage kind={kind} status={status} />;
}
