import { TenantPortalDocument } from '../graphql/documents.server';
import type { Locale } from '../i18n/locale';
import type { PortalData } from '../portal/portal-data';
import { createThemeStyle } from '../theme/theme';
import { requestApi, type ApiTarget } from './api-client.server';

/**
 * An agency's portal, by slug (`/t/<slug>/`) or by its own host name (`/`).
 * `directoryHref` is where the platform directory is, or null on an agency's own host.
 */
export async function getPortal(target: Extract<ApiTarget, { slug: string } | { host: string }>, locale: Locale, signal?: AbortSignal): Promise<PortalData> {
  const { tenant } = await requestApi({ document: TenantPortalDocument, target, locale, signal });
  return { tenant, themeStyle: createThemeStyle(tenant.theme), directoryHref: 'slug' in target ? '/' : null };
}
