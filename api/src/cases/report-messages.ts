/** Messages a reporter reads next to a field, Bahasa Indonesia first. */
import type { Locale } from '../i18n/locale.ts';

const MESSAGES = {
  required: { id: 'wajib diisi', en: 'is required' },
  tooLong: { id: 'paling banyak {max} karakter', en: 'at most {max} characters' },
  badDate: { id: 'bukan tanggal yang valid (TTTT-BB-HH)', en: 'is not a valid date (YYYY-MM-DD)' },
  futureDate: { id: 'tidak boleh tanggal yang akan datang', en: 'cannot be in the future' },
  notAnOption: { id: 'bukan salah satu pilihan', en: 'is not one of the options' },
  notANumber: { id: 'harus berupa angka', en: 'must be a number' },
  unknownField: { id: 'kolom ini tidak ada di formulir', en: 'is not a field of this form' },
  duplicateField: { id: 'diisi lebih dari sekali', en: 'is given more than once' },
  unknownCategory: { id: 'kategori tidak dikenal', en: 'is not a category of this agency' },
  identityModeNotAllowed: { id: 'cara pelaporan ini tidak diterima untuk jenis laporan ini', en: 'is not accepted for this report type' },
  identityNotAllowed: { id: 'laporan anonim tidak boleh memuat identitas', en: 'an anonymous report must not carry an identity' },
  badEmail: { id: 'bukan alamat email yang valid', en: 'is not a valid email address' },
  badPhone: { id: 'bukan nomor telepon yang valid', en: 'is not a valid phone number' },
  badIdNumber: { id: 'NIK/nomor identitas harus 16 digit', en: 'the ID number (NIK) must have 16 digits' },
  signInRequired: { id: 'masuk dengan akun nama samaran terlebih dahulu', en: 'sign in with your pseudonym account first' },
  tooManyFiles: { id: 'paling banyak {max} berkas', en: 'at most {max} files' },
  evidenceRequired: { id: 'lampirkan paling sedikit satu berkas bukti', en: 'attach at least one evidence file' },
  evidenceUnavailable: { id: 'berkas ini belum selesai diunggah atau tidak dapat dipakai', en: 'this file is not uploaded yet or cannot be used' },
  submissionKeyFormat: {
    id: 'kunci pengiriman harus berupa teks base64url acak minimal 22 karakter (16 bita acak), bukan UUID',
    en: 'the submission key must be random base64url text of at least 22 characters (16 random bytes), not a UUID',
  },
  offlineOnly: {
    id: 'jenis laporan ini tidak dapat diajukan melalui portal; gunakan kanal pengaduan instansi',
    en: "this report type cannot be filed on the portal; use the agency's channels",
  },
  unknownCaseType: { id: 'jenis laporan tidak dikenal', en: 'is not a report type of this agency' },
  pseudonymTaken: { id: 'nama samaran ini sudah dipakai', en: 'this pseudonym is already taken' },
  pseudonymFormat: {
    id: '3 sampai 40 karakter: huruf, angka, titik, garis bawah atau tanda hubung',
    en: '3 to 40 characters: letters, digits, dot, underscore or dash',
  },
  passwordTooShort: { id: 'kata sandi paling sedikit 10 karakter', en: 'the password needs at least 10 characters' },
  messageEmpty: { id: 'pesan tidak boleh kosong', en: 'the message cannot be empty' },
  messagesClosed: {
    id: 'laporan ini tidak lagi menerima pesan: tidak ada petugas yang dapat menjawabnya di sini',
    en: 'this report no longer takes messages: no one here can answer them',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReportMessageKey = keyof typeof MESSAGES;

export function reportMessage(key: ReportMessageKey, locale: Locale, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
