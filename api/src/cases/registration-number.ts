/**
 * Registration numbers: PREFIX-YEAR-NNNNNN, sequential per tenant and year. The counter
 * row is incremented under its row lock inside the submitting transaction: concurrent
 * submits queue on it, and a rolled-back submit rolls the number back, so there are no
 * gaps and no duplicates. The lock is held until commit, so the number is taken last:
 * the case is first written with a provisional number (`pendingRegistrationNumber`) and
 * gets its real one in the final statement before commit.
 */
import type { Prisma } from '../generated/prisma/client.ts';

export async function takeRegistrationNumber(
  tx: Prisma.TransactionClient,
  tenant: { id: string; registrationPrefix: string },
  year: number,
): Promise<{ registrationNumber: string; sequence: number }> {
  const rows = await tx.$queryRaw<{ last_sequence: number }[]>`
    INSERT INTO registration_counter (tenant_id, year, last_sequence)
    VALUES (${tenant.id}::uuid, ${year}, 1)
    ON CONFLICT (tenant_id, year) DO UPDATE SET last_sequence = registration_counter.last_sequence + 1
    RETURNING last_sequence`;
  const sequence = Number(rows[0]!.last_sequence);
  return { registrationNumber: formatRegistrationNumber(tenant.registrationPrefix, year, sequence), sequence };
}

/** Unique placeholder until the real number is taken in the same transaction; never visible outside it. */
export function pendingRegistrationNumber(caseId: string): string {
  return `PENDING-${caseId}`;
}

/**
 * Takes the next number and writes it on the case in one statement (one round trip while
 * the counter's row is locked). The SQL pads like `formatRegistrationNumber`.
 */
export async function assignRegistrationNumber(
  tx: Prisma.TransactionClient,
  tenant: { id: string; registrationPrefix: string },
  caseId: string,
  year: number,
): Promise<string> {
  const rows = await tx.$queryRaw<{ registration_number: string }[]>`
    WITH counter AS (
      INSERT INTO registration_counter (tenant_id, year, last_sequence)
      VALUES (${tenant.id}::uuid, ${year}::int, 1)
      ON CONFLICT (tenant_id, year) DO UPDATE SET last_sequence = registration_counter.last_sequence + 1
      RETURNING last_sequence
    )
    UPDATE "case"
    SET registration_number = ${tenant.registrationPrefix}::text || '-' || ${String(year)}::text || '-'
          || lpad(counter.last_sequence::text, greatest(6, length(counter.last_sequence::text)), '0'),
        sequence = counter.last_sequence
    FROM counter
    WHERE "case".id = ${caseId}::uuid
    RETURNING "case".registration_number`;
  if (rows.length !== 1) throw new Error(`case ${caseId} is not in this transaction`);
  return rows[0]!.registration_number;
}

export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REGISTRATION_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;
