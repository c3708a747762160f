import { describe, expect, it } from 'vitest';
import { createInboxSearch, parseInboxQuery, toInboxVariables } from './inbox-query';

describe('inbox query', () => {
  it('turns the address into the API filter, one value per filter', () => {
    const query = parseInboxQuery(new URL('http://x/t/a/konsol?status=NEEDS_INFO&jenis=complaint&prioritas=HIGH&terlambat=1&cari=ptk-2026&setelah=abc123'));
    expect(toInboxVariables(query)).toEqual({
      filter: { statuses: ['NEEDS_INFO'], caseTypeKeys: ['complaint'], priorities: ['HIGH'], overdue: true, search: 'PTK-2026' },
      first: 25,
      after: 'abc123',
    });
  });

  it('drops what is not a known value', () => {
    const query = parseInboxQuery(new URL('http://x/?status=DELETED&prioritas=low&jenis=%3Cscript%3E&cari=%27%20OR%201'));
    expect(toInboxVariables(query)).toEqual({ filter: null, first: 25, after: null });
  });

  it('keeps the filter on the next page', () => {
    const query = parseInboxQuery(new URL('http://x/?status=SUBMITTED&eskalasi=1'));
    expect(createInboxSearch(query, 'c2')).toBe('?status=SUBMITTED&eskalasi=1&setelah=c2');
    expect(createInboxSearch(parseInboxQuery(new URL('http://x/')), null)).toBe('');
  });
});
