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
