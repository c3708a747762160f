/**
 * `/`: the platform directory, or, on an agency's own host name, that agency's portal.
 * A host the API does not know falls back to the directory.
 */
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { createDirectoryMeta } from '../../directory/directory-meta';
import { DirectoryPage } from '../../directory/directory-page';
import { resolveLocale } from '../../i18n/locale.server';
import { findMetaLocale } from '../../i18n/use-translation';
import { createPortalMeta } from '../../portal/portal-meta';
import { PortalPage } from '../../portal/portal-page';
import { findAgencyHost } from '../../server/agency-host.server';
import { ApiError } from '../../server/api-client.server';
import { getDirectory } from '../../server/directory.server';
import { toPageError } from '../../server/page-errors.server';
import { getPortal } from '../../server/portal.server';

async function findHostPortal(request: Request, locale: ReturnType<typeof resolveLocale>) {
  const host = findAgencyHost(request);
  if (!host) return null;
  try {
    return await getPortal({ host }, locale, request.signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'TENANT_NOT_FOUND') return null;
    throw error;
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(request);
  try {
    const portal = await findHostPortal(request, locale);
    if (portal) return { surface: 'portal' as const, ...portal };
    return { surface: 'directory' as const, ...(await getDirectory(locale, request.signal)) };
  } catch (error) {
    throw toPageError(error);
  }
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = findMetaLocale(matches);
  return data?.surface === 'portal' ? createPortalMeta(data.tenant, locale) : createDirectoryMeta(locale);
};

export default function Home() {
  const data = useLoaderData<typeof loader>();
  return data.surface === 'portal' ? <PortalPage {...data} /> : <DirectoryPage provinces={data.provinces} />;
}
