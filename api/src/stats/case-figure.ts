/**
 * One case's figures from the case and its whole event log, by the definitions in
 * docs/statistics.md: receipt, first response, resolution, their durations in working and
 * calendar days (pauses for the reporter taken out of the working days), the outcome, the
 * service standard, and each finished SLA stage. Pure: no I/O; the figures pass
 * (figures-pass.service.ts) loads the inputs and writes the result.
 */
import { TRANSITIONS, type CaseStatus, type TransitionName } from '../cases/case-lifecycle.ts';
import { localDate, workingDaysBetween, type WorkingCalendar } from '../sla/working-days.ts';

export type FigureOutcome = 'OPEN' | 'ANSWERED' | 'REJECTED' | 'TRANSFERRED' | 'CLOSED_UNANSWERED';

export interface FigureCaseInput {
  id: string;
  tenantId: string;
  caseTypeId: string;
  categoryId: string | null;
  channelId: string | null;
  receivedAt: Date;
  status: CaseStatus;
  transferredFromId: string | null;
  /** The stored stage deadlines (case.deadlines): a finished stage's entry is its last real deadline. */
  deadlines: unknown;
}

export interface FigureEventInput {
  kind: string;
  actorKind: 'REPORTER' | 'STAFF' | 'SYSTEM';
  visibility: 'REPORTER' | 'INTERNAL';
  createdAt: Date;
  /** data.transition of a STATUS_CHANGED event. */
  transition: string | null;
}

export interface FigureCaseType {
  confidential: boolean;
  /** The SLA policy's stages in order; empty without a policy. */
  stages: readonly { key: string; workingDays: number }[];
}

export interface CaseFigureRow {
  caseId: string;
  tenantId: string;
  caseTypeId: string;
  categoryId: string | null;
  channelId: string | null;
  confidential: boolean;
  receivedAt: Date;
  /** The date of receipt in the agency's zone, as a UTC midnight (a SQL date). */
  receivedDate: Date;
  /** The first day of the month of receipt in the agency's zone, as a UTC midnight (a SQL date). */
  receivedMonth: Date;
  status: CaseStatus;
  outcome: FigureOutcome;
  firstResponseAt: Date | null;
  firstResponseWorkingDays: number | null;
  firstResponseDays: number | null;
  resolvedAt: Date | null;
  resolveWorkingDays: number | null;
  resolveDays: number | null;
  standardWorkingDays: number | null;
  withinStandard: boolean | null;
  escalated: boolean;
  transferredIn: boolean;
}

export interface StageFigureRow {
  caseId: string;
  stageKey: string;
  tenantId: string;
  caseTypeId: string;
  receivedAt: Date;
  /** The case's date of receipt in the agency's time zone (date ranges filter on it), as its figure's. */
  receivedDate: Date;
  startedAt: Date;
  deadline: Date;
  endedAt: Date;
  late: boolean;
}

const MS_PER_DAY = 86_400_000;

/** What staff tell the reporter: a status change (a question, a rejection, the answer...) or a message. */
const RESPONSE_KINDS: ReadonlySet<string> = new Set(['STATUS_CHANGED', 'MESSAGE']);

/** Elapsed calendar days, to 0.1 day. */
export function calendarDaysBetween(from: Date, to: Date): number {
  return Math.round(Math.max(0, to.getTime() - from.getTime()) / (MS_PER_DAY / 10)) / 10;
}

/** The first day of the local month of an instant, as a UTC midnight. */
export function monthOf(instant: Date, timeZone: string): Date {
  return new Date(`${localDate(instant, timeZone).slice(0, 7)}-01T00:00:00.000Z`);
}

function transitionOf(event: FigureEventInput): TransitionName | null {
  if (event.kind !== 'STATUS_CHANGED' || !event.transition) return null;
  return event.transition in TRANSITIONS ? (event.transition as TransitionName) : null;
}

function storedDeadline(deadlines: unknown, key: string): Date | null {
  if (!Array.isArray(deadlines)) return null;
  const entry = deadlines.find((item): item is { key: string; deadline: string } => typeof item === 'object' && item !== null && item.key === key);
  if (!entry?.deadline) return null;
  const at = new Date(entry.deadline);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Working days from `from` to `to` less the working days of the reporter's pauses in between. */
function workingDaysLessPauses(from: Date, to: Date, pauses: readonly { from: Date; to: Date }[], calendar: WorkingCalendar): number {
  let days = workingDaysBetween(from, to, calendar);
  for (const pause of pauses) {
    if (pause.from.getTime() >= to.getTime()) continue;
    const end = pause.to.getTime() < to.getTime() ? pause.to : to;
    days -= workingDaysBetween(pause.from, end, calendar);
  }
  return Math.max(0, days);
}

export function computeCaseFigure(
  input: { case: FigureCaseInput; events: readonly FigureEventInput[]; caseType: FigureCaseType },
  calendar: WorkingCalendar,
): { figure: CaseFigureRow; stages: StageFigureRow[] } {
  const { case: row, caseType } = input;
  const events = [...input.events].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const receivedAt = row.receivedAt;
  const receivedDate = new Date(`${localDate(receivedAt, calendar.timeZone)}T00:00:00.000Z`);

  let firstResponseAt: Date | null = null;
  let resolvedAt: Date | null = null;
  let outcome: FigureOutcome = 'OPEN';
  let escalated = false;
  const pauses: { from: Date; to: Date }[] = [];
  let pausedAt: Date | null = null;
  const stages: StageFigureRow[] = [];
  let stageIndex = caseType.stages.length > 0 ? 0 : -1;
  let stageStartedAt = receivedAt;

  const endStage = (at: Date) => {
    const stage = caseType.stages[stageIndex];
    if (!stage) return;
    const deadline = storedDeadline(row.deadlines, stage.key);
    // A stage without a recorded deadline is neither on time nor late: it is not counted.
    if (!deadline) return;
    stages.push({
      caseId: row.id,
      stageKey: stage.key,
      tenantId: row.tenantId,
      caseTypeId: row.caseTypeId,
      receivedAt,
      receivedDate,
      startedAt: stageStartedAt,
      deadline,
      endedAt: at,
      // A stage that ends while the case waits for the reporter (a closure for silence): the open
      // wait kept moving its deadline (the stored one is from before the wait), so it is late only
      // if it already was when the wait began.
      late: (pausedAt ?? at).getTime() > deadline.getTime(),
    });
  };

  for (const event of events) {
    if (event.kind === 'ESCALATED') escalated = true;
    if (!firstResponseAt && event.actorKind === 'STAFF' && event.visibility === 'REPORTER' && RESPONSE_KINDS.has(event.kind)) firstResponseAt = event.createdAt;
    const name = transitionOf(event);
    if (!name) continue;
    const rule = TRANSITIONS[name];
    if (rule.clock === 'pause' && !pausedAt) pausedAt = event.createdAt;
    if (rule.clock === 'resume' && pausedAt) {
      pauses.push({ from: pausedAt, to: event.createdAt });
      pausedAt = null;
    }
    if (rule.clock === 'next-stage' && stageIndex >= 0 && stageIndex + 1 < caseType.stages.length) {
      endStage(event.createdAt);
      stageIndex += 1;
      stageStartedAt = event.createdAt;
    }
    if (rule.clock === 'end' && stageIndex >= 0) {
      endStage(event.createdAt);
      stageIndex = -1;
    }
    if (name === 'APPROVE_ANSWER' && !resolvedAt) {
      resolvedAt = event.createdAt;
      outcome = 'ANSWERED';
    } else if (outcome === 'OPEN') {
      if (name === 'REJECT') outcome = 'REJECTED';
      else if (name === 'TRANSFER') outcome = 'TRANSFERRED';
      else if (name === 'CLOSE_FOR_SILENCE') outcome = 'CLOSED_UNANSWERED';
    }
  }

  const standardWorkingDays = caseType.stages.length > 0 ? caseType.stages.reduce((sum, stage) => sum + stage.workingDays, 0) : null;
  const resolveWorkingDays = resolvedAt ? workingDaysLessPauses(receivedAt, resolvedAt, pauses, calendar) : null;
  return {
    figure: {
      caseId: row.id,
      tenantId: row.tenantId,
      caseTypeId: row.caseTypeId,
      categoryId: row.categoryId,
      channelId: row.channelId,
      confidential: caseType.confidential,
      receivedAt,
      receivedDate,
      receivedMonth: monthOf(receivedAt, calendar.timeZone),
      status: row.status,
      outcome,
      firstResponseAt,
      firstResponseWorkingDays: firstResponseAt ? workingDaysLessPauses(receivedAt, firstResponseAt, pauses, calendar) : null,
      firstResponseDays: firstResponseAt ? calendarDaysBetween(receivedAt, firstResponseAt) : null,
      resolvedAt,
      resolveWorkingDays,
      resolveDays: resolvedAt ? calendarDaysBetween(receivedAt, resolvedAt) : null,
      standardWorkingDays,
      withinStandard: resolveWorkingDays !== null && standardWorkingDays !== null ? resolveWorkingDays <= standardWorkingDays : null,
      escalated,
      transferredIn: row.transferredFromId !== null,
    },
    stages,
  };
}
