/**
 * The reporter's view of a report: found by registration number and tracking code (or by
 * the signed-in account it was filed under: identified or pseudonymous, never anonymous).
 * A wrong code is answered exactly like an unknown number, after the same work, so numbers
 * cannot be enumerated. Only what is meant for the reporter is returned: reporter-visible
 * events and messages, never internal notes, never the identity (not even to the account an
 * identified report was filed under).
 */
import { withTenantScope } from '../auth/data-scope.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { AppError, inputError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { OPEN_STATUSES, type CaseStatus } from './case-lifecycle.ts';
import { REGISTRATION_NUMBER_PATTERN } from './registration-number.ts';
import { reportMessage } from './report-messages.ts';
import { trackingCodeMatches } from './tracking-code.ts';
import { receiveReporterInfo, warmTenantContext, type WorkflowDeps } from './case-workflow.service.ts';

export const MAX_MESSAGE_LENGTH = 5000;

/** Whether the reporter may write on a case in this status: while staff can answer (OPEN_STATUSES). */
export function acceptsReporterMessages(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

const reporterView = {
  caseType: { select: { key: true, name: true, kind: true } },
  category: { select: { key: true, name: true } },
  events: { where: { visibility: 'REPORTER' }, orderBy: { id: 'asc' } },
  messages: {
    where: { visibility: 'REPORTER' },
    orderBy: { createdAt: 'asc' },
    include: { evidence: { where: { status: 'ATTACHED' }, select: { id: true, fileName: true, size: true, contentType: true } } },
  },
  evidence: { where: { status: 'ATTACHED', messageId: null }, select: { id: true, fileName: true, size: true, contentType: true, sha256: true } },
  // Whether it was escalated (escalation.service.ts), kept beside the case (ADR 0011), and the
  // secretariat's follow-up (ADR 0028): never the instruction's text, which is the agency's.
  sla: {
    select: {
      escalatedAt: true,
      escalationAcknowledgedAt: true,
      instructedAt: true,
      instructionDeadline: true,
      escalationOutcome: true,
      escalationOutcomeNote: true,
      escalationConcludedAt: true,
    },
  },
  // The reporter's own rating of the answer (satisfaction.service.ts).
  rating: { select: { caseId: true, satisfied: true, comment: true, ratedAt: true, updatedAt: true, changes: true } },
} as const;

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'No report matches this registration number and tracking code.');
}

/** Finds a case the caller may follow: by number and code, or as its signed-in owner. */
export async function findReporterCase(
  prisma: PrismaClient,
  tenantId: string,
  access: { registrationNumber: string; trackingCode?: string | null; reporterAccountId?: string | null },
) {
  const registrationNumber = access.registrationNumber.trim().toUpperCase();
  // Only what the check needs: a guess costs one small lookup, whether the number exists or not.
  // In the portal's own scope: another agency's number is not found here at all.
  // A number this agency transferred a report as finds that report here (TRANSFERRED, saying
  // where it went), in the same one lookup: an outsider learns nothing a wrong code would not.
  const candidates = REGISTRATION_NUMBER_PATTERN.test(registrationNumber)
    ? await withTenantScope(prisma, tenantId, (tx) =>
        tx.case.findMany({
          where: { OR: [{ registrationNumber }, { transferredToNumber: registrationNumber }] },
          select: { id: true, tenantId: true, trackingCodeHash: true, reporterAccountId: true, registrationNumber: true },
          take: 2,
        }),
      )
    : [];
  const found = candidates.find((row) => row.registrationNumber === registrationNumber) ?? candidates[0] ?? null;
  const sameTenant = found?.tenantId === tenantId ? found : null;
  const byOwner = Boolean(sameTenant && access.reporterAccountId && sameTenant.reporterAccountId === access.reporterAccountId);
  // Always compare, even without a case, so the answer takes the same time.
  const byCode = access.trackingCode ? trackingCodeMatches(access.trackingCode, sameTenant?.trackingCodeHash ?? null) : false;
  if (!sameTenant || !(byOwner || byCode)) throw notFound();
  return loadReporterCase(prisma, tenantId, sameTenant.id);
}

/** A case as its reporter sees it, once access is proven (by the caller). */
export function loadReporterCase(prisma: PrismaClient, tenantId: string, caseId: string) {
  return withTenantScope(prisma, tenantId, (tx) => tx.case.findUniqueOrThrow({ where: { id: caseId }, include: reporterView }));
}

export type ReporterCase = Awaited<ReturnType<typeof findReporterCase>>;

export async function listReporterCases(prisma: PrismaClient, tenantId: string, reporterAccountId: string) {
  return withTenantScope(prisma, tenantId, (tx) =>
    tx.case.findMany({
      where: { tenantId, reporterAccountId },
      orderBy: { submittedAt: 'desc' },
      take: 200,
      include: reporterView,
    }),
  );
}

/**
 * A message from the reporter, with more evidence if they like. A case waiting for the
 * reporter's answer goes back to work and its SLA clock resumes.
 */
export async function sendReporterMessage(
  deps: Pick<WorkflowDeps, 'configs' | 'calendars'> & { prisma: PrismaClient },
  request: { tenantId: string; locale: Locale; reporterAccountId: string | null },
  input: { registrationNumber: string; trackingCode?: string | null; body: string; evidenceIds?: string[] | null },
) {
  const { prisma } = deps;
  const found = await findReporterCase(prisma, request.tenantId, { ...input, reporterAccountId: request.reporterAccountId });
  // Only where staff can still answer (the console's `sendMessage`): not once answered, closed, rejected or transferred.
  if (!acceptsReporterMessages(found.status)) {
    throw inputError([{ path: ['body'], message: reportMessage('messagesClosed', request.locale) }], request.locale);
  }
  const body = input.body.normalize('NFC').trim();
  if (body === '') throw inputError([{ path: ['body'], message: reportMessage('messageEmpty', request.locale) }], request.locale);
  // The answer to a question resumes the clock inside the transaction below.
  if (found.status === 'NEEDS_INFO') await warmTenantContext(deps, request.tenantId);
  if ([...body].length > MAX_MESSAGE_LENGTH) {
    throw inputError([{ path: ['body'], message: reportMessage('tooLong', request.locale, { max: MAX_MESSAGE_LENGTH }) }], request.locale);
  }
  const evidenceIds = [...new Set(input.evidenceIds ?? [])];
  const actorId = found.reporterAccountId && found.reporterAccountId === request.reporterAccountId ? request.reporterAccountId : null;
  return withTenantScope(prisma, request.tenantId, async (tx) => {
    const message = await tx.caseMessage.create({
      data: { tenantId: request.tenantId, caseId: found.id, authorKind: 'REPORTER', authorId: actorId, visibility: 'REPORTER', body },
    });
    if (evidenceIds.length > 0) {
      const attached = await tx.evidence.updateMany({
        where: { id: { in: evidenceIds }, tenantId: request.tenantId, caseTypeId: found.caseTypeId, status: 'STORED', caseId: null },
        data: { status: 'ATTACHED', caseId: found.id, messageId: message.id },
      });
      if (attached.count !== evidenceIds.length) {
        throw inputError([{ path: ['evidenceIds'], message: reportMessage('evidenceUnavailable', request.locale) }], request.locale);
      }
    }
    await tx.caseEvent.create({
      data: {
        tenantId: request.tenantId,
        caseId: found.id,
        kind: 'MESSAGE',
        actorKind: 'REPORTER',
        actorId,
        visibility: 'REPORTER',
        status: found.status,
        data: { messageId: message.id, evidenceCount: evidenceIds.length },
      },
    });
    if (found.status === 'NEEDS_INFO') await receiveReporterInfo(tx, deps, found.id, actorId, new Date());
    return tx.caseMessage.findUniqueOrThrow({
      where: { id: message.id },
      include: { evidence: { select: { id: true, fileName: true, size: true, contentType: true } } },
    });
  });
}
