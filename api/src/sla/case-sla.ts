/**
 * A case's SLA timers: the instants at which each pass of the SLA sweep is next due for it,
 * stored in `case_sla` beside the case (ADR 0011). Derived from the case's stage clock
 * (stage-clock.ts) and its waiting state; whoever writes those writes these in the same
 * transaction (case-clock.ts says which, for each lifecycle transition). The escalation
 * itself (`escalated_at`, `escalation_source`) lives in the same row and is written only by
 * the sweep and by the reporter's escalation.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { StageClock } from './stage-clock.ts';

export interface SlaTimers {
  /** The running stage's deadline while its clock runs: the overdue pass escalates after it. */
  overdueAt: Date | null;
  nextReminderAt: Date | null;
  silenceNoticeAt: Date | null;
  silenceCloseAt: Date | null;
}

export const NO_TIMERS: SlaTimers = { overdueAt: null, nextReminderAt: null, silenceNoticeAt: null, silenceCloseAt: null };

/** The timers of a stage whose clock runs (not waiting for the reporter). */
export function runningTimers(clock: Pick<StageClock, 'stageKey' | 'stageDeadline' | 'nextReminderAt'>): SlaTimers {
  if (!clock.stageKey) return NO_TIMERS;
  return { overdueAt: clock.stageDeadline, nextReminderAt: clock.nextReminderAt, silenceNoticeAt: null, silenceCloseAt: null };
}

/** What a case without a `case_sla` row reads as: no timers, not escalated. */
export interface CaseSlaState {
  escalatedAt: Date | null;
  escalationSource: 'SLA_SWEEP' | 'REPORTER' | null;
  silenceCloseAt: Date | null;
}

export function slaStateOf(row: Partial<CaseSlaState> | null | undefined): CaseSlaState {
  return { escalatedAt: row?.escalatedAt ?? null, escalationSource: row?.escalationSource ?? null, silenceCloseAt: row?.silenceCloseAt ?? null };
}

/**
 * Writes a case's timers (the row is created when missing; the escalation is left as it
 * is). Call it before the guarded write of the case: its row lock is what the sweep skips
 * (`FOR UPDATE SKIP LOCKED`), so a transition and a sweep never act on the same case at once.
 */
export async function updateSlaTimers(
  tx: { caseSla: Pick<Prisma.TransactionClient['caseSla'], 'upsert'> },
  row: { id: string; tenantId: string; receivedAt: Date },
  timers: SlaTimers,
): Promise<void> {
  await tx.caseSla.upsert({
    where: { caseId: row.id },
    create: { caseId: row.id, tenantId: row.tenantId, receivedAt: row.receivedAt, ...timers },
    update: timers,
  });
}
