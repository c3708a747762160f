import type { FormProblem } from '../reporting/report-form-data';

export const PSEUDONYM_FIELD = 'pseudonym';
export const PASSWORD_FIELD = 'password';
export const PASSWORD_REPEAT_FIELD = 'passwordRepeat';
export const RETURN_FIELD = 'kembali';

/** A refused sign-in or registration: the pseudonym comes back, the password never does. */
export interface CredentialsActionData {
  pseudonym: string;
  problems: FormProblem[];
}
