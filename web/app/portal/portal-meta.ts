import type { MetaDescriptor } from '@remix-run/node';
import type { PortalTenant } from '../graphql/results';
import type { Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';

const DESCRIPTION_LIMIT = 160;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= DESCRIPTION_LIMIT) return flat;
  return `${flat.slice(0, flat.lastIndexOf(' ', DESCRIPTION_LIMIT - 1))}…`;
}

export function createPortalMeta(tenant: Pick<PortalTenant, 'name' | 'description'>, locale: Locale): MetaDescriptor[] {
  const t = createTranslator(locale);
  return [
    { title: t('portal.title', { name: tenant.name }) },
    { name: 'description', content: shorten(tenant.description ?? t('portal.description', { name: tenant.name })) },
  ];
}
