/**
 * The report form's action: reads the form (streaming any attached files to the API as they
 * arrive), files the report, and answers either with the receipt, rendered once from this
 * response, or with the entered values and each problem next to its field, or (when the
 * same form was sent before: a reload, a double click) with the first registration number.
 */
import { data } from '@remix-run/node';
import { z } from 'zod';
import { SubmitReportDocument } from '../graphql/documents.server';
import { IdentityMode, type SubmitReportMutationVariables } from '../graphql/generated/graphql';
import type { ReportingCaseType } from '../graphql/results';
import { createTranslator, type Translate } from '../i18n/translate';
import {
  answerId,
  answerName,
  CATEGORY_FIELD,
  DETAIL_FIELDS,
  DETAIL_ORDER,
  detailId,
  detailName,
  EVIDENCE_FIELD,
  EVIDENCE_ID_FIELD,
  EVIDENCE_REFUSED_FIELD,
  evidenceNameField,
  evidenceSizeField,
  IDENTITY_FIELD,
  identityOptionId,
  SUBMISSION_KEY_FIELD,
  type DetailField,
} from '../reporting/form-ids';
import type { FormProblem, KeptEvidence, ReportActionData, ReportFormValues } from '../reporting/report-form-data';
import { ApiError, type ApiIssue } from './api-client.server';
import { describeUploadOutcome, isMultipart, readStreamedForm, type UploadOutcome } from './evidence-upload.server';
import { createClearSessionCookie } from './reporter-session.server';
import { callApi, describeApiProblem, findProblemStatus, type ReporterCall } from './reporter.server';
import { toPageError } from './page-errors.server';

const IdentityModeSchema = z.enum(IdentityMode);

const ReportFormSchema = z.object({
  // Only a bound on what is read: each field's own limit is the API's to check (the form's
  // definition), and its refusal comes back next to the field with everything kept.
  answers: z.record(z.string(), z.string().max(65_536)),
  categoryKey: z.string().max(100),
  identityMode: IdentityModeSchema.or(z.literal('')),
  details: z.record(z.string(), z.string().max(1000)),
  evidenceIds: z.array(z.uuid()).max(50),
  evidenceNames: z.record(z.string(), z.string().max(255)),
  evidenceSizes: z.record(z.string(), z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).catch(0)),
  refusedFiles: z.array(z.string().min(1).max(500)).max(50),
});

/** 24 random bytes as base64url: the API asks for at least 16 (ADR 0017). */
const SubmissionKeySchema = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/**
 * A fresh key for a blank form (the loader) or for a form whose posted key was not one of
 * ours. The API seals the report's tracking code under it, so the same form sent again
 * after a lost answer shows the same receipt.
 */
export function createSubmissionKey(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64url');
}

/** The form's submission key when it is one of ours; anything else is ignored. */
export function readSubmissionKey(fields: FormData): string | null {
  const parsed = SubmissionKeySchema.safeParse(fields.get(SUBMISSION_KEY_FIELD));
  return parsed.success ? parsed.data : null;
}

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

/** A browser sends a textarea's line breaks as CRLF; the reporter's counter counted each as one. */
function answerText(fields: FormData, name: string): string {
  return text(fields, name).replace(/\r\n/g, '\n');
}

/** The form's own controls only, checked with zod; anything else in the body is ignored. */
function readValues(fields: FormData, caseType: ReportingCaseType) {
  const details: Record<string, string> = {};
  for (const mode of ['IDENTIFIED', 'PSEUDONYMOUS'] as const) {
    for (const detail of DETAIL_ORDER) details[detailName(mode, DETAIL_FIELDS[detail])] = text(fields, detailName(mode, DETAIL_FIELDS[detail]));
  }
  const evidenceIds = [...new Set(fields.getAll(EVIDENCE_ID_FIELD).filter((value): value is string => typeof value === 'string' && value !== ''))];
  return ReportFormSchema.safeParse({
    answers: Object.fromEntries(caseType.formFields.map((field) => [field.key, answerText(fields, answerName(field.key))])),
    categoryKey: text(fields, CATEGORY_FIELD),
    identityMode: text(fields, IDENTITY_FIELD),
    details,
    evidenceIds,
    evidenceNames: Object.fromEntries(evidenceIds.map((id) => [id, text(fields, evidenceNameField(id)).slice(0, 255)])),
    evidenceSizes: Object.fromEntries(evidenceIds.map((id) => [id, text(fields, evidenceSizeField(id)) || '0'])),
    refusedFiles: fields
      .getAll(EVIDENCE_REFUSED_FIELD)
      .filter((value): value is string => typeof value === 'string' && value !== '')
      .slice(0, 50),
  });
}

function createInput(
  caseType: ReportingCaseType,
  values: ReportFormValues & { identityMode: IdentityMode },
  evidenceIds: string[],
  clientSubmissionKey: string | null,
): SubmitReportMutationVariables['input'] {
  const mode = values.identityMode;
  let reporter: SubmitReportMutationVariables['input']['reporter'] = null;
  if (mode !== 'ANONYMOUS') {
    // A pseudonymous reporter gives only what the agency asks for; an identified one may add more.
    const details = mode === 'IDENTIFIED' ? DETAIL_ORDER : caseType.identity.pseudonymousRequires;
    const given = details
      .map((detail) => [DETAIL_FIELDS[detail], values.details[detailName(mode, DETAIL_FIELDS[detail])]?.trim() ?? ''] as const)
      .filter(([, value]) => value !== '');
    reporter = given.length > 0 ? Object.fromEntries(given) : null;
  }
  return {
    caseTypeKey: caseType.key,
    categoryKey: values.categoryKey || null,
    answers: caseType.formFields.map((field) => ({ field: field.key, value: values.answers[field.key]?.trim() ?? '' })).filter((answer) => answer.value !== ''),
    identityMode: mode,
    reporter,
    evidenceIds,
    clientSubmissionKey,
  };
}

function detailLabel(field: DetailField, t: Translate): string {
  return t(`form.detail.${field}`);
}

/** Links each of the API's issues to the control it is about. */
function toProblem(issue: ApiIssue, caseType: ReportingCaseType, mode: IdentityMode | '', t: Translate): FormProblem {
  const [head, key] = issue.path;
  if (head === 'answers' && typeof key === 'string') {
    const field = caseType.formFields.find((candidate) => candidate.key === key);
    return { field: field ? answerId(key) : null, label: field?.label ?? key, message: issue.message };
  }
  if (
    head === 'reporter' &&
    typeof key === 'string' &&
    (mode === 'IDENTIFIED' || mode === 'PSEUDONYMOUS') &&
    Object.values(DETAIL_FIELDS).includes(key as DetailField)
  ) {
    return { field: detailId(mode, key as DetailField), label: detailLabel(key as DetailField, t), message: issue.message };
  }
  if (head === 'reporter' || head === 'identityMode')
    return { field: identityOptionId(caseType.identity.allowed[0]!), label: t('form.sectionIdentity'), message: issue.message };
  if (head === 'categoryKey') return { field: CATEGORY_FIELD, label: t('form.category'), message: issue.message };
  if (head === 'evidenceIds') return { field: EVIDENCE_FIELD, label: t('form.evidence'), message: issue.message };
  return { field: null, label: '', message: issue.message };
}

function refuse(
  values: ReportFormValues,
  problems: FormProblem[],
  options: { status: number; kept: KeptEvidence[]; submissionKey: string; headers?: HeadersInit },
) {
  return data<ReportActionData>(
    { outcome: 'invalid', values, problems, kept: options.kept, submissionKey: options.submissionKey },
    { status: options.status, headers: options.headers },
  );
}

/** The files the page script uploaded, as the form names them. */
function keptByScript(parsed: { evidenceIds: string[]; evidenceNames: Record<string, string>; evidenceSizes: Record<string, number> }): KeptEvidence[] {
  return parsed.evidenceIds.map((evidenceId) => ({
    evidenceId,
    fileName: parsed.evidenceNames[evidenceId] || 'bukti',
    size: parsed.evidenceSizes[evidenceId] ?? 0,
  }));
}

export async function handleReportAction(request: Request, call: ReporterCall, caseType: ReportingCaseType) {
  const t = createTranslator(call.locale);
  const limits = caseType.evidence;
  let fields: FormData;
  let uploads: UploadOutcome[] = [];
  let tooLong = false;
  if (isMultipart(request)) {
    ({ fields, uploads, tooLong } = await readStreamedForm(request, call, { caseTypeKey: caseType.key, limits }));
  } else {
    fields = await request.formData();
  }

  const postedKey = readSubmissionKey(fields);
  // The form shown again keeps its key, so that fixing it and sending it again files once.
  const submissionKey = postedKey ?? createSubmissionKey();
  // Files that went through (uploaded now without a script, or before by the page script)
  // are kept by a refused form: they stay stored, unattached, until a report takes them or
  // the unattached-upload cleanup deletes them (evidence-cleanup.service.ts).
  const uploadedNow: KeptEvidence[] = uploads.flatMap((upload) =>
    upload.ok ? [{ evidenceId: upload.evidence.evidenceId, fileName: upload.clientFileName, size: upload.evidence.size }] : [],
  );
  const parsed = readValues(fields, caseType);
  if (!parsed.success || tooLong) {
    const values = parsed.success ? parsed.data : { answers: {}, categoryKey: '', identityMode: '' as const, details: {} };
    const kept = [...(parsed.success ? keptByScript(parsed.data) : []), ...uploadedNow];
    return refuse(values, [{ field: null, label: '', message: t('form.tooLong') }], { status: 400, kept, submissionKey });
  }
  const { evidenceIds: uploadedByScript, evidenceNames, evidenceSizes, refusedFiles, ...values } = parsed.data;
  const kept = [...keptByScript(parsed.data), ...uploadedNow];
  const problems: FormProblem[] = [];
  for (const upload of uploads) {
    if (!upload.ok) problems.push({ field: EVIDENCE_FIELD, label: t('form.evidence'), message: describeUploadOutcome(upload, limits, call) });
  }
  if (!values.identityMode)
    problems.push({ field: identityOptionId(caseType.identity.allowed[0]!), label: t('form.sectionIdentity'), message: t('form.chooseIdentity') });
  // A failed file is never silently left out of a report: nothing is filed until every file went through.
  if (problems.length > 0) return refuse(values, problems, { status: 400, kept, submissionKey });

  const evidenceIds = kept.map((file) => file.evidenceId);
  const input = createInput(caseType, values as ReportFormValues & { identityMode: IdentityMode }, evidenceIds, postedKey);
  try {
    // An anonymous report is sent without the session: the API is not even told whose it is
    // (it would not tie it to the account anyway, ADR 0027).
    const sender = input.identityMode === 'ANONYMOUS' ? { ...call, token: null } : call;
    const { submitReport } = await callApi(sender, SubmitReportDocument, { input });
    return data<ReportActionData>({ outcome: 'submitted', ...submitReport });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      const problems = error.issues.map((issue) => toProblem(issue, caseType, values.identityMode, t));
      // A file the page script could not upload was left out: say again why it was refused
      // (otherwise the reporter reads only "attach at least one file"), before the API's words.
      const evidenceAt = problems.findIndex((problem) => problem.field === EVIDENCE_FIELD);
      problems.splice(
        evidenceAt === -1 ? problems.length : evidenceAt,
        0,
        ...refusedFiles.map((message) => ({ field: EVIDENCE_FIELD, label: t('form.evidence'), message })),
      );
      return refuse(values, problems, { status: 400, kept, submissionKey });
    }
    // The key was used for other content: the first report stands. (The same form unchanged
    // gets the first receipt back from the API, tracking code included: ADR 0017.)
    if (error instanceof ApiError && error.code === 'CONFLICT' && error.registrationNumber) {
      const message = error.apiMessage ?? t('duplicate.message', { number: error.registrationNumber });
      return data<ReportActionData>({ outcome: 'duplicate', registrationNumber: error.registrationNumber, message }, { status: 409 });
    }
    const problem = describeApiProblem(error, call.locale);
    if (problem === null) throw toPageError(error);
    const headers = error instanceof ApiError && error.code === 'UNAUTHENTICATED' ? { 'Set-Cookie': createClearSessionCookie(request, call.slug) } : undefined;
    return refuse(values, [{ field: null, label: '', message: problem }], { status: findProblemStatus(error), kept, submissionKey, headers });
  }
}
