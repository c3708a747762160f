/** `POST /t/<slug>/akun/keluar`: ends the session at the API and removes the cookie. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { LogoutReporterDocument } from '../../graphql/documents.server';
import { ApiError } from '../../server/api-client.server';
import { assertSameOriginPost } from '../../server/csrf.server';
import { createClearSessionCookie } from '../../server/reporter-session.server';
import { callApi, createReporterCall } from '../../server/reporter.server';

/** Signing out changes state: only by POST. A GET just goes to the sign-in page. */
export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/t/${params.slug}/akun/masuk`);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOriginPost(request);
  const call = createReporterCall({ request, params, context });
  if (call.token) {
    try {
      await callApi(call, LogoutReporterDocument);
    } catch (error) {
      // An ended session, or an API away: the cookie goes anyway (the session expires on its own).
      if (!(error instanceof ApiError)) throw error;
      if (error.code !== 'UNAUTHENTICATED') console.warn(`[web] ${error.message}`);
    }
  }
  return redirect(`/t/${call.slug}/akun/masuk?keluar=1`, {
    headers: { 'Set-Cookie': createClearSessionCookie(request, call.slug), 'Cache-Control': 'no-store' },
  });
}
