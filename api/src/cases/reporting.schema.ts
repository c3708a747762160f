/** The reporter's side of a case in GraphQL: filing, the receipt, tracking, messages. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import * as Enums from '../generated/prisma/enums.ts';
import { findReporter, getReporter, getTenantConfig } from '../context.ts';
import { IdentityMode } from '../config/config.schema.ts';
import { text } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { findReporterCase, listReporterCases, sendReporterMessage, type ReporterCase } from './report-tracking.service.ts';
import { submitReport, type StageDeadline } from './report-submission.service.ts';

export const CaseStatus = builder.enumType(Enums.CaseStatus, { name: 'CaseStatus' });
export const CaseEventKind = builder.enumType(Enums.CaseEventKind, { name: 'CaseEventKind' });
/** Who wrote a message: the event's actor kind. */
const MessageAuthor = builder.enumType(Enums.ActorKind, { name: 'MessageAuthor' });

export const StageDeadlineRef = builder.objectRef<StageDeadline>('StageDeadline').implement({
  description: 'The end of an SLA stage, in working days from receipt.',
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({ resolve: (stage, _, ctx) => text(stage.name, ctx)! }),
    workingDays: t.exposeInt('workingDays'),
    deadline: t.field({ type: 'DateTime', resolve: (stage) => new Date(stage.deadline) }),
    provisional: t.exposeBoolean('provisional', {
      description: 'True when the deadline reaches into a year whose national holidays are not loaded yet.',
    }),
  }),
});

interface EvidenceShape {
  id: string;
  fileName: string;
  size: number | null;
  contentType: string | null;
  sha256?: string | null;
}
export const EvidenceFile = builder.objectRef<EvidenceShape>('EvidenceFile').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    fileName: t.exposeString('fileName'),
    size: t.int({ resolve: (file) => file.size ?? 0 }),
    contentType: t.string({ resolve: (file) => file.contentType ?? 'application/octet-stream' }),
    sha256: t.string({ nullable: true, resolve: (file) => file.sha256 ?? null }),
  }),
});

type MessageShape = ReporterCase['messages'][number];
const ReporterMessage = builder.objectRef<MessageShape>('ReporterMessage').implement({
  description: 'A message between the reporter and the agency, visible to the reporter.',
  fields: (t) => ({
    id: t.exposeID('id'),
    author: t.field({ type: MessageAuthor, resolve: (message) => message.authorKind }),
    body: t.exposeString('body'),
    sentAt: t.field({ type: 'DateTime', resolve: (message) => message.createdAt }),
    evidence: t.field({ type: [EvidenceFile], resolve: (message) => message.evidence }),
  }),
});

type EventShape = ReporterCase['events'][number];
const TimelineEntry = builder.objectRef<ReporterCaseView['events'][number]>('TimelineEntry').implement({
  fields: (t) => ({
    cursor: t.string({
      description: 'The live cursor of this event: an opaque token, equal to the `cursor` of the live update for the same event.',
      resolve: (event, _, ctx) => ctx.live.cursors.encode(event.id.toString()),
    }),
    kind: t.field({ type: CaseEventKind, resolve: (event) => event.kind }),
    status: t.field({ type: CaseStatus, resolve: (event) => event.status }),
    at: t.field({ type: 'DateTime', resolve: (event) => event.createdAt }),
  }),
});

/**
 * What the reporter's types read of a case. A tracked case is read from the database; a
 * case just filed is what its transaction wrote (`SubmittedCase`), so the receipt needs no
 * read-back: a field that reads more of the case must be added here, and to both.
 */
type ReporterCaseView = Pick<
  ReporterCase,
  'id' | 'tenantId' | 'registrationNumber' | 'status' | 'caseTypeId' | 'category' | 'title' | 'identityMode' | 'submittedAt' | 'receivedAt'
> & {
  /** StageDeadline[] as stored. */
  deadlines: unknown;
  caseType: Pick<ReporterCase['caseType'], 'key' | 'name'>;
  events: Pick<EventShape, 'id' | 'kind' | 'status' | 'createdAt'>[];
  messages: MessageShape[];
  evidence: EvidenceShape[];
};

/** A case with the tenant it belongs to, for fields that need the configuration. */
export interface TrackedShape {
  found: ReporterCaseView;
  tenant: TenantConfig;
}

const Receipt = builder.objectRef<TrackedShape>('ReportReceipt').implement({
  description: 'The proof of filing (tanda bukti): number, dates, agency and stage deadlines.',
  fields: (t) => ({
    registrationNumber: t.string({ resolve: ({ found }) => found.registrationNumber }),
    agencyName: t.string({ resolve: ({ tenant }, _, ctx) => text(tenant.name, ctx)! }),
    agencySlug: t.string({ resolve: ({ tenant }) => tenant.slug }),
    agencyAddress: t.string({ nullable: true, resolve: ({ tenant }, _, ctx) => text(tenant.address, ctx) }),
    caseTypeName: t.string({ resolve: ({ found }, _, ctx) => text(found.caseType.name, ctx)! }),
    categoryName: t.string({ nullable: true, resolve: ({ found }, _, ctx) => (found.category ? text(found.category.name, ctx) : null) }),
    handlingUnit: t.string({
      nullable: true,
      resolve: ({ found, tenant }, _, ctx) => text(tenant.caseTypes.find((caseType) => caseType.id === found.caseTypeId)?.handlingUnit ?? null, ctx),
    }),
    identityMode: t.field({ type: IdentityMode, resolve: ({ found }) => found.identityMode }),
    submittedAt: t.field({ type: 'DateTime', resolve: ({ found }) => found.submittedAt }),
    receivedAt: t.field({ type: 'DateTime', resolve: ({ found }) => found.receivedAt }),
    timeZone: t.string({ resolve: ({ tenant }) => tenant.timeZone }),
    deadlines: t.field({ type: [StageDeadlineRef], resolve: ({ found }) => found.deadlines as unknown as StageDeadline[] }),
    evidence: t.field({ type: [EvidenceFile], resolve: ({ found }) => found.evidence }),
  }),
});

export const TrackedReport = builder.objectRef<TrackedShape>('TrackedReport').implement({
  description: "A report as its reporter sees it: never internal notes, never the reporter's identity.",
  fields: (t) => ({
    registrationNumber: t.string({ resolve: ({ found }) => found.registrationNumber }),
    status: t.field({ type: CaseStatus, resolve: ({ found }) => found.status }),
    caseTypeKey: t.string({ resolve: ({ found }) => found.caseType.key }),
    caseTypeName: t.string({ resolve: ({ found }, _, ctx) => text(found.caseType.name, ctx)! }),
    title: t.string({ resolve: ({ found }) => found.title }),
    submittedAt: t.field({ type: 'DateTime', resolve: ({ found }) => found.submittedAt }),
    deadlines: t.field({ type: [StageDeadlineRef], resolve: ({ found }) => found.deadlines as unknown as StageDeadline[] }),
    timeline: t.field({ type: [TimelineEntry], resolve: ({ found }) => found.events }),
    messages: t.field({ type: [ReporterMessage], resolve: ({ found }) => found.messages }),
    receipt: t.field({ type: Receipt, resolve: (shape) => shape }),
  }),
});

const SubmitReportPayload = builder.objectRef<{ trackingCode: string; tracked: TrackedShape }>('SubmitReportPayload').implement({
  fields: (t) => ({
    registrationNumber: t.string({ resolve: ({ tracked }) => tracked.found.registrationNumber }),
    trackingCode: t.exposeString('trackingCode', {
      description: 'Shown once: only its hash is stored. With the registration number it opens the report.',
    }),
    receipt: t.field({ type: Receipt, resolve: ({ tracked }) => tracked }),
    report: t.field({ type: TrackedReport, resolve: ({ tracked }) => tracked }),
  }),
});

const ReportAnswerInput = builder.inputType('ReportAnswerInput', {
  fields: (t) => ({ field: t.string({ required: true }), value: t.string({ required: true }) }),
});
const ReporterDetailsInput = builder.inputType('ReporterDetailsInput', {
  description: 'Who the reporter is, as far as the case type asks; encrypted or sealed before it is stored.',
  fields: (t) => ({
    name: t.string(),
    idNumber: t.string({ description: 'NIK: 16 digits.' }),
    phone: t.string(),
    email: t.string(),
    address: t.string(),
  }),
});
const SubmitReportInput = builder.inputType('SubmitReportInput', {
  fields: (t) => ({
    caseTypeKey: t.string({ required: true }),
    categoryKey: t.string(),
    answers: t.field({ type: [ReportAnswerInput], required: true }),
    identityMode: t.field({ type: IdentityMode, required: true }),
    reporter: t.field({ type: ReporterDetailsInput }),
    evidenceIds: t.idList(),
    clientSubmissionKey: t.string({
      description:
        'A random key the form sends with every send of the same report: at least 16 random bytes as base64url (22+ characters; a UUID is refused). The same key with the same content files nothing twice and returns the first registration number and tracking code; the same key with other content is CONFLICT with the first number.',
    }),
  }),
});
const SendReporterMessageInput = builder.inputType('SendReporterMessageInput', {
  fields: (t) => ({
    registrationNumber: t.string({ required: true }),
    trackingCode: t.string({ description: 'Not needed when signed in with the account the report was filed under.' }),
    body: t.string({ required: true }),
    evidenceIds: t.idList(),
  }),
});

/** Bounds on what GraphQL accepts before any service looks at it. */
export const bounded = {
  submit: z.object({
    caseTypeKey: z.string().max(100),
    categoryKey: z.string().max(100).nullish(),
    answers: z.array(z.object({ field: z.string().max(100), value: z.string().max(20_000) })).max(100),
    reporter: z.record(z.string(), z.string().max(1000).nullish()).nullish(),
    evidenceIds: z.array(z.uuid()).max(50).nullish(),
    clientSubmissionKey: z.string().max(200).nullish(),
  }),
  message: z.object({
    registrationNumber: z.string().max(40),
    trackingCode: z.string().max(100).nullish(),
    body: z.string().max(20_000),
    evidenceIds: z.array(z.uuid()).max(50).nullish(),
  }),
  track: z.object({ registrationNumber: z.string().max(40), trackingCode: z.string().max(100).nullish() }),
};

builder.queryFields((t) => ({
  trackReport: t.field({
    type: TrackedReport,
    description:
      'Follow a report with its registration number and tracking code (or as the signed-in account it was filed under). The number a report was transferred as, entered at the agency it came from with the same code, finds the report here (TRANSFERRED): its `transferredTo` says where to follow it.',
    args: { registrationNumber: t.arg.string({ required: true }), trackingCode: t.arg.string() },
    resolve: async (_, args, ctx) => {
      const input = bounded.track.parse(args);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('track', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      const found = await findReporterCase(ctx.db.prisma, tenant.id, { ...input, reporterAccountId: reporter?.accountId ?? null });
      return { found, tenant };
    },
  }),
  myReports: t.field({
    type: [TrackedReport],
    description:
      "The signed-in reporter's own reports, identified and pseudonymous, newest first. Anonymous reports are never tied to an account, so never listed.",
    resolve: async (_, __, ctx) => {
      const tenant = await getTenantConfig(ctx);
      const reporter = await getReporter(ctx);
      const cases = await listReporterCases(ctx.db.prisma, tenant.id, reporter.accountId);
      return cases.map((found) => ({ found, tenant }));
    },
  }),
}));

builder.mutationFields((t) => ({
  submitReport: t.field({
    type: SubmitReportPayload,
    args: { input: t.arg({ type: SubmitReportInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      bounded.submit.parse(input);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('submit', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      // A pseudonymous account is limited on its own too, whatever address it comes from.
      if (reporter) await ctx.rateLimits.consume('submit', `account:${reporter.accountId}`);
      const calendar = await ctx.calendars.forTenant(tenant);
      const submitted = await submitReport(
        {
          db: ctx.db,
          vault: ctx.vault,
          // A crash between the commit and the answer, for the test that proves a re-sent form recovers its receipt.
          afterCommit: ctx.env.NODE_ENV === 'test' && ctx.env.TEST_CRASH_AFTER_SUBMIT ? () => process.kill(process.pid, 'SIGKILL') : undefined,
        },
        { tenant, calendar, locale: ctx.locale, reporterAccountId: reporter?.accountId ?? null },
        {
          caseTypeKey: input.caseTypeKey,
          categoryKey: input.categoryKey,
          answers: input.answers,
          identityMode: input.identityMode,
          reporter: input.reporter ?? null,
          evidenceIds: input.evidenceIds?.map(String) ?? null,
          clientSubmissionKey: input.clientSubmissionKey ?? null,
        },
      );
      ctx.logger.info(
        { registrationNumber: submitted.registrationNumber, caseId: submitted.caseId, replayed: submitted.replayed },
        submitted.replayed ? 'report re-sent: first receipt returned' : 'report submitted',
      );
      return { trackingCode: submitted.trackingCode, tracked: { found: submitted.written, tenant } };
    },
  }),
  sendReporterMessage: t.field({
    type: ReporterMessage,
    args: { input: t.arg({ type: SendReporterMessageInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      bounded.message.parse(input);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('message', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      return sendReporterMessage(
        { prisma: ctx.db.prisma, configs: ctx.configs, calendars: ctx.calendars },
        { tenantId: tenant.id, locale: ctx.locale, reporterAccountId: reporter?.accountId ?? null },
        { ...input, evidenceIds: input.evidenceIds?.map(String) ?? null },
      );
    },
  }),
}));
