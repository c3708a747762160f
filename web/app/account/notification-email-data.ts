/** The notification address form on "Laporan saya": its fields, its answers, and the notices after a save. */
import type { FormProblem } from '../reporting/report-form-data';

/** The section mails link to (`…/akun/laporan#email`), and where the form's answers land. */
export const EMAIL_SECTION_ID = 'email';
export const EMAIL_FIELD = 'notificationEmail';
export const EMAIL_INTENT_FIELD = 'intent';
export type EmailIntent = 'save' | 'remove';

/**
 * After a save the action redirects (post, redirect, get) with `?email=disimpan` or
 * `?email=dihapus`: a name, never the address, so nothing personal lands in a URL or a log.
 */
export const EMAIL_NOTICE_QUERY = 'email';
const NOTICES = { disimpan: 'accountEmail.saved', dihapus: 'accountEmail.removed' } as const;
export type EmailNotice = (typeof NOTICES)[keyof typeof NOTICES];

export function createEmailNoticeQuery(saved: boolean): string {
  return `?${EMAIL_NOTICE_QUERY}=${saved ? 'disimpan' : 'dihapus'}`;
}

export function findEmailNotice(url: URL): EmailNotice | null {
  const value = url.searchParams.get(EMAIL_NOTICE_QUERY);
  return value && Object.hasOwn(NOTICES, value) ? NOTICES[value as keyof typeof NOTICES] : null;
}

/** A refused address: what the person typed comes back with the problems. */
export interface NotificationEmailActionData {
  email: string;
  problems: FormProblem[];
}
