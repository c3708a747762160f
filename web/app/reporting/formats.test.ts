import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translate';
import { findToday, findZoneName, formatBytes, formatCalendarDate, formatDate, formatDateTime, formatShortDateTime, formatWait } from './formats';

describe('dates in the agency time zone', () => {
  it('names the Indonesian zones', () => {
    expect(findZoneName('Asia/Pontianak')).toBe('WIB');
    expect(findZoneName('Asia/Makassar')).toBe('WITA');
    expect(findZoneName('Asia/Jayapura')).toBe('WIT');
    expect(findZoneName('Europe/Amsterdam')).toMatch(/^GMT\+\d$/);
  });

  it('writes a deadline the way people read it', () => {
    expect(formatDate('2026-07-09T08:00:00Z', 'Asia/Makassar', 'id')).toBe('Kamis, 9 Juli 2026');
    expect(formatDate('2026-07-09T08:00:00Z', 'Asia/Makassar', 'en')).toBe('Thursday, 9 July 2026');
  });

  it('gives the time with its zone, on the agency day', () => {
    // 23:30 UTC is already the next morning in Makassar.
    expect(formatDateTime('2026-03-01T23:30:00Z', 'Asia/Makassar', 'id')).toBe('Senin, 2 Maret 2026 pukul 07.30 WITA');
    expect(formatDateTime('2026-03-01T23:30:00Z', 'Asia/Pontianak', 'en')).toBe('Monday, 2 March 2026 at 06:30 WIB');
    expect(findToday('Asia/Makassar', new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
  });
});

describe('dates in tables and answers', () => {
  it('writes a table date short, in the zone, with its name', () => {
    expect(formatShortDateTime('2026-11-20T06:05:00Z', 'Asia/Makassar', 'id')).toBe('20 Nov 2026 14.05 WITA');
    expect(formatShortDateTime('2026-11-20T06:05:00Z', 'Asia/Makassar', 'en')).toBe('20 Nov 2026 14:05 WITA');
  });

  it('writes a calendar date a form asked for in words, never a day off', () => {
    expect(formatCalendarDate('2026-03-02', 'id')).toBe('2 Maret 2026');
    expect(formatCalendarDate('2026-03-02', 'en')).toBe('2 March 2026');
    expect(formatCalendarDate('kemarin sore', 'id')).toBe('kemarin sore');
    expect(formatCalendarDate('2026-02-31', 'en')).toBe('2026-02-31');
  });
});

describe('sizes and waits', () => {
  it('reads like a person writes them', () => {
    expect(formatBytes(159, 'id')).toBe('159 B');
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
    expect(formatWait(45, createTranslator('id'))).toBe('45 detik');
    expect(formatWait(900, createTranslator('en'))).toBe('15 minutes');
  });
});
