/**
 * The API's own words on the public statistics (the charts are drawn on the server, so their
 * labels are too): statuses, months, the rows that are no agency's configuration. Bahasa
 * Indonesia first; the agency's own names (case types, categories, channels) come from its
 * configuration in the requested language.
 */
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import type { Locale } from './locale.ts';

type Words = {
  status: Record<CaseStatus, string>;
  months: readonly string[];
  confidential: string;
  none: string;
  other: string;
  charts: { perMonth: string; byCaseType: string; byCategory: string; byStatus: string; byChannel: string; reports: string };
};

const WORDS: Record<Locale, Words> = {
  id: {
    status: {
      SUBMITTED: 'Diterima, menunggu verifikasi',
      IN_VERIFICATION: 'Sedang diverifikasi',
      NEEDS_INFO: 'Menunggu keterangan pelapor',
      ACCEPTED: 'Diterima untuk ditindaklanjuti',
      IN_FOLLOW_UP: 'Sedang ditindaklanjuti',
      ANSWERED: 'Sudah dijawab',
      CLOSED: 'Selesai',
      REJECTED: 'Tidak dapat ditindaklanjuti',
      TRANSFERRED: 'Dilimpahkan',
    },
    months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
    confidential: 'Laporan rahasia (tidak dirinci)',
    none: 'Tidak dicatat',
    other: 'Lainnya (tidak aktif lagi)',
    charts: {
      perMonth: 'Laporan per bulan',
      byCaseType: 'Laporan menurut jenis laporan',
      byCategory: 'Laporan menurut jenis pelanggaran',
      byStatus: 'Laporan menurut status',
      byChannel: 'Laporan menurut kanal',
      reports: 'Laporan',
    },
  },
  en: {
    status: {
      SUBMITTED: 'Received, awaiting verification',
      IN_VERIFICATION: 'Being verified',
      NEEDS_INFO: 'Waiting for the reporter',
      ACCEPTED: 'Accepted for follow-up',
      IN_FOLLOW_UP: 'Being followed up',
      ANSWERED: 'Answered',
      CLOSED: 'Closed',
      REJECTED: 'Cannot be followed up',
      TRANSFERRED: 'Transferred',
    },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    confidential: 'Confidential reports (not broken down)',
    none: 'Not recorded',
    other: 'Other (no longer offered)',
    charts: {
      perMonth: 'Reports per month',
      byCaseType: 'Reports by case type',
      byCategory: 'Reports by violation type',
      byStatus: 'Reports by status',
      byChannel: 'Reports by channel',
      reports: 'Reports',
    },
  },
};

export function statisticsWords(locale: Locale): Words {
  return WORDS[locale];
}
