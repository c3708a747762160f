/** The staff sign-in form's controls, and what a refused sign-in answers with. */
import type { FormProblem } from '../reporting/report-form-data';

export const EMAIL_FIELD = 'email';
export const PASSWORD_FIELD = 'password';
export const RETURN_FIELD = 'kembali';

export interface SignInActionData {
  email: string;
  problems: FormProblem[];
}
