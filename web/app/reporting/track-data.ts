/** What the track page shows: the look-up form, or a report with its reply form. */
import type { TrackedReport } from '../graphql/results';
import type { FormProblem } from './report-form-data';

export const TRACK_NUMBER_FIELD = 'registrationNumber';
export const TRACK_CODE_FIELD = 'trackingCode';
export const REPLY_BODY_FIELD = 'body';
export const INTENT_FIELD = 'intent';

export const RATING_SATISFIED_FIELD = 'satisfied';
export const RATING_COMMENT_FIELD = 'ratingComment';

export type TrackIntent = 'track' | 'open' | 'message' | 'escalate' | 'rate';

export interface TrackView {
  report: TrackedReport;
  /** The code the reporter typed, carried in the reply form; null for the signed-in owner. */
  trackingCode: string | null;
  /** A message was just sent. */
  sent: boolean;
  reply: { body: string; problems: FormProblem[]; reattach: boolean };
  /** The reporter just asked to escalate: done, or refused with the reason. */
  escalation?: { done: true } | { done: false; problem: string } | null;
  /** The reporter just rated the answer: saved, or refused with what to fix (their entry kept). */
  rating?: { done: true } | { done: false; problems: FormProblem[]; satisfied: boolean | null; comment: string } | null;
}

export type TrackActionData = { outcome: 'found'; view: TrackView } | { outcome: 'refused'; registrationNumber: string; problems: FormProblem[] };
