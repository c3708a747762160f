import type { MetaDescriptor } from '@remix-run/node';
import type { Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';

export function createDirectoryMeta(locale: Locale): MetaDescriptor[] {
  const t = createTranslator(locale);
  return [{ title: t('directory.title') }, { name: 'description', content: t('directory.description') }];
}
