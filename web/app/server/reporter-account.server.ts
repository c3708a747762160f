/**
 * Registering and signing in a pseudonymous reporter: the API's session token goes into
 * the session cookie and nowhere else, then the browser goes back to where it came from
 * (a page of the same agency only).
 */
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import { PASSWORD_FIELD, PASSWORD_REPEAT_FIELD, PSEUDONYM_FIELD, RETURN_FIELD, type CredentialsActionData } from '../account/credentials-data';
import { LoginReporterDocument, RegisterReporterDocument } from '../graphql/documents.server';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { ApiError } from './api-client.server';
import { createSessionCookie } from './reporter-session.server';
import { callApi, describeApiProblem, findProblemStatus, findReturnPath, type ReporterCall } from './reporter.server';
import { toPageError } from './page-errors.server';

const CredentialsSchema = z.object({
  pseudonym: z.string().max(100),
  password: z.string().max(200),
  passwordRepeat: z.string().max(200),
  returnTo: z.string().max(300),
});

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

/** The account's home after signing in: the reporter's own reports. */
export function findAccountHome(slug: string): string {
  return `/t/${slug}/akun/laporan`;
}

export async function handleCredentialsAction(request: Request, call: ReporterCall, mode: 'register' | 'login') {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const parsed = CredentialsSchema.safeParse({
    pseudonym: text(fields, PSEUDONYM_FIELD),
    password: text(fields, PASSWORD_FIELD),
    passwordRepeat: text(fields, PASSWORD_REPEAT_FIELD),
    returnTo: text(fields, RETURN_FIELD),
  });
  const refuse = (problems: FormProblem[], status: number) =>
    data<CredentialsActionData>({ pseudonym: parsed.success ? parsed.data.pseudonym : '', problems }, { status });
  if (!parsed.success) return refuse([{ field: null, label: '', message: t('form.tooLong') }], 400);
  const { pseudonym, password, passwordRepeat, returnTo } = parsed.data;
  if (mode === 'register' && password !== passwordRepeat) {
    return refuse([{ field: PASSWORD_REPEAT_FIELD, label: t('account.passwordRepeat'), message: t('account.passwordMismatch') }], 400);
  }
  try {
    const variables = { input: { pseudonym, password } };
    const session =
      mode === 'register'
        ? (await callApi(call, RegisterReporterDocument, variables)).registerReporter
        : (await callApi(call, LoginReporterDocument, variables)).loginReporter;
    return redirect(findReturnPath(returnTo, call.slug) ?? findAccountHome(call.slug), {
      headers: { 'Set-Cookie': createSessionCookie(request, call.slug, session.token, session.expiresAt) },
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      return refuse(
        error.issues.map((issue) => {
          const field = issue.path[1];
          if (field === 'pseudonym') return { field: PSEUDONYM_FIELD, label: t('account.pseudonym'), message: issue.message };
          if (field === 'password') return { field: PASSWORD_FIELD, label: t('account.password'), message: issue.message };
          return { field: null, label: '', message: issue.message };
        }),
        400,
      );
    }
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return refuse([{ field: null, label: '', message: t('account.wrongCredentials') }], 401);
    const problem = describeApiProblem(error, call.locale);
    if (problem === null) throw toPageError(error);
    return refuse([{ field: null, label: '', message: problem }], findProblemStatus(error));
  }
}
