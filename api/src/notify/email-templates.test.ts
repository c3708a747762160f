import { describe, expect, it } from 'vitest';
import { renderMail } from './email-templates.ts';

const context = {
  locale: 'id' as const,
  agency: { name: 'Inspektorat <Kota> Bontang', primaryColor: '#0f766e', primaryTextColor: '#ffffff' },
  registrationNumber: 'BTG-2026-000001',
  link: 'http://localhost:3000/t/inspektorat-bontang/akun/laporan',
  settingsLink: 'http://localhost:3000/t/inspektorat-bontang/akun/laporan#email',
};

describe('renderMail', () => {
  it('speaks the recipient language and links to the page', () => {
    const id = renderMail('REPORTER_QUESTION', context);
    expect(id.subject).toBe('Inspektorat <Kota> Bontang: ada pertanyaan untuk Anda');
    expect(id.text).toContain('laporan Anda BTG-2026-000001');
    expect(id.text).toContain(`Baca dan jawab pertanyaan: ${context.link}`);
    const en = renderMail('REPORTER_QUESTION', { ...context, locale: 'en' });
    expect(en.subject).toBe('Inspektorat <Kota> Bontang: a question for you');
    expect(en.text).toContain('Answer it through the link below');
  });

  it('escapes what it puts into HTML and keeps only hex colours', () => {
    const mail = renderMail('REPORTER_ANSWERED', { ...context, agency: { ...context.agency, primaryColor: 'red;background:url(x)' } });
    expect(mail.html).toContain('Inspektorat &#60;Kota&#62; Bontang');
    expect(mail.html).not.toContain('<Kota>');
    expect(mail.html).not.toContain('url(x)');
    expect(mail.html).toContain('background:#1f2933');
  });
});
