import { describe, expect, it } from 'vitest';
import { findDeadlineState, formatShortDateTime } from './console-format';

const stage = (flags: { overdue?: boolean; dueSoon?: boolean; paused?: boolean } = {}) => ({
  overdue: flags.overdue ?? false,
  dueSoon: flags.dueSoon ?? false,
  paused: flags.paused ?? false,
});

describe('deadline state', () => {
  it('follows the API for overdue and paused, paused first', () => {
    expect(findDeadlineState(stage({ overdue: true }))).toBe('overdue');
    expect(findDeadlineState(stage({ overdue: true, paused: true }))).toBe('paused');
    expect(findDeadlineState(null)).toBe('none');
  });

  // Due soon is counted in working days by the API (api/src/sla/deadline-state.test.ts); the web shows it.
  it('follows the API for due soon', () => {
    expect(findDeadlineState(stage({ dueSoon: true }))).toBe('dueSoon');
    expect(findDeadlineState(stage())).toBe('onTime');
  });
});

describe('short dates', () => {
  it('are in the agency zone with its name', () => {
    expect(formatShortDateTime('2026-03-01T23:30:00Z', 'Asia/Makassar', 'id')).toBe('2 Mar 2026 07.30 WITA');
    expect(formatShortDateTime('2026-03-01T23:30:00Z', 'Asia/Pontianak', 'en')).toBe('2 Mar 2026 06:30 WIB');
  });
});
