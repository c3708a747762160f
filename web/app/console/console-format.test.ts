import { describe, expect, it } from 'vitest';
import { DUE_SOON_MS, findDeadlineState, formatShortDateTime } from './console-format';

const now = Date.parse('2026-03-02T00:00:00Z');
const stage = (offsetMs: number, flags: { overdue?: boolean; paused?: boolean } = {}) => ({
  deadline: new Date(now + offsetMs).toISOString(),
  overdue: flags.overdue ?? false,
  paused: flags.paused ?? false,
});

describe('deadline state', () => {
  it('follows the API for overdue and paused, paused first', () => {
    expect(findDeadlineState(stage(-1000, { overdue: true }), now)).toBe('overdue');
    expect(findDeadlineState(stage(-1000, { paused: true }), now)).toBe('paused');
    expect(findDeadlineState(null, now)).toBe('none');
  });

  it('calls a deadline within two days due soon', () => {
    expect(findDeadlineState(stage(DUE_SOON_MS - 1), now)).toBe('dueSoon');
    expect(findDeadlineState(stage(DUE_SOON_MS + 60_000), now)).toBe('onTime');
  });
});

describe('short dates', () => {
  it('are in the agency zone with its name', () => {
    expect(formatShortDateTime('2026-03-01T23:30:00Z', 'Asia/Makassar', 'id')).toBe('2 Mar 2026 07.30 WITA');
    expect(formatShortDateTime('2026-03-01T23:30:00Z', 'Asia/Pontianak', 'en')).toBe('2 Mar 2026 06:30 WIB');
  });
});
