/**
 * The track page's `rate` intent: the reporter rates the answer, or changes the rating
 * (ADR 0029). Works as a plain form post; what the reporter entered is kept on a refusal.
 */
import { RateCaseAnswerDocument } from '../graphql/documents.server';
import type { TrackedReport } from '../graphql/results';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { RATING_COMMENT_FIELD, RATING_SATISFIED_FIELD, type TrackView } from '../reporting/track-data';
import { ApiError } from './api-client.server';
import { callApi, type ReporterCall } from './reporter.server';

/** The rating as posted: `satisfied` is "yes" or "no" (anything else is no choice). */
export function readRating(fields: FormData): { satisfied: boolean | null; comment: string } {
  const choice = fields.get(RATING_SATISFIED_FIELD);
  const comment = fields.get(RATING_COMMENT_FIELD);
  return {
    satisfied: choice === 'yes' ? true : choice === 'no' ? false : null,
    comment: typeof comment === 'string' ? comment.slice(0, 20_000) : '',
  };
}

type Untouched = Omit<TrackView, 'trackingCode' | 'report'>;

/**
 * Rates, then answers with the report as it is now. A wrong number or code (and any other
 * failure) is the caller's to turn into the neutral refusal: `rate` rethrows it.
 */
export async function rateAnswer(
  call: ReporterCall,
  access: { registrationNumber: string; trackingCode: string | null },
  fields: FormData,
  track: () => Promise<TrackedReport>,
): Promise<{ view: Untouched & { report: TrackedReport }; status: number }> {
  const t = createTranslator(call.locale);
  const { satisfied, comment } = readRating(fields);
  const untouched = { sent: false, reply: { body: '', problems: [], reattach: false } };
  const refused = async (problems: FormProblem[], status: number) => ({
    view: { report: await track(), ...untouched, rating: { done: false as const, problems, satisfied, comment } },
    status,
  });
  if (satisfied === null) return refused([{ field: RATING_SATISFIED_FIELD, label: t('rating.question'), message: t('rating.choose') }], 400);
  try {
    await callApi(call, RateCaseAnswerDocument, { input: { ...access, satisfied, comment } });
    return { view: { report: await track(), ...untouched, rating: { done: true } }, status: 200 };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'INVALID_TRANSITION') {
      return refused([{ field: null, label: '', message: t('rating.refused') }], 409);
    }
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      const problems = error.issues.map((issue) =>
        issue.path[0] === 'comment'
          ? { field: RATING_COMMENT_FIELD, label: t('rating.comment'), message: issue.message }
          : { field: null, label: '', message: issue.message },
      );
      return refused(problems, 400);
    }
    throw error;
  }
}
