/**
 * Filing a report on the portal: checks it against the tenant's case type (online
 * intake, identity policy, form, category, evidence), protects the identity, then, in one
 * SQL statement (ADR 0007), takes the next registration number, writes the case, attaches
 * the evidence and records the first timeline event. The tracking code is returned; the
 * case keeps its hash, and the code sealed under the form's submission key, so that the
 * same form sent again (its answer lost to a crash or a dropped connection) gets the same
 * number and code back, and nobody without that key can (ADR 0017).
 */
import { randomUUID } from 'node:crypto';
import type { IdentityMode } from '../generated/prisma/enums.ts';
import type { CaseTypeConfig, TenantConfig } from '../config/tenant-config.service.ts';
import { AppError, inputError, isUniqueViolation } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import type { IdentityVault, ReporterIdentity } from '../identity/identity-vault.service.ts';
import type { Database } from '../db.ts';
import { withSqlScope, withTenantScope } from '../auth/data-scope.ts';
import { NO_STAGE, startStage } from '../sla/stage-clock.ts';
import { localDate, projectStageDeadlines, type WorkingCalendar } from '../sla/working-days.ts';
import { validateAnswers, type FieldIssue, type FormFieldDefinition } from './report-answers.ts';
import { reportMessage } from './report-messages.ts';
import {
  createTrackingCode,
  digestReportContent,
  hashSubmissionKey,
  hashTrackingCode,
  isSubmissionKeyWellFormed,
  openTrackingCode,
  sealTrackingCode,
} from './tracking-code.ts';
import { loadReporterCase, type ReporterCase } from './report-tracking.service.ts';
import { namedStaffInsertSql, reportText } from './named-staff.ts';

export type IdentityModeInput = IdentityMode;

export interface SubmitReportInput {
  caseTypeKey: string;
  categoryKey?: string | null;
  answers: { field: string; value: string }[];
  identityMode: IdentityModeInput;
  reporter?: { [K in keyof ReporterIdentity]?: string | null } | null;
  evidenceIds?: string[] | null;
  /**
   * Sent by the reporter's form (at least 128 random bits, base64url): the same form sent
   * again files nothing twice, and gets the first receipt back (ADR 0017).
   */
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
  /**
   * What the statement wrote, as the reporter sees it: enough for the receipt without
   * reading the case back; for a form sent again, the case as it is now.
   */
  written: SubmittedCase | ReporterCase;
  /** True when this was the same form sent again and the first receipt is returned. */
  replayed: boolean;
}

export interface SubmittedCase {
  id: string;
  tenantId: string;
  registrationNumber: string;
  status: 'SUBMITTED';
  caseTypeId: string;
  caseType: Pick<CaseTypeConfig, 'key' | 'name'>;
  category: Pick<TenantConfig['categories'][number], 'key' | 'name'> | null;
  title: string;
  identityMode: IdentityModeInput;
  receivedAt: Date;
  submittedAt: Date;
  deadlines: StageDeadline[];
  events: { id: bigint; kind: 'SUBMITTED'; status: 'SUBMITTED'; createdAt: Date }[];
  messages: never[];
  evidence: { id: string; fileName: string; size: number | null; contentType: string | null; sha256: string | null }[];
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

/** Which identity details the case type's policy asks for, and whether they are well-formed. */
export function checkIdentity(
  caseType: CaseTypeConfig,
  input: SubmitReportInput,
  locale: Locale,
  signedIn: boolean,
): { identity: ReporterIdentity; issues: FieldIssue[] } {
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
    else if (field === 'idNumber' && !NIK.test(value.replace(/\s/g, '')))
      issues.push({ path: ['reporter', field], message: reportMessage('badIdNumber', locale) });
    identity[field] = field === 'idNumber' ? value.replace(/\s/g, '') : value;
  }
  return { identity, issues };
}

/**
 * The account a report is filed under, so that it appears in the reporter's own list
 * (`myReports`) and opens for that account's session without the tracking code (ADR 0027).
 * An identified report is tied to the signed-in account as well as a pseudonymous one: the
 * account holds no identity, and only its own session reads the case through it. An
 * anonymous report never is, even from a signed-in reporter: tied to an account it would
 * no longer be anonymous.
 */
export function findOwnerAccountId(identityMode: IdentityModeInput, reporterAccountId: string | null): string | null {
  return identityMode === 'ANONYMOUS' ? null : reporterAccountId;
}

export function stageDeadlines(caseType: CaseTypeConfig, receivedAt: Date, calendar: WorkingCalendar): StageDeadline[] {
  const stages = caseType.slaPolicy?.stages ?? [];
  const projected = projectStageDeadlines(
    receivedAt,
    stages.map((stage) => ({ key: stage.key, workingDays: stage.workingDays })),
    calendar,
  );
  return projected.map((deadline, index) => ({
    key: deadline.key,
    name: stages[index]!.name,
    workingDays: stages[index]!.workingDays,
    deadline: deadline.deadline.toISOString(),
    provisional: deadline.provisional,
  }));
}

export function titleOf(values: Record<string, string>, fields: readonly FormFieldDefinition[]): string {
  const text = values.title ?? fields.map((field) => values[field.key]).find((value) => value && value.length > 0) ?? '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

function alreadySubmitted(registrationNumber: string, locale: Locale): AppError {
  return new AppError(
    'CONFLICT',
    locale === 'en'
      ? `This report was already sent, as ${registrationNumber}, with different content. Use the tracking code from its receipt to follow it.`
      : `Laporan ini sudah terkirim dengan nomor ${registrationNumber}, dengan isi yang berbeda. Gunakan kode pelacakan pada tanda bukti untuk memantaunya.`,
    { registrationNumber },
  );
}

/**
 * The same form sent again: its first case, whose tracking code opens only with this
 * submission key and the same content. The receipt is read back (a rare path).
 */
async function replaySubmission(
  db: Database,
  request: { tenantId: string; submissionKey: string; contentDigest: string; locale: Locale },
  first: { id: string; registrationNumber: string; trackingCodeSealed: string | null },
): Promise<SubmittedReport> {
  const trackingCode = first.trackingCodeSealed
    ? openTrackingCode(first.trackingCodeSealed, {
        submissionKey: request.submissionKey,
        tenantId: request.tenantId,
        caseId: first.id,
        contentDigest: request.contentDigest,
      })
    : null;
  // Other content under the same key, or a case filed before codes were sealed.
  if (!trackingCode) throw alreadySubmitted(first.registrationNumber, request.locale);
  const written = await loadReporterCase(db.prisma, request.tenantId, first.id);
  return { caseId: first.id, registrationNumber: first.registrationNumber, trackingCode, written, replayed: true };
}

export async function submitReport(
  deps: { db: Database; vault: IdentityVault; afterCommit?: () => void },
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
  const submissionKey = input.clientSubmissionKey ?? null;
  if (submissionKey !== null && !isSubmissionKeyWellFormed(submissionKey)) {
    issues.push({ path: ['clientSubmissionKey'], message: reportMessage('submissionKeyFormat', locale) });
  }
  if (issues.length > 0) throw inputError(issues, locale);

  const deadlines = stageDeadlines(caseType, receivedAt, request.calendar);
  const firstStage = caseType.slaPolicy?.stages[0];
  const clock = firstStage ? startStage(firstStage, receivedAt, request.calendar) : NO_STAGE;
  const year = Number(today.slice(0, 4));
  const caseId = randomUUID();
  const trackingCode = createTrackingCode();
  const at = receivedAt.toISOString();
  const title = titleOf(answers.values, fields);
  const channelId = tenant.channels.find((channel) => channel.kind === 'WEB_PORTAL')?.id ?? null;

  const ownerAccountId = findOwnerAccountId(input.identityMode, request.reporterAccountId);
  const category = categoryId ? tenant.categories.find((item) => item.id === categoryId)! : null;
  // What this form files: the same key with other content is not the same form. Evidence
  // counts by number only: a form re-sent without JavaScript uploads its files anew (new
  // ids); those copies stay unattached and expire like any unused upload.
  const contentDigest = digestReportContent({
    caseTypeKey: caseType.key,
    categoryId,
    values: answers.values,
    identityMode: input.identityMode,
    identity: identity.identity,
    evidenceCount: evidenceIds.length,
    actorId: ownerAccountId,
  });
  const seal = submissionKey === null ? null : { submissionKey, tenantId: tenant.id, contentDigest };

  // Outside the statement: a confidential type reads its custodians, others use the cached tenant key.
  const protectedIdentity = await deps.vault.protect(deps.db.prisma, {
    tenantId: tenant.id,
    caseId,
    confidential: caseType.confidential,
    identity: identity.identity,
  });
  let row: SubmitRow;
  try {
    [row] = (await withSqlScope(deps.db.sql, { tenantIds: [tenant.id] }, (sql) =>
      sql.query<SubmitRow>(SUBMIT_REPORT, [
        caseId,
        tenant.id,
        year,
        caseType.id,
        categoryId,
        channelId,
        input.identityMode,
        protectedIdentity.protection,
        protectedIdentity.envelope === null ? null : JSON.stringify(protectedIdentity.envelope),
        ownerAccountId,
        hashTrackingCode(trackingCode),
        title,
        JSON.stringify(answers.values),
        locale,
        at,
        JSON.stringify(deadlines),
        submissionKey === null ? null : hashSubmissionKey(submissionKey),
        clock.stageKey,
        iso(clock.stageStartedAt),
        iso(clock.stageDeadline),
        clock.stageProvisional,
        JSON.stringify(clock.stagePauses),
        iso(clock.nextReminderAt),
        evidenceIds,
        evidenceIds.length,
        JSON.stringify({ evidenceCount: evidenceIds.length }),
        tenant.registrationPrefix,
        reportText(title, answers.values),
        seal === null ? null : sealTrackingCode(trackingCode, { ...seal, caseId }),
        caseType.confidential,
      ]),
    )) as [SubmitRow];
  } catch (error) {
    // Two sends of the same form racing each other: the unique key lets one through, and
    // the other's statement (its number included) is rolled back; it answers as a re-send.
    if (isUniqueViolation(error) && seal) {
      const first = await withTenantScope(deps.db.prisma, tenant.id, (tx) =>
        tx.case.findUnique({
          where: { tenantId_clientSubmissionKeyHash: { tenantId: tenant.id, clientSubmissionKeyHash: hashSubmissionKey(seal.submissionKey) } },
          select: { id: true, registrationNumber: true, trackingCodeSealed: true },
        }),
      );
      if (first) return replaySubmission(deps.db, { ...seal, locale }, first);
    }
    throw error;
  }
  if (row.duplicate_id && seal) {
    return replaySubmission(
      deps.db,
      { ...seal, locale },
      { id: row.duplicate_id, registrationNumber: row.duplicate_of!, trackingCodeSealed: row.duplicate_sealed },
    );
  }
  if (row.duplicate_of) throw alreadySubmitted(row.duplicate_of, locale);
  // Only for tests of a crash between the commit and the answer (env TEST_CRASH_AFTER_SUBMIT).
  deps.afterCommit?.();
  if (!row.registration_number) {
    throw inputError([{ path: ['evidenceIds'], message: reportMessage('evidenceUnavailable', locale) }], locale);
  }
  const written = { registrationNumber: row.registration_number, eventId: BigInt(row.event_id!), evidence: row.evidence ?? [] };

  const order = new Map(evidenceIds.map((id, index) => [id, index]));
  return {
    caseId,
    registrationNumber: written.registrationNumber,
    trackingCode,
    replayed: false,
    written: {
      id: caseId,
      tenantId: tenant.id,
      registrationNumber: written.registrationNumber,
      status: 'SUBMITTED',
      caseTypeId: caseType.id,
      caseType: { key: caseType.key, name: caseType.name },
      category: category ? { key: category.key, name: category.name } : null,
      title,
      identityMode: input.identityMode,
      receivedAt,
      submittedAt: receivedAt,
      deadlines,
      events: [{ id: written.eventId, kind: 'SUBMITTED', status: 'SUBMITTED', createdAt: receivedAt }],
      messages: [],
      evidence: written.evidence.sort((a, b) => order.get(a.id)! - order.get(b.id)!),
    },
  };
}

interface SubmitRow {
  registration_number: string | null;
  duplicate_of: string | null;
  duplicate_id: string | null;
  duplicate_sealed: string | null;
  event_id: string | null;
  evidence: SubmittedCase['evidence'] | null;
}

/**
 * The whole submission as one statement, so it commits on its own (same on PGlite and
 * PostgreSQL) and the registration counter's row lock is held only while the server runs
 * it, never across a round trip to the API. Nothing is written, and no number is taken,
 * when the form's submission key (its hash) was used before or an evidence file is not available
 * (locked first, so a report racing for the same file waits and then finds it taken).
 * A same-key send racing this one fails on the unique key and rolls back whole: no gaps.
 * The number is formatted like `formatRegistrationNumber`; the columns are those Prisma's
 * create set, the stage clock included (ADR 0007), and the case's SLA timers (ADR 0011).
 */
const SUBMIT_REPORT = `
  WITH duplicate AS (
    SELECT id, registration_number, tracking_code_sealed FROM "case" WHERE tenant_id = $2::uuid AND client_submission_key_hash = $17::text
  ),
  evidence_to_attach AS (
    SELECT id FROM evidence
    WHERE id = ANY($24::uuid[]) AND tenant_id = $2::uuid AND case_type_id = $4::uuid AND status = 'STORED' AND case_id IS NULL
    FOR UPDATE
  ),
  go AS (
    SELECT NOT EXISTS (SELECT 1 FROM duplicate) AND (SELECT count(*) FROM evidence_to_attach) = $25::int AS ok
  ),
  counter AS (
    INSERT INTO registration_counter (tenant_id, year, last_sequence)
    SELECT $2::uuid, $3::int, 1 FROM go WHERE go.ok
    ON CONFLICT (tenant_id, year) DO UPDATE SET last_sequence = registration_counter.last_sequence + 1
    RETURNING last_sequence
  ),
  new_case AS (
    INSERT INTO "case" (
      id, tenant_id, registration_number, year, sequence, case_type_id, category_id, channel_id, status,
      identity_mode, identity_protection, identity, reporter_account_id, tracking_code_hash,
      title, answers, locale, received_at, submitted_at, deadlines, client_submission_key_hash, tracking_code_sealed,
      stage_key, stage_started_at, stage_deadline, stage_provisional, stage_pauses, updated_at
    )
    SELECT
      $1::uuid, $2::uuid,
      $27::text || '-' || $3::int::text || '-' || lpad(last_sequence::text, greatest(6, length(last_sequence::text)), '0'),
      $3::int, last_sequence, $4::uuid, $5::uuid, $6::uuid, 'SUBMITTED',
      $7::"IdentityMode", $8::"IdentityProtection", $9::jsonb, $10::uuid, $11::text,
      $12::text, $13::jsonb, $14::text, $15::timestamp, $15::timestamp, $16::jsonb, $17::text, $29::text,
      $18::text, $19::timestamp, $20::timestamp, $21::boolean, $22::jsonb, $15::timestamp
    FROM counter
    RETURNING id, registration_number
  ),
  -- The SLA sweep's timers (sla/case-sla.ts): the stage just started runs.
  sla AS (
    INSERT INTO case_sla (case_id, tenant_id, received_at, overdue_at, next_reminder_at)
    SELECT new_case.id, $2::uuid, $15::timestamp, $20::timestamp, $23::timestamp FROM new_case
  ),
  -- A confidential type's files are named by their place in the report (bukti-1.jpg): the
  -- upload kept no name of the reporter's (evidence-upload.service.ts).
  attached AS (
    UPDATE evidence SET status = 'ATTACHED', case_id = new_case.id,
      file_name = CASE WHEN $30::boolean
        THEN 'bukti-' || array_position($24::uuid[], evidence.id)::text || coalesce(substring(evidence.file_name from '[.][a-z0-9]+$'), '')
        ELSE evidence.file_name END
    FROM new_case
    WHERE evidence.id IN (SELECT id FROM evidence_to_attach)
    RETURNING evidence.id::text AS id, evidence.file_name AS "fileName", evidence.size,
      evidence.content_type AS "contentType", evidence.sha256
  ),
  event AS (
    INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, actor_id, visibility, status, data, created_at)
    SELECT $2::uuid, new_case.id, 'SUBMITTED', 'REPORTER', $10::uuid::text, 'REPORTER', 'SUBMITTED', $26::jsonb, $15::timestamp
    FROM new_case
    RETURNING id
  ),
  -- Staff named in the report lose it before anyone can open it (named-staff.ts).
  named_staff AS (
    ${namedStaffInsertSql({ tenantId: '$2::uuid', caseId: '$1::uuid', text: '$28::text', at: '$15::timestamp' }).replace('FROM staff_user', 'FROM new_case, staff_user')}
  )
  SELECT (SELECT registration_number FROM new_case) AS registration_number,
    (SELECT registration_number FROM duplicate) AS duplicate_of,
    (SELECT id::text FROM duplicate) AS duplicate_id,
    (SELECT tracking_code_sealed FROM duplicate) AS duplicate_sealed,
    (SELECT id::text FROM event) AS event_id,
    (SELECT json_agg(attached) FROM attached) AS evidence`;

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
