/** GraphQL types of a tenant's configuration: read from the cached `TenantConfig`. */
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { localize, type LocalizedText } from '../i18n/locale.ts';
import * as Enums from '../generated/prisma/enums.ts';
import {
  CRITERIA_ELEMENTS,
  CRITERION_ELEMENTS,
  FORM_FIELD_TYPES,
  findDownloadContentType,
  findFieldMaxLength,
  type CaseTypeDownloadShape,
} from './tenant-files.schema.ts';
import type { CaseTypeConfig, SlaPolicyConfig, TenantConfig } from './tenant-config.service.ts';

// The enums stored in the database come from the Prisma schema (their one source); the two that
// exist only in tenant files from the lists in tenant-files.schema.ts.
export const TenantKind = builder.enumType(Enums.TenantKind, { name: 'TenantKind' });
export const ChannelKind = builder.enumType(Enums.ChannelKind, { name: 'ChannelKind' });
export const CaseTypeKind = builder.enumType(Enums.CaseTypeKind, { name: 'CaseTypeKind' });
export const ReportCriteria = builder.enumType(Enums.ReportCriteria, { name: 'ReportCriteria' });
export const CriterionElement = builder.enumType('CriterionElement', { values: CRITERION_ELEMENTS });
export const IdentityMode = builder.enumType(Enums.IdentityMode, { name: 'IdentityMode' });
export const ReporterDetail = builder.enumType(Enums.ReporterDetail, { name: 'ReporterDetail' });
export const ContactKind = builder.enumType(Enums.ContactKind, { name: 'ContactKind' });
export const FormFieldType = builder.enumType('FormFieldType', { values: FORM_FIELD_TYPES });

/** Resolves a JSON `{ id, en }` column to the viewer's language. */
export const text = (value: unknown, ctx: Context) => localize(value as LocalizedText | null, ctx.locale);
const texts = (value: unknown, ctx: Context) => ((value as LocalizedText[] | null) ?? []).map((item) => text(item, ctx)!);

export interface ThemeShape {
  primaryColor: string;
  primaryTextColor: string;
  accentColor: string;
  backgroundColor: string;
  textColor: string;
  logoText: string;
  tagline?: LocalizedText;
}

export const Theme = builder.objectRef<ThemeShape>('Theme').implement({
  description: 'Colours and marks of the portal, used as CSS variables.',
  fields: (t) => ({
    primaryColor: t.exposeString('primaryColor'),
    primaryTextColor: t.exposeString('primaryTextColor'),
    accentColor: t.exposeString('accentColor'),
    backgroundColor: t.exposeString('backgroundColor'),
    textColor: t.exposeString('textColor'),
    logoText: t.exposeString('logoText'),
    tagline: t.string({ nullable: true, resolve: (theme, _, ctx) => text(theme.tagline, ctx) }),
  }),
});

export const Contact = builder.objectRef<TenantConfig['contacts'][number]>('Contact').implement({
  fields: (t) => ({
    kind: t.field({ type: ContactKind, resolve: (contact) => contact.kind }),
    label: t.string({ nullable: true, resolve: (contact, _, ctx) => text(contact.label, ctx) }),
    value: t.exposeString('value'),
  }),
});

export const ServiceStandard = builder.objectRef<TenantConfig['serviceStandards'][number]>('ServiceStandard').implement({
  description: 'A service standard (Standar Pelayanan) as the agency published it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    name: t.string({ resolve: (standard, _, ctx) => text(standard.name, ctx)! }),
    legalBasis: t.exposeString('legalBasis', { nullable: true, description: 'The decree (No. SK) that sets the standard.' }),
    requirements: t.stringList({ resolve: (standard, _, ctx) => texts(standard.requirements, ctx) }),
    procedure: t.stringList({ resolve: (standard, _, ctx) => texts(standard.procedure, ctx) }),
    completionWorkingDays: t.exposeInt('completionWorkingDays', { nullable: true }),
    completionTime: t.string({ nullable: true, resolve: (standard, _, ctx) => text(standard.completionText, ctx) }),
    fee: t.string({ nullable: true, resolve: (standard, _, ctx) => text(standard.fee, ctx) }),
    products: t.stringList({ resolve: (standard, _, ctx) => texts(standard.products, ctx) }),
    complaintHandling: t.stringList({
      description: 'How to complain about the service itself.',
      resolve: (standard, _, ctx) => texts(standard.complaintHandling, ctx),
    }),
    caseTypeKeys: t.exposeStringList('caseTypeKeys'),
  }),
});

export const Channel = builder.objectRef<TenantConfig['channels'][number]>('Channel').implement({
  description: 'A way to reach the agency, with its public contact.',
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    kind: t.field({ type: ChannelKind, resolve: (channel) => channel.kind }),
    name: t.string({ resolve: (channel, _, ctx) => text(channel.name, ctx)! }),
    contact: t.exposeString('contact', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
    note: t.string({ nullable: true, resolve: (channel, _, ctx) => text(channel.note, ctx) }),
    staffIntake: t.exposeBoolean('staffIntake', { description: 'Staff may record reports received through this channel.' }),
    caseTypeKeys: t.exposeStringList('caseTypeKeys', { description: 'Case types this channel is for; empty means all.' }),
  }),
});

interface FormFieldShape {
  key: string;
  type: (typeof FORM_FIELD_TYPES)[number];
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  criterion?: (typeof CRITERION_ELEMENTS)[number];
  maxLength?: number;
  options?: { value: string; label: LocalizedText }[];
}

const FormFieldOption = builder.objectRef<{ value: string; label: LocalizedText }>('FormFieldOption').implement({
  fields: (t) => ({
    value: t.exposeString('value'),
    label: t.string({ resolve: (option, _, ctx) => text(option.label, ctx)! }),
  }),
});

export const FormField = builder.objectRef<FormFieldShape>('FormField').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    type: t.field({ type: FormFieldType, resolve: (field) => field.type }),
    label: t.string({ resolve: (field, _, ctx) => text(field.label, ctx)! }),
    help: t.string({ nullable: true, resolve: (field, _, ctx) => text(field.help, ctx) }),
    required: t.exposeBoolean('required'),
    criterion: t.field({ type: CriterionElement, nullable: true, resolve: (field) => field.criterion ?? null }),
    maxLength: t.int({
      nullable: true,
      description: "How many characters the answer may have (the form's own limit, else the default for its type); the submission refuses a longer one.",
      resolve: (field) => findFieldMaxLength(field),
    }),
    options: t.field({ type: [FormFieldOption], resolve: (field) => field.options ?? [] }),
  }),
});

const IdentityPolicy = builder.objectRef<CaseTypeConfig>('IdentityPolicy').implement({
  description: 'How a reporter may be known for this case type.',
  fields: (t) => ({
    allowed: t.field({ type: [IdentityMode], resolve: (caseType) => caseType.identityModes }),
    confidential: t.exposeBoolean('confidential', {
      description: 'The identity is sealed to the identity custodians and shown to nobody else.',
    }),
    identifiedRequires: t.field({ type: [ReporterDetail], resolve: (caseType) => caseType.identifiedRequires }),
    pseudonymousRequires: t.field({ type: [ReporterDetail], resolve: (caseType) => caseType.pseudonymousRequires }),
    note: t.string({ nullable: true, resolve: (caseType, _, ctx) => text(caseType.identityNote, ctx) }),
    pseudonymousNote: t.string({
      nullable: true,
      description: 'Shown only with the pseudonymous choice (e.g. how to choose a pseudonym).',
      resolve: (caseType, _, ctx) => text(caseType.pseudonymousNote, ctx),
    }),
  }),
});

const CaseTypeDownload = builder.objectRef<CaseTypeDownloadShape>('CaseTypeDownload').implement({
  description: 'A file the agency offers with this case type (e.g. its own paper form): GET /t/<slug>/documents/<caseTypeKey>/<key> on this API.',
  fields: (t) => ({
    key: t.exposeString('key'),
    title: t.string({ resolve: (download, _, ctx) => text(download.title, ctx)! }),
    fileName: t.exposeString('file'),
    contentType: t.string({ resolve: (download) => findDownloadContentType(download.file) }),
  }),
});

const EvidencePolicy = builder.objectRef<CaseTypeConfig>('EvidencePolicy').implement({
  fields: (t) => ({
    required: t.exposeBoolean('evidenceRequired'),
    maxFiles: t.exposeInt('evidenceMaxFiles'),
    maxFileBytes: t.exposeInt('evidenceMaxFileBytes'),
  }),
});

const SlaStage = builder.objectRef<SlaPolicyConfig['stages'][number]>('SlaStage').implement({
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.string({ resolve: (stage, _, ctx) => text(stage.name, ctx)! }),
    workingDays: t.exposeInt('workingDays'),
    remindDaysBefore: t.exposeIntList('remindDaysBefore'),
    source: t.string({ nullable: true, resolve: (stage, _, ctx) => text(stage.source, ctx) }),
  }),
});

export const SlaPolicy = builder.objectRef<SlaPolicyConfig>('SlaPolicy').implement({
  description: 'Stages with durations in working days, and where a late case escalates.',
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    name: t.string({ resolve: (policy, _, ctx) => text(policy.name, ctx)! }),
    stages: t.field({ type: [SlaStage], resolve: (policy) => policy.stages }),
    escalationTarget: t.string({ nullable: true, resolve: (policy, _, ctx) => text(policy.escalationTarget, ctx) }),
    silenceClosureWorkingDays: t.exposeInt('silenceClosureWorkingDays', { nullable: true }),
    monthlyReportDay: t.exposeInt('monthlyReportDay', { nullable: true }),
  }),
});

export const CaseType = builder.objectRef<CaseTypeConfig>('CaseType').implement({
  description: 'A kind of report the agency accepts, with its form and rules.',
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    kind: t.field({ type: CaseTypeKind, resolve: (caseType) => caseType.kind }),
    name: t.string({ resolve: (caseType, _, ctx) => text(caseType.name, ctx)! }),
    description: t.string({ nullable: true, resolve: (caseType, _, ctx) => text(caseType.description, ctx) }),
    criteria: t.field({ type: ReportCriteria, resolve: (caseType) => caseType.criteria }),
    criteriaElements: t.field({
      type: [CriterionElement],
      description: 'What a report must answer: What, Where, When for 3W; plus Who, Why, How for 5W+1H.',
      resolve: (caseType) => [...CRITERIA_ELEMENTS[caseType.criteria]],
    }),
    formFields: t.field({ type: [FormField], resolve: (caseType) => caseType.formFields as unknown as FormFieldShape[] }),
    onlineIntake: t.exposeBoolean('onlineIntake', { description: 'Reports of this type can be filed on the portal.' }),
    identity: t.field({ type: IdentityPolicy, resolve: (caseType) => caseType }),
    evidence: t.field({ type: EvidencePolicy, resolve: (caseType) => caseType }),
    requiredDocuments: t.stringList({ resolve: (caseType, _, ctx) => texts(caseType.requiredDocuments, ctx) }),
    downloads: t.field({ type: [CaseTypeDownload], resolve: (caseType) => caseType.downloads as unknown as CaseTypeDownloadShape[] }),
    handlingUnit: t.string({ resolve: (caseType, _, ctx) => text(caseType.handlingUnit, ctx)! }),
    slaPolicy: t.field({ type: SlaPolicy, nullable: true, resolve: (caseType) => caseType.slaPolicy }),
  }),
});

export const Category = builder.objectRef<TenantConfig['categories'][number]>('Category').implement({
  description: 'A violation type a report can be filed under.',
  fields: (t) => ({
    id: t.exposeID('id'),
    key: t.exposeString('key'),
    name: t.string({ resolve: (category, _, ctx) => text(category.name, ctx)! }),
    description: t.string({ nullable: true, resolve: (category, _, ctx) => text(category.description, ctx) }),
  }),
});

export const Faq = builder.objectRef<TenantConfig['faqs'][number]>('Faq').implement({
  fields: (t) => ({
    question: t.string({ resolve: (faq, _, ctx) => text(faq.question, ctx)! }),
    answer: t.string({ resolve: (faq, _, ctx) => text(faq.answer, ctx)! }),
  }),
});

export const DayOff = builder.objectRef<TenantConfig['daysOff'][number]>('DayOff').implement({
  description: "A day off of the agency's own, on top of the national calendar.",
  fields: (t) => ({
    date: t.field({ type: 'Date', resolve: (day) => day.date }),
    name: t.string({ resolve: (day, _, ctx) => text(day.name, ctx)! }),
  }),
});
