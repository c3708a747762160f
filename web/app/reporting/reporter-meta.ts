import type { MetaDescriptor } from '@remix-run/node';
import type { Locale } from '../i18n/locale';
import { createTranslator, type MessageKey, type MessageParams } from '../i18n/translate';

/** "<page> | <agency> | Aduan"; reporter pages are not for search engines. */
export function createReporterMeta(locale: Locale, agency: string | undefined, title: MessageKey, params?: MessageParams): MetaDescriptor[] {
  const t = createTranslator(locale);
  return [{ title: [t(title, params), agency, t('site.name')].filter(Boolean).join(' | ') }, { name: 'robots', content: 'noindex' }];
}
