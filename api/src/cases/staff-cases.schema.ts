/** The staff console's side of a case in GraphQL: the inbox, a case, and the work on it. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getStaff, type Context, type StaffViewer } from '../context.ts';
import { CaseType, Category, Channel, IdentityMode, text } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { StaffRoleEnum } from '../auth/auth.schema.ts';
import { availableTransitions, OPEN_STATUSES, type CaseStatus as CaseStatusValue } from './case-lifecycle.ts';
import { CaseEventKind, CaseStatus, EvidenceFile, StageDeadlineRef } from './reporting.schema.ts';
import { canOnCase, countInbox, getStaffCase, listInbox, type InboxCase, type InboxFilter, type StaffCase } from './staff-cases.service.ts';
import { transitionCase, type StaffTransitionName } from './case-workflow.service.ts';
import { transferCase } from './case-transfer.service.ts';
import { recordOfflineIntake } from './offline-intake.service.ts';
import { findPossibleDuplicates, type PossibleDuplicate } from './case-duplicates.service.ts';
import { addCaseNote, draftCaseAnswer, recordConflict, restrictCase, returnCaseAnswer, sendStaffMessage, setCasePriority } from './case-records.service.ts';
import type { StageDeadline } from './report-submission.service.ts';
import type { ReporterIdentity } from '../identity/identity-vault.service.ts';

const CasePriority = builder.enumType('CasePriority', { values: ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const });
const CaseTransition = builder.enumType('CaseTransition', {
  values: ['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT', 'START_FOLLOW_UP', 'APPROVE_ANSWER', 'CLOSE', 'TRANSFER'] as const,
});
const StaffTransition = builder.enumType('StaffTransition', {
  description: 'The transitions made with `transitionCase` (a transfer has its own mutation).',
  values: ['TAKE_FOR_VERIFICATION', 'REQUEST_INFO', 'ACCEPT', 'REJECT', 'START_FOLLOW_UP', 'APPROVE_ANSWER', 'CLOSE'] as const,
});
const NoteKindEnum = builder.enumType('NoteKind', { values: ['NOTE', 'FOLLOW_UP', 'COORDINATION'] as const });
const AnswerStatusEnum = builder.enumType('AnswerStatus', { values: ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const });
const EventVisibilityEnum = builder.enumType('EventVisibility', { values: ['REPORTER', 'INTERNAL'] as const });
const ActorKindEnum = builder.enumType('ActorKind', { values: ['REPORTER', 'STAFF', 'SYSTEM'] as const });
const ExclusionKindEnum = builder.enumType('ExclusionKind', { values: ['NAMED_IN_REPORT', 'DECLARED_CONFLICT'] as const });

/** Names of the staff a case mentions, loaded once per case. */
type StaffNames = Map<string, { name: string; title: string | null }>;

interface AgencyShape {
  config: TenantConfig;
}
const Agency = builder.objectRef<AgencyShape>('CaseAgency').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ config }) => config.id }),
    slug: t.string({ resolve: ({ config }) => config.slug }),
    shortName: t.string({ resolve: ({ config }) => config.shortName }),
    name: t.string({ resolve: ({ config }, _, ctx) => text(config.name, ctx)! }),
    timeZone: t.string({ resolve: ({ config }) => config.timeZone }),
  }),
});

const StaffRef = builder.objectRef<{ id: string; name: string; title: string | null }>('StaffMember').implement({
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
}
const CurrentStage = builder.objectRef<CurrentStageShape>('CurrentStage').implement({
  description: 'The SLA stage whose clock runs now.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({ resolve: (stage, _, ctx) => text(stage.name, ctx) ?? stage.key }),
    deadline: t.field({ type: 'DateTime', resolve: (stage) => stage.deadline }),
    provisional: t.exposeBoolean('provisional'),
    paused: t.exposeBoolean('paused', { description: 'The case waits for the reporter: the clock is stopped.' }),
    overdue: t.exposeBoolean('overdue'),
  }),
});

function currentStage(
  row: Pick<InboxCase, 'stageKey' | 'stageDeadline' | 'stageProvisional' | 'waitingSince' | 'status' | 'caseTypeId'>,
  config: TenantConfig,
): CurrentStageShape | null {
  if (!row.stageKey || !row.stageDeadline) return null;
  const stage = config.caseTypes.find((item) => item.id === row.caseTypeId)?.slaPolicy?.stages.find((item) => item.key === row.stageKey);
  const paused = row.waitingSince !== null;
  return {
    key: row.stageKey,
    name: stage?.name ?? null,
    deadline: row.stageDeadline,
    provisional: row.stageProvisional,
    paused,
    overdue: !paused && OPEN_STATUSES.includes(row.status) && row.stageDeadline.getTime() < Date.now(),
  };
}

interface InboxRowShape {
  row: InboxCase;
  config: TenantConfig;
}
const InboxRow = builder.objectRef<InboxRowShape>('InboxCase').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ row }) => row.id }),
    registrationNumber: t.string({ resolve: ({ row }) => row.registrationNumber }),
    title: t.string({ resolve: ({ row }) => row.title }),
    status: t.field({ type: CaseStatus, resolve: ({ row }) => row.status }),
    priority: t.field({ type: CasePriority, resolve: ({ row }) => row.priority }),
    identityMode: t.field({ type: IdentityMode, resolve: ({ row }) => row.identityMode }),
    receivedAt: t.field({ type: 'DateTime', resolve: ({ row }) => row.receivedAt }),
    agency: t.field({ type: Agency, resolve: ({ config }) => ({ config }) }),
    caseType: t.field({ type: CaseType, nullable: true, resolve: ({ row, config }) => config.caseTypes.find((item) => item.id === row.caseTypeId) ?? null }),
    category: t.field({ type: Category, nullable: true, resolve: ({ row, config }) => config.categories.find((item) => item.id === row.categoryId) ?? null }),
    channel: t.field({ type: Channel, nullable: true, resolve: ({ row, config }) => config.channels.find((item) => item.id === row.channelId) ?? null }),
    currentStage: t.field({ type: CurrentStage, nullable: true, resolve: ({ row, config }) => currentStage(row, config) }),
    escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ row }) => row.escalatedAt }),
    restricted: t.boolean({ resolve: ({ row }) => row.restricted }),
  }),
});

interface InboxPageShape {
  rows: InboxRowShape[];
  hasNextPage: boolean;
  endCursor: string | null;
  count: () => Promise<number>;
}
const InboxPage = builder.objectRef<InboxPageShape>('InboxPage').implement({
  fields: (t) => ({
    cases: t.field({ type: [InboxRow], resolve: (page) => page.rows }),
    hasNextPage: t.exposeBoolean('hasNextPage'),
    endCursor: t.string({ nullable: true, resolve: (page) => page.endCursor }),
    totalCount: t.int({ description: 'Cases matching the filter (counted only when asked for).', resolve: (page) => page.count() }),
  }),
});

interface CaseShape {
  found: StaffCase;
  config: TenantConfig;
  names: StaffNames;
  viewer: StaffViewer;
  canHandle: boolean;
  canRestrict: boolean;
}

const TimelineEvent = builder.objectRef<{ event: StaffCase['events'][number]; names: StaffNames }>('StaffTimelineEntry').implement({
  fields: (t) => ({
    cursor: t.string({ resolve: ({ event }) => event.id.toString() }),
    kind: t.field({ type: CaseEventKind, resolve: ({ event }) => event.kind }),
    status: t.field({ type: CaseStatus, resolve: ({ event }) => event.status }),
    visibility: t.field({ type: EventVisibilityEnum, resolve: ({ event }) => event.visibility }),
    actorKind: t.field({ type: ActorKindEnum, resolve: ({ event }) => event.actorKind }),
    actor: t.field({ type: StaffRef, nullable: true, resolve: ({ event, names }) => (event.actorKind === 'STAFF' ? staffOf(names, event.actorId) : null) }),
    transition: t.string({ nullable: true, resolve: ({ event }) => ((event.data as { transition?: string } | null)?.transition ?? null) }),
    reason: t.string({ nullable: true, resolve: ({ event }) => event.reason }),
    at: t.field({ type: 'DateTime', resolve: ({ event }) => event.createdAt }),
  }),
});

const StaffMessage = builder.objectRef<{ message: StaffCase['messages'][number]; names: StaffNames }>('StaffCaseMessage').implement({
  fields: (t) => ({
    id: t.id({ resolve: ({ message }) => message.id }),
    authorKind: t.field({ type: ActorKindEnum, resolve: ({ message }) => message.authorKind }),
    author: t.field({ type: StaffRef, nullable: true, resolve: ({ message, names }) => (message.authorKind === 'STAFF' ? staffOf(names, message.authorId) : null) }),
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

const DuplicateReasonEnum = builder.enumType('DuplicateReason', { values: ['SAME_REPORTER', 'SAME_CATEGORY_AND_PLACE', 'SIMILAR_TEXT'] as const });
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

const AnswerEntry = builder.objectRef<{ label: string; value: string }>('CaseFormAnswer').implement({
  fields: (t) => ({ label: t.exposeString('label'), value: t.exposeString('value') }),
});

function formAnswers({ found, config }: CaseShape, ctx: Context) {
  const caseType = config.caseTypes.find((item) => item.id === found.caseTypeId);
  const fields = (caseType?.formFields ?? []) as unknown as { key: string; label: unknown }[];
  const values = found.answers as Record<string, string>;
  const known = fields.filter((field) => values[field.key] !== undefined).map((field) => ({ label: text(field.label, ctx) ?? field.key, value: values[field.key]! }));
  const others = Object.entries(values)
    .filter(([key]) => !fields.some((field) => field.key === key))
    .map(([key, value]) => ({ label: key, value }));
  return [...known, ...others];
}

function eventData(found: StaffCase, kind: StaffCase['events'][number]['kind'], key: string): string | null {
  for (const event of [...found.events].reverse()) {
    const value = event.kind === kind ? (event.data as Record<string, unknown> | null)?.[key] : undefined;
    if (typeof value === 'string') return value;
  }
  return null;
}

function actionsFor({ found, viewer, canHandle }: CaseShape): string[] {
  if (!canHandle) return [];
  return availableTransitions(found.status as CaseStatusValue, viewer.roles).filter((name) => {
    if (name === 'APPROVE_ANSWER') return found.officialAnswers.some((answer) => answer.status === 'SUBMITTED');
    return name !== 'RECEIVE_INFO' && name !== 'CLOSE_FOR_SILENCE';
  });
}

const StaffCaseRef = builder.objectRef<CaseShape>('StaffCase').implement({
  description: "A case as its agency's staff see it. A confidential reporter's identity is never here (see the custodian's reveal).",
  fields: (t) => ({
    id: t.id({ resolve: ({ found }) => found.id }),
    registrationNumber: t.string({ resolve: ({ found }) => found.registrationNumber }),
    title: t.string({ resolve: ({ found }) => found.title }),
    status: t.field({ type: CaseStatus, resolve: ({ found }) => found.status }),
    priority: t.field({ type: CasePriority, resolve: ({ found }) => found.priority }),
    identityMode: t.field({ type: IdentityMode, resolve: ({ found }) => found.identityMode }),
    confidential: t.boolean({ description: 'The identity is sealed to the custodians: only their reveal opens it.', resolve: ({ found }) => found.identityProtection === 'SEALED' }),
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
    caseType: t.field({ type: CaseType, nullable: true, resolve: ({ found, config }) => config.caseTypes.find((item) => item.id === found.caseTypeId) ?? null }),
    category: t.field({ type: Category, nullable: true, resolve: ({ found, config }) => config.categories.find((item) => item.id === found.categoryId) ?? null }),
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
    availableTransitions: t.field({ type: [CaseTransition], resolve: (shape) => actionsFor(shape) as never }),
    possibleDuplicates: t.field({
      type: [Duplicate],
      description: 'Other recent cases of the agency from the same reporter account, about the same category and place, or with much the same words.',
      resolve: ({ found, viewer }, _, ctx) =>
        withDataScope(ctx.db.prisma, viewer.scope, (tx) => findPossibleDuplicates(tx, viewer.ability, found.id)),
    }),
    canHandle: t.boolean({ resolve: ({ canHandle }) => canHandle }),
    canRestrict: t.boolean({ resolve: ({ canRestrict }) => canRestrict }),
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

async function configOf(ctx: Context, tenantId: string): Promise<TenantConfig> {
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
    return { found, names, canHandle, canRestrict };
  });
  return { ...loaded, config: await configOf(ctx, loaded.found.tenantId), viewer };
}

const InboxFilterInput = builder.inputType('InboxFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [CaseStatus] }),
    agencySlugs: t.stringList({ description: 'Secretariat staff: only these agencies of the province.' }),
    caseTypeKeys: t.stringList(),
    categoryKeys: t.stringList(),
    channelKeys: t.stringList(),
    priorities: t.field({ type: [CasePriority] }),
    overdue: t.boolean(),
    escalated: t.boolean(),
    search: t.string({ description: 'A registration number or part of one.' }),
  }),
});

const inboxArgs = z.object({
  first: z.number().int().min(1).max(100),
  after: z.string().max(200).nullish(),
  search: z.string().max(40).nullish(),
});

/** Filter keys are per agency: a key matches that key's id in every agency the viewer reaches. */
async function resolveFilter(ctx: Context, viewer: StaffViewer, input: typeof InboxFilterInput.$inferInput | null | undefined): Promise<InboxFilter> {
  if (!input) return {};
  const configs = (await Promise.all(viewer.scope.tenantIds.map((id) => ctx.configs.find(id)))).filter((config): config is TenantConfig => config !== null);
  const idsOf = (keys: readonly string[] | null | undefined, pick: (config: TenantConfig) => { id: string; key: string }[]) =>
    keys?.length ? configs.flatMap((config) => pick(config).filter((item) => keys.includes(item.key)).map((item) => item.id)).concat(['00000000-0000-0000-0000-000000000000']) : null;
  return {
    statuses: input.statuses ?? null,
    tenantIds: input.agencySlugs?.length ? configs.filter((config) => input.agencySlugs!.includes(config.slug)).map((config) => config.id).concat(['00000000-0000-0000-0000-000000000000']) : null,
    caseTypeIds: idsOf(input.caseTypeKeys, (config) => config.caseTypes),
    categoryIds: idsOf(input.categoryKeys, (config) => config.categories),
    channelIds: idsOf(input.channelKeys, (config) => config.channels),
    priorities: input.priorities ?? null,
    overdue: input.overdue ?? null,
    escalated: input.escalated ?? null,
    search: input.search ?? null,
  };
}

const TemplateUseEnum = builder.enumType('TemplateUse', { values: ['REQUEST_INFO', 'REJECT', 'TRANSFER', 'MESSAGE', 'ANSWER'] as const });
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
  inbox: t.field({
    type: InboxPage,
    description: 'Cases the signed-in staff member may see, newest first.',
    args: {
      filter: t.arg({ type: InboxFilterInput }),
      first: t.arg.int({ defaultValue: 25 }),
      after: t.arg.string(),
    },
    resolve: async (_, args, ctx) => {
      const viewer = await getStaff(ctx);
      const parsed = inboxArgs.safeParse({ first: args.first, after: args.after, search: args.filter?.search });
      if (!parsed.success) throw new AppError('BAD_USER_INPUT', 'Ask for 1 to 100 cases, with a valid cursor.');
      const filter = await resolveFilter(ctx, viewer, args.filter);
      const page = await withDataScope(ctx.db.prisma, viewer.scope, (tx) => listInbox(tx, viewer.ability, { filter, first: parsed.data.first, after: parsed.data.after }));
      const configs = new Map<string, TenantConfig>();
      for (const row of page.cases) if (!configs.has(row.tenantId)) configs.set(row.tenantId, await configOf(ctx, row.tenantId));
      return {
        rows: page.cases.map((row) => ({ row, config: configs.get(row.tenantId)! })),
        hasNextPage: page.hasNextPage,
        endCursor: page.endCursor,
        count: () => withDataScope(ctx.db.prisma, viewer.scope, (tx) => countInbox(tx, viewer.ability, filter)),
      };
    },
  }),
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
    staffUserId: t.id({ description: 'A colleague named in the report; empty to declare your own conflict.' }),
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
      return afterWrite(ctx, caseId, (viewer) =>
        transitionCase(workflowDeps(ctx), viewer, { caseId, transition: input.transition as StaffTransitionName, reason: input.reason }),
      );
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
        transferCase({ ...workflowDeps(ctx), vault: ctx.vault, directory: ctx.directory }, viewer, { caseId, targetAgencySlug: input.targetAgencySlug, reason: input.reason }),
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
      const recorded = await recordOfflineIntake({ ...workflowDeps(ctx), vault: ctx.vault }, viewer, { ...input, reporter: input.reporter ?? null }, { locale: ctx.locale });
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
    description: 'Returns null when the viewer declared their own conflict: they no longer see the case.',
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

export { StaffRoleEnum };
export type { CaseShape };
