/**
 * Registration numbers: PREFIX-YEAR-NNNNNN, sequential per tenant and year. The counter
 * row (`registration_counter`) is incremented under its row lock by the statement that
 * files the report (`SUBMIT_REPORT` in report-submission.service.ts): concurrent submits
 * queue on it, and a submit that fails rolls its number back with it, so there are no gaps
 * and no duplicates. Being one statement, the lock is held only while the server runs it
 * and commits, never across a round trip to the API.
 */

/** What the submit statement's SQL computes (`lpad` to at least six digits). */
export function formatRegistrationNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

export const REGISTRATION_NUMBER_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{6,}$/;
