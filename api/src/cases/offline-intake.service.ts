/**
 * Recording a report that came by an offline channel (letter, phone, WhatsApp, email,
 * complaint box, office visit, SP4N-LAPOR! with its reference): checked against the case
 * type's form and identity policy like a portal submission, received at the time it
 * actually arrived (the SLA counts from then), with the staff member who recorded it named
 * on its receipt. The reporter gets the number and a tracking code to follow it online.
 */
import { randomUUID } from 'node:crypto';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import { AppError, inputError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import type { IdentityVault } from '../identity/identity-vault.service.ts';
import { withDataScope } from '../auth/data-scope.ts';
import { localDate } from '../sla/working-days.ts';
import type { WorkflowDeps } from './case-workflow.service.ts';
import { validateAnswers, type FieldIssue, type FormFieldDefinition } from './report-answers.ts';
import { checkIdentity, titleOf, type SubmitReportInput } from './report-submission.service.ts';
import { reportMessage } from './report-messages.ts';
import { insertStaffCase } from './staff-case-creation.ts';
import { createTrackingCode, hashTrackingCode } from './tracking-code.ts';

/** How far back an offline intake may be dated. */
export const MAX_INTAKE_AGE_DAYS = 90;

export interface OfflineIntakeInput {
  caseTypeKey: string;
  categoryKey?: string | null;
  channelKey: string;
  receivedAt: Date;
  externalReference?: string | null;
  answers: { field: string; value: string }[];
  identityMode: SubmitReportInput['identityMode'];
  reporter?: SubmitReportInput['reporter'];
}

export async function recordOfflineIntake(
  deps: WorkflowDeps & { vault: IdentityVault },
  viewer: StaffViewer,
  input: OfflineIntakeInput,
  options: { locale: Locale; now?: Date },
): Promise<{ caseId: string; registrationNumber: string; trackingCode: string }> {
  const { locale } = options;
  const now = options.now ?? new Date();
  if (!viewer.tenantId || !viewer.ability.can('record', 'Case')) throw new AppError('FORBIDDEN', 'Your role may not record an intake.');
  const tenant = await deps.configs.find(viewer.tenantId);
  if (!tenant) throw new AppError('NOT_FOUND', 'No such agency.');
  const issues: FieldIssue[] = [];
  const caseType = tenant.caseTypes.find((item) => item.key === input.caseTypeKey);
  if (!caseType) throw inputError([{ path: ['caseTypeKey'], message: reportMessage('unknownCaseType', locale) }], locale);
  const channel = tenant.channels.find((item) => item.key === input.channelKey);
  if (!channel?.staffIntake) {
    issues.push({ path: ['channelKey'], message: locale === 'en' ? 'Staff do not record intake from this channel.' : 'Kanal ini tidak dicatat oleh petugas.' });
  } else if (channel.caseTypeKeys.length > 0 && !channel.caseTypeKeys.includes(caseType.key)) {
    issues.push({
      path: ['channelKey'],
      message: locale === 'en' ? 'This channel does not take this kind of report.' : 'Kanal ini tidak menerima jenis laporan ini.',
    });
  }
  const externalReference = input.externalReference?.trim() || null;
  if (channel?.kind === 'SP4N_LAPOR' && !externalReference) {
    issues.push({ path: ['externalReference'], message: locale === 'en' ? 'Give the SP4N-LAPOR! tracking number.' : 'Isi nomor pelacakan SP4N-LAPOR!.' });
  }
  if (externalReference && externalReference.length > 100)
    issues.push({ path: ['externalReference'], message: reportMessage('tooLong', locale, { max: 100 }) });
  if (Number.isNaN(input.receivedAt.getTime()) || input.receivedAt.getTime() > now.getTime() + 60_000) {
    issues.push({
      path: ['receivedAt'],
      message: locale === 'en' ? 'The time received cannot be in the future.' : 'Waktu diterima tidak boleh di masa depan.',
    });
  } else if (now.getTime() - input.receivedAt.getTime() > MAX_INTAKE_AGE_DAYS * 86_400_000) {
    issues.push({
      path: ['receivedAt'],
      message: locale === 'en' ? `At most ${MAX_INTAKE_AGE_DAYS} days ago.` : `Paling lama ${MAX_INTAKE_AGE_DAYS} hari yang lalu.`,
    });
  }
  if (input.identityMode === 'PSEUDONYMOUS') {
    issues.push({
      path: ['identityMode'],
      message: locale === 'en' ? 'A pseudonym account is made by the reporter on the portal.' : 'Akun nama samaran dibuat sendiri oleh pelapor di portal.',
    });
  }
  const fields = caseType.formFields as unknown as FormFieldDefinition[];
  const answers = validateAnswers(fields, input.answers, { locale, today: localDate(now, tenant.timeZone) });
  const identity = checkIdentity(caseType, { ...input, caseTypeKey: caseType.key }, locale, false);
  let categoryId: string | null = null;
  if (input.categoryKey) {
    const category = tenant.categories.find((item) => item.key === input.categoryKey);
    if (category) categoryId = category.id;
    else issues.push({ path: ['categoryKey'], message: reportMessage('unknownCategory', locale) });
  }
  issues.push(...answers.issues, ...identity.issues.filter((issue) => issue.path[0] !== 'identityMode' || input.identityMode !== 'PSEUDONYMOUS'));
  if (issues.length > 0) throw inputError(issues, locale);

  const caseId = randomUUID();
  const trackingCode = createTrackingCode();
  // Keys are read with the owner's connection (see IdentityVault); the case is written in scope.
  const protectedIdentity = await deps.vault.protect(deps.db.prisma, {
    tenantId: tenant.id,
    caseId,
    confidential: caseType.confidential,
    identity: identity.identity,
  });
  const calendar = await deps.calendars.forTenant(tenant);
  const registrationNumber = await withDataScope(deps.db.prisma, viewer.scope, async (tx) => {
    const number = await insertStaffCase(tx, {
      id: caseId,
      tenant,
      caseType,
      calendar,
      categoryId,
      channelId: channel!.id,
      identityMode: input.identityMode,
      identity: protectedIdentity,
      trackingCodeHash: hashTrackingCode(trackingCode),
      title: titleOf(answers.values, fields),
      answers: answers.values,
      locale,
      receivedAt: input.receivedAt,
      now,
      externalReference,
      recordedById: viewer.userId,
    });
    await tx.caseEvent.create({
      data: {
        tenantId: tenant.id,
        caseId,
        kind: 'RECORDED_OFFLINE',
        actorKind: 'STAFF',
        actorId: viewer.userId,
        visibility: 'REPORTER',
        status: 'SUBMITTED',
        data: { channelKind: channel!.kind, receivedAt: input.receivedAt.toISOString(), ...(externalReference ? { externalReference } : {}) },
      },
    });
    return number;
  });
  return { caseId, registrationNumber, trackingCode };
}
