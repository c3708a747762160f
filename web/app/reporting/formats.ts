/**
 * Dates, times and sizes as a reporter reads them: in the agency's own time zone, named
 * the Indonesian way (WIB, WITA, WIT), in the page language.
 */
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** Indonesia's three time zones by their common names; other zones fall back to GMT±h. */
const ZONE_NAMES: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function findZoneName(timeZone: string): string {
  const known = ZONE_NAMES[timeZone];
  if (known) return known;
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(new Date()).find((item) => item.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Kamis, 9 Juli 2026" / "Thursday, 9 July 2026". */
export function formatDate(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(new Date(iso));
}

/** "Kamis, 9 Juli 2026 pukul 15.35 WITA" / "Thursday, 9 July 2026 at 15:35 WITA". */
export function formatDateTime(iso: string, timeZone: string, locale: Locale): string {
  const time = new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
  const joiner = locale === 'id' ? 'pukul' : 'at';
  return `${formatDate(iso, timeZone, locale)} ${joiner} ${time} ${findZoneName(timeZone)}`;
}

/** "2 Mar 2026" style, for tables. */
export function formatShortDate(iso: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(iso));
}

/** "2 Mar 2026 14.05 WITA": short, for the console's tables and lists, in the agency's zone. */
export function formatShortDateTime(iso: string, timeZone: string, locale: Locale): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
  return `${text.replace(',', '')} ${findZoneName(timeZone)}`;
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date a form asked for (`2026-03-02`: a day, no time and no zone, so never shifted
 * by one): "2 Maret 2026" / "2 March 2026". Anything else is given back as it is.
 */
export function formatCalendarDate(value: string, locale: Locale): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!CALENDAR_DATE.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return value;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Today's date in the time zone, `YYYY-MM-DD` (the latest date an incident can have). */
export function findToday(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(now);
}

/** A calendar month: "Oktober 2026" / "October 2026". */
export function formatMonthYear(year: number, month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** A month's name: "Oktober" / "October". */
export function formatMonthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "850 B", "12,3 KB", "10 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  const number = (value: number) => new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}

/** "3 menit" / "45 detik", for a RATE_LIMITED wait. */
export function formatWait(seconds: number, t: Translate): string {
  return seconds >= 90 ? t('problem.minutes', { count: Math.ceil(seconds / 60) }) : t('problem.seconds', { count: Math.max(1, Math.ceil(seconds)) });
}

/** "1.234" / "1,234": counts a reporter reads (character counters, limits). */
export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(count);
}

/**
 * The length of a text as the API counts it: code points, with a line break as one
 * character (a browser sends a textarea's breaks as CRLF; the action turns them back).
 */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text.replace(/\r\n/g, '\n')) count++;
  return count;
}
