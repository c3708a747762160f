/**
 * What the SLA sweep says, as data: the texts it writes, Bahasa Indonesia first, with
 * `{placeholders}`. The sweep writes set-based in SQL (sla-sweep.sql.ts), so a text becomes
 * a SQL `format()` call there (`sqlFormatOf`); to change a wording, change it here.
 *
 * Reminders, escalations and automatic closures write no text: the reporter sees their events
 * (ESCALATED, STATUS_CHANGED) and staff their notifications, both labelled by the web by kind.
 */
import type { Locale } from '../i18n/locale.ts';

/** The month names of a date written in a message. */
export const MONTH_NAMES: Record<Locale, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export const SWEEP_MESSAGES = {
  /**
   * To the reporter of a case waiting on them, before its automatic closure. `{day}`,
   * `{month}`, `{year}`: the closing date in the agency's time zone.
   */
  silenceNotice: {
    id: 'Laporan ini menunggu jawaban Anda atas pertanyaan petugas. Jika tidak ada jawaban, laporan akan ditutup otomatis pada {day} {month} {year}.',
    en: "This report is waiting for your answer to the officer's question. Without an answer it will be closed automatically on {day} {month} {year}.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** Both languages in one message body, as the reporter's page shows a system message. */
export const LANGUAGE_SEPARATOR = ' / ';

/**
 * A message as the format string of PostgreSQL's `format()`, both languages joined:
 * `placeholders` maps each `{name}` of a language to its argument number (`%n$s`).
 */
export function sqlFormatOf(message: Record<Locale, string>, placeholders: Record<Locale, Record<string, number>>): string {
  const one = (locale: Locale) =>
    message[locale].replace(/%/g, '%%').replace(/\{(\w+)\}/g, (_whole, name: string) => {
      const position = placeholders[locale][name];
      if (position === undefined) throw new Error(`sla sweep message: no argument for {${name}}`);
      return `%${position}$s`;
    });
  return `${one('id')}${LANGUAGE_SEPARATOR}${one('en')}`;
}

/** A string as a SQL literal. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
