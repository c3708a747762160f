import { DirectoryDocument } from '../graphql/documents.server';
import type { Locale } from '../i18n/locale';
import { createSafeTheme } from '../theme/theme';
import type { DirectoryData } from '../directory/directory-data';
import { requestApi } from './api-client.server';

/** The provinces that have agencies, each agency with safe monogram colours. */
export async function getDirectory(locale: Locale, signal?: AbortSignal): Promise<DirectoryData> {
  const { provinces } = await requestApi({ document: DirectoryDocument, target: { platform: true }, locale, signal });
  return {
    provinces: provinces
      .filter((province) => province.tenants.length > 0)
      .map((province) => ({
        slug: province.slug,
        name: province.name,
        secretariat: province.secretariat,
        agencies: province.tenants.map((tenant) => {
          const { primaryColor, primaryTextColor } = createSafeTheme(tenant.theme);
          return {
            slug: tenant.slug,
            name: tenant.name,
            shortName: tenant.shortName,
            kind: tenant.kind,
            monogram: { text: tenant.theme.logoText, background: primaryColor, color: primaryTextColor },
          };
        }),
      })),
  };
}
