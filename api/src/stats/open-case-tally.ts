/**
 * The open-case tallies' upkeep (migration 20261205100000_open_case_tally, ADR 0036): the
 * database appends a +1/-1 change for every change of an open case's counted facts in the
 * case's own transaction; this fold moves the changes into the tallies, so a reader sums a
 * small table. The counts are right without it (readers add the changes not yet folded): the
 * fold only keeps the change log short. Safe to run anywhere, any time, from any instance.
 */
import type { SqlRunner } from '../db.ts';

/** Folds the changes written so far; returns how many it moved. */
export async function foldOpenCaseChanges(sql: Pick<SqlRunner, 'query'>): Promise<number> {
  const [row] = await sql.query<{ moved: number }>('SELECT aduan_fold_open_case_changes() AS moved');
  return Number(row?.moved ?? 0);
}

/**
 * Counts the open cases again from the cases themselves (after data was written with the
 * triggers off); returns how many are open. Needs the migrating role (ops), not the API's.
 */
export async function recountOpenCases(sql: Pick<SqlRunner, 'query'>): Promise<number> {
  const [row] = await sql.query<{ open: number }>('SELECT aduan_recount_open_cases() AS open');
  return Number(row?.open ?? 0);
}
