/**
 * The public statistics page's data on the server: the agency's page frame, the year asked
 * for (`?tahun=`, the only input: four digits or nothing), and its statistics from the API.
 * A year the API refuses (before 2000, not begun) or one that is not a year is a problem shown
 * in the page's language with a way back, never a 500 and never an empty chart.
 */
import { PublicStatisticsDocument } from '../graphql/documents.server';
import type { PublicStatistics } from '../statistics/statistics-tables';
import { ApiError } from './api-client.server';
import { toPageError } from './page-errors.server';
import { callApi, type ReporterCall } from './reporter.server';

export type YearProblem = { reason: 'INVALID_DATE' | 'RANGE_IN_FUTURE'; year: string };

/** The `tahun` parameter: undefined when absent (the current year), or a problem. */
export function readYear(url: URL): { year: number | undefined } | { problem: YearProblem } {
  const raw = url.searchParams.get('tahun');
  if (raw === null || raw === '') return { year: undefined };
  // Shown back to the reader (escaped by React); kept short.
  if (!/^\d{4}$/.test(raw)) return { problem: { reason: 'INVALID_DATE', year: raw.slice(0, 12) } };
  return { year: Number(raw) };
}

export async function getPublicStatistics(call: ReporterCall, year: number | undefined): Promise<{ statistics: PublicStatistics } | { problem: YearProblem }> {
  try {
    const { publicStatistics } = await callApi(call, PublicStatisticsDocument, { year });
    return { statistics: publicStatistics };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') {
      const reason = error.reason === 'RANGE_IN_FUTURE' ? 'RANGE_IN_FUTURE' : 'INVALID_DATE';
      return { problem: { reason, year: String(year ?? '') } };
    }
    throw toPageError(error);
  }
}
