/** A case as the staff console sees it, in GraphQL: the StaffCase type and the `staffCase` query. */
import { builder } from '../builder.ts';
import { getStaff, type Context } from '../context.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { CaseType, Category, Channel, FormFieldType, IdentityMode, text } from '../config/config.schema.ts';
import type { FORM_FIELD_TYPES } from '../config/tenant-files.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import * as Enums from '../generated/prisma/enums.ts';
import { OPEN_STATUSES, STAFF_MADE_TRANSITIONS, STAFF_TRANSITIONS, type CaseStatus as CaseStatusValue } from './case-lifecycle.ts';
import { findCaseCapabilities, findStaffTransitions, type CapabilityFacts, type CaseCapabilities, type TransitionOption } from './case-capabilities.ts';
import { CaseEventKind, CaseStatus, EvidenceFile, StageDeadlineRef } from './reporting.schema.ts';
import { canOnCase, getStaffCase, type InboxCase, type StaffCase } from './staff-cases.service.ts';
import { DUPLICATE_REASONS, findPossibleDuplicates, type PossibleDuplicate } from './case-duplicates.service.ts';
import type { StageDeadline } from './report-submission.service.ts';
import type { ReporterIdentity } from '../identity/identity-vault.service.ts';
import { DUE_SOON_WORKING_DAYS, isDueSoon, isOverdue, type DeadlineFacts } from '../sla/deadline-state.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';

export const CasePriority = builder.enumType(Enums.CasePriority, { name: 'CasePriority' });
/** The transitions staff make, read off the lifecycle table. */
export const CaseTransition = builder.enumType('CaseTransition', { values: STAFF_MADE_TRANSITIONS });
export const StaffTransition = builder.enumType('StaffTransition', {
  description: 'The transitions made with `transitionCase` (a transfer has its own mutation).',
  values: STAFF_TRANSITIONS,
});
export const NoteKindEnum = builder.enumType(Enums.NoteKind, { name: 'NoteKind' });
const AnswerStatusEnum = builder.enumType(Enums.AnswerStatus, { name: 'AnswerStatus' });
const EventVisibilityEnum = builder.enumType(Enums.EventVisibility, { name: 'EventVisibility' });
const ActorKindEnum = builder.enumType(Enums.ActorKind, { name: 'ActorKind' });
const ExclusionKindEnum = builder.enumType(Enums.ExclusionKind, { name: 'ExclusionKind' });

/** Names of the staff a case mentions, loaded once per case. */
type StaffNames = Map<string, { name: string; title: string | null }>;

interface AgencyShape {
  config: TenantConfig;
}
export const Agency = builder.objectRef<AgencyShape>('CaseAgency').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ config }) => config.id }),
    slug: t.string({ resolve: ({ config }) => config.slug }),
    shortName: t.string({ resolve: ({ config }) => config.shortName }),
    name: t.string({ resolve: ({ config }, _, ctx) => text(config.name, ctx)! }),
    timeZone: t.string({ resolve: ({ config }) => config.timeZone }),
  }),
});

export const StaffRef = builder.objectRef<{ id: string; name: string; title: string | null }>('StaffMember').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    title: t.string({ nullable: true, resolve: (staff) => staff.title }),
  }),
});

function staffOf(names: StaffNames, id: string | null | undefined) {
  if (!id) return null;
  const found = names.get(id);
  return found ? { id, ...found } : { id, name: '—', title: null };
}

interface CurrentStageShape {
  key: string;
  name: unknown;
  deadline: Date;
  provisional: boolean;
  paused: boolean;
  overdue: boolean;
  /** What `dueSoon` reads: the rule's facts, the tenant (for its working calendar), the instant `overdue` was decided at. */
  facts: DeadlineFacts;
  config: TenantConfig;
  now: Date;
}

/** A tenant's working calendar, built once per request (an inbox page has many rows of few agencies). */
const calendars = new WeakMap<object, Map<string, Promise<WorkingCalendar>>>();
function workingCalendarOf(ctx: Context, config: TenantConfig): Promise<WorkingCalendar> {
  let byTenant = calendars.get(ctx);
  if (!byTenant) {
    byTenant = new Map();
    calendars.set(ctx, byTenant);
  }
  let calendar = byTenant.get(config.id);
  if (!calendar) {
    calendar = ctx.calendars.forTenant(config);
    byTenant.set(config.id, calendar);
  }
  return calendar;
}

export const CurrentStage = builder.objectRef<CurrentStageShape>('CurrentStage').implement({
  description: 'The SLA stage whose clock runs now.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({ resolve: (stage, _, ctx) => text(stage.name, ctx) ?? stage.key }),
    deadline: t.field({ type: 'DateTime', resolve: (stage) => stage.deadline }),
    provisional: t.exposeBoolean('provisional'),
    paused: t.exposeBoolean('paused', { description: 'The case waits for the reporter: the clock is stopped.' }),
    overdue: t.exposeBoolean('overdue'),
    dueSoon: t.boolean({
      description: `The clock runs, the deadline has not passed, and at most ${DUE_SOON_WORKING_DAYS} working days (the deadline's own included) are left, in the agency's working calendar.`,
      resolve: async (stage, _, ctx) => isDueSoon(stage.facts, OPEN_STATUSES, stage.now, await workingCalendarOf(ctx, stage.config)),
    }),
  }),
});

export function currentStage(
  row: Pick<InboxCase, 'stageKey' | 'stageDeadline' | 'stageProvisional' | 'waitingSince' | 'status' | 'caseTypeId'>,
  config: TenantConfig,
  now = new Date(),
): CurrentStageShape | null {
  if (!row.stageKey || !row.stageDeadline) return null;
  const stage = config.caseTypes.find((item) => item.id === row.caseTypeId)?.slaPolicy?.stages.find((item) => item.key === row.stageKey);
  const facts: DeadlineFacts = { status: row.status, stageDeadline: row.stageDeadline, waitingSince: row.waitingSince };
  return {
    key: row.stageKey,
    name: stage?.name ?? null,
    deadline: row.stageDeadline,
    provisional: row.stageProvisional,
    paused: row.waitingSince !== null,
    overdue: isOverdue(facts, OPEN_STATUSES, now),
    facts,
    config,
    now,
  };
}

export interface CaseShape {
  found: StaffCase;
  config: TenantConfig;
  names: StaffNames;
  viewer: StaffViewer;
  /** The viewer's CASL ability on this case, checked on the row. */
  canHandle: boolean;
  canRestrict: boolean;
  canReveal: boolean;
}

const TimelineEvent = builder.objectRef<{ event: StaffCase['events'][number]; names: StaffNames }>('StaffTimelineEntry').implement({
  fields: (t) => ({
    cursor: t.string({
      description: 'The live cursor of this event: an opaque token, equal to the `cursor` of the live update for the same event.',
      resolve: ({ event }, _, ctx) => ctx.live.cursors.encode(event.id.toString()),
    }),
    kind: t.field({ type: CaseEventKind, resolve: ({ event }) => event.kind }),
    status: t.field({ type: CaseStatus, resolve: ({ event }) => event.status }),
    visibility: t.field({ type: EventVisibilityEnum, resolve: ({ event }) => event.visibility }),
    actorKind: t.field({ type: ActorKindEnum, resolve: ({ event }) => event.actorKind }),
    actor: t.field({ type: StaffRef, nullable: true, resolve: ({ event, names }) => (event.actorKind === 'STAFF' ? staffOf(names, event.actorId) : null) }),
    transition: t.string({ nullable: true, resolve: ({ event }) => (event.data as { transition?: string } | null)?.transition ?? null }),
    reason: t.string({ nullable: true, resolve: ({ event }) => event.reason }),
    at: t.field({ type: 'DateTime', resolve: ({ event }) => event.createdAt }),
  }),
});

const StaffMessage = builder.objectRef<{ message: StaffCase['messages'][number]; names: StaffNames }>('StaffCaseMessage').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ message }) => message.id }),
    authorKind: t.field({ type: ActorKindEnum, resolve: ({ message }) => message.authorKind }),
    author: t.field({
      type: StaffRef,
      nullable: true,
      resolve: ({ message, names }) => (message.authorKind === 'STAFF' ? staffOf(names, message.authorId) : null),
    }),
    body: t.string({ resolve: ({ message }) => message.body }),
    sentAt: t.field({ type: 'DateTime', resolve: ({ message }) => message.createdAt }),
    evidence: t.field({ type: [EvidenceFile], resolve: ({ message }) => message.evidence }),
  }),
});

const Note = builder.objectRef<{ note: StaffCase['notes'][number]; names: StaffNames }>('CaseNote').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ note }) => note.id }),
    kind: t.field({ type: NoteKindEnum, resolve: ({ note }) => note.kind }),
    body: t.string({ resolve: ({ note }) => note.body }),
    author: t.field({ type: StaffRef, nullable: true, resolve: ({ note, names }) => staffOf(names, note.authorId) }),
    at: t.field({ type: 'DateTime', resolve: ({ note }) => note.createdAt }),
  }),
});

const OfficialAnswer = builder.objectRef<{ answer: StaffCase['officialAnswers'][number]; names: StaffNames }>('OfficialAnswer').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ answer }) => answer.id }),
    status: t.field({ type: AnswerStatusEnum, resolve: ({ answer }) => answer.status }),
    body: t.string({ resolve: ({ answer }) => answer.body }),
    draftedBy: t.field({ type: StaffRef, nullable: true, resolve: ({ answer, names }) => staffOf(names, answer.draftedById) }),
    decidedBy: t.field({ type: StaffRef, nullable: true, resolve: ({ answer, names }) => staffOf(names, answer.decidedById) }),
    decisionReason: t.string({ nullable: true, resolve: ({ answer }) => answer.decisionReason }),
    updatedAt: t.field({ type: 'DateTime', resolve: ({ answer }) => answer.updatedAt }),
  }),
});

const Exclusion = builder.objectRef<{ exclusion: StaffCase['exclusions'][number]; names: StaffNames }>('CaseExclusion').implement({
  fields: (t) => ({
    staff: t.field({ type: StaffRef, resolve: ({ exclusion, names }) => staffOf(names, exclusion.staffUserId)! }),
    kind: t.field({ type: ExclusionKindEnum, resolve: ({ exclusion }) => exclusion.kind }),
    reason: t.string({ nullable: true, resolve: ({ exclusion }) => exclusion.reason }),
  }),
});

const ReporterDetails = builder.objectRef<ReporterIdentity>('ReporterDetails').implement({
  description: "An identified reporter's details, kept with the agency's key and shown to the staff handling the case.",
  fields: (t) => ({
    name: t.string({ nullable: true, resolve: (identity) => identity.name ?? null }),
    idNumber: t.string({ nullable: true, resolve: (identity) => identity.idNumber ?? null }),
    phone: t.string({ nullable: true, resolve: (identity) => identity.phone ?? null }),
    email: t.string({ nullable: true, resolve: (identity) => identity.email ?? null }),
    address: t.string({ nullable: true, resolve: (identity) => identity.address ?? null }),
  }),
});

const DuplicateReasonEnum = builder.enumType('DuplicateReason', { values: DUPLICATE_REASONS });
const Duplicate = builder.objectRef<PossibleDuplicate>('PossibleDuplicate').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    registrationNumber: t.exposeString('registrationNumber'),
    title: t.exposeString('title'),
    status: t.field({ type: CaseStatus, resolve: (duplicate) => duplicate.status as CaseStatusValue }),
    receivedAt: t.field({ type: 'DateTime', resolve: (duplicate) => duplicate.receivedAt }),
    similarity: t.float({ description: 'Share of distinct words in common, 0 to 1.', resolve: (duplicate) => Math.round(duplicate.similarity * 100) / 100 }),
    reasons: t.field({ type: [DuplicateReasonEnum], resolve: (duplicate) => duplicate.reasons }),
  }),
});

type FormFieldTypeValue = (typeof FORM_FIELD_TYPES)[number];

const AnswerEntry = builder.objectRef<{ label: string; value: string; type: FormFieldTypeValue | null }>('CaseFormAnswer').implement({
  fields: (t) => ({
    label: t.exposeString('label'),
    value: t.exposeString('value'),
    type: t.field({
      type: FormFieldType,
      nullable: true,
      description: "The form field's type (a DATE value is `YYYY-MM-DD`, for the page to write in its language); null for an answer the form no longer has.",
      resolve: (answer) => answer.type,
    }),
  }),
});

function formAnswers({ found, config }: CaseShape, ctx: Context) {
  const caseType = config.caseTypes.find((item) => item.id === found.caseTypeId);
  const fields = (caseType?.formFields ?? []) as unknown as { key: string; label: unknown; type: FormFieldTypeValue }[];
  const values = found.answers as Record<string, string>;
  const known = fields
    .filter((field) => values[field.key] !== undefined)
    .map((field) => ({ label: text(field.label, ctx) ?? field.key, value: values[field.key]!, type: field.type }));
  const others = Object.entries(values)
    .filter(([key]) => !fields.some((field) => field.key === key))
    .map(([key, value]) => ({ label: key, value, type: null }));
  return [...known, ...others];
}

function eventData(found: StaffCase, kind: StaffCase['events'][number]['kind'], key: string): string | null {
  for (const event of [...found.events].reverse()) {
    const value = event.kind === kind ? (event.data as Record<string, unknown> | null)?.[key] : undefined;
    if (typeof value === 'string') return value;
  }
  return null;
}

function capabilityFacts(found: StaffCase): CapabilityFacts {
  return {
    status: found.status as CaseStatusValue,
    hasSubmittedAnswer: found.officialAnswers.some((answer) => answer.status === 'SUBMITTED'),
    sealedIdentity: found.identityProtection === 'SEALED',
  };
}

function capabilitiesOf({ found, viewer, canHandle, canRestrict, canReveal }: CaseShape): CaseCapabilities {
  return findCaseCapabilities(capabilityFacts(found), viewer.roles, { handle: canHandle, restrict: canRestrict, reveal: canReveal });
}

/** The agency's response templates, by where staff may use them. */
export const TemplateUseEnum = builder.enumType(Enums.TemplateUse, { name: 'TemplateUse' });

const TransitionOptionRef = builder.objectRef<TransitionOption>('TransitionOption').implement({
  description:
    'A transition the signed-in staff member may make now, with what its form needs, read off the case lifecycle: a console builds its buttons from these and restates none of the state machine.',
  fields: (t) => ({
    transition: t.field({ type: StaffTransition, resolve: (option) => option.transition }),
    reasonRequired: t.exposeBoolean('reasonRequired', { description: '`transitionCase` refuses it without a reason (the reporter reads it).' }),
    leadsTo: t.field({
      type: CaseStatus,
      nullable: true,
      description: 'The status the case is in afterwards; null: back to the status it was in before it waited.',
      resolve: (option) => option.leadsTo,
    }),
    reasonTemplate: t.field({
      type: TemplateUseEnum,
      nullable: true,
      description: "The agency's response templates of this use may fill the reason.",
      resolve: (option) => option.reasonTemplate,
    }),
  }),
});

const CaseCapabilitiesRef = builder.objectRef<CaseCapabilities>('CaseCapabilities').implement({
  description:
    "What the signed-in staff member may do on this case now: from their roles' CASL rules on this case and the case lifecycle, the same rules the mutations check. A true field means its mutation will accept the request, unless someone else changes the case first.",
  fields: (t) => ({
    handle: t.exposeBoolean('handle', { description: 'Work on the case at all (the CASL `handle` action).' }),
    transitions: t.field({ type: [StaffTransition], description: '`transitionCase` now.', resolve: (can) => can.transitions }),
    transitionOptions: t.field({
      type: [TransitionOptionRef],
      description: 'The same transitions, each with whether it needs a reason, the templates for it and the status it leads to.',
      resolve: (can) => can.transitionOptions,
    }),
    transfer: t.exposeBoolean('transfer', { description: '`transferCase`.' }),
    addNote: t.exposeBoolean('addNote', { description: '`addCaseNote`.' }),
    sendMessage: t.exposeBoolean('sendMessage', { description: '`sendStaffMessage` (while the case is open).' }),
    setPriority: t.exposeBoolean('setPriority', { description: '`setCasePriority`.' }),
    draftAnswer: t.exposeBoolean('draftAnswer', { description: '`draftCaseAnswer` (during the follow-up).' }),
    approveAnswer: t.exposeBoolean('approveAnswer', { description: '`transitionCase` with APPROVE_ANSWER: a submitted answer waits.' }),
    returnAnswer: t.exposeBoolean('returnAnswer', { description: '`returnCaseAnswer`: a submitted answer waits.' }),
    restrict: t.exposeBoolean('restrict', { description: '`restrictCase` to named handlers.' }),
    declareConflict: t.exposeBoolean('declareConflict', { description: '`recordConflict` for oneself.' }),
    recordColleagueConflict: t.exposeBoolean('recordColleagueConflict', { description: '`recordConflict` naming a colleague.' }),
    requestReveal: t.exposeBoolean('requestReveal', { description: '`requestIdentityReveal` of the sealed identity.' }),
    reveal: t.exposeBoolean('reveal', { description: 'Reveal the sealed identity (the custodian, on their page, after a request).' }),
  }),
});

export const StaffCaseRef = builder.objectRef<CaseShape>('StaffCase').implement({
  description: "A case as its agency's staff see it. A confidential reporter's identity is never here (see the custodian's reveal).",
  fields: (t) => ({
    id: t.id({ resolve: ({ found }) => found.id }),
    registrationNumber: t.string({ resolve: ({ found }) => found.registrationNumber }),
    title: t.string({ resolve: ({ found }) => found.title }),
    status: t.field({ type: CaseStatus, resolve: ({ found }) => found.status }),
    priority: t.field({ type: CasePriority, resolve: ({ found }) => found.priority }),
    identityMode: t.field({ type: IdentityMode, resolve: ({ found }) => found.identityMode }),
    confidential: t.boolean({
      description: 'The identity is sealed to the custodians: only their reveal opens it.',
      resolve: ({ found }) => found.identityProtection === 'SEALED',
    }),
    reporter: t.field({
      type: ReporterDetails,
      nullable: true,
      description: 'For identities kept with the agency key, to staff who may handle the case; never a sealed identity.',
      resolve: ({ found, canHandle }, _, ctx) =>
        canHandle && found.identityProtection === 'TENANT_KEY' && found.identity
          ? ctx.vault.openTenantKeyed(ctx.db.prisma, { tenantId: found.tenantId, caseId: found.id, envelope: found.identity })
          : null,
    }),
    agency: t.field({ type: Agency, resolve: ({ config }) => ({ config }) }),
    caseType: t.field({
      type: CaseType,
      nullable: true,
      resolve: ({ found, config }) => config.caseTypes.find((item) => item.id === found.caseTypeId) ?? null,
    }),
    category: t.field({
      type: Category,
      nullable: true,
      resolve: ({ found, config }) => config.categories.find((item) => item.id === found.categoryId) ?? null,
    }),
    channel: t.field({ type: Channel, nullable: true, resolve: ({ found, config }) => config.channels.find((item) => item.id === found.channelId) ?? null }),
    externalReference: t.string({ nullable: true, resolve: ({ found }) => found.externalReference }),
    recordedBy: t.field({
      type: StaffRef,
      nullable: true,
      description: 'The staff member who recorded an offline intake (named on its receipt), or who received a transfer.',
      resolve: ({ found, names }) => staffOf(names, found.recordedById),
    }),
    receivedAt: t.field({ type: 'DateTime', resolve: ({ found }) => found.receivedAt }),
    submittedAt: t.field({ type: 'DateTime', resolve: ({ found }) => found.submittedAt }),
    closedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ found }) => found.closedAt }),
    answers: t.field({ type: [AnswerEntry], resolve: (shape, _, ctx) => formAnswers(shape, ctx) }),
    deadlines: t.field({ type: [StageDeadlineRef], resolve: ({ found }) => found.deadlines as unknown as StageDeadline[] }),
    currentStage: t.field({ type: CurrentStage, nullable: true, resolve: ({ found, config }) => currentStage(found, config) }),
    waitingSince: t.field({ type: 'DateTime', nullable: true, resolve: ({ found }) => found.waitingSince }),
    silenceCloseAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ found }) => found.silenceCloseAt }),
    escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ found }) => found.escalatedAt }),
    restricted: t.boolean({ resolve: ({ found }) => found.restricted }),
    handlers: t.field({ type: [StaffRef], resolve: ({ found, names }) => found.handlers.map((handler) => staffOf(names, handler.staffUserId)!) }),
    exclusions: t.field({ type: [Exclusion], resolve: ({ found, names }) => found.exclusions.map((exclusion) => ({ exclusion, names })) }),
    timeline: t.field({ type: [TimelineEvent], resolve: ({ found, names }) => found.events.map((event) => ({ event, names })) }),
    messages: t.field({ type: [StaffMessage], resolve: ({ found, names }) => found.messages.map((message) => ({ message, names })) }),
    notes: t.field({ type: [Note], resolve: ({ found, names }) => found.notes.map((note) => ({ note, names })) }),
    officialAnswers: t.field({ type: [OfficialAnswer], resolve: ({ found, names }) => found.officialAnswers.map((answer) => ({ answer, names })) }),
    evidence: t.field({ type: [EvidenceFile], resolve: ({ found }) => found.evidence }),
    // From the events: the other agency's row is outside this viewer's scope (row-level security).
    transferredTo: t.string({
      nullable: true,
      description: 'The registration number at the agency it was transferred to.',
      resolve: ({ found }) => eventData(found, 'STATUS_CHANGED', 'toRegistrationNumber'),
    }),
    transferredFrom: t.string({
      nullable: true,
      description: 'The registration number at the agency that transferred it here.',
      resolve: ({ found }) => eventData(found, 'TRANSFERRED_IN', 'fromRegistrationNumber'),
    }),
    availableTransitions: t.field({
      type: [CaseTransition],
      description: 'The transitions the viewer may make now, a transfer included (see `viewerCan` for everything else).',
      resolve: ({ found, viewer, canHandle }) => findStaffTransitions(capabilityFacts(found), viewer.roles, { handle: canHandle }) as never,
    }),
    viewerCan: t.field({ type: CaseCapabilitiesRef, resolve: (shape) => capabilitiesOf(shape) }),
    possibleDuplicates: t.field({
      type: [Duplicate],
      description: 'Other recent cases of the agency from the same reporter account, about the same category and place, or with much the same words.',
      resolve: ({ found, viewer }, _, ctx) => withDataScope(ctx.db.prisma, viewer.scope, (tx) => findPossibleDuplicates(tx, viewer.ability, found.id)),
    }),
    canHandle: t.boolean({ deprecationReason: 'Use viewerCan.handle.', resolve: ({ canHandle }) => canHandle }),
    canRestrict: t.boolean({ deprecationReason: 'Use viewerCan.restrict.', resolve: ({ canRestrict }) => canRestrict }),
  }),
});

async function loadNames(tx: ScopedTransaction, found: StaffCase): Promise<StaffNames> {
  const ids = new Set<string>();
  for (const event of found.events) if (event.actorKind === 'STAFF' && event.actorId) ids.add(event.actorId);
  for (const message of found.messages) if (message.authorKind === 'STAFF' && message.authorId) ids.add(message.authorId);
  for (const note of found.notes) ids.add(note.authorId);
  for (const answer of found.officialAnswers) {
    ids.add(answer.draftedById);
    if (answer.decidedById) ids.add(answer.decidedById);
  }
  for (const item of [...found.exclusions, ...found.handlers]) ids.add(item.staffUserId);
  if (found.recordedById) ids.add(found.recordedById);
  const staff = await tx.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, title: true } });
  return new Map(staff.map((member) => [member.id, { name: member.name, title: member.title }]));
}

export async function configOf(ctx: Context, tenantId: string): Promise<TenantConfig> {
  const config = await ctx.configs.find(tenantId);
  if (!config) throw new AppError('NOT_FOUND', 'No such agency.');
  return config;
}

/** One case for the console, read in the viewer's scope. */
export async function loadStaffCase(ctx: Context, key: { id?: string | null; registrationNumber?: string | null }): Promise<CaseShape> {
  const viewer = await getStaff(ctx);
  const loaded = await withDataScope(ctx.db.prisma, viewer.scope, async (tx) => {
    const found = await getStaffCase(tx, viewer.ability, key);
    // One after the other: a transaction runs one statement at a time anyway.
    const names = await loadNames(tx, found);
    const canHandle = await canOnCase(tx, viewer.ability, 'handle', found.id);
    const canRestrict = await canOnCase(tx, viewer.ability, 'restrict', found.id);
    // Only a sealed identity is revealed; no query for the others.
    const canReveal = found.identityProtection === 'SEALED' && (await canOnCase(tx, viewer.ability, 'reveal', found.id));
    return { found, names, canHandle, canRestrict, canReveal };
  });
  return { ...loaded, config: await configOf(ctx, loaded.found.tenantId), viewer };
}

builder.queryFields((t) => ({
  staffCase: t.field({
    type: StaffCaseRef,
    description: 'One case by id or registration number; NOT_FOUND when the viewer may not see it.',
    args: { id: t.arg.id(), registrationNumber: t.arg.string() },
    resolve: (_, args, ctx) => {
      if (!args.id && !args.registrationNumber) throw new AppError('BAD_USER_INPUT', 'Give the id or the registration number.');
      return loadStaffCase(ctx, { id: args.id ? String(args.id) : null, registrationNumber: args.registrationNumber });
    },
  }),
  agencyStaff: t.field({
    type: [StaffRef],
    description: "The staff of the viewer's agency (to name handlers or a colleague with a conflict).",
    resolve: async (_, __, ctx) => {
      const viewer = await getStaff(ctx);
      if (!viewer.tenantId) return [];
      return withDataScope(ctx.db.prisma, viewer.scope, (tx) =>
        tx.staffUser.findMany({ where: { tenantId: viewer.tenantId, active: true }, select: { id: true, name: true, title: true }, orderBy: { name: 'asc' } }),
      );
    },
  }),
}));
