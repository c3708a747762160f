/**
 * Filing a report on the portal: checks it against the tenant's case type (online
 * intake, identity policy, form, category, evidence), then, in one transaction, takes the
 * next registration number, protects the identity, attaches the evidence and records the
 * first timeline event. The tracking code is returned once; only its hash is kept.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CaseTypeConfig, TenantConfig } from '../config/tenant-config.service.ts';
import { AppError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import type { IdentityVault, ReporterIdentity } from '../identity/identity-vault.service.ts';
import type { Database } from '../db.ts';
import { NO_STAGE, startStage } from '../sla/stage-clock.ts';
import { localDate, projectStageDeadlines, type WorkingCalendar } from '../sla/working-days.ts';
import { assignRegistrationNumber, pendingRegistrationNumber } from './registration-number.ts';
import { validateAnswers, type FieldIssue, type FormFieldDefinition } from './report-answers.ts';
import { reportMessage } from './report-messages.ts';
import { createTrackingCode, hashTrackingCode } from './tracking-code.ts';

export type IdentityModeInput = 'IDENTIFIED' | 'PSEUDONYMOUS' | 'ANONYMOUS';

export interface SubmitReportInput {
  caseTypeKey: string;
  categoryKey?: string | null;
  answers: { field: string; value: string }[];
  identityMode: IdentityModeInput;
  reporter?: { [K in keyof ReporterIdentity]?: string | null } | null;
  evidenceIds?: string[] | null;
  /** Sent once by the reporter's form; a second submit with the same key is refused as a duplicate. */
  clientSubmissionKey?: string | null;
}

export interface StageDeadline {
  key: string;
  name: unknown;
  workingDays: number;
  deadline: string;
  provisional: boolean;
}

export interface SubmittedReport {
  caseId: string;
  registrationNumber: string;
  trackingCode: string;
}

const DETAIL_FIELDS = { NAME: 'name', ID_NUMBER: 'idNumber', PHONE: 'phone', EMAIL: 'email', ADDRESS: 'address' } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9\s-]{6,18}[0-9]$/;
const NIK = /^\d{16}$/;
const DETAIL_MAX_LENGTH = 300;

function findCaseType(config: TenantConfig, key: string, locale: Locale): CaseTypeConfig {
  const caseType = config.caseTypes.find((item) => item.key === key);
  if (!caseType) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('unknownCaseType', locale) }], locale);
  if (!caseType.onlineIntake) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('offlineOnly', locale) }], locale);
  return caseType;
}

export function inputError(issues: FieldIssue[], locale: Locale): AppError {
  return new AppError(
    'BAD_USER_INPUT',
    locale === 'en' ? 'Some fields need your attention.' : 'Beberapa isian perlu diperbaiki.',
    { issues },
  );
}

/** Which identity details the case type's policy asks for, and whether they are well-formed. */
function checkIdentity(caseType: CaseTypeConfig, input: SubmitReportInput, locale: Locale, signedIn: boolean): { identity: ReporterIdentity; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (!caseType.identityModes.includes(input.identityMode)) {
    issues.push({ path: ['identityMode'], message: reportMessage('identityModeNotAllowed', locale) });
    return { identity: {}, issues };
  }
  const given: ReporterIdentity = Object.fromEntries(
    Object.entries(input.reporter ?? {})
      .filter(([, value]) => typeof value === 'string' && value.trim() !== '')
      .map(([key, value]) => [key, (value as string).normalize('NFC').trim()]),
  );
  if (input.identityMode === 'ANONYMOUS') {
    if (Object.keys(given).length > 0) issues.push({ path: ['reporter'], message: reportMessage('identityNotAllowed', locale) });
    return { identity: {}, issues };
  }
  if (input.identityMode === 'PSEUDONYMOUS' && !signedIn) issues.push({ path: ['identityMode'], message: reportMessage('signInRequired', locale) });
  const required = input.identityMode === 'IDENTIFIED' ? caseType.identifiedRequires : caseType.pseudonymousRequires;
  for (const detail of required) {
    const field = DETAIL_FIELDS[detail];
    if (!given[field]) issues.push({ path: ['reporter', field], message: reportMessage('required', locale) });
  }
  // A pseudonymous reporter gives only the contact details the agency asks for.
  const allowed = new Set(input.identityMode === 'IDENTIFIED' ? Object.values(DETAIL_FIELDS) : required.map((detail) => DETAIL_FIELDS[detail]));
  const identity: ReporterIdentity = {};
  for (const [field, value] of Object.entries(given) as [keyof ReporterIdentity, string][]) {
    if (!allowed.has(field)) {
      issues.push({ path: ['reporter', field], message: reportMessage('unknownField', locale) });
      continue;
    }
    if (value.length > DETAIL_MAX_LENGTH) issues.push({ path: ['reporter', field], message: reportMessage('tooLong', locale, { max: DETAIL_MAX_LENGTH }) });
    else if (field === 'email' && !EMAIL.test(value)) issues.push({ path: ['reporter', field], message: reportMessage('badEmail', locale) });
    else if (field === 'phone' && !PHONE.test(value)) issues.push({ path: ['reporter', field], message: reportMessage('badPhone', locale) });
    else if (field === 'idNumber' && !NIK.test(value.replace(/\s/g, ''))) issues.push({ path: ['reporter', field], message: reportMessage('badIdNumber', locale) });
    identity[field] = field === 'idNumber' ? value.replace(/\s/g, '') : value;
  }
  return { identity, issues };
}

export function stageDeadlines(caseType: CaseTypeConfig, receivedAt: Date, calendar: WorkingCalendar): StageDeadline[] {
  const stages = caseType.slaPolicy?.stages ?? [];
  const projected = projectStageDeadlines(receivedAt, stages.map((stage) => ({ key: stage.key, workingDays: stage.workingDays })), calendar);
  return projected.map((deadline, index) => ({
    key: deadline.key,
    name: stages[index]!.name,
    workingDays: stages[index]!.workingDays,
    deadline: deadline.deadline.toISOString(),
    provisional: deadline.provisional,
  }));
}

function titleOf(values: Record<string, string>, fields: readonly FormFieldDefinition[]): string {
  const text = values.title ?? fields.map((field) => values[field.key]).find((value) => value && value.length > 0) ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

async function assertNotSubmittedYet(db: Database, tenantId: string, clientSubmissionKey: string, locale: Locale): Promise<void> {
  const existing = await db.prisma.case.findUnique({
    where: { tenantId_clientSubmissionKey: { tenantId, clientSubmissionKey } },
    select: { registrationNumber: true },
  });
  if (existing) {
    throw new AppError(
      'CONFLICT',
      locale === 'en'
        ? `This report was already sent, as ${existing.registrationNumber}. Use the tracking code from its receipt to follow it.`
        : `Laporan ini sudah terkirim dengan nomor ${existing.registrationNumber}. Gunakan kode pelacakan pada tanda bukti untuk memantaunya.`,
      { registrationNumber: existing.registrationNumber },
    );
  }
}

export async function submitReport(
  deps: { db: Database; vault: IdentityVault },
  request: {
    tenant: TenantConfig;
    calendar: WorkingCalendar;
    locale: Locale;
    reporterAccountId: string | null;
    now?: Date;
  },
  input: SubmitReportInput,
): Promise<SubmittedReport> {
  const { tenant, locale } = request;
  const caseType = findCaseType(tenant, input.caseTypeKey, locale);
  const receivedAt = request.now ?? new Date();
  const today = localDate(receivedAt, tenant.timeZone);
  const fields = caseType.formFields as unknown as FormFieldDefinition[];
  const answers = validateAnswers(fields, input.answers, { locale, today });
  const identity = checkIdentity(caseType, input, locale, request.reporterAccountId !== null);
  const issues = [...answers.issues, ...identity.issues];
  let categoryId: string | null = null;
  if (input.categoryKey) {
    const category = tenant.categories.find((item) => item.key === input.categoryKey);
    if (category) categoryId = category.id;
    else issues.push({ path: ['categoryKey'], message: reportMessage('unknownCategory', locale) });
  }
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  if (evidenceIds.length > caseType.evidenceMaxFiles) {
    issues.push({ path: ['evidenceIds'], message: reportMessage('tooManyFiles', locale, { max: caseType.evidenceMaxFiles }) });
  } else if (caseType.evidenceRequired && evidenceIds.length === 0) {
    issues.push({ path: ['evidenceIds'], message: reportMessage('evidenceRequired', locale) });
  }
  if (issues.length > 0) throw inputError(issues, locale);
  if (input.clientSubmissionKey) await assertNotSubmittedYet(deps.db, tenant.id, input.clientSubmissionKey, locale);

  const deadlines = stageDeadlines(caseType, receivedAt, request.calendar);
  const firstStage = caseType.slaPolicy?.stages[0];
  const clock = firstStage ? startStage(firstStage, receivedAt, request.calendar) : NO_STAGE;
  const year = Number(today.slice(0, 4));
  const caseId = randomUUID();
  const trackingCode = createTrackingCode();

  const registrationNumber = await deps.db.prisma
    .$transaction(
    async (tx) => {
      const protectedIdentity = await deps.vault.protect(tx, {
        tenantId: tenant.id,
        caseId,
        confidential: caseType.confidential,
        identity: identity.identity,
      });
      await tx.case.create({
        data: {
          id: caseId,
          tenantId: tenant.id,
          registrationNumber: pendingRegistrationNumber(caseId),
          year,
          caseTypeId: caseType.id,
          categoryId,
          channelId: tenant.channels.find((channel) => channel.kind === 'WEB_PORTAL')?.id ?? null,
          identityMode: input.identityMode,
          identityProtection: protectedIdentity.protection,
          identity: protectedIdentity.envelope ?? undefined,
          reporterAccountId: input.identityMode === 'PSEUDONYMOUS' ? request.reporterAccountId : null,
          trackingCodeHash: hashTrackingCode(trackingCode),
          title: titleOf(answers.values, fields),
          answers: answers.values,
          locale,
          receivedAt,
          submittedAt: receivedAt,
          deadlines: deadlines as unknown as Prisma.InputJsonValue,
          clientSubmissionKey: input.clientSubmissionKey ?? null,
          ...clock,
          stagePauses: [],
        },
      });
      if (evidenceIds.length > 0) {
        const attached = await tx.evidence.updateMany({
          where: { id: { in: evidenceIds }, tenantId: tenant.id, caseTypeId: caseType.id, status: 'STORED', caseId: null },
          data: { status: 'ATTACHED', caseId },
        });
        if (attached.count !== evidenceIds.length) {
          throw inputError([{ path: ['evidenceIds'], message: reportMessage('evidenceUnavailable', locale) }], locale);
        }
      }
      await tx.caseEvent.create({
        data: {
          tenantId: tenant.id,
          caseId,
          kind: 'SUBMITTED',
          actorKind: 'REPORTER',
          actorId: input.identityMode === 'PSEUDONYMOUS' ? request.reporterAccountId : null,
          visibility: 'REPORTER',
          status: 'SUBMITTED',
          data: { evidenceCount: evidenceIds.length },
        },
      });
      // Last, so the counter's row lock is held only for this update and the commit.
      return assignRegistrationNumber(tx, tenant, caseId, year);
    },
    { timeout: 15_000, maxWait: 15_000 },
    )
    .catch(async (error: unknown) => {
      // Two sends of the same form racing each other: the unique key lets one through.
      if ((error as { code?: string }).code === 'P2002' && input.clientSubmissionKey) {
        await assertNotSubmittedYet(deps.db, tenant.id, input.clientSubmissionKey, locale);
      }
      throw error;
    });
  return { caseId, registrationNumber, trackingCode };
}
