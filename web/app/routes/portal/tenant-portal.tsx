/** `/t/<slug>/`: an agency's public portal, on the platform's own host. */
import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { findMetaLocale } from '../../i18n/use-translation';
import { createPortalMeta } from '../../portal/portal-meta';
import { PortalPage } from '../../portal/portal-page';
import { ApiError } from '../../server/api-client.server';
import { toPageError } from '../../server/page-errors.server';
import { getPortal } from '../../server/portal.server';
import { createReporterCall, findViewer } from '../../server/reporter.server';
import { createClearSessionCookie } from '../../server/reporter-session.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const call = createReporterCall({ request, params, context });
  try {
    const [portal, viewer] = await Promise.all([
      getPortal({ slug: call.slug }, call.locale, request.signal),
      // The header's account links must not take the portal down with them.
      findViewer(call).catch((error: unknown) => {
        if (error instanceof ApiError && error.code !== 'TENANT_NOT_FOUND') return undefined;
        throw error;
      }),
    ]);
    // null: the API no longer knows the session (undefined: it could not say).
    const headers = call.token && viewer === null ? { 'Set-Cookie': createClearSessionCookie(request, call.slug) } : undefined;
    return data({ ...portal, viewer: viewer ?? null }, { headers });
  } catch (error) {
    throw toPageError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? createPortalMeta(data.tenant, findMetaLocale(matches)) : []);

export default function TenantPortal() {
  return <PortalPage {...useLoaderData<typeof loader>()} />;
}
