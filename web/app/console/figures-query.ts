/**
 * The dashboard's range and filters live in the address (a GET form): `dari`, `sampai`
 * (YYYY-MM-DD), `jenis` (a case type key, agency dashboards), `instansi` (an agency slug, the
 * secretariat's drill-down). Malformed values are passed to the API as they are, so it says
 * what is wrong with them (a range is the API's to judge: figure-filter.ts).
 */
export const FIGURES_PARAMS = { from: 'dari', to: 'sampai', caseType: 'jenis', agency: 'instansi' } as const;

export interface FiguresQuery {
  from: string;
  to: string;
  caseType: string;
  agency: string;
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;

/** This month up to today, in the agency's time zone. */
export function defaultFigureRange(timeZone: string, now = new Date()): { from: string; to: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

export function parseFiguresQuery(url: URL, range: { from: string; to: string }): FiguresQuery {
  const get = (name: string) => (url.searchParams.get(name) ?? '').trim().slice(0, 32);
  const key = (name: string) => (KEY.test(get(name)) ? get(name) : '');
  return {
    from: get(FIGURES_PARAMS.from) || range.from,
    to: get(FIGURES_PARAMS.to) || range.to,
    caseType: key(FIGURES_PARAMS.caseType),
    agency: key(FIGURES_PARAMS.agency),
  };
}

/** The address of the dashboard with this query (only what is set). */
export function createFiguresSearch(query: FiguresQuery): string {
  const params = new URLSearchParams();
  params.set(FIGURES_PARAMS.from, query.from);
  params.set(FIGURES_PARAMS.to, query.to);
  if (query.caseType) params.set(FIGURES_PARAMS.caseType, query.caseType);
  if (query.agency) params.set(FIGURES_PARAMS.agency, query.agency);
  return `?${params.toString()}`;
}
