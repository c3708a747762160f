/**
 * The secretariat's follow-up of an escalation in GraphQL (ADR 0028): its three mutations,
 * what a staff case says of it (`escalationFollowUp`, `viewerCanOversee`) and what the
 * reporter's tracked report says (`escalationFollowUp`, without the instruction's text).
 */
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import * as Enums from '../generated/prisma/enums.ts';
import { builder } from '../builder.ts';
import { getStaff, type Context } from '../context.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { AppError } from '../errors.ts';
import { canOnCase } from './staff-cases.service.ts';
import { loadStaffCase, StaffCaseRef, type CaseShape } from './staff-case.schema.ts';
import { followUpStateOf } from './escalation-follow-up.ts';
import {
  acknowledgeEscalation,
  instructAgency,
  MAX_INSTRUCTION_LENGTH,
  MAX_OUTCOME_NOTE_LENGTH,
  recordEscalationOutcome,
  staffFollowUpSelect,
} from './escalation-follow-up.service.ts';

export const EscalationOutcomeEnum = builder.enumType(Enums.EscalationOutcome, { name: 'EscalationOutcome' });
const FollowUpStateEnum = builder.enumType('EscalationFollowUpState', {
  values: ['ESCALATED', 'ACKNOWLEDGED', 'INSTRUCTED', 'CONCLUDED'] as const,
  description: 'Where the secretariat is with an escalation (cases/escalation-follow-up.ts).',
});

interface FollowUpRow {
  escalatedAt: Date | null;
  escalationAcknowledgedAt: Date | null;
  instructedAt: Date | null;
  instruction?: string | null;
  instructionDeadline: Date | null;
  escalationOutcome: Enums.EscalationOutcome | null;
  escalationOutcomeNote: string | null;
  escalationConcludedAt: Date | null;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The follow-up's common fields, for staff and for the reporter. */
function followUpFields(t: PothosSchemaTypes.ObjectFieldBuilder<Types, FollowUpRow>) {
  return {
    state: t.field({
      type: FollowUpStateEnum,
      resolve: (row: FollowUpRow) => followUpStateOf(row) as Exclude<ReturnType<typeof followUpStateOf>, 'NOT_ESCALATED'>,
    }),
    escalatedAt: t.field({ type: 'DateTime', resolve: (row: FollowUpRow) => row.escalatedAt! }),
    acknowledgedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row: FollowUpRow) => row.escalationAcknowledgedAt }),
    instructedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row: FollowUpRow) => row.instructedAt }),
    instructionDeadline: t.field({
      type: 'DateTime',
      nullable: true,
      description: "The end of the day by which the agency must act, in the agency's time zone.",
      resolve: (row: FollowUpRow) => row.instructionDeadline,
    }),
    outcome: t.field({ type: EscalationOutcomeEnum, nullable: true, resolve: (row: FollowUpRow) => row.escalationOutcome }),
    outcomeNote: t.string({
      nullable: true,
      description: 'What came of it, written for the reporter.',
      resolve: (row: FollowUpRow) => row.escalationOutcomeNote,
    }),
    concludedAt: t.field({ type: 'DateTime', nullable: true, resolve: (row: FollowUpRow) => row.escalationConcludedAt }),
  };
}

const StaffFollowUp = builder.objectRef<FollowUpRow>('EscalationFollowUp').implement({
  description: "The province's secretariat's follow-up of an escalation, as staff who may read the case see it.",
  fields: (t) => ({
    ...followUpFields(t),
    instruction: t.string({
      nullable: true,
      description: "The secretariat's instruction to the agency (staff only).",
      resolve: (row) => row.instruction ?? null,
    }),
  }),
});

const ReporterFollowUp = builder.objectRef<FollowUpRow>('ReportEscalationFollowUp').implement({
  description: "What the reporter sees of the secretariat's follow-up: received, the instructed deadline, the outcome and its note.",
  fields: (t) => followUpFields(t),
});

// TrackedReport is defined in reporting.schema.ts; its parent's `found.sla` is read by
// report-tracking.service.ts (which never selects the instruction's text).
const TrackedReport = 'TrackedReport' as unknown as ObjectRef<Types, { found: { sla?: Partial<FollowUpRow> | null } }>;

builder.objectFields(TrackedReport, (t) => ({
  escalationFollowUp: t.field({
    type: ReporterFollowUp,
    nullable: true,
    resolve: ({ found }) => {
      const sla = found.sla;
      if (!sla?.escalatedAt) return null;
      return {
        escalatedAt: sla.escalatedAt,
        escalationAcknowledgedAt: sla.escalationAcknowledgedAt ?? null,
        instructedAt: sla.instructedAt ?? null,
        instructionDeadline: sla.instructionDeadline ?? null,
        escalationOutcome: sla.escalationOutcome ?? null,
        escalationOutcomeNote: sla.escalationOutcomeNote ?? null,
        escalationConcludedAt: sla.escalationConcludedAt ?? null,
      };
    },
  }),
}));

builder.objectFields(StaffCaseRef, (t) => ({
  escalationFollowUp: t.field({
    type: StaffFollowUp,
    nullable: true,
    description: "The secretariat's follow-up, once the case is escalated.",
    resolve: async ({ found, viewer }, _, ctx) => {
      if (!found.escalatedAt) return null;
      const row = await withDataScope(ctx.db.prisma, viewer.scope, (tx) => tx.caseSla.findUnique({ where: { caseId: found.id }, select: staffFollowUpSelect }));
      return row?.escalatedAt ? row : null;
    },
  }),
  viewerCanOversee: t.boolean({
    description: "The viewer may follow up this case's escalation: the province's secretariat (see the follow-up's state for which step).",
    resolve: ({ found, viewer }, _, ctx) =>
      viewer.ability.can('oversee', 'Case') ? withDataScope(ctx.db.prisma, viewer.scope, (tx) => canOnCase(tx, viewer.ability, 'oversee', found.id)) : false,
  }),
}));

const uuid = z.uuid();
function caseIdOf(value: string | number): string {
  const parsed = uuid.safeParse(String(value));
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such case.');
  return parsed.data;
}

const AcknowledgeEscalationInput = builder.inputType('AcknowledgeEscalationInput', { fields: (t) => ({ caseId: t.id({ required: true }) }) });
const InstructAgencyInput = builder.inputType('InstructAgencyInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    instruction: t.string({ required: true, description: `What the agency must do (at most ${MAX_INSTRUCTION_LENGTH} characters); staff only.` }),
    deadline: t.string({
      required: true,
      description: "A date (YYYY-MM-DD) in the agency's time zone, 1 to 90 days from today: the agency must act by its end.",
    }),
  }),
});
const RecordEscalationOutcomeInput = builder.inputType('RecordEscalationOutcomeInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    outcome: t.field({ type: EscalationOutcomeEnum, required: true }),
    note: t.string({ required: true, description: `What came of it, for the reporter to read (at most ${MAX_OUTCOME_NOTE_LENGTH} characters).` }),
  }),
});

const textBounds = z.string().max(20_000);

async function afterFollowUp(ctx: Context, caseId: string, write: () => Promise<unknown>): Promise<CaseShape> {
  await write();
  return loadStaffCase(ctx, { id: caseId });
}

const STATES =
  "INVALID_TRANSITION when the step does not fit the escalation's state (cases/escalation-follow-up.ts); NOT_FOUND for a case outside the viewer's province, restricted, or one they are excluded from.";

builder.mutationFields((t) => ({
  acknowledgeEscalation: t.field({
    type: StaffCaseRef,
    description: `The province's secretariat acknowledges an escalation (the reporter sees it was received). ${STATES}`,
    args: { input: t.arg({ type: AcknowledgeEscalationInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      const viewer = await getStaff(ctx);
      return afterFollowUp(ctx, caseId, () => acknowledgeEscalation(ctx.db, viewer, { caseId }));
    },
  }),
  instructAgency: t.field({
    type: StaffCaseRef,
    description: `The secretariat instructs the agency, with a deadline the SLA sweep watches; a later instruction replaces the deadline. ${STATES}`,
    args: { input: t.arg({ type: InstructAgencyInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      const viewer = await getStaff(ctx);
      const instruction = textBounds.parse(input.instruction);
      return afterFollowUp(ctx, caseId, () => instructAgency(ctx.db, viewer, { caseId, instruction, deadline: input.deadline.slice(0, 40) }));
    },
  }),
  recordEscalationOutcome: t.field({
    type: StaffCaseRef,
    description: `The secretariat records what came of the escalation, once; the reporter reads the outcome and its note. ${STATES}`,
    args: { input: t.arg({ type: RecordEscalationOutcomeInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      const viewer = await getStaff(ctx);
      const note = textBounds.parse(input.note);
      return afterFollowUp(ctx, caseId, () => recordEscalationOutcome(ctx.db, viewer, { caseId, outcome: input.outcome, note }));
    },
  }),
}));
