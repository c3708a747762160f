/**
 * The public rules of docs/statistics.md on summaries whose every number is known: the rule of
 * 5 (counts, time figures, the share within the standard), the confidential rule, and the
 * cells hidden so that a hidden one cannot be worked out by subtraction.
 */
import { describe, expect, it } from 'vitest';
import type { BreakdownRow, FigureSummary, FigureTotals, TimeFigure } from './figures.service.ts';
import { hiddenCells, toPublicFigures, type PublicRow } from './public-figures.ts';

const T = 'tenant-a';
const MONTHS = ['2026-01', '2026-02', '2026-03'];
const HIDDEN = { value: null, suppressed: true };
const shown = (value: number) => ({ value, suppressed: false });

function time(cases: number): TimeFigure {
  return cases === 0
    ? { cases, medianWorkingDays: null, p90WorkingDays: null, medianDays: null, p90Days: null }
    : { cases, medianWorkingDays: 3, p90WorkingDays: 8, medianDays: 4.5, p90Days: 11.2 };
}

function totals(overrides: Partial<FigureTotals> = {}): FigureTotals {
  return {
    received: 0,
    answered: 0,
    rejected: 0,
    transferred: 0,
    closedUnanswered: 0,
    open: 0,
    escalated: 0,
    withinStandard: 0,
    answeredWithStandard: 0,
    firstResponse: time(0),
    resolution: time(0),
    ...overrides,
  };
}

type Row = [BreakdownRow['dimension'], string | null, number, boolean?];

function summary(agency: Partial<FigureTotals>, rows: Row[], months: Record<string, number> = {}): FigureSummary {
  const breakdowns = rows.map(([dimension, key, received, confidential = false]) => ({ tenantId: T, dimension, key, confidential, received, answered: 0 }));
  return {
    agencies: [{ tenantId: T, ...totals(agency) }],
    total: totals(agency),
    months: Object.entries(months).map(([month, received]) => ({ tenantId: T, month, received, answered: 0 })),
    breakdowns,
    stages: [],
  };
}

const values = (rows: PublicRow[]) => rows.map((row) => [row.kind, row.key, row.received.value]);

describe('the rule of 5', () => {
  it('hides a count of 1 to 4, shows 0 and 5', () => {
    const of = (received: number, answered: number) => toPublicFigures(summary({ received, answered }, []), T, { months: [] });
    expect(of(4, 0)).toMatchObject({ received: HIDDEN, answered: shown(0) });
    expect(of(1, 1)).toMatchObject({ received: HIDDEN, answered: HIDDEN });
    expect(of(5, 5)).toMatchObject({ received: shown(5), answered: shown(5) });
  });

  it('does not show a time figure of fewer than 5 cases, and shows one of 5 with its cases', () => {
    const four = toPublicFigures(summary({ received: 9, firstResponse: time(4), resolution: time(5) }, []), T, { months: [] });
    expect(four.firstResponse).toEqual({ cases: HIDDEN, shown: false, medianWorkingDays: null, p90WorkingDays: null, medianDays: null, p90Days: null });
    expect(four.resolution).toEqual({ cases: shown(5), shown: true, medianWorkingDays: 3, p90WorkingDays: 8, medianDays: 4.5, p90Days: 11.2 });
  });

  it('shows the share within the standard from 5 answered cases with a standard, unless it tells a count of 1 to 4', () => {
    const share = (withinStandard: number, answeredWithStandard: number) =>
      toPublicFigures(summary({ received: 20, withinStandard, answeredWithStandard }, []), T, { months: [] }).withinStandard;
    expect(share(3, 4)).toEqual({ share: null, cases: HIDDEN, shown: false });
    expect(share(15, 20)).toEqual({ share: 0.75, cases: shown(20), shown: true });
    expect(share(0, 5)).toEqual({ share: 0, cases: shown(5), shown: true });
    expect(share(5, 5)).toEqual({ share: 1, cases: shown(5), shown: true });
    // 1 of 10 within: the share would say "one case".
    expect(share(1, 10)).toMatchObject({ share: null, shown: false });
    // 8 of 10: two outside.
    expect(share(8, 10)).toMatchObject({ share: null, shown: false });
  });

  it('lists every month of the range, 0 where no case came, hiding counts under 5', () => {
    const figures = toPublicFigures(summary({ received: 17 }, [], { '2026-01': 12, '2026-03': 5 }), T, { months: MONTHS });
    expect(figures.months).toEqual([
      { month: '2026-01', received: shown(12) },
      { month: '2026-02', received: shown(0) },
      { month: '2026-03', received: shown(5) },
    ]);
  });
});

describe('the confidential rule', () => {
  // 7 complaints (category a), 6 aspirations (category b), 9 confidential reports (category a).
  const rows: Row[] = [
    ['caseType', 'complaint', 7],
    ['caseType', 'aspiration', 6],
    ['caseType', 'whistleblowing', 9, true],
    ['category', 'a', 7],
    ['category', 'b', 6],
    ['category', 'a', 9, true],
    ['channel', 'web', 13],
    ['channel', 'web', 9, true],
    ['status', 'SUBMITTED', 12],
    ['status', 'ANSWERED', 10],
  ];

  it('breaks down only the other case types, with one row of the confidential reports', () => {
    const figures = toPublicFigures(summary({ received: 22 }, rows), T, { months: [] });
    expect(values(figures.byCaseType)).toEqual([
      ['KEY', 'aspiration', 6],
      ['KEY', 'complaint', 7],
      ['CONFIDENTIAL', null, 9],
    ]);
    expect(values(figures.byCategory)).toEqual([
      ['KEY', 'a', 7],
      ['KEY', 'b', 6],
      ['CONFIDENTIAL', null, 9],
    ]);
    expect(values(figures.byChannel)).toEqual([
      ['KEY', 'web', 13],
      ['CONFIDENTIAL', null, 9],
    ]);
    // Statuses and the total count every case.
    expect(values(figures.byStatus)).toEqual([
      ['KEY', 'ANSWERED', 10],
      ['KEY', 'SUBMITTED', 12],
    ]);
    expect(figures.received).toEqual(shown(22));
  });

  it('hides the confidential row under 5, in every breakdown', () => {
    const few: Row[] = [
      ['caseType', 'complaint', 10],
      ['caseType', 'whistleblowing', 3, true],
      ['category', 'a', 10],
      ['category', 'a', 3, true],
      ['channel', 'web', 10],
      ['channel', 'web', 3, true],
      ['status', 'SUBMITTED', 13],
    ];
    const figures = toPublicFigures(summary({ received: 13 }, few), T, { months: [] });
    for (const rowsOf of [figures.byCaseType, figures.byCategory, figures.byChannel]) {
      expect(rowsOf.find((row) => row.kind === 'CONFIDENTIAL')!.received).toEqual(HIDDEN);
    }
  });

  it('treats a case type the agency declares confidential now as confidential, whatever older rows say', () => {
    const stale: Row[] = [
      ['caseType', 'complaint', 10],
      ['caseType', 'gratification', 6],
    ];
    const figures = toPublicFigures(summary({ received: 16 }, stale), T, { months: [], confidentialCaseTypeIds: new Set(['gratification']) });
    expect(values(figures.byCaseType)).toEqual([
      ['KEY', 'complaint', 10],
      ['CONFIDENTIAL', null, 6],
    ]);
  });

  it('shows an agency whose every type is confidential only its total in each breakdown (Bontang)', () => {
    const bontang: Row[] = [
      ['caseType', 'whistleblowing', 8, true],
      ['caseType', 'gratification', 5, true],
      ['category', 'korupsi', 11, true],
      ['category', null, 2, true],
      ['channel', 'web-portal', 13, true],
      ['status', 'SUBMITTED', 13],
    ];
    const figures = toPublicFigures(summary({ received: 13 }, bontang), T, { months: [] });
    for (const rowsOf of [figures.byCaseType, figures.byCategory, figures.byChannel]) expect(values(rowsOf)).toEqual([['CONFIDENTIAL', null, 13]]);
  });
});

describe('a hidden cell cannot be worked out from the total', () => {
  it('hides the smallest other cell with a lone hidden one', () => {
    // 3 + 9 + 20 = 32 shown as the total: 3 alone hidden would be 32 - 9 - 20.
    expect([...hiddenCells([3, 9, 20])].sort()).toEqual([0, 1]);
    // Two hidden cells of 2 and 3 (sum 5) cannot be told apart.
    expect([...hiddenCells([2, 3, 20])].sort()).toEqual([0, 1]);
    // Two hidden cells of 1 each: their sum 2 says both; a third goes.
    expect([...hiddenCells([1, 1, 7, 20])].sort()).toEqual([0, 1, 2]);
    // Nothing hidden: nothing more to hide; zeros are never hidden.
    expect([...hiddenCells([0, 9, 20])]).toEqual([]);
    expect([...hiddenCells([0, 4, 0, 20])].sort()).toEqual([1, 3]);
  });

  it('applies to the statuses and the months', () => {
    const figures = toPublicFigures(
      summary(
        { received: 32 },
        [
          ['status', 'SUBMITTED', 3],
          ['status', 'ANSWERED', 9],
          ['status', 'CLOSED', 20],
        ],
        { '2026-01': 2, '2026-02': 10, '2026-03': 20 },
      ),
      T,
      { months: MONTHS },
    );
    // ANSWERED (9) is given away by the answered total: CLOSED covers SUBMITTED instead.
    expect(values(figures.byStatus)).toEqual([
      ['KEY', 'ANSWERED', 9],
      ['KEY', 'CLOSED', null],
      ['KEY', 'SUBMITTED', null],
    ]);
    expect(figures.months.map((month) => month.received.value)).toEqual([null, null, 20]);
  });

  it('covers a hidden status with another than ANSWERED, which the answered total gives away', () => {
    const figures = toPublicFigures(
      summary({ received: 16, answered: 5 }, [
        ['status', 'SUBMITTED', 10],
        ['status', 'IN_VERIFICATION', 1],
        ['status', 'ANSWERED', 5],
      ]),
      T,
      { months: [] },
    );
    expect(values(figures.byStatus)).toEqual([
      ['KEY', 'ANSWERED', 5],
      ['KEY', 'IN_VERIFICATION', null],
      ['KEY', 'SUBMITTED', null],
    ]);
    // With nothing else left, ANSWERED is hidden after all.
    expect([...hiddenCells([10, 1], new Set(), new Set([0]))].sort()).toEqual([0, 1]);
  });

  it('hides the confidential row everywhere once one breakdown needs it hidden', () => {
    // Case types: complaint 3 hidden, then the smallest other (confidential, 6) goes with it.
    // Categories show a and b; without the rule the confidential 6 would show there.
    const rows: Row[] = [
      ['caseType', 'complaint', 3],
      ['caseType', 'aspiration', 40],
      ['caseType', 'whistleblowing', 6, true],
      ['category', 'a', 23],
      ['category', 'b', 20],
      ['category', 'a', 6, true],
      ['channel', 'web', 43],
      ['channel', 'web', 6, true],
      ['status', 'SUBMITTED', 49],
    ];
    const figures = toPublicFigures(summary({ received: 49 }, rows), T, { months: [] });
    expect(values(figures.byCaseType)).toEqual([
      ['KEY', 'aspiration', 40],
      ['KEY', 'complaint', null],
      ['CONFIDENTIAL', null, null],
    ]);
    // Hidden here too, and with it another cell, so that it cannot be worked out.
    expect(values(figures.byCategory)).toEqual([
      ['KEY', 'a', 23],
      ['KEY', 'b', null],
      ['CONFIDENTIAL', null, null],
    ]);
    expect(values(figures.byChannel)).toEqual([
      ['KEY', 'web', null],
      ['CONFIDENTIAL', null, null],
    ]);
  });
});
