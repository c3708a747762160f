/**
 * The page language: `?lang=` when the visitor just chose one, else the `lang` cookie,
 * else Bahasa Indonesia. The browser's Accept-Language is deliberately not consulted:
 * the portals are Indonesian first, and English is an explicit choice.
 */
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale';

export const LOCALE_COOKIE = 'lang';
export const LOCALE_QUERY = 'lang';
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function findLocaleChoice(request: Request): Locale | null {
  const chosen = new URL(request.url).searchParams.get(LOCALE_QUERY);
  return isLocale(chosen) ? chosen : null;
}

export function findLocaleCookie(request: Request): Locale | null {
  const header = request.headers.get('Cookie') ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LOCALE_COOKIE) {
      const value = rest.join('=').trim();
      return isLocale(value) ? value : null;
    }
  }
  return null;
}

export function resolveLocale(request: Request): Locale {
  return findLocaleChoice(request) ?? findLocaleCookie(request) ?? DEFAULT_LOCALE;
}

/** The Set-Cookie value that remembers a choice, or null when there is nothing new to store. */
export function createLocaleCookie(request: Request): string | null {
  const choice = findLocaleChoice(request);
  if (!choice || choice === findLocaleCookie(request)) return null;
  return `${LOCALE_COOKIE}=${choice}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly`;
}
