/** What the report action answers, and what the report form needs to show it again. */
import type { IdentityMode } from '../graphql/generated/graphql';
import type { ReportReceipt } from '../graphql/results';

/** The values a reporter entered, given back after a refusal (the files are in `KeptEvidence`). */
export interface ReportFormValues {
  answers: Record<string, string>;
  categoryKey: string;
  identityMode: IdentityMode | '';
  /** By control name (`identified.phone`, `pseudonymous.phone`, …). */
  details: Record<string, string>;
}

/** A problem to fix: shown next to its control (`field` is the control's id) and in the summary. */
export interface FormProblem {
  field: string | null;
  label: string;
  message: string;
}

/**
 * A file already uploaded (stored by the API, not yet attached to a report) that a refused
 * form keeps: it goes with the form again and is attached when the report is filed.
 */
export interface KeptEvidence {
  evidenceId: string;
  fileName: string;
  size: number;
}

export type ReportActionData =
  | { outcome: 'submitted'; registrationNumber: string; trackingCode: string; receipt: ReportReceipt }
  /** `submissionKey` goes back into the form, so that the corrected form still files once. */
  | { outcome: 'invalid'; values: ReportFormValues; problems: FormProblem[]; kept: KeptEvidence[]; submissionKey: string }
  /** The same form was sent before (its key is known to the API): nothing new was filed. */
  | { outcome: 'duplicate'; registrationNumber: string; message: string };

export const EMPTY_REPORT_VALUES: ReportFormValues = { answers: {}, categoryKey: '', identityMode: '', details: {} };

export function findProblems(problems: readonly FormProblem[] | undefined, field: string): FormProblem[] {
  return problems?.filter((problem) => problem.field === field) ?? [];
}
