import { useLocation } from '@remix-run/react';
import { LOCALES, type Locale } from '../i18n/locale';
import { useTranslation } from '../i18n/use-translation';

/** Each language is named in itself, so a visitor finds their own whatever the page language. */
const LANGUAGE_NAMES: Record<Locale, string> = { id: 'Bahasa Indonesia', en: 'English' };

/** Plain links (`?lang=en`): they work without JavaScript; the loader remembers the choice in a cookie. */
export function LanguageSwitch() {
  const { locale, t } = useTranslation();
  const { pathname, search } = useLocation();
  const hrefFor = (target: Locale) => {
    const params = new URLSearchParams(search);
    params.set('lang', target);
    return `${pathname}?${params}`;
  };
  return (
    <nav className="lang-switch" aria-label={t('language.label')}>
      <ul>
        {LOCALES.map((target) => (
          <li key={target}>
            <a href={hrefFor(target)} lang={target} hrefLang={target} aria-current={target === locale ? 'true' : undefined}>
              {LANGUAGE_NAMES[target]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
