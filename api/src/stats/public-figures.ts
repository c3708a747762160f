/**
 * What the public may see of one agency's figures (docs/statistics.md, "Public figures"):
 * the rule of 5 and the confidential rule, applied to a FigureSummary. Pure: no I/O.
 *
 * - A count of 1 to 4 is not shown (`suppressed`); 0 is shown, it identifies nobody.
 * - A time figure (median, 90th percentile) of fewer than 5 cases is not shown at all.
 * - Confidential case types count in the total, the months, the statuses and the time figures,
 *   but the breakdowns by case type, category (violation type) and channel show only the other
 *   types and one row of the confidential reports, not broken down.
 * - The share answered within the service standard needs 5 answered cases with a standard, and
 *   is hidden when it would tell a count of 1 to 4 (within, or outside, the standard).
 * - Every breakdown adds up to the total the page shows, so one hidden cell could be worked out
 *   by subtraction: a breakdown hides more cells (the smallest shown ones) until the hidden ones
 *   cannot be told apart. The ANSWERED status is given away by the answered total, so it is
 *   hidden to cover another status only as a last resort. The confidential row is one number in three breakdowns: hidden in one,
 *   it is hidden in all three.
 */
import type { BreakdownDimension, BreakdownRow, FigureSummary, TimeFigure } from './figures.service.ts';

/** The smallest number of cases a public figure may be made of. */
export const PUBLIC_MINIMUM_CASES = 5;

export interface PublicCount {
  /** null when suppressed. */
  value: number | null;
  /** A count of 1 to 4 (or one that would let such a count be worked out): shown as "< 5". */
  suppressed: boolean;
}

export interface PublicTimeFigure {
  /** The cases behind the figure (suppressed under 5). */
  cases: PublicCount;
  /** False when fewer than 5 cases are behind it: then every duration is null. */
  shown: boolean;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
}

export interface PublicShare {
  /** within / answered with a standard, 0..1; null when not shown. */
  share: number | null;
  /** The answered cases with a standard behind the share. */
  cases: PublicCount;
  shown: boolean;
}

export type PublicRowKind = 'KEY' | 'NONE' | 'CONFIDENTIAL';

export interface PublicRow {
  /** KEY: `key` is the case type, category or channel id, or the status; NONE: none recorded; CONFIDENTIAL: the confidential reports' row. */
  kind: PublicRowKind;
  key: string | null;
  received: PublicCount;
}

export interface PublicMonth {
  /** 'YYYY-MM'. */
  month: string;
  received: PublicCount;
}

export interface PublicFigures {
  received: PublicCount;
  answered: PublicCount;
  firstResponse: PublicTimeFigure;
  resolution: PublicTimeFigure;
  withinStandard: PublicShare;
  months: PublicMonth[];
  byCaseType: PublicRow[];
  byCategory: PublicRow[];
  byChannel: PublicRow[];
  byStatus: PublicRow[];
}

const tooFew = (count: number) => count > 0 && count < PUBLIC_MINIMUM_CASES;

function count(value: number, hidden = tooFew(value)): PublicCount {
  return hidden ? { value: null, suppressed: true } : { value, suppressed: false };
}

function timeFigure(figure: TimeFigure): PublicTimeFigure {
  const shown = figure.cases >= PUBLIC_MINIMUM_CASES;
  return {
    cases: count(figure.cases),
    shown,
    medianWorkingDays: shown ? figure.medianWorkingDays : null,
    p90WorkingDays: shown ? figure.p90WorkingDays : null,
    medianDays: shown ? figure.medianDays : null,
    p90Days: shown ? figure.p90Days : null,
  };
}

function withinStandard(within: number, answered: number): PublicShare {
  const shown = answered >= PUBLIC_MINIMUM_CASES && !tooFew(within) && !tooFew(answered - within);
  return { share: shown ? within / answered : null, cases: count(answered), shown };
}

interface Cell {
  kind: PublicRowKind;
  key: string | null;
  value: number;
}

/**
 * Which cells of a breakdown to hide, given the ones that must be (`forced`): every count of 1
 * to 4, then, while the hidden cells could be worked out from the shown total (one hidden cell;
 * or all of them 1, or all 4), the smallest shown non-zero cell too; cells in `lastResort` (whose
 * count another figure on the page gives away) only when no other cell is left.
 */
export function hiddenCells(values: readonly number[], forced: ReadonlySet<number> = new Set(), lastResort: ReadonlySet<number> = new Set()): Set<number> {
  const hidden = new Set<number>(forced);
  values.forEach((value, index) => {
    if (tooFew(value)) hidden.add(index);
  });
  const total = values.reduce((sum, value) => sum + value, 0);
  // A total under 5 is itself hidden, and so is every non-zero cell under it.
  if (total < PUBLIC_MINIMUM_CASES) return hidden;
  const determinable = () => {
    const sum = [...hidden].reduce((acc, index) => acc + values[index]!, 0);
    return hidden.size === 1 || sum === hidden.size || sum === hidden.size * (PUBLIC_MINIMUM_CASES - 1);
  };
  while (hidden.size > 0 && determinable()) {
    const candidates = values
      .map((value, index) => ({ value, index }))
      .filter(({ value, index }) => value > 0 && !hidden.has(index))
      .sort((a, b) => Number(lastResort.has(a.index)) - Number(lastResort.has(b.index)) || a.value - b.value || a.index - b.index);
    const next = candidates[0];
    if (!next) break;
    hidden.add(next.index);
  }
  return hidden;
}

function rowsOf(cells: readonly Cell[], hidden: ReadonlySet<number>): PublicRow[] {
  return cells.map((cell, index) => ({ kind: cell.kind, key: cell.key, received: count(cell.value, hidden.has(index)) }));
}

function cellsOf(rows: readonly BreakdownRow[], dimension: BreakdownDimension, isConfidential: (row: BreakdownRow) => boolean): Cell[] {
  const open = new Map<string | null, number>();
  let confidential = 0;
  for (const row of rows) {
    if (row.dimension !== dimension) continue;
    if (isConfidential(row)) confidential += row.received;
    else open.set(row.key, (open.get(row.key) ?? 0) + row.received);
  }
  const cells: Cell[] = [...open].map(([key, value]) => ({ kind: key === null ? 'NONE' : 'KEY', key, value }));
  // Ordered by key here; the schema orders by the agency's configuration.
  cells.sort((a, b) => Number(a.kind === 'NONE') - Number(b.kind === 'NONE') || String(a.key).localeCompare(String(b.key)));
  if (confidential > 0) cells.push({ kind: 'CONFIDENTIAL', key: null, value: confidential });
  return cells;
}

export interface PublicFiguresOptions {
  /** The months of the range, 'YYYY-MM', in order: every one is listed, 0 when no case came in it. */
  months: readonly string[];
  /** Case types the agency declares confidential now (a row written before a change says otherwise). */
  confidentialCaseTypeIds?: ReadonlySet<string>;
}

/** The public figures of agency `tenantId` in `summary`. */
export function toPublicFigures(summary: FigureSummary, tenantId: string, options: PublicFiguresOptions): PublicFigures {
  const agency = summary.agencies.find((item) => item.tenantId === tenantId);
  if (!agency) throw new Error('toPublicFigures: the summary does not hold this agency');
  const rows = summary.breakdowns.filter((row) => row.tenantId === tenantId);
  const confidentialTypes = options.confidentialCaseTypeIds ?? new Set<string>();

  // The three breakdowns that keep confidential types apart, with their shared row.
  const split: Record<'caseType' | 'category' | 'channel', Cell[]> = {
    caseType: cellsOf(rows, 'caseType', (row) => row.confidential || (row.key !== null && confidentialTypes.has(row.key))),
    category: cellsOf(rows, 'category', (row) => row.confidential),
    channel: cellsOf(rows, 'channel', (row) => row.confidential),
  };
  const sharedOf = (cells: Cell[]) => cells.findIndex((cell) => cell.kind === 'CONFIDENTIAL');
  let confidentialHidden = false;
  let hidden: Record<keyof typeof split, Set<number>>;
  // Twice at most: hiding the confidential row in one breakdown hides it in the others.
  for (;;) {
    const hide = (cells: Cell[]) => {
      const shared = sharedOf(cells);
      return hiddenCells(
        cells.map((cell) => cell.value),
        confidentialHidden && shared >= 0 ? new Set([shared]) : new Set(),
      );
    };
    hidden = { caseType: hide(split.caseType), category: hide(split.category), channel: hide(split.channel) };
    const anyHides = (Object.keys(split) as (keyof typeof split)[]).some((name) => hidden[name].has(sharedOf(split[name])));
    if (anyHides === confidentialHidden) break;
    confidentialHidden = true;
  }

  const statusCells = cellsOf(rows, 'status', () => false);
  const monthCounts = new Map(summary.months.filter((row) => row.tenantId === tenantId).map((row) => [row.month, row.received]));
  const monthValues = options.months.map((month) => monthCounts.get(month) ?? 0);
  const hiddenMonths = hiddenCells(monthValues);

  return {
    received: count(agency.received),
    answered: count(agency.answered),
    firstResponse: timeFigure(agency.firstResponse),
    resolution: timeFigure(agency.resolution),
    withinStandard: withinStandard(agency.withinStandard, agency.answeredWithStandard),
    months: options.months.map((month, index) => ({ month, received: count(monthValues[index]!, hiddenMonths.has(index)) })),
    byCaseType: rowsOf(split.caseType, hidden.caseType),
    byCategory: rowsOf(split.category, hidden.category),
    byChannel: rowsOf(split.channel, hidden.channel),
    // The answered cases are on the page (the answered total, the cases behind the time to answer):
    // hiding the ANSWERED status to cover another would hide nothing.
    byStatus: rowsOf(
      statusCells,
      hiddenCells(
        statusCells.map((cell) => cell.value),
        new Set(),
        new Set(statusCells.flatMap((cell, index) => (cell.key === 'ANSWERED' ? [index] : []))),
      ),
    ),
  };
}
