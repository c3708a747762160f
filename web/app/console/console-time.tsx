/**
 * A date as the console shows it: in the page's language and the agency's time zone (written
 * by reporting/formats.ts, the web's one formatting home), with the instant itself kept
 * machine-readable in `<time datetime>`. Server and browser write the same text from the same
 * values (locale, zone and instant are all explicit), so hydration and live updates agree.
 */
import { useTranslation } from '../i18n/use-translation';
import { formatCalendarDate, formatDateTime, formatShortDateTime } from '../reporting/formats';

/** `long`: "Kamis, 20 November 2026 pukul 14.05 WITA"; `short`: "20 Nov 2026 14.05 WITA". */
export function ConsoleTime({ iso, timeZone, form = 'long' }: { iso: string; timeZone: string; form?: 'long' | 'short' }) {
  const { locale } = useTranslation();
  return <time dateTime={iso}>{form === 'long' ? formatDateTime(iso, timeZone, locale) : formatShortDateTime(iso, timeZone, locale)}</time>;
}

/** A day a form asked for (`2026-03-02`): "2 Maret 2026"; a value that is no date stays as written. */
export function CalendarDate({ value }: { value: string }) {
  const { locale } = useTranslation();
  const text = formatCalendarDate(value, locale);
  return text === value ? value : <time dateTime={value}>{text}</time>;
}
