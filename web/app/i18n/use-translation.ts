import { useRouteLoaderData } from '@remix-run/react';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';
import { createTranslator, type Translate } from './translate';

/** The page language, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData('root') as { locale?: unknown } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

export function useTranslation(): { locale: Locale; t: Translate } {
  const locale = useLocale();
  return { locale, t: createTranslator(locale) };
}

/** The page language inside a `meta` function, which cannot use hooks. */
export function findMetaLocale(matches: readonly { id: string; data?: unknown }[]): Locale {
  const locale = (matches.find((match) => match.id === 'root')?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
