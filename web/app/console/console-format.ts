/** The console's small judgements: how late a case is, and dates for its tables. */
import type { CurrentStage } from '../graphql/results';
import type { Locale } from '../i18n/locale';
import { findZoneName } from '../reporting/formats';

export type DeadlineState = 'onTime' | 'dueSoon' | 'overdue' | 'paused' | 'none';

/**
 * The state of the running stage's deadline, as the API decides it (overdue, due soon in
 * working days, paused: api/src/sla/deadline-state.ts); the web only picks the badge.
 */
export function findDeadlineState(stage: Pick<CurrentStage, 'overdue' | 'dueSoon' | 'paused'> | null): DeadlineState {
  if (!stage) return 'none';
  if (stage.paused) return 'paused';
  if (stage.overdue) return 'overdue';
  return stage.dueSoon ? 'dueSoon' : 'onTime';
}

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/** "2 Mar 2026 14.05 WITA": short, for tables and lists, in the agency's zone. */
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
