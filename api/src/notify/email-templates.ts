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
    why: 'Anda menerima email ini karena memintanya di akun nama samaran Anda.',
    stop: 'Hapus alamat email di akun Anda untuk berhenti menerimanya',
  },
  en: {
    why: 'You receive this email because you asked for it in your pseudonym account.',
    stop: 'Remove the email address in your account to stop these emails',
  },
};

const STAFF_FOOTER = {
  id: { why: 'Anda menerima email ini sebagai petugas kasus ini.', stop: 'Atur notifikasi email Anda di konsol' },
  en: { why: 'You receive this email as a staff member of this case.', stop: 'Choose your email notifications in the console' },
};

const TEXTS: Record<EmailKind, Texts> = {
  REPORTER_QUESTION: {
    id: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: ada pertanyaan untuk Anda`,
      lines: [
        `${agency.name} mengajukan pertanyaan tentang laporan Anda ${registrationNumber}.`,
        'Jawab pertanyaan itu di akun Anda. Laporan yang tidak dijawab dalam batas waktu dapat ditutup.',
      ],
      action: 'Baca dan jawab pertanyaan',
      ...REPORTER_FOOTER.id,
    }),
    en: ({ agency, registrationNumber }) => ({
      subject: `${agency.name}: a question for you`,
      lines: [
        `${agency.name} has a question about your report ${registrationNumber}.`,
        'Answer it in your account. A report left unanswered past the deadline may be closed.',
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
  const words = TEXTS[kind][context.locale](context);
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
