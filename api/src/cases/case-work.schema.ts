/** The work staff do on a case, in GraphQL: transitions, transfer, intake, notes, messages, answers, templates. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getStaff, type Context } from '../context.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { IdentityMode, text } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { transitionCase } from './case-workflow.service.ts';
import { transferCase } from './case-transfer.service.ts';
import { recordOfflineIntake } from './offline-intake.service.ts';
import { addCaseNote, draftCaseAnswer, restrictCase, returnCaseAnswer, sendStaffMessage, setCasePriority } from './case-records.service.ts';
import { recordConflict } from './case-conflicts.service.ts';
import { CasePriority, configOf, loadStaffCase, NoteKindEnum, StaffCaseRef, StaffTransition, TemplateUseEnum, type CaseShape } from './staff-case.schema.ts';

const ResponseTemplate = builder.objectRef<TenantConfig['responseTemplates'][number]>('ResponseTemplate').implement({
  description: "The agency's ready wording for what staff write to reporters.",
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({ resolve: (template, _, ctx) => text(template.name, ctx) ?? template.key }),
    body: t.string({ resolve: (template, _, ctx) => text(template.body, ctx) ?? '' }),
    uses: t.field({ type: [TemplateUseEnum], resolve: (template) => template.uses }),
  }),
});

builder.queryFields((t) => ({
  responseTemplates: t.field({
    type: [ResponseTemplate],
    description: "The viewer's agency's response templates, optionally only those for one use.",
    args: { use: t.arg({ type: TemplateUseEnum }) },
    resolve: async (_, { use }, ctx) => {
      const viewer = await getStaff(ctx);
      if (!viewer.tenantId) return [];
      const config = await configOf(ctx, viewer.tenantId);
      return config.responseTemplates.filter((template) => !use || template.uses.includes(use));
    },
  }),
}));

const uuid = z.uuid();
function caseIdOf(value: string | number): string {
  const parsed = uuid.safeParse(String(value));
  if (!parsed.success) throw new AppError('NOT_FOUND', 'No such case.');
  return parsed.data;
}

const TransitionCaseInput = builder.inputType('TransitionCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    transition: t.field({ type: StaffTransition, required: true }),
    reason: t.string({ description: 'Required to ask for information (the question the reporter reads) and to reject (the reason the reporter reads).' }),
  }),
});
const AddCaseNoteInput = builder.inputType('AddCaseNoteInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), kind: t.field({ type: NoteKindEnum, required: true }), body: t.string({ required: true }) }),
});
const CaseTextInput = builder.inputType('SendStaffMessageInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), body: t.string({ required: true }) }),
});
const DraftAnswerInput = builder.inputType('DraftCaseAnswerInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    body: t.string({ required: true }),
    submit: t.boolean({ defaultValue: false, description: 'Send to the agency head for approval.' }),
  }),
});
const ReturnAnswerInput = builder.inputType('ReturnCaseAnswerInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const SetPriorityInput = builder.inputType('SetCasePriorityInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), priority: t.field({ type: CasePriority, required: true }) }),
});
const RecordConflictInput = builder.inputType('RecordConflictInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    staffUserId: t.id({
      description: 'A colleague with a conflict (excluded once the head, or for a head the provincial secretariat, confirms); empty to declare your own.',
    }),
    reason: t.string(),
  }),
});
const TransferCaseInput = builder.inputType('TransferCaseInput', {
  fields: (t) => ({
    caseId: t.id({ required: true }),
    targetAgencySlug: t.string({ required: true, description: 'The competent agency (any province), by its address.' }),
    reason: t.string({ required: true, description: 'Why this agency is competent; the reporter reads it.' }),
  }),
});
const IntakeAnswerInput = builder.inputType('IntakeAnswerInput', {
  fields: (t) => ({ field: t.string({ required: true }), value: t.string({ required: true }) }),
});
const IntakeReporterInput = builder.inputType('IntakeReporterInput', {
  fields: (t) => ({ name: t.string(), idNumber: t.string(), phone: t.string(), email: t.string(), address: t.string() }),
});
const RecordOfflineIntakeInput = builder.inputType('RecordOfflineIntakeInput', {
  fields: (t) => ({
    caseTypeKey: t.string({ required: true }),
    categoryKey: t.string(),
    channelKey: t.string({ required: true, description: 'A channel on which staff record intake.' }),
    receivedAt: t.field({ type: 'DateTime', required: true, description: 'When the agency actually received it; the SLA counts from here.' }),
    externalReference: t.string({ description: 'e.g. the SP4N-LAPOR! tracking number (required for that channel).' }),
    answers: t.field({ type: [IntakeAnswerInput], required: true }),
    identityMode: t.field({ type: IdentityMode, required: true }),
    reporter: t.field({ type: IntakeReporterInput }),
  }),
});
const RecordedIntake = builder.objectRef<{ trackingCode: string; shape: CaseShape }>('RecordedIntake').implement({
  fields: (t) => ({
    trackingCode: t.exposeString('trackingCode', { description: 'Shown once: give it to the reporter with the receipt.' }),
    case: t.field({ type: StaffCaseRef, resolve: ({ shape }) => shape }),
  }),
});
const intakeBounds = z.object({
  caseTypeKey: z.string().max(100),
  categoryKey: z.string().max(100).nullish(),
  channelKey: z.string().max(100),
  externalReference: z.string().max(200).nullish(),
  answers: z.array(z.object({ field: z.string().max(100), value: z.string().max(20_000) })).max(100),
  reporter: z.record(z.string(), z.string().max(1000).nullish()).nullish(),
});
const RestrictCaseInput = builder.inputType('RestrictCaseInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), handlerIds: t.idList({ required: true, description: 'Empty lifts the restriction.' }) }),
});

/** Runs a write, then returns the case as the viewer now sees it (or null if they no longer may). */
async function afterWrite(ctx: Context, caseId: string, write: (viewer: StaffViewer) => Promise<unknown>): Promise<CaseShape | null> {
  const viewer = await getStaff(ctx);
  await write(viewer);
  try {
    return await loadStaffCase(ctx, { id: caseId });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

const workflowDeps = (ctx: Context) => ({ db: ctx.db, configs: ctx.configs, calendars: ctx.calendars });

builder.mutationFields((t) => ({
  transitionCase: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: TransitionCaseInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => transitionCase(workflowDeps(ctx), viewer, { caseId, transition: input.transition, reason: input.reason }));
    },
  }),
  transferCase: t.field({
    type: StaffCaseRef,
    nullable: true,
    description: 'Transfer to the competent agency, which receives it as its own new case (see `transferredTo`).',
    args: { input: t.arg({ type: TransferCaseInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) =>
        transferCase(
          { ...workflowDeps(ctx), vault: ctx.vault, directory: ctx.directory },
          viewer,
          { caseId, targetAgencySlug: input.targetAgencySlug, reason: input.reason },
          { locale: ctx.locale },
        ),
      );
    },
  }),
  recordOfflineIntake: t.field({
    type: RecordedIntake,
    description: 'Record a report that came by letter, phone, WhatsApp, email, complaint box, office visit or SP4N-LAPOR!.',
    args: { input: t.arg({ type: RecordOfflineIntakeInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      if (!intakeBounds.safeParse(input).success) throw new AppError('BAD_USER_INPUT', 'The intake is too large.');
      const recorded = await recordOfflineIntake(
        { ...workflowDeps(ctx), vault: ctx.vault },
        viewer,
        { ...input, reporter: input.reporter ?? null },
        { locale: ctx.locale },
      );
      return { trackingCode: recorded.trackingCode, shape: await loadStaffCase(ctx, { id: recorded.caseId }) };
    },
  }),
  addCaseNote: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: AddCaseNoteInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => addCaseNote(ctx.db, viewer, { caseId, kind: input.kind, body: input.body }));
    },
  }),
  sendStaffMessage: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: CaseTextInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => sendStaffMessage(ctx.db, viewer, { caseId, body: input.body }));
    },
  }),
  draftCaseAnswer: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: DraftAnswerInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => draftCaseAnswer(ctx.db, viewer, { caseId, body: input.body, submit: input.submit ?? false }));
    },
  }),
  returnCaseAnswer: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: ReturnAnswerInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => returnCaseAnswer(ctx.db, viewer, { caseId, reason: input.reason }));
    },
  }),
  setCasePriority: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: SetPriorityInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => setCasePriority(ctx.db, viewer, { caseId, priority: input.priority }));
    },
  }),
  recordConflict: t.field({
    type: StaffCaseRef,
    nullable: true,
    description:
      'Returns null when the viewer declared their own conflict: they no longer see the case. A colleague is excluded at once only when the head marks a non-head; otherwise the mark waits in `conflictProposals`.',
    args: { input: t.arg({ type: RecordConflictInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      const staffUserId = input.staffUserId ? caseIdOf(input.staffUserId) : null;
      return afterWrite(ctx, caseId, (viewer) => recordConflict(ctx.db, viewer, { caseId, staffUserId, reason: input.reason }));
    },
  }),
  restrictCase: t.field({
    type: StaffCaseRef,
    nullable: true,
    args: { input: t.arg({ type: RestrictCaseInput, required: true }) },
    resolve: (_, { input }, ctx) => {
      const caseId = caseIdOf(input.caseId);
      return afterWrite(ctx, caseId, (viewer) => restrictCase(ctx.db, viewer, { caseId, handlerIds: input.handlerIds.map((id) => caseIdOf(id)) }));
    },
  }),
}));
