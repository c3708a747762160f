/**
 * The inbox's number search on a real database (PGlite; PostgreSQL when DATABASE_URL is set):
 * `registrationNumberSearch` finds exactly the numbers that start with what was typed, with
 * or without the agency's prefix, or whose sequence starts with the digits typed; checked
 * against that rule written plainly over the stored numbers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import type { Database } from '../db.ts';
import { formatRegistrationNumber, registrationNumberSearch } from './registration-number.ts';

let database: TestDatabase;
let db: Database;
const numbers: { number: string; prefix: string; year: number; sequence: number }[] = [];
const NOW = new Date('2026-11-23T08:00:00Z');

/** The rule, written over the text: what the search must find. */
function expected(search: string): string[] {
  const typed = search.trim().toUpperCase();
  return numbers
    .filter(({ number, prefix, year }) => {
      const tail = number.slice(prefix.length + 1);
      const digits = number.slice(prefix.length + 1 + String(year).length + 1);
      return typed !== '' && (number.startsWith(typed) || tail.startsWith(typed) || (/^\d+$/.test(typed) && digits.startsWith(typed)));
    })
    .map(({ number }) => number)
    .sort();
}

async function found(search: string): Promise<string[]> {
  const rows = await db.prisma.case.findMany({
    where: { AND: [{ registrationNumber: { startsWith: 'T' } }, registrationNumberSearch(search, NOW)] },
    select: { registrationNumber: true },
  });
  return rows.map((row) => row.registrationNumber).sort();
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  const tenants = await db.prisma.tenant.findMany({ orderBy: { slug: 'asc' }, take: 2 });
  const caseType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: tenants[0]!.id } });
  // Test agencies' own prefixes, so the rows stay apart from anything else in the database.
  const agencies = [
    { tenant: tenants[0]!, prefix: 'TKB' },
    { tenant: tenants[1]!, prefix: 'TKBX' },
  ];
  for (const { tenant, prefix } of agencies) {
    await db.prisma.tenant.update({ where: { id: tenant.id }, data: { registrationPrefix: prefix } });
    for (const year of [2025, 2026]) {
      for (const sequence of [1, 12, 120, 123, 1200, 1234, 1299, 2026, 12000, 120000, 123456, 999999, 1000000, 1234567]) {
        const number = formatRegistrationNumber(prefix, year, sequence);
        numbers.push({ number, prefix, year, sequence });
        await db.prisma.case.create({
          data: {
            id: randomUUID(),
            tenantId: tenant.id,
            registrationNumber: number,
            year,
            sequence,
            caseTypeId: caseType.id,
            identityMode: 'ANONYMOUS',
            identityProtection: 'NONE',
            trackingCodeHash: number,
            title: 'Uji nomor',
            answers: {},
            locale: 'id',
            receivedAt: NOW,
            deadlines: [],
          },
        });
      }
    }
  }
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the inbox number search', () => {
  const searches = [
    // whole numbers, any case, with spaces around
    'TKB-2026-000123',
    ' tkb-2025-1234567 ',
    'TKB-2026-000124',
    // with the agency's prefix
    'T',
    'TK',
    'TKB',
    'TKB-',
    'TKBX',
    'TKBX-2',
    'TKB-20',
    'TKB-202',
    'TKB-2026',
    'TKB-2026-',
    'TKB-2026-0',
    'TKB-2026-0012',
    'TKB-2026-00012',
    'TKB-2026-1',
    'TKB-2026-12',
    'TKB-2026-12345',
    'TKB-2026-123456',
    'TKB-2026-1234567',
    'TKB-2026-12345678',
    // without it: the year and the sequence, or the sequence alone
    '2',
    '20',
    '202',
    '2026',
    '2026-',
    '2026-0',
    '2026-0012',
    '2026-12',
    '2025-1234567',
    '0',
    '00',
    '0012',
    '1',
    '12',
    '000123',
    '00012',
    '12345',
    '123456',
    '1234567',
    '12345678',
    '0000001',
    '999999',
    // not the beginning of any number
    '',
    '-',
    '-2026',
    '20-001',
    'TKB2026',
    'TKB-20261',
    'TKB-2026-0012-',
    'KB-2026',
    'TKB 2026',
    '2026-00%',
    'TKB-2026-A',
    '1234567890123',
  ];
  for (const search of searches) {
    it(`finds what starts with ${JSON.stringify(search)}`, async () => {
      expect(await found(search)).toEqual(expected(search));
    });
  }

  it('finds something for most of the searches above (the rule is not trivially empty)', () => {
    expect(searches.filter((search) => expected(search).length > 0).length).toBeGreaterThan(35);
  });
});
