/**
 * What a lifecycle transition does to a case's SLA columns: the running stage's clock
 * (sla/stage-clock.ts), the reporter-facing stage deadlines, and the silence timers of a
 * case waiting for the reporter. Pure: the caller loads the case and writes the result.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { CaseTypeConfig } from '../config/tenant-config.service.ts';
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
  nextReminderAt: Date | null;
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
    nextReminderAt: row.nextReminderAt,
  };
}

function clockColumns(clock: StageClock): Prisma.CaseUpdateInput {
  return { ...clock, stagePauses: clock.stagePauses as unknown as Prisma.InputJsonValue };
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

/** The case columns to write for a planned transition at `now`. */
export function clockUpdate(
  row: ClockRow,
  plan: PlannedTransition,
  caseType: CaseTypeConfig,
  calendar: WorkingCalendar,
  now: Date,
): Prisma.CaseUpdateInput {
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
      return base;
    case 'pause': {
      const silenceDays = caseType.slaPolicy?.silenceClosureWorkingDays ?? null;
      const closeAt = silenceDays ? addWorkingDays(now, silenceDays, calendar).deadline : null;
      return {
        ...base,
        ...clockColumns(pauseStage(current, now)),
        waitingSince: now,
        resumeStatus: plan.from,
        silenceCloseAt: closeAt,
        silenceNoticeAt: closeAt ? reminderDueAt(closeAt, SILENCE_NOTICE_WORKING_DAYS, now, calendar) : null,
      };
    }
    case 'resume': {
      const stage = findStage(stages, current.stageKey);
      const clock = stage ? resumeStage(current, stage, now, calendar) : current;
      return { ...withDeadlines(clock), waitingSince: null, resumeStatus: null, silenceCloseAt: null, silenceNoticeAt: null };
    }
    case 'next-stage': {
      const index = stages.findIndex((stage) => stage.key === current.stageKey);
      const next = index >= 0 ? stages[index + 1] : undefined;
      // A policy with one stage runs it from receipt to the answer.
      return next ? withDeadlines(startStage(next, now, calendar)) : base;
    }
    case 'end':
      return { ...base, ...clockColumns(NO_STAGE), waitingSince: null, resumeStatus: null, silenceCloseAt: null, silenceNoticeAt: null };
  }
}
