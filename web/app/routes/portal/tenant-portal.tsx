/** `/t/<slug>/`: an agency's public portal, on the platform's own host. */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { resolveLocale } from '../../i18n/locale.server';
import { findMetaLocale } from '../../i18n/use-translation';
import { createPortalMeta } from '../../portal/portal-meta';
import { PortalPage } from '../../portal/portal-page';
import { createPageError, toPageError } from '../../server/page-errors.server';
import { getPortal } from '../../server/portal.server';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug?.toLowerCase() ?? '';
  if (!SLUG.test(slug)) throw createPageError('TENANT_NOT_FOUND');
  try {
    return await getPortal({ slug }, resolveLocale(request), request.signal);
  } catch (error) {
    throw toPageError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => (data ? createPortalMeta(data.tenant, findMetaLocale(matches)) : []);

export default function TenantPortal() {
  return <PortalPage {...useLoaderData<typeof loader>()} />;
}
