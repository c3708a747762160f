import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localize } from './locale.ts';

describe('locale', () => {
  it.each([
    [undefined, 'id'],
    ['', 'id'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'id'],
    ['en;q=0.3,id;q=0.7', 'id'],
    ['en;q=0', 'id'],
  ])('Accept-Language %j picks %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });

  it('falls back to Bahasa Indonesia when there is no English text', () => {
    expect(localize({ id: 'Pengaduan', en: 'Complaint' }, 'en')).toBe('Complaint');
    expect(localize({ id: 'Pengaduan' }, 'en')).toBe('Pengaduan');
    expect(localize({ id: 'Pengaduan', en: 'Complaint' }, 'id')).toBe('Pengaduan');
    expect(localize(null, 'id')).toBeNull();
  });
});
