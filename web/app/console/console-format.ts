/** The console's small judgements: how late a case is (and, from formats.ts, dates for its tables). */
import type { CurrentStage } from '../graphql/results';

export type DeadlineState = 'onTime' | 'dueSoon' | 'overdue' | 'paused' | 'none';

/**
 * The state of the running stage's deadline, as the API decides it (overdue, due soon in
 * working days, paused: api/src/sla/deadline-state.ts); the web only picks the badge.
 */
export function findDeadlineState(stage: Pick<CurrentStage, 'overdue' | 'dueSoon' | 'paused'> | null): DeadlineState {
  if (!stage) return 'none';
  if (stage.paused) return 'paused';
  if (stage.overdue) return 'overdue';
  return stage.dueSoon ? 'dueSoon' : 'onTime';
}

/** Console dates are written by the one formatting home of the web (reporting/formats.ts). */
export { formatShortDateTime } from '../reporting/formats';
