/**
 * The schema of the files under `tenants/`: one folder per agency, one YAML file per
 * concern. Every object is strict, so a misspelt key is an error rather than a silent
 * default. The parsed result (`TenantDefinition`) is what the sync writes to the database.
 */
import { z } from 'zod';
// Kinds that are stored (tenant, channel, case type, criteria, identity, details, contacts, template uses) are the
// Prisma schema's enums: one list for the files, the database and GraphQL.
import { CaseTypeKind, ChannelKind, ContactKind, IdentityMode, ReportCriteria, ReporterDetail, TemplateUse, TenantKind } from '../generated/prisma/enums.ts';

/** Text shown to people: a plain string is Bahasa Indonesia; an object may add English. */
export const localizedText = z
  .union(
    [
      z.string().trim().min(1, 'must not be empty'),
      z.strictObject({
        id: z.string().trim().min(1, 'must not be empty'),
        en: z.string().trim().min(1, 'must not be empty').optional(),
      }),
    ],
    {
      error: (issue) =>
        issue.input === undefined || issue.input === null ? 'is required' : 'must be text, or { id: "…", en: "…" } with Indonesian and English text',
    },
  )
  .transform((value) => (typeof value === 'string' ? { id: value } : value));
export type LocalizedText = z.output<typeof localizedText>;

const key = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by "-" (e.g. "whatsapp")');

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#1a5d1a"');

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like "2026-08-17"')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a real date');

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

/** Case types whose reporter identity is sealed to the identity custodians by default. */
export const CONFIDENTIAL_CASE_TYPE_KINDS: ReadonlySet<CaseTypeKind> = new Set(['WHISTLEBLOWING', 'GRATIFICATION', 'ILLEGAL_LEVY']);

/** The elements each criterion asks a report to answer. */
export const CRITERIA_ELEMENTS = {
  THREE_W: ['WHAT', 'WHERE', 'WHEN'],
  FIVE_W_ONE_H: ['WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW'],
  NONE: [],
} as const satisfies Record<ReportCriteria, readonly string[]>;
export const CRITERION_ELEMENTS = ['WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW'] as const;

export const FORM_FIELD_TYPES = ['TEXT', 'TEXTAREA', 'DATE', 'SELECT', 'NUMBER'] as const;

/** A field's length limit when its form sets none: the one place the API's check and the form's counter read it. */
export const DEFAULT_FIELD_MAX_LENGTH = { TEXT: 500, TEXTAREA: 10_000, DATE: 10, SELECT: 100, NUMBER: 30 } as const satisfies Record<
  (typeof FORM_FIELD_TYPES)[number],
  number
>;

/** The number of characters a field's answer may have. */
export function findFieldMaxLength(field: { type: (typeof FORM_FIELD_TYPES)[number]; maxLength?: number | null }): number {
  return field.maxLength ?? DEFAULT_FIELD_MAX_LENGTH[field.type];
}

export const provincesFile = z
  .array(
    z.strictObject({
      slug: key,
      name: localizedText,
      secretariat: localizedText,
    }),
  )
  .min(1, 'must list at least one province');

const contact = z.strictObject({
  kind: z.enum(ContactKind),
  label: localizedText.optional(),
  value: z.string().trim().min(1),
});

export const tenantFile = z.strictObject({
  slug: key,
  name: localizedText,
  shortName: z.string().trim().min(1).max(40),
  kind: z.enum(TenantKind),
  province: key,
  timeZone: z.enum(TIME_ZONES),
  registrationPrefix: z.string().regex(/^[A-Z]{2,6}$/, 'must be 2 to 6 capital letters (e.g. "BTG")'),
  hostnames: z.array(z.string().regex(/^[a-z0-9.-]+(?::\d+)?$/, 'must be a host name like "wbs.example.go.id"')).default([]),
  parent: localizedText.optional(),
  description: localizedText.optional(),
  address: localizedText.optional(),
  website: z.url().optional(),
  contacts: z.array(contact).default([]),
  /** Where the text of this configuration comes from (the agency's own pages). */
  sources: z.array(z.string().min(1)).default([]),
});

export const themeFile = z.strictObject({
  primaryColor: hexColor,
  primaryTextColor: hexColor,
  accentColor: hexColor,
  backgroundColor: hexColor.default('#ffffff'),
  textColor: hexColor.default('#1f2933'),
  logoText: z.string().trim().min(1).max(4),
  tagline: localizedText.optional(),
});

export const serviceStandardsFile = z.array(
  z.strictObject({
    key,
    name: localizedText,
    legalBasis: z.string().trim().min(1).optional(),
    requirements: z.array(localizedText).default([]),
    procedure: z.array(localizedText).default([]),
    completionTime: z
      .strictObject({
        workingDays: z.number().int().positive().optional(),
        text: localizedText,
      })
      .optional(),
    fee: localizedText.optional(),
    products: z.array(localizedText).default([]),
    complaintHandling: z.array(localizedText).default([]),
    caseTypes: z.array(key).default([]),
  }),
);

export const channelsFile = z.array(
  z.strictObject({
    key,
    kind: z.enum(ChannelKind),
    name: localizedText,
    contact: z.string().trim().min(1).optional(),
    url: z.url().optional(),
    note: localizedText.optional(),
    staffIntake: z.boolean(),
    caseTypes: z.array(key).default([]),
  }),
);

const formField = z
  .strictObject({
    key,
    type: z.enum(FORM_FIELD_TYPES),
    label: localizedText,
    help: localizedText.optional(),
    required: z.boolean().default(false),
    criterion: z.enum(CRITERION_ELEMENTS).optional(),
    maxLength: z.number().int().positive().max(20000).optional(),
    options: z.array(z.strictObject({ value: key, label: localizedText })).optional(),
  })
  .refine((field) => field.type !== 'SELECT' || (field.options?.length ?? 0) > 0, {
    message: 'a SELECT field needs options',
    path: ['options'],
  });

export const formsFile = z.array(
  z
    .strictObject({
      key,
      criteria: z.enum(ReportCriteria),
      fields: z.array(formField).min(1, 'a form needs at least one field'),
    })
    .superRefine((form, ctx) => {
      const seen = new Set<string>();
      form.fields.forEach((field, index) => {
        if (seen.has(field.key)) {
          ctx.addIssue({ code: 'custom', path: ['fields', index, 'key'], message: `duplicate field key "${field.key}"` });
        }
        seen.add(field.key);
      });
      const covered = new Set(form.fields.map((field) => field.criterion));
      for (const element of CRITERIA_ELEMENTS[form.criteria]) {
        if (!covered.has(element)) {
          ctx.addIssue({
            code: 'custom',
            path: ['fields'],
            message: `criteria ${form.criteria} needs a field with criterion ${element}`,
          });
        }
      }
    }),
);

/**
 * A download's file types, by extension: the content type it is served with. A file name is
 * one plain name (no folder, no "..") in the tenant folder's `documents/`.
 */
export const DOWNLOAD_CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  txt: 'text/plain; charset=utf-8',
} as const;
export const DOWNLOADS_FOLDER = 'documents';
export const DOWNLOAD_FILE_NAME = /^[a-z0-9]+(?:[-_][a-z0-9]+)*\.(pdf|docx|odt|txt)$/;

const download = z.strictObject({
  key,
  title: localizedText,
  file: z
    .string()
    .regex(
      DOWNLOAD_FILE_NAME,
      'must be a file name in the documents/ folder, lower-case, ending in .pdf, .docx, .odt or .txt (e.g. "formulir-gratifikasi.pdf")',
    ),
});

export type CaseTypeDownloadShape = z.output<typeof download>;

/** The content type a download is served with, from its file name's extension. */
export function findDownloadContentType(file: string): string {
  const extension = file.slice(file.lastIndexOf('.') + 1) as keyof typeof DOWNLOAD_CONTENT_TYPES;
  return DOWNLOAD_CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export const caseTypesFile = z.array(
  z.strictObject({
    key,
    kind: z.enum(CaseTypeKind),
    name: localizedText,
    description: localizedText.optional(),
    form: key,
    onlineIntake: z.boolean(),
    identity: z.strictObject({
      allowed: z.array(z.enum(IdentityMode)).min(1),
      /** Sealed to the identity custodians; defaults to true for WBS, gratification and illegal-levy reports. */
      confidential: z.boolean().optional(),
      /** Details an identified reporter must give. */
      identifiedRequires: z.array(z.enum(ReporterDetail)).default(['NAME']),
      /** Contact details a pseudonymous reporter must leave (kept as confidential as an identity). */
      pseudonymousRequires: z.array(z.enum(ReporterDetail)).default([]),
      note: localizedText.optional(),
      /** Shown only with the pseudonymous choice (e.g. the agency's advice on choosing a pseudonym). */
      pseudonymousNote: localizedText.optional(),
    }),
    requiredDocuments: z.array(localizedText).default([]),
    /** Files offered for download with this case type (e.g. the agency's own paper form). */
    downloads: z.array(download).default([]),
    evidence: z
      .strictObject({
        required: z.boolean().default(false),
        maxFiles: z.number().int().min(0).max(20).default(5),
        maxFileSizeMb: z.number().positive().max(50).default(10),
      })
      .default({ required: false, maxFiles: 5, maxFileSizeMb: 10 }),
    handlingUnit: localizedText,
    slaPolicy: key.optional(),
  }),
);

export const slaPoliciesFile = z.array(
  z.strictObject({
    key,
    name: localizedText,
    stages: z
      .array(
        z.strictObject({
          key,
          name: localizedText,
          workingDays: z.number().int().positive().max(365),
          remindDaysBefore: z.array(z.number().int().min(0)).default([1]),
          source: localizedText.optional(),
        }),
      )
      .min(1),
    escalationTarget: localizedText.optional(),
    silenceClosureWorkingDays: z.number().int().positive().optional(),
    monthlyReportDay: z.number().int().min(1).max(28).optional(),
  }),
);

export const categoriesFile = z.array(z.strictObject({ key, name: localizedText, description: localizedText.optional() }));

export const faqFile = z.array(z.strictObject({ question: localizedText, answer: localizedText }));

/** Staff's ready wording for what they write to reporters (never shown on the portal). */
export const responseTemplatesFile = z.array(
  z.strictObject({
    key,
    name: localizedText,
    body: localizedText,
    uses: z.array(z.enum(TemplateUse)).min(1).default(Object.values(TemplateUse)),
  }),
);

export const daysOffFile = z.array(z.strictObject({ date: isoDate, name: localizedText }));

/** The files of a tenant folder, by file name, and whether each must exist. */
export const TENANT_FILES = {
  'tenant.yaml': { schema: tenantFile, required: true },
  'theme.yaml': { schema: themeFile, required: true },
  'service-standards.yaml': { schema: serviceStandardsFile, required: false },
  'channels.yaml': { schema: channelsFile, required: true },
  'forms.yaml': { schema: formsFile, required: false },
  'case-types.yaml': { schema: caseTypesFile, required: true },
  'sla-policies.yaml': { schema: slaPoliciesFile, required: false },
  'categories.yaml': { schema: categoriesFile, required: false },
  'faq.yaml': { schema: faqFile, required: false },
  'days-off.yaml': { schema: daysOffFile, required: false },
  'response-templates.yaml': { schema: responseTemplatesFile, required: false },
} as const;

export type TenantFileName = keyof typeof TENANT_FILES;

export interface TenantDefinition {
  tenant: z.output<typeof tenantFile>;
  theme: z.output<typeof themeFile>;
  serviceStandards: z.output<typeof serviceStandardsFile>;
  channels: z.output<typeof channelsFile>;
  forms: z.output<typeof formsFile>;
  caseTypes: z.output<typeof caseTypesFile>;
  slaPolicies: z.output<typeof slaPoliciesFile>;
  categories: z.output<typeof categoriesFile>;
  faq: z.output<typeof faqFile>;
  daysOff: z.output<typeof daysOffFile>;
  responseTemplates: z.output<typeof responseTemplatesFile>;
}

export type ProvinceDefinition = z.output<typeof provincesFile>[number];
