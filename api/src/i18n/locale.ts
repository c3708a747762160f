/** Bahasa Indonesia first, English second: the two languages of the platform. */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface LocalizedText {
  id: string;
  en?: string;
}

/** The text in the viewer's language, falling back to Bahasa Indonesia. */
export function localize(text: LocalizedText | null | undefined, locale: Locale): string | null {
  if (!text) return null;
  return (locale === 'en' ? text.en : undefined) ?? text.id;
}

/** Picks the locale from an Accept-Language header: English only when it is preferred over Indonesian. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'id';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag!.split('-')[0]!, quality: q ? Number(q.trim().slice(2)) : 1, index };
    })
    .filter((entry) => LOCALES.includes(entry.tag as Locale) && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return (ranked[0]?.tag as Locale | undefined) ?? 'id';
}
