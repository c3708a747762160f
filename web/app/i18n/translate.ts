import type { Locale } from './locale';
import { messages, type MessageKey } from './messages';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * A key the catalog lacks (an enum value the API added after this build) reads as its
 * last part, `CALL_CENTER` → `Call center`, rather than breaking the page.
 */
function describeMissing(key: string): string {
  const last = key
    .slice(key.lastIndexOf('.') + 1)
    .replace(/_/g, ' ')
    .toLowerCase();
  return last.charAt(0).toUpperCase() + last.slice(1);
}

export function createTranslator(locale: Locale): Translate {
  const catalog = messages[locale];
  return (key, params) => {
    const text = catalog[key] ?? messages.id[key] ?? describeMissing(key);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
  };
}

/** Joins a short list the way each language writes it: "a, b dan c" / "a, b and c". */
export function joinList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
