/**
 * The words of every mail, in Bahasa Indonesia and English, under the agency's name and
 * colour. A mail says that something happened and links to where the recipient, signed in,
 * reads it: never a reporter's identity, never the case's content.
 */
import type { EmailKind } from '../generated/prisma/enums.ts';
import type { Locale } from '../i18n/locale.ts';

export interface MailContext {
  locale: Locale;
  agency: { name: string; primaryColor: string; primaryTextColor: string };
  registrationNumber: string;
  /** Where the recipient reads the news (signed in). */
  link: string;
  /** Where the recipient stops these mails. */
  settingsLink: string;
  /** For REPORTER_TRANSFERRED: the agency the case went to and its number there. */
  transfer?: { agency: string; registrationNumber: string };
  /** A reporter who gave the address when filing, without an account: `settingsLink` stops these mails for the report. */
  withoutAccount?: boolean;
}

interface Words {
  subject: string;
  lines: string[];
  action: string;
  why: string;
  stop: string;
}

type Texts = Record<Locale, (context: MailContext) => Words>;

const REPORTER_FOOTER = {
  id: {
    why: 'Anda menerima email ini karena memintanya di akun Anda.',
    stop: 'Hapus alamat email di akun Anda untuk berhenti menerimanya',
  },
  en: {
    why: 'You receive this email because you asked for it in your account.',
    stop: 'Remove the email address in your account to stop these emails',
  },
};

const REPORT_FOOTER = {
  id: {
    why: 'Anda menerima email ini karena mencantumkan alamat ini saat melapor.',
    stop: 'Berhenti menerima email tentang laporan ini',
  },
  en: {
    why: 'You receive this email because you gave this address when you filed the report.',
    stop: 'Stop emails about this report',
  },
};

const STAFF_FOOTER = {
  id: { why: 'Anda menerima email ini karena tugas Anda pada kasus ini.', stop: 'Pilih email yang ingin Anda terima di konsol' },
  en: { why: 'You receive this email because of your work on this case.', stop: 'Choose which emails you receive in the console' },
};

const TEXTS: Record<EmailKind, Texts> = {
  REPORTER_QUESTION: {
    id: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: ada pertanyaan untuk Anda`,
      lines: [
        `${agency.name} mengajukan pertanyaan tentang laporan Anda ${registrationNumber}.`,
        'Jawab pertanyaan itu melalui tautan di bawah. Laporan yang tidak dijawab dalam batas waktu dapat ditutup.',
      ],
      action: 'Baca dan jawab pertanyaan',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: a question for you`,
      lines: [
        `${agency.name} has a question about your report ${registrationNumber}.`,
        'Answer it through the link below. A report left unanswered past the deadline may be closed.',
      ],
      action: 'Read and answer the question',
      ...REPORTER_FOOTER.en,
    }),
  },
  REPORTER_ANSWERED: {
    id: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: laporan Anda telah dijawab`,
      lines: [`${agency.name} telah menjawab laporan Anda ${registrationNumber}.`],
      action: 'Baca jawaban',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: your report has been answered`,
      lines: [`${agency.name} has answered your report ${registrationNumber}.`],
      action: 'Read the answer',
      ...REPORTER_FOOTER.en,
    }),
  },
  REPORTER_SILENCE_WARNING: {
    id: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: laporan Anda menunggu jawaban Anda`,
      lines: [
        `${agency.name} masih menunggu jawaban Anda atas pertanyaan tentang laporan ${registrationNumber}.`,
        'Tanpa jawaban, laporan akan ditutup dalam dua hari kerja.',
      ],
      action: 'Jawab sekarang',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: your report is waiting for your answer`,
      lines: [
        `${agency.name} is still waiting for your answer to its question about report ${registrationNumber}.`,
        'Without an answer, the report will be closed in two working days.',
      ],
      action: 'Answer now',
      ...REPORTER_FOOTER.en,
    }),
  },
  REPORTER_TRANSFERRED: {
    id: ({ agency, registrationNumber, transfer }) => ({
      subject: `${agency.name}: laporan Anda dilimpahkan`,
      lines: [
        `Laporan Anda ${registrationNumber} dilimpahkan kepada ${transfer?.agency ?? 'instansi yang berwenang'}, dengan nomor registrasi ${transfer?.registrationNumber ?? '-'}.`,
        'Pantau di sana dengan nomor itu dan kode pelacakan yang sama.',
      ],
      action: 'Lacak di instansi tujuan',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ registrationNumber, agency, transfer }) => ({
      subject: `${agency.name}: your report was transferred`,
      lines: [
        `Your report ${registrationNumber} was transferred to ${transfer?.agency ?? 'the competent agency'}, as ${transfer?.registrationNumber ?? '-'}.`,
        'Follow it there with that number and the same tracking code.',
      ],
      action: 'Track it at the receiving agency',
      ...REPORTER_FOOTER.en,
    }),
  },
  REPORTER_ESCALATED: {
    id: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: laporan Anda dieskalasi`,
      lines: [`Laporan Anda ${registrationNumber} melewati batas waktu dan diteruskan ke atasan ${agency.name} untuk ditindaklanjuti.`],
      action: 'Lihat laporan',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: your report was escalated`,
      lines: [`Your report ${registrationNumber} passed its deadline and went to ${agency.name}'s superior for follow-up.`],
      action: 'See the report',
      ...REPORTER_FOOTER.en,
    }),
  },
  STAFF_NEW_CASE: {
    id: ({ registrationNumber }) => ({
      subject: `Kasus baru ${registrationNumber}`,
      lines: [`Kasus ${registrationNumber} masuk ke kotak masuk Anda.`],
      action: 'Buka kasus di konsol',
      ...STAFF_FOOTER.id,
    }),
    en: ({ registrationNumber }) => ({
      subject: `New case ${registrationNumber}`,
      lines: [`Case ${registrationNumber} arrived in your inbox.`],
      action: 'Open the case in the console',
      ...STAFF_FOOTER.en,
    }),
  },
  STAFF_DEADLINE_REMINDER: {
    id: ({ registrationNumber }) => ({
      subject: `Tenggat kasus ${registrationNumber} sudah dekat`,
      lines: [`Tenggat tahap kasus ${registrationNumber} sudah dekat.`],
      action: 'Buka kasus di konsol',
      ...STAFF_FOOTER.id,
    }),
    en: ({ registrationNumber }) => ({
      subject: `The deadline of case ${registrationNumber} is near`,
      lines: [`The stage deadline of case ${registrationNumber} is near.`],
      action: 'Open the case in the console',
      ...STAFF_FOOTER.en,
    }),
  },
  STAFF_ESCALATED: {
    id: ({ agency, registrationNumber }) => ({
      subject: `Kasus ${registrationNumber} dieskalasi`,
      lines: [`Kasus ${registrationNumber} di ${agency.name} melewati batas waktu dan dieskalasi.`],
      action: 'Buka kasus di konsol',
      ...STAFF_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `Case ${registrationNumber} was escalated`,
      lines: [`Case ${registrationNumber} at ${agency.name} passed its deadline and was escalated.`],
      action: 'Open the case in the console',
      ...STAFF_FOOTER.en,
    }),
  },
  STAFF_ANSWER_TO_APPROVE: {
    id: ({ registrationNumber }) => ({
      subject: `Jawaban kasus ${registrationNumber} menunggu persetujuan`,
      lines: [`Tim telaah mengajukan jawaban kasus ${registrationNumber} untuk Anda setujui.`],
      action: 'Buka kasus di konsol',
      ...STAFF_FOOTER.id,
    }),
    en: ({ registrationNumber }) => ({
      subject: `The answer of case ${registrationNumber} awaits approval`,
      lines: [`The review team submitted the answer of case ${registrationNumber} for your approval.`],
      action: 'Open the case in the console',
      ...STAFF_FOOTER.en,
    }),
  },
  STAFF_REPORTER_REPLIED: {
    id: ({ registrationNumber }) => ({
      subject: `Pelapor membalas pada kasus ${registrationNumber}`,
      lines: [`Pelapor kasus ${registrationNumber} mengirim pesan.`],
      action: 'Buka kasus di konsol',
      ...STAFF_FOOTER.id,
    }),
    en: ({ registrationNumber }) => ({
      subject: `The reporter replied on case ${registrationNumber}`,
      lines: [`The reporter of case ${registrationNumber} sent a message.`],
      action: 'Open the case in the console',
      ...STAFF_FOOTER.en,
    }),
  },
};

/** Only for values we put into HTML ourselves; the templates hold no markup from elsewhere. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const HEX = /^#[0-9a-f]{6}$/i;

export function renderMail(kind: EmailKind, context: MailContext): { subject: string; text: string; html: string } {
  const words = { ...TEXTS[kind][context.locale](context), ...(context.withoutAccount ? REPORT_FOOTER[context.locale] : {}) };
  const text = [...words.lines, '', `${words.action}: ${context.link}`, '', '--', words.why, `${words.stop}: ${context.settingsLink}`, ''].join('\n');
  const background = HEX.test(context.agency.primaryColor) ? context.agency.primaryColor : '#1f2933';
  const foreground = HEX.test(context.agency.primaryTextColor) ? context.agency.primaryTextColor : '#ffffff';
  const html = `<!doctype html>
<html lang="${context.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(words.subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff">
<tr><td style="background:${background};color:${foreground};padding:16px;font-size:18px;font-weight:bold">${escapeHtml(context.agency.name)}</td></tr>
<tr><td style="padding:16px;font-size:16px;line-height:1.5">
${words.lines.map((line) => `<p style="margin:0 0 12px">${escapeHtml(line)}</p>`).join('\n')}
<p style="margin:16px 0"><a href="${escapeHtml(context.link)}" style="display:inline-block;background:${background};color:${foreground};padding:12px 16px;text-decoration:none;font-weight:bold">${escapeHtml(words.action)}</a></p>
</td></tr>
<tr><td style="padding:16px;font-size:13px;color:#52606d;border-top:1px solid #e4e7eb">${escapeHtml(words.why)} <a href="${escapeHtml(context.settingsLink)}" style="color:#52606d">${escapeHtml(words.stop)}</a>.</td></tr>
</table></td></tr></table>
</body></html>
`;
  return { subject: words.subject, text, html };
}
