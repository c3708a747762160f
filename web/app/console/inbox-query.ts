/**
 * The inbox's filters live in the address (a GET form), so a filtered list can be
 * bookmarked, shared with a colleague and reloaded. Unknown or malformed values are dropped.
 */
import { valuesOf } from '../graphql/enum-values';
import { CasePriority, CaseStatus, type ConsoleInboxQueryVariables, type InboxFilter } from '../graphql/generated/graphql';

export const INBOX_PAGE_SIZE = 25;

/** The query parameter of each filter (Indonesian, as the address bar shows them). */
export const INBOX_PARAMS = {
  status: 'status',
  caseType: 'jenis',
  category: 'kategori',
  channel: 'kanal',
  priority: 'prioritas',
  agency: 'instansi',
  overdue: 'terlambat',
  escalated: 'eskalasi',
  search: 'cari',
  after: 'setelah',
} as const;

export interface InboxQuery {
  status: CaseStatus | '';
  caseType: string;
  category: string;
  channel: string;
  priority: CasePriority | '';
  agency: string;
  overdue: boolean;
  escalated: boolean;
  search: string;
  after: string | null;
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const SEARCH = /^[A-Za-z0-9-]{1,40}$/;
const CURSOR = /^[A-Za-z0-9_=:.+/-]{1,200}$/;

function pick<Value extends string>(value: string | null, allowed: readonly Value[]): Value | '' {
  return value && (allowed as readonly string[]).includes(value) ? (value as Value) : '';
}

function keyOf(value: string | null): string {
  return value && KEY.test(value) ? value : '';
}

export function parseInboxQuery(url: URL): InboxQuery {
  const get = (name: string) => url.searchParams.get(name);
  const search = (get(INBOX_PARAMS.search) ?? '').trim().toUpperCase();
  const after = get(INBOX_PARAMS.after);
  return {
    status: pick(get(INBOX_PARAMS.status), valuesOf(CaseStatus)),
    caseType: keyOf(get(INBOX_PARAMS.caseType)),
    category: keyOf(get(INBOX_PARAMS.category)),
    channel: keyOf(get(INBOX_PARAMS.channel)),
    priority: pick(get(INBOX_PARAMS.priority), valuesOf(CasePriority)),
    agency: keyOf(get(INBOX_PARAMS.agency)),
    overdue: get(INBOX_PARAMS.overdue) === '1',
    escalated: get(INBOX_PARAMS.escalated) === '1',
    search: SEARCH.test(search) ? search : '',
    after: after && CURSOR.test(after) ? after : null,
  };
}

/** The API's filter for the query; null when nothing is filtered. */
export function toInboxVariables(query: InboxQuery): ConsoleInboxQueryVariables {
  const filter: InboxFilter = {};
  if (query.status) filter.statuses = [query.status];
  if (query.caseType) filter.caseTypeKeys = [query.caseType];
  if (query.category) filter.categoryKeys = [query.category];
  if (query.channel) filter.channelKeys = [query.channel];
  if (query.priority) filter.priorities = [query.priority];
  if (query.agency) filter.agencySlugs = [query.agency];
  if (query.overdue) filter.overdue = true;
  if (query.escalated) filter.escalated = true;
  if (query.search) filter.search = query.search;
  return { filter: Object.keys(filter).length > 0 ? filter : null, first: INBOX_PAGE_SIZE, after: query.after };
}

/** The address of the same filter, on another page (`after` null: the first page). */
export function createInboxSearch(query: InboxQuery, after: string | null): string {
  const params = new URLSearchParams();
  if (query.status) params.set(INBOX_PARAMS.status, query.status);
  if (query.caseType) params.set(INBOX_PARAMS.caseType, query.caseType);
  if (query.category) params.set(INBOX_PARAMS.category, query.category);
  if (query.channel) params.set(INBOX_PARAMS.channel, query.channel);
  if (query.priority) params.set(INBOX_PARAMS.priority, query.priority);
  if (query.agency) params.set(INBOX_PARAMS.agency, query.agency);
  if (query.overdue) params.set(INBOX_PARAMS.overdue, '1');
  if (query.escalated) params.set(INBOX_PARAMS.escalated, '1');
  if (query.search) params.set(INBOX_PARAMS.search, query.search);
  if (after) params.set(INBOX_PARAMS.after, after);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function isFiltered(query: InboxQuery): boolean {
  return toInboxVariables({ ...query, after: null }).filter !== null;
}
