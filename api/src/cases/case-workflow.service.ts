/**
 * Moving a case through its lifecycle: checks the transition against the state machine
 * (case-lifecycle.ts) and the viewer's CASL rules, applies the SLA clock (case-clock.ts),
 * writes the status with a guard on the status it was read in (two staff acting at once:
 * one wins, the other gets CONFLICT), and records the event, with a message to the
 * reporter where the transition speaks to them.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { ActorKind } from '../generated/prisma/enums.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { TenantConfig, TenantConfigCache } from '../config/tenant-config.service.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import type { Database } from '../db.ts';
import { updateSlaTimers } from '../sla/case-sla.ts';
import type { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import { clockUpdate, type ClockRow } from './case-clock.ts';
import { planTransition, type CaseStatus, type PlannedTransition, type StaffTransitionName, type TransitionActor } from './case-lifecycle.ts';
import { casesWhere } from '../auth/case-filter.ts';

export interface WorkflowDeps {
  db: Database;
  configs: TenantConfigCache;
  calendars: NationalCalendarCache;
}

export const MAX_TEXT_LENGTH = 10_000;

export const transitionRowSelect = {
  id: true,
  tenantId: true,
  caseTypeId: true,
  registrationNumber: true,
  receivedAt: true,
  status: true,
  resumeStatus: true,
  stageKey: true,
  stageStartedAt: true,
  stageDeadline: true,
  stageProvisional: true,
  stagePauses: true,
  deadlines: true,
} satisfies Prisma.CaseSelect;

export type TransitionRow = Prisma.CaseGetPayload<{ select: typeof transitionRowSelect }> & ClockRow;

/** Text a person typed: trimmed, not empty, not too long. */
export function cleanText(value: string | null | undefined, field: string, options: { required: boolean }): string | null {
  const text = (value ?? '').normalize('NFC').trim();
  if (text === '') {
    if (options.required)
      throw new AppError('BAD_USER_INPUT', 'This field is required.', { issues: [{ path: ['input', field], message: 'This field is required.' }] });
    return null;
  }
  if ([...text].length > MAX_TEXT_LENGTH) {
    throw new AppError('BAD_USER_INPUT', `At most ${MAX_TEXT_LENGTH} characters.`, {
      issues: [{ path: ['input', field], message: `At most ${MAX_TEXT_LENGTH} characters.` }],
    });
  }
  return text;
}

/** A case the viewer may `handle`, for a write; NOT_FOUND when they may not. */
export async function loadForHandling(tx: ScopedTransaction, viewer: StaffViewer, caseId: string): Promise<TransitionRow> {
  const row = await tx.case.findFirst({ where: { AND: [casesWhere(viewer.ability, 'handle'), { id: caseId }] }, select: transitionRowSelect });
  if (!row) throw new AppError('NOT_FOUND', 'No such case.');
  return row;
}

export async function tenantContext(deps: Pick<WorkflowDeps, 'configs' | 'calendars'>, tenantId: string, caseTypeId: string) {
  const config = await deps.configs.find(tenantId);
  if (!config) throw new AppError('NOT_FOUND', 'No such agency.');
  // A case type deactivated since filing still governs its cases: fall back to a fresh load.
  const caseType = config.caseTypes.find((item) => item.id === caseTypeId);
  if (!caseType) throw new AppError('INTERNAL', 'The case type of this case is not in the configuration.');
  const calendar = await deps.calendars.forTenant(config);
  return { config, caseType, calendar };
}

/**
 * Loads an agency's configuration and the working calendar into their caches before a
 * transaction that will need them (`applyTransition` reads them through `tenantContext`). On
 * PGlite the database has one connection: a cache that loaded inside the transaction would
 * wait for that connection until the transaction timed out.
 */
export async function warmTenantContext(deps: Pick<WorkflowDeps, 'configs' | 'calendars'>, tenantId: string | null): Promise<void> {
  if (!tenantId) return;
  const config = await deps.configs.find(tenantId);
  if (config) await deps.calendars.forTenant(config);
}

export interface AppliedTransition {
  plan: PlannedTransition;
  messageId: string | null;
  eventId: bigint;
}

/**
 * Applies a planned transition inside the caller's transaction. `message` is what the
 * reporter reads (the question, the rejection reason, the answer), sent as a staff message.
 */
export async function applyTransition(
  tx: ScopedTransaction,
  deps: Pick<WorkflowDeps, 'configs' | 'calendars'>,
  row: TransitionRow,
  plan: PlannedTransition,
  options: { actor: { kind: ActorKind; id: string | null }; reason: string | null; message: string | null; now: Date; data?: Record<string, unknown> },
): Promise<AppliedTransition> {
  const { caseType, calendar } = await tenantContext(deps, row.tenantId, row.caseTypeId);
  const update = clockUpdate(row, plan, caseType, calendar, options.now);
  // The timers first: their row lock keeps the SLA sweep off this case until the transaction ends.
  if (update.timers) await updateSlaTimers(tx, row, update.timers);
  const written = await tx.case.updateMany({ where: { id: row.id, status: row.status }, data: update.case as Prisma.CaseUpdateManyMutationInput });
  if (written.count !== 1) throw new AppError('CONFLICT', 'Someone else changed this case just now. Reload it and try again.');
  let messageId: string | null = null;
  if (options.message) {
    const message = await tx.caseMessage.create({
      data: {
        tenantId: row.tenantId,
        caseId: row.id,
        authorKind: options.actor.kind,
        authorId: options.actor.id,
        visibility: 'REPORTER',
        body: options.message,
      },
    });
    messageId = message.id;
  }
  const event = await tx.caseEvent.create({
    data: {
      tenantId: row.tenantId,
      caseId: row.id,
      kind: 'STATUS_CHANGED',
      actorKind: options.actor.kind,
      actorId: options.actor.id,
      visibility: plan.visibility,
      status: plan.to,
      reason: options.reason,
      data: { transition: plan.name, from: plan.from, to: plan.to, ...(messageId ? { messageId } : {}), ...(options.data ?? {}) } as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return { plan, messageId, eventId: event.id };
}

export async function transitionCase(
  deps: WorkflowDeps,
  viewer: StaffViewer,
  input: { caseId: string; transition: StaffTransitionName; reason?: string | null; now?: Date },
): Promise<{ caseId: string; status: CaseStatus }> {
  const reason = cleanText(input.reason, 'reason', { required: false });
  const now = input.now ?? new Date();
  await warmTenantContext(deps, viewer.tenantId);
  return withDataScope(deps.db.prisma, viewer.scope, async (tx) => {
    const row = await loadForHandling(tx, viewer, input.caseId);
    const actor: TransitionActor = { kind: 'STAFF', roles: viewer.roles };
    const plan = planTransition(row, input.transition, actor, reason);
    let message: string | null = null;
    if (plan.name === 'REQUEST_INFO' || plan.name === 'REJECT') message = reason;
    if (plan.name === 'APPROVE_ANSWER') {
      const answer = await tx.caseAnswer.findFirst({ where: { caseId: row.id, status: 'SUBMITTED' }, orderBy: { createdAt: 'desc' } });
      if (!answer) throw new AppError('INVALID_TRANSITION', 'There is no answer submitted for approval.', { transition: plan.name });
      await tx.caseAnswer.update({ where: { id: answer.id }, data: { status: 'APPROVED', decidedById: viewer.userId, decidedAt: now } });
      message = answer.body;
    }
    await applyTransition(tx, deps, row, plan, { actor: { kind: 'STAFF', id: viewer.userId }, reason, message, now });
    return { caseId: row.id, status: plan.to };
  });
}

/**
 * The reporter answered while the case waited for them: the clock resumes and the case goes
 * back to where it was. Called inside the reporter's message transaction.
 */
export async function receiveReporterInfo(
  tx: ScopedTransaction,
  deps: Pick<WorkflowDeps, 'configs' | 'calendars'>,
  caseId: string,
  actorId: string | null,
  now: Date,
): Promise<void> {
  const row = await tx.case.findUnique({ where: { id: caseId }, select: transitionRowSelect });
  if (row?.status !== 'NEEDS_INFO') return;
  const plan = planTransition(row, 'RECEIVE_INFO', { kind: 'REPORTER' });
  await applyTransition(tx, deps, row, plan, { actor: { kind: 'REPORTER', id: actorId }, reason: null, message: null, now });
}

export type { TenantConfig };
