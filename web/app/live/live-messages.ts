/**
 * The live indicator's words, Bahasa Indonesia first. Kept beside the live components so
 * that they stay one import; the English catalog has the same keys (the type enforces it).
 */
import { useLocale } from '../i18n/use-translation';

const id = {
  live: 'Diperbarui langsung',
  connecting: 'Menghubungkan pembaruan langsung…',
  down: 'Pembaruan langsung terputus; muat ulang halaman untuk data terbaru.',
  reportChanged: 'Laporan diperbarui {time}.',
  countersTitle: 'Aduan terbuka',
  countersCaption: 'Aduan terbuka per instansi, menurut tahap',
  agency: 'Instansi',
  open: 'Terbuka',
  inVerification: 'Verifikasi',
  waitingForReporter: 'Menunggu pelapor',
  inFollowUp: 'Tindak lanjut',
  overdue: 'Lewat tenggat',
  escalated: 'Dieskalasi',
};

const en: Record<keyof typeof id, string> = {
  live: 'Live',
  connecting: 'Connecting live updates…',
  down: 'Live updates are off; reload the page for the latest data.',
  reportChanged: 'Report updated {time}.',
  countersTitle: 'Open cases',
  countersCaption: 'Open cases per agency, by stage',
  agency: 'Agency',
  open: 'Open',
  inVerification: 'Verification',
  waitingForReporter: 'Waiting for reporter',
  inFollowUp: 'Follow-up',
  overdue: 'Overdue',
  escalated: 'Escalated',
};

export type LiveText = (key: keyof typeof id, values?: Record<string, string>) => string;

export function useLiveText(): { locale: 'id' | 'en'; text: LiveText } {
  const locale = useLocale() === 'en' ? 'en' : 'id';
  const catalog = locale === 'en' ? en : id;
  return { locale, text: (key, values = {}) => catalog[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '') };
}
