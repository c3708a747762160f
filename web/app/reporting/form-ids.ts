/**
 * Names and ids of the report form's controls, shared by the form (which renders them),
 * the action (which reads them) and the error mapping (which links a problem to its field).
 */
import { listInOrder } from '../graphql/enum-values';
import type { IdentityMode, ReporterDetail } from '../graphql/generated/graphql';

export const CATEGORY_FIELD = 'categoryKey';
export const IDENTITY_FIELD = 'identityMode';
export const EVIDENCE_FIELD = 'evidence';
/** Ids of files already uploaded by the page's script (one hidden input per file). */
export const EVIDENCE_ID_FIELD = 'evidenceId';
/**
 * Beside each uploaded file's id: its name and size as the reporter knows them, so that a
 * refused form shows the files it keeps (`evidenceName.<id>`, `evidenceSize.<id>`).
 */
export function evidenceNameField(evidenceId: string): string {
  return `evidenceName.${evidenceId}`;
}
export function evidenceSizeField(evidenceId: string): string {
  return `evidenceSize.${evidenceId}`;
}
/** Why a file the page script tried to upload was refused: said again if the form is refused. */
export const EVIDENCE_REFUSED_FIELD = 'evidenceRefused';
export const ERROR_SUMMARY_ID = 'kesalahan';
/**
 * A random id the loader gives each blank form (hidden input), sent to the API as
 * `clientSubmissionKey`: the same form sent twice (a reload, a double click) files once.
 */
export const SUBMISSION_KEY_FIELD = 'clientSubmissionKey';

export function answerName(key: string): string {
  return `answer.${key}`;
}

export function answerId(key: string): string {
  return `answer-${key}`;
}

/** The API's names for reporter details (`reporter.phone`…). */
export const DETAIL_FIELDS = { NAME: 'name', ID_NUMBER: 'idNumber', PHONE: 'phone', EMAIL: 'email', ADDRESS: 'address' } as const satisfies Record<
  ReporterDetail,
  string
>;
export type DetailField = (typeof DETAIL_FIELDS)[ReporterDetail];
export const DETAIL_ORDER: readonly ReporterDetail[] = listInOrder<ReporterDetail>({ NAME: true, ID_NUMBER: true, PHONE: true, EMAIL: true, ADDRESS: true });

/** Identified and pseudonymous details are separate controls, since both may ask for a phone. */
export type DetailMode = Extract<IdentityMode, 'IDENTIFIED' | 'PSEUDONYMOUS'>;

export function detailName(mode: DetailMode, field: DetailField): string {
  return `${mode === 'IDENTIFIED' ? 'identified' : 'pseudonymous'}.${field}`;
}

export function detailId(mode: DetailMode, field: DetailField): string {
  return `${mode === 'IDENTIFIED' ? 'identified' : 'pseudonymous'}-${field}`;
}

export function identityOptionId(mode: IdentityMode): string {
  return `identity-${mode.toLowerCase()}`;
}
