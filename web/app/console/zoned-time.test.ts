import { describe, expect, it } from 'vitest';
import { findLocalNow, toInstant } from './zoned-time';

describe('toInstant', () => {
  it('reads a wall-clock time in the agency’s zone', () => {
    expect(toInstant('2026-03-02', '14:30', 'Asia/Makassar')).toBe('2026-03-02T06:30:00.000Z');
    expect(toInstant('2026-03-02', '07:05', 'Asia/Pontianak')).toBe('2026-03-02T00:05:00.000Z');
    expect(toInstant('2026-01-01', '00:00', 'Asia/Jayapura')).toBe('2025-12-31T15:00:00.000Z');
  });

  it('refuses what is not a real date or time', () => {
    expect(toInstant('2026-02-30', '10:00', 'Asia/Jakarta')).toBeNull();
    expect(toInstant('2026-03-02', '24:00', 'Asia/Jakarta')).toBeNull();
    expect(toInstant('kemarin', '10:00', 'Asia/Jakarta')).toBeNull();
    expect(toInstant('2026-03-02', '', 'Asia/Jakarta')).toBeNull();
  });
});

describe('findLocalNow', () => {
  it('gives the date and time controls’ values in the zone', () => {
    expect(findLocalNow('Asia/Makassar', new Date('2026-03-02T23:30:00Z'))).toEqual({ date: '2026-03-03', time: '07:30' });
  });
});
