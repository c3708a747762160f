/**
 * The reporter's satisfaction with the answer (issue 14, ADR 0029). Only the reporter rates,
 * found as every reporter action is (number and tracking code, or the signed-in account the
 * report was filed under: a wrong code is an unknown number), and only while the case is
 * ANSWERED: once per case, changed in place until the case is closed. Each rating and each
 * change is a RATED case event (satisfied and the previous value, never the comment), so
 * staff read the history and live pages update; the comment itself is only in `case_rating`.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { withTenantScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { AppError, inputError } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import type { CaseStatus } from './case-lifecycle.ts';
import { reportMessage } from './report-messages.ts';
import { findReporterCase } from './report-tracking.service.ts';

export const MAX_RATING_COMMENT_LENGTH = 1000;

export type RatingRefusal = 'NOT_ANSWERED' | 'CLOSED';

/** Why the reporter may not rate (or change their rating) now, or null when they may. */
export function findRatingRefusal(status: CaseStatus): RatingRefusal | null {
  if (status === 'ANSWERED') return null;
  return status === 'CLOSED' ? 'CLOSED' : 'NOT_ANSWERED';
}

const REFUSALS: Record<RatingRefusal, string> = {
  NOT_ANSWERED: 'This report has not been answered yet, so the answer cannot be rated.',
  CLOSED: 'This report is closed: its rating can no longer be given or changed.',
};

export interface RatingInput {
  registrationNumber: string;
  trackingCode?: string | null;
  satisfied: boolean;
  comment?: string | null;
}

export interface RatingRow {
  caseId: string;
  satisfied: boolean;
  comment: string | null;
  ratedAt: Date;
  updatedAt: Date;
  changes: number;
}

const ratingSelect = { caseId: true, satisfied: true, comment: true, ratedAt: true, updatedAt: true, changes: true } as const;

/** The comment as stored: NFC, trimmed, null when empty; BAD_USER_INPUT past the limit. */
export function normalizeRatingComment(comment: string | null | undefined, locale: Locale): string | null {
  const value = (comment ?? '').normalize('NFC').trim();
  if (value === '') return null;
  if ([...value].length > MAX_RATING_COMMENT_LENGTH) {
    throw inputError([{ path: ['comment'], message: reportMessage('tooLong', locale, { max: MAX_RATING_COMMENT_LENGTH }) }], locale);
  }
  return value;
}

export async function rateCaseAnswer(
  prisma: PrismaClient,
  request: { tenantId: string; locale: Locale; reporterAccountId: string | null },
  input: RatingInput,
  now = new Date(),
): Promise<{ caseId: string; rating: RatingRow; changed: boolean }> {
  const found = await findReporterCase(prisma, request.tenantId, { ...input, reporterAccountId: request.reporterAccountId });
  const comment = normalizeRatingComment(input.comment, request.locale);
  const early = findRatingRefusal(found.status);
  if (early) throw new AppError('INVALID_TRANSITION', REFUSALS[early], { reason: early });
  const actorId = found.reporterAccountId && found.reporterAccountId === request.reporterAccountId ? request.reporterAccountId : null;
  return withTenantScope(prisma, request.tenantId, async (tx) => {
    // The case row locked: a close committed first is seen here, and one after waits for this rating.
    const [locked] = await tx.$queryRaw<{ status: CaseStatus }[]>`SELECT status::text AS status FROM "case" WHERE id = ${found.id}::uuid FOR UPDATE`;
    const refusal = findRatingRefusal(locked!.status);
    if (refusal) throw new AppError('INVALID_TRANSITION', REFUSALS[refusal], { reason: refusal });
    const existing = await tx.caseRating.findUnique({ where: { caseId: found.id }, select: ratingSelect });
    if (existing && existing.satisfied === input.satisfied && existing.comment === comment) {
      // The same rating sent again (a re-sent form): nothing changes, nothing to record.
      return { caseId: found.id, rating: existing, changed: false };
    }
    const rating = existing
      ? await tx.caseRating.update({
          where: { caseId: found.id },
          data: { satisfied: input.satisfied, comment, updatedAt: now, changes: { increment: 1 } },
          select: ratingSelect,
        })
      : await tx.caseRating.create({
          data: {
            caseId: found.id,
            tenantId: request.tenantId,
            caseTypeId: found.caseTypeId,
            handlerId: await findAnswerHandler(tx, found.id),
            satisfied: input.satisfied,
            comment,
            ratedAt: now,
            updatedAt: now,
          },
          select: ratingSelect,
        });
    await tx.caseEvent.create({
      data: {
        tenantId: request.tenantId,
        caseId: found.id,
        kind: 'RATED',
        actorKind: 'REPORTER',
        actorId,
        visibility: 'REPORTER',
        status: locked!.status,
        // Never the comment: events carry no report content.
        data: { satisfied: input.satisfied, previous: existing ? existing.satisfied : null, withComment: comment !== null },
        createdAt: now,
      },
    });
    return { caseId: found.id, rating, changed: true };
  });
}

/** The handler a rating is about: who drafted the approved answer (the latest, should there be several). */
async function findAnswerHandler(tx: ScopedTransaction, caseId: string): Promise<string | null> {
  const answer = await tx.caseAnswer.findFirst({
    where: { caseId, status: 'APPROVED' },
    orderBy: [{ decidedAt: 'desc' }, { createdAt: 'desc' }],
    select: { draftedById: true },
  });
  return answer?.draftedById ?? null;
}
