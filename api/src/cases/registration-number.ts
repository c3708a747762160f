/**
 * Registration numbers: PREFIX-YEAR-NNNNNN, sequential per tenant and year. The counter
 * row is incremented under its row lock inside the submitting transaction: concurrent
 * submits queue on it, and a rolled-back submit rolls the number back, so there are no
 * gaps and no duplicates.
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

export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REGISTRATION_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;
