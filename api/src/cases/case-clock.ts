/**
 * What a lifecycle transition does to a case's SLA columns: the running stage's clock
 * (sla/stage-clock.ts) and the reporter-facing stage deadlines on the case, and the SLA
 * sweep's timers in `case_sla` (sla/case-sla.ts): the next reminder, the deadline the
 * sweep escalates after, and the silence timers of a case waiting for the reporter. Pure:
 * the caller loads the case and writes the result (case-workflow.service.ts).
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { CaseTypeConfig } from '../config/tenant-config.service.ts';
import { NO_TIMERS, runningTimers, type SlaTimers } from '../sla/case-sla.ts';
import { findStage, NO_STAGE, pauseStage, reminderDueAt, resumeStage, startStage, type StageClock, type StoredPause } from '../sla/stage-clock.ts';
import { addWorkingDays, projectStageDeadlines, type WorkingCalendar } from '../sla/working-days.ts';
import type { CaseStatus, PlannedTransition } from './case-lifecycle.ts';

/** Working days before an automatic closure on which the reporter is warned. */
export const SILENCE_NOTICE_WORKING_DAYS = 2;

export interface ClockRow {
  status: CaseStatus;
  stageKey: string | null;
  stageStartedAt: Date | null;
  stageDeadline: Date | null;
  stageProvisional: boolean;
  stagePauses: unknown;
  deadlines: unknown;
}

interface StoredDeadline {
  key: string;
  name: unknown;
  workingDays: number;
  deadline: string;
  provisional: boolean;
}

function clockOf(row: ClockRow): StageClock {
  return {
    stageKey: row.stageKey,
    stageStartedAt: row.stageStartedAt,
    stageDeadline: row.stageDeadline,
    stageProvisional: row.stageProvisional,
    stagePauses: (Array.isArray(row.stagePauses) ? row.stagePauses : []) as StoredPause[],
    // Not read by any transition: pausing clears it, resuming and starting a stage compute it.
    nextReminderAt: null,
  };
}

/** The clock's columns on the case (its next reminder is a timer, in case_sla). */
export function clockColumns(clock: StageClock) {
  const { nextReminderAt: _timer, ...columns } = clock;
  return { ...columns, stagePauses: clock.stagePauses as unknown as Prisma.InputJsonValue };
}

/**
 * The reporter's stage deadlines with the running stage's real deadline, and the stages
 * after it projected from there.
 */
function reproject(row: ClockRow, clock: StageClock, caseType: CaseTypeConfig, calendar: WorkingCalendar): StoredDeadline[] | null {
  const stages = caseType.slaPolicy?.stages ?? [];
  const stored = (Array.isArray(row.deadlines) ? row.deadlines : []) as StoredDeadline[];
  const index = stages.findIndex((stage) => stage.key === clock.stageKey);
  if (index < 0 || !clock.stageDeadline) return null;
  const later = projectStageDeadlines(
    clock.stageDeadline,
    stages.slice(index + 1).map((stage) => ({ key: stage.key, workingDays: stage.workingDays })),
    calendar,
  );
  const updated = new Map<string, { deadline: Date; provisional: boolean }>([
    [clock.stageKey!, { deadline: clock.stageDeadline, provisional: clock.stageProvisional }],
    ...later.map((item) => [item.key, { deadline: item.deadline, provisional: item.provisional || clock.stageProvisional }] as const),
  ]);
  return stages.map((stage) => {
    const previous = stored.find((item) => item.key === stage.key);
    const next = updated.get(stage.key);
    return {
      key: stage.key,
      name: stage.name,
      workingDays: stage.workingDays,
      deadline: next ? next.deadline.toISOString() : (previous?.deadline ?? ''),
      provisional: next ? next.provisional : (previous?.provisional ?? false),
    };
  });
}

export interface ClockUpdate {
  /** The case's columns. */
  case: Prisma.CaseUpdateInput;
  /** The sweep's timers, or null when the transition leaves them as they are. */
  timers: SlaTimers | null;
}

/** What to write for a planned transition at `now`. */
export function clockUpdate(row: ClockRow, plan: PlannedTransition, caseType: CaseTypeConfig, calendar: WorkingCalendar, now: Date): ClockUpdate {
  const stages = caseType.slaPolicy?.stages ?? [];
  const current = clockOf(row);
  const closed = plan.to === 'CLOSED' || plan.to === 'REJECTED' || plan.to === 'TRANSFERRED';
  const base: Prisma.CaseUpdateInput = { status: plan.to, ...(closed ? { closedAt: now } : {}) };
  const withDeadlines = (clock: StageClock): Prisma.CaseUpdateInput => {
    const deadlines = reproject(row, clock, caseType, calendar);
    return { ...base, ...clockColumns(clock), ...(deadlines ? { deadlines: deadlines as unknown as Prisma.InputJsonValue } : {}) };
  };
  switch (plan.clock) {
    case 'keep':
      return { case: base, timers: null };
    case 'pause': {
      const silenceDays = caseType.slaPolicy?.silenceClosureWorkingDays ?? null;
      const closeAt = silenceDays ? addWorkingDays(now, silenceDays, calendar).deadline : null;
      return {
        case: { ...base, ...clockColumns(pauseStage(current, now)), waitingSince: now, resumeStatus: plan.from },
        // No reminders and no escalation while the clock stands still.
        timers: {
          ...NO_TIMERS,
          silenceCloseAt: closeAt,
          silenceNoticeAt: closeAt ? reminderDueAt(closeAt, SILENCE_NOTICE_WORKING_DAYS, now, calendar) : null,
        },
      };
    }
    case 'resume': {
      const stage = findStage(stages, current.stageKey);
      const clock = stage ? resumeStage(current, stage, now, calendar) : current;
      return { case: { ...withDeadlines(clock), waitingSince: null, resumeStatus: null }, timers: runningTimers(clock) };
    }
    case 'next-stage': {
      const index = stages.findIndex((stage) => stage.key === current.stageKey);
      const next = index >= 0 ? stages[index + 1] : undefined;
      if (!next) return { case: base, timers: null }; // A policy with one stage runs it from receipt to the answer.
      const clock = startStage(next, now, calendar);
      return { case: withDeadlines(clock), timers: runningTimers(clock) };
    }
    case 'end':
      return { case: { ...base, ...clockColumns(NO_STAGE), waitingSince: null, resumeStatus: null }, timers: NO_TIMERS };
  }
}
