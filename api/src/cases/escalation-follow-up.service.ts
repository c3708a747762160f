/**
 * The province's secretariat follows up an escalation (ADR 0028): acknowledges it, instructs
 * the agency with a deadline, records the outcome. Who may: the `oversee` rule of
 * auth/abilities.ts (the secretariat of the case's province, never on a restricted case or one
 * it is excluded from); which step when: escalation-follow-up.ts. Each step is one guarded
 * update of the case's `case_sla` row on the state it was read in (two secretariat members at
 * once: one succeeds, the other is refused), a case event (the reporter sees that the
 * escalation was received, instructed with a deadline, and its outcome with its note; the
 * instruction's text is the agency's alone), and for an instruction a notification for the
 * agency's case staff and head. The SLA sweep watches the instructed deadline
 * (jobs/sla-sweep.sql.ts INSTRUCTIONS_OVERDUE).
 */
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import type { Database } from '../db.ts';
import { AppError } from '../errors.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { AGENCY_NOTIFICATION_ROLES } from '../notify/staff-notifications.service.ts';
import { endOfLocalDay, localDate } from '../sla/working-days.ts';
import { OPEN_STATUSES } from './case-lifecycle.ts';
import {
  FOLLOW_UP_REFUSALS,
  findFollowUpRefusal,
  INSTRUCTION_DEADLINE_DAYS,
  type EscalationOutcome,
  type FollowUpRefusal,
  type FollowUpStep,
} from './escalation-follow-up.ts';

export const MAX_INSTRUCTION_LENGTH = 2000;
export const MAX_OUTCOME_NOTE_LENGTH = 2000;

const followUpColumns = {
  escalatedAt: true,
  escalationAcknowledgedAt: true,
  instructedAt: true,
  escalationConcludedAt: true,
  instructionDeadline: true,
} satisfies Prisma.CaseSlaSelect;

/** The case, if the viewer may follow up its escalation; NOT_FOUND otherwise (existence does not leak). */
async function loadOverseen(tx: ScopedTransaction, viewer: StaffViewer, caseId: string) {
  const row = await tx.case.findFirst({
    where: { AND: [casesWhere(viewer.ability, 'oversee'), { id: caseId }] },
    select: { id: true, tenantId: true, status: true, tenant: { select: { timeZone: true, provinceId: true } }, sla: { select: followUpColumns } },
  });
  if (!row) throw new AppError('NOT_FOUND', 'No such case.');
  return row;
}

function refuse(reason: FollowUpRefusal): never {
  throw new AppError('INVALID_TRANSITION', FOLLOW_UP_REFUSALS[reason], { reason });
}

function check(step: FollowUpStep, row: Awaited<ReturnType<typeof loadOverseen>>, now: Date, outcome?: EscalationOutcome): void {
  const refusal = findFollowUpRefusal(step, row.sla, row.status, now, outcome);
  if (refusal) refuse(refusal);
}

async function recordEvent(
  tx: ScopedTransaction,
  viewer: StaffViewer,
  row: { id: string; tenantId: string; status: Prisma.CaseEventCreateManyInput['status'] },
  event: { kind: 'ESCALATION_ACKNOWLEDGED' | 'ESCALATION_INSTRUCTED' | 'ESCALATION_CONCLUDED'; reason?: string | null; data: Prisma.InputJsonObject; at: Date },
): Promise<void> {
  await tx.caseEvent.create({
    data: {
      tenantId: row.tenantId,
      caseId: row.id,
      kind: event.kind,
      actorKind: 'STAFF',
      actorId: viewer.userId,
      // The reporter sees that the step was taken (never the instruction's text: the
      // reporter's timeline shows an event's kind and date only).
      visibility: 'REPORTER',
      status: row.status,
      reason: event.reason ?? null,
      data: event.data,
      createdAt: event.at,
    },
  });
}

export async function acknowledgeEscalation(db: Pick<Database, 'prisma'>, viewer: StaffViewer, input: { caseId: string; now?: Date }) {
  const now = input.now ?? new Date();
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadOverseen(tx, viewer, input.caseId);
    check('ACKNOWLEDGE', row, now);
    const written = await tx.caseSla.updateMany({
      where: { caseId: row.id, escalatedAt: { not: null }, escalationAcknowledgedAt: null },
      data: { escalationAcknowledgedAt: now },
    });
    if (written.count !== 1) refuse('ALREADY_ACKNOWLEDGED');
    await recordEvent(tx, viewer, row, { kind: 'ESCALATION_ACKNOWLEDGED', data: { provinceId: row.tenant.provinceId }, at: now });
    return { caseId: row.id };
  });
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The instructed deadline: the end of a local date in the agency's time zone, within the bounds. */
export function instructionDeadlineOf(date: string, now: Date, timeZone: string): Date {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) throw new AppError('BAD_USER_INPUT', 'The deadline must be a date (YYYY-MM-DD).', { field: 'deadline' });
  const days = dayNumber(date) - dayNumber(localDate(now, timeZone));
  if (days < INSTRUCTION_DEADLINE_DAYS.min || days > INSTRUCTION_DEADLINE_DAYS.max) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The deadline must be between ${INSTRUCTION_DEADLINE_DAYS.min} and ${INSTRUCTION_DEADLINE_DAYS.max} days from today.`,
      { field: 'deadline', min: INSTRUCTION_DEADLINE_DAYS.min, max: INSTRUCTION_DEADLINE_DAYS.max },
    );
  }
  return endOfLocalDay(date, timeZone);
}

export async function instructAgency(
  db: Pick<Database, 'prisma'>,
  viewer: StaffViewer,
  input: { caseId: string; instruction: string; deadline: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const instruction = input.instruction.trim();
  if (!instruction) throw new AppError('BAD_USER_INPUT', 'Write the instruction for the agency.', { field: 'instruction' });
  if (instruction.length > MAX_INSTRUCTION_LENGTH) {
    throw new AppError('BAD_USER_INPUT', `The instruction may be at most ${MAX_INSTRUCTION_LENGTH} characters.`, { field: 'instruction' });
  }
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadOverseen(tx, viewer, input.caseId);
    check('INSTRUCT', row, now);
    const deadline = instructionDeadlineOf(input.deadline, now, row.tenant.timeZone);
    // On the state read: a new instruction replaces the one read (whose deadline passed), never
    // one written meanwhile by another secretariat member.
    const written = await tx.caseSla.updateMany({
      where: {
        caseId: row.id,
        escalationAcknowledgedAt: { not: null },
        escalationConcludedAt: null,
        instructedAt: row.sla?.instructedAt ?? null,
        OR: [{ instructionDeadline: null }, { instructionDeadline: { lt: now } }],
        case: { status: { in: [...OPEN_STATUSES] } },
      },
      data: { instructedAt: now, instruction, instructionDeadline: deadline, instructionOverdueAt: deadline },
    });
    if (written.count !== 1) refuse('INSTRUCTION_RUNNING');
    await recordEvent(tx, viewer, row, { kind: 'ESCALATION_INSTRUCTED', reason: instruction, data: { deadline: deadline.toISOString() }, at: now });
    await tx.staffNotification.create({
      data: { tenantId: row.tenantId, roles: [...AGENCY_NOTIFICATION_ROLES], caseId: row.id, kind: 'INSTRUCTION', createdAt: now },
    });
    return { caseId: row.id, deadline };
  });
}

export async function recordEscalationOutcome(
  db: Pick<Database, 'prisma'>,
  viewer: StaffViewer,
  input: { caseId: string; outcome: EscalationOutcome; note: string; now?: Date },
) {
  const now = input.now ?? new Date();
  const note = input.note.trim();
  if (!note) throw new AppError('BAD_USER_INPUT', 'Write what came of the escalation: the reporter reads it.', { field: 'note' });
  if (note.length > MAX_OUTCOME_NOTE_LENGTH) {
    throw new AppError('BAD_USER_INPUT', `The note may be at most ${MAX_OUTCOME_NOTE_LENGTH} characters.`, { field: 'note' });
  }
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await loadOverseen(tx, viewer, input.caseId);
    check('RECORD_OUTCOME', row, now, input.outcome);
    const written = await tx.caseSla.updateMany({
      where: { caseId: row.id, escalationAcknowledgedAt: { not: null }, escalationConcludedAt: null },
      data: { escalationOutcome: input.outcome, escalationOutcomeNote: note, escalationConcludedAt: now, instructionOverdueAt: null },
    });
    if (written.count !== 1) refuse('CONCLUDED');
    await recordEvent(tx, viewer, row, { kind: 'ESCALATION_CONCLUDED', reason: note, data: { outcome: input.outcome }, at: now });
    return { caseId: row.id };
  });
}

/** What the console shows of the follow-up (the instruction too: for staff who may read the case). */
export const staffFollowUpSelect = {
  escalatedAt: true,
  escalationAcknowledgedAt: true,
  instructedAt: true,
  instruction: true,
  instructionDeadline: true,
  escalationOutcome: true,
  escalationOutcomeNote: true,
  escalationConcludedAt: true,
} satisfies Prisma.CaseSlaSelect;
