/**
 * The words of the figures in the platform's two languages: case statuses and what each
 * lifecycle step is called in a case's follow-up line (the monthly report), and the names of
 * an agency's case types, categories (violation types) and channels from its configuration,
 * inactive ones included (a case keeps the type it was filed under).
 */
import { withDataScope } from '../auth/data-scope.ts';
import type { CaseStatus, TransitionName } from '../cases/case-lifecycle.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { localize, type Locale, type LocalizedText } from '../i18n/locale.ts';

export const STATUS_LABELS: Record<Locale, Record<CaseStatus, string>> = {
  id: {
    SUBMITTED: 'Baru masuk',
    IN_VERIFICATION: 'Sedang diverifikasi',
    NEEDS_INFO: 'Menunggu keterangan pelapor',
    ACCEPTED: 'Diterima untuk ditindaklanjuti',
    IN_FOLLOW_UP: 'Sedang ditindaklanjuti',
    ANSWERED: 'Dijawab',
    CLOSED: 'Selesai',
    REJECTED: 'Ditolak',
    TRANSFERRED: 'Dilimpahkan',
  },
  en: {
    SUBMITTED: 'New',
    IN_VERIFICATION: 'Being verified',
    NEEDS_INFO: 'Waiting for the reporter',
    ACCEPTED: 'Accepted for follow-up',
    IN_FOLLOW_UP: 'In follow-up',
    ANSWERED: 'Answered',
    CLOSED: 'Closed',
    REJECTED: 'Rejected',
    TRANSFERRED: 'Transferred',
  },
};

/** A step of a case's follow-up, in Indonesian (the monthly report is in Bahasa Indonesia). */
export const STEP_WORDS: Record<TransitionName | 'RECEIVED' | 'ESCALATED', string> = {
  RECEIVED: 'masuk',
  TAKE_FOR_VERIFICATION: 'mulai diverifikasi',
  REQUEST_INFO: 'diminta keterangan',
  RECEIVE_INFO: 'keterangan diterima',
  ACCEPT: 'diterima untuk ditindaklanjuti',
  REJECT: 'ditolak',
  START_FOLLOW_UP: 'ditelaah',
  APPROVE_ANSWER: 'dijawab',
  CLOSE: 'ditutup',
  CLOSE_FOR_SILENCE: 'ditutup tanpa tanggapan pelapor',
  TRANSFER: 'dilimpahkan',
  ESCALATED: 'dieskalasi',
};

export interface AgencyLabels {
  caseTypes: Map<string, string>;
  categories: Map<string, string>;
  channels: Map<string, string>;
}

/** The names of these agencies' case types, categories and channels by id, in `locale`. */
export async function loadAgencyLabels(prisma: PrismaClient, tenantIds: readonly string[], locale: Locale): Promise<AgencyLabels> {
  const where = { tenantId: { in: [...tenantIds] } };
  const select = { id: true, key: true, name: true } as const;
  const [caseTypes, categories, channels] = await withDataScope(prisma, { tenantIds }, (tx) =>
    Promise.all([tx.caseType.findMany({ where, select }), tx.category.findMany({ where, select }), tx.channel.findMany({ where, select })]),
  );
  const names = (rows: { id: string; key: string; name: unknown }[]) =>
    new Map(rows.map((row) => [row.id, localize(row.name as LocalizedText, locale) ?? row.key]));
  return { caseTypes: names(caseTypes), categories: names(categories), channels: names(channels) };
}
