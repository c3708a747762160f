/**
 * Registration numbers: PREFIX-YEAR-NNNNNN, sequential per tenant and year. The counter
 * row (`registration_counter`) is incremented under its row lock by the statement that
 * files the report (`SUBMIT_REPORT` in report-submission.service.ts): concurrent submits
 * queue on it, and a submit that fails rolls its number back with it, so there are no gaps
 * and no duplicates. Being one statement, the lock is held only while the server runs it
 * and commits, never across a round trip to the API.
 */

import type { Prisma } from '../generated/prisma/client.ts';

/** What the submit statement's SQL computes (`lpad` to at least six digits). */
export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REGISTRATION_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;

/**
 * The next number for a case written by staff (a transfer, an offline intake), inside the
 * caller's transaction: the counter row stays locked until that transaction commits, so
 * call it last, just before the commit.
 */
export async function takeRegistrationNumber(
  tx: Prisma.TransactionClient,
  tenant: { id: string; registrationPrefix: string },
  year: number,
): Promise<{ registrationNumber: string; sequence: number }> {
  const rows = await tx.$queryRaw<{ last_sequence: number }[]>`
    INSERT INTO registration_counter (tenant_id, year, last_sequence)
    VALUES (${tenant.id}::uuid, ${year}::int, 1)
    ON CONFLICT (tenant_id, year) DO UPDATE SET last_sequence = registration_counter.last_sequence + 1
    RETURNING last_sequence`;
  const sequence = Number(rows[0]!.last_sequence);
  return { registrationNumber: formatRegistrationNumber(tenant.registrationPrefix, year, sequence), sequence };
}

/** The widest sequence a number's digits may spell (an Int column). */
const MAX_SEQUENCE = 2_147_483_647;

/** The integers whose decimal digits start with `digits` when written at least `width` wide, zero-padded. */
function digitPrefixRanges(digits: string, width: number, max: number): { gte: number; lte: number }[] {
  const ranges: { gte: number; lte: number }[] = [];
  const value = Number(digits);
  for (let length = Math.max(width, digits.length); length <= String(max).length; length += 1) {
    // Wider than `width`, a number has no leading zero.
    if (length > width && digits.startsWith('0')) break;
    const scale = 10 ** (length - digits.length);
    const lowest = length > width ? 10 ** (length - 1) : 0;
    const gte = Math.max(value * scale, lowest);
    const lte = Math.min((value + 1) * scale - 1, 10 ** length - 1, max);
    if (gte <= lte) ranges.push({ gte, lte });
  }
  return ranges;
}

/**
 * The inbox's number search: the numbers that start with what was typed (a whole number is
 * its own beginning), with or without the agency's prefix: `INSKB-2026-000123`,
 * `INSKB-2026-0012`, `INSKB-20`, `2026-0012`, `2026`, or the sequence alone (`000123`; four
 * digits or fewer may begin the year or the sequence). Anything else matches nothing.
 *
 * Written on the number's parts (the agency's prefix, the year, the sequence) rather than as
 * LIKE on the text: the inbox runs under row-level security, where only leakproof operators
 * (equality and order of integers and text, not LIKE) may use an index ahead of the policy,
 * so these are answered by the unique index on (tenant_id, year, sequence), not by reading
 * the agency's cases (ops/bench/results/inbox.md).
 */
export function registrationNumberSearch(search: string, now: Date): Prisma.CaseWhereInput {
  const text = search.trim().toUpperCase();
  const parts = /^(?:([A-Z]{1,6})(-?))?(?:(\d{1,4})(-?))?(\d*)$/.exec(text);
  const nothing: Prisma.CaseWhereInput = { id: { in: [] } };
  if (!parts || text === '') return nothing;
  const [, letters, afterLetters, year, afterYear, sequence] = parts as unknown as [string, string | undefined, string, string | undefined, string, string];
  // A part only follows a whole one: INSKB-2026-00 begins a number, INS2026, 20-001 and INSKB-20261 do not.
  if (letters && !afterLetters && (year || sequence)) return nothing;
  if (year && year.length < 4 && (afterYear || sequence)) return nothing;
  if (letters && year && !afterYear && sequence) return nothing;
  const and: Prisma.CaseWhereInput[] = [];
  if (letters) and.push({ tenant: { registrationPrefix: afterLetters ? letters : { startsWith: letters } } });
  const years = (digits: string): Prisma.IntFilter<'Case'> | number => {
    if (digits.length === 4) return Number(digits);
    const [range] = digitPrefixRanges(digits, 4, 9999);
    return range!;
  };
  const sequences = (digits: string): Prisma.CaseWhereInput => {
    const ranges = digitPrefixRanges(digits, 6, MAX_SEQUENCE);
    return ranges.length === 0 ? nothing : { OR: ranges.map((range) => ({ sequence: range })) };
  };
  // The years a number may carry (the platform's first to next year): read year by year, the
  // index serves a sequence without a year; and digits that begin no such year begin a sequence.
  const firstYear = 2000;
  const lastYear = now.getUTCFullYear() + 1;
  const everyYear = Array.from({ length: lastYear + 1 - firstYear }, (_, index) => firstYear + index);
  if (year && (afterYear || letters)) {
    and.push({ year: years(year) });
    if (sequence) and.push(sequences(sequence));
  } else if (year) {
    // Digits alone: four or fewer begin the year or the sequence; more begin the sequence.
    const digits = year + sequence;
    const bySequence: Prisma.CaseWhereInput = { AND: [{ year: { in: everyYear } }, sequences(digits)] };
    const [yearRange] = digits.length <= 4 ? digitPrefixRanges(digits, 4, 9999) : [];
    const possibleYear = yearRange && yearRange.lte >= firstYear && yearRange.gte <= lastYear;
    and.push(possibleYear ? { OR: [{ year: { gte: Math.max(yearRange.gte, firstYear), lte: Math.min(yearRange.lte, lastYear) } }, bySequence] } : bySequence);
  }
  if (and.length === 0) return nothing;
  return and.length === 1 ? and[0]! : { AND: and };
}
