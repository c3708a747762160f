/**
 * The offline intake's action: reads the form, turns the local date and time into an instant
 * in the agency's zone, records the report, and sends the browser to its receipt with the
 * tracking code in a one-time cookie for that receipt only (never in the address). A refusal
 * answers with what was typed and each problem next to its control.
 */
import { data, redirect } from '@remix-run/node';
import { consoleReceiptPath } from '../console/console-paths';
import { INTAKE_FIELDS, findIntakeChannels, type IntakeActionData, type IntakeValues } from '../console/intake-data';
import { toInstant } from '../console/zoned-time';
import { RecordOfflineIntakeDocument } from '../graphql/documents.server';
import type { IdentityMode, IntakeTenantQuery, RecordOfflineIntakeMutationVariables } from '../graphql/generated/graphql';
import type { ReportingCaseType } from '../graphql/results';
import { createTranslator, type Translate } from '../i18n/translate';
import { answerId, answerName, DETAIL_FIELDS, DETAIL_ORDER, detailId, detailName, identityOptionId, type DetailField } from '../reporting/form-ids';
import type { FormProblem } from '../reporting/report-form-data';
import { formatWait } from '../reporting/formats';
import { ApiError, type ApiIssue } from './api-client.server';
import { callConsole, createSignInRedirect, type AgencyConsoleCall } from './console.server';
import { createReceiptCodeCookie } from './staff-session.server';

const MAX_TEXT = 20_000;

function text(fields: FormData, name: string, max = MAX_TEXT): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value.slice(0, max) : '';
}

export function readIntakeValues(fields: FormData, caseType: ReportingCaseType): IntakeValues {
  const details: Record<string, string> = {};
  for (const detail of DETAIL_ORDER)
    details[detailName('IDENTIFIED', DETAIL_FIELDS[detail])] = text(fields, detailName('IDENTIFIED', DETAIL_FIELDS[detail]), 1000);
  return {
    channelKey: text(fields, INTAKE_FIELDS.channel, 100),
    receivedDate: text(fields, INTAKE_FIELDS.receivedDate, 20),
    receivedTime: text(fields, INTAKE_FIELDS.receivedTime, 20),
    externalReference: text(fields, INTAKE_FIELDS.externalReference, 200),
    categoryKey: text(fields, INTAKE_FIELDS.category, 100),
    identityMode: text(fields, INTAKE_FIELDS.identity, 20),
    answers: Object.fromEntries(caseType.formFields.map((field) => [field.key, text(fields, answerName(field.key))])),
    details,
  };
}

/** Which control an API issue is about. */
function toProblem(issue: ApiIssue, caseType: ReportingCaseType, t: Translate): FormProblem {
  const path = issue.path[0] === 'input' ? issue.path.slice(1) : issue.path;
  const [head, key] = path;
  if (head === 'answers' && typeof key === 'string') {
    const field = caseType.formFields.find((candidate) => candidate.key === key);
    return { field: field ? answerId(key) : null, label: field?.label ?? key, message: issue.message };
  }
  if (head === 'reporter' && typeof key === 'string' && (Object.values(DETAIL_FIELDS) as string[]).includes(key)) {
    return { field: detailId('IDENTIFIED', key as DetailField), label: t(`form.detail.${key as DetailField}`), message: issue.message };
  }
  if (head === 'reporter' || head === 'identityMode')
    return { field: identityOptionId(firstMode(caseType)), label: t('intake.sectionIdentity'), message: issue.message };
  if (head === 'channelKey') return { field: INTAKE_FIELDS.channel, label: t('intake.channel'), message: issue.message };
  if (head === 'receivedAt') return { field: INTAKE_FIELDS.receivedDate, label: t('intake.receivedDate'), message: issue.message };
  if (head === 'externalReference') return { field: INTAKE_FIELDS.externalReference, label: t('intake.externalReference'), message: issue.message };
  if (head === 'categoryKey') return { field: INTAKE_FIELDS.category, label: t('form.category'), message: issue.message };
  return { field: null, label: '', message: issue.message };
}

/** The first identity choice the intake form offers (pseudonyms are never offered offline). */
export function firstMode(caseType: ReportingCaseType): IdentityMode {
  return caseType.identity.allowed.find((mode) => mode !== 'PSEUDONYMOUS') ?? 'ANONYMOUS';
}

function createInput(caseType: ReportingCaseType, values: IntakeValues, receivedAt: string): RecordOfflineIntakeMutationVariables['input'] {
  const mode = values.identityMode as IdentityMode;
  let reporter: RecordOfflineIntakeMutationVariables['input']['reporter'] = null;
  if (mode === 'IDENTIFIED') {
    const given = DETAIL_ORDER.map(
      (detail) => [DETAIL_FIELDS[detail], values.details[detailName('IDENTIFIED', DETAIL_FIELDS[detail])]?.trim() ?? ''] as const,
    ).filter(([, value]) => value !== '');
    reporter = given.length > 0 ? Object.fromEntries(given) : null;
  }
  return {
    caseTypeKey: caseType.key,
    categoryKey: values.categoryKey || null,
    channelKey: values.channelKey,
    receivedAt,
    externalReference: values.externalReference.trim() || null,
    answers: caseType.formFields.map((field) => ({ field: field.key, value: values.answers[field.key]?.trim() ?? '' })).filter((answer) => answer.value !== ''),
    identityMode: mode,
    reporter,
  };
}

export async function handleIntakeAction(request: Request, call: AgencyConsoleCall, tenant: IntakeTenantQuery['tenant'], caseType: ReportingCaseType) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const values = readIntakeValues(fields, caseType);
  const refuse = (problems: FormProblem[], status = 400) => data<IntakeActionData>({ problems, values }, { status });

  const problems: FormProblem[] = [];
  const channels = findIntakeChannels(tenant.channels, caseType.key);
  const channel = channels.find((candidate) => candidate.key === values.channelKey);
  if (!channel) problems.push({ field: INTAKE_FIELDS.channel, label: t('intake.channel'), message: t('actionError.choose') });
  const receivedAt = toInstant(values.receivedDate, values.receivedTime, tenant.timeZone);
  if (!receivedAt) problems.push({ field: INTAKE_FIELDS.receivedDate, label: t('intake.receivedDate'), message: t('intake.dateInvalid') });
  if (channel?.kind === 'SP4N_LAPOR' && !values.externalReference.trim()) {
    problems.push({ field: INTAKE_FIELDS.externalReference, label: t('intake.externalReference'), message: t('actionError.required') });
  }
  const modes = caseType.identity.allowed.filter((mode) => mode !== 'PSEUDONYMOUS');
  if (!(modes as string[]).includes(values.identityMode)) {
    problems.push({ field: identityOptionId(firstMode(caseType)), label: t('intake.sectionIdentity'), message: t('intake.chooseIdentity') });
  }
  if (problems.length > 0) return refuse(problems);

  try {
    const { recordOfflineIntake } = await callConsole(call, RecordOfflineIntakeDocument, { input: createInput(caseType, values, receivedAt!) });
    const id = recordOfflineIntake.case.id;
    const receipt = consoleReceiptPath(call.scope.slug, id);
    const headers = new Headers({ 'Cache-Control': 'no-store' });
    headers.append('Set-Cookie', createReceiptCodeCookie(request, receipt, id, recordOfflineIntake.trackingCode));
    return redirect(receipt, { headers });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
    if (error.code === 'BAD_USER_INPUT' && error.issues.length > 0) return refuse(error.issues.map((issue) => toProblem(issue, caseType, t)));
    if (error.code === 'FORBIDDEN') return refuse([{ field: null, label: '', message: t('intake.forbidden') }], 403);
    if (error.code === 'RATE_LIMITED')
      return refuse([{ field: null, label: '', message: t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }) }], 429);
    if (error.code === 'BAD_USER_INPUT') return refuse([{ field: null, label: '', message: error.apiMessage ?? t('actionError.unknown') }]);
    console.warn(`[web] ${error.message}`);
    return refuse([{ field: null, label: '', message: t('actionError.unavailable') }], 503);
  }
}
