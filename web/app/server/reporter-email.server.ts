/**
 * The signed-in reporter sets or removes the address that tells them of their reports' news.
 * The API checks the address and answers in the page's language; a save redirects back to the
 * section with a notice, a refusal answers with the problems and the typed value.
 */
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import {
  createEmailNoticeQuery,
  EMAIL_FIELD,
  EMAIL_INTENT_FIELD,
  EMAIL_SECTION_ID,
  type NotificationEmailActionData,
} from '../account/notification-email-data';
import { SetReporterNotificationEmailDocument } from '../graphql/documents.server';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { ApiError } from './api-client.server';
import { toPageError } from './page-errors.server';
import { findAccountHome } from './reporter-account.server';
import { createClearSessionCookie } from './reporter-session.server';
import { callApi, describeApiProblem, findProblemStatus, type ReporterCall } from './reporter.server';

// Long enough for any address the API accepts (254), short enough to bound what is sent on.
const EmailFormSchema = z.object({ email: z.string().max(500), intent: z.enum(['save', 'remove']) });

/** The sign-in page, then back to the account; `ended` also clears a cookie the API no longer knows. */
export function redirectToSignIn(request: Request, call: ReporterCall, ended: boolean): Response {
  const back = encodeURIComponent(findAccountHome(call.slug));
  return redirect(`/t/${call.slug}/akun/masuk?kembali=${back}${ended ? '&sesi=berakhir' : ''}`, {
    headers: ended ? { 'Set-Cookie': createClearSessionCookie(request, call.slug) } : undefined,
  });
}

export async function handleNotificationEmailAction(request: Request, call: ReporterCall) {
  if (!call.token) return redirectToSignIn(request, call, false);
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const typed = fields.get(EMAIL_FIELD);
  const parsed = EmailFormSchema.safeParse({ email: typeof typed === 'string' ? typed : '', intent: fields.get(EMAIL_INTENT_FIELD) });
  const refuse = (problems: FormProblem[], status: number) =>
    data<NotificationEmailActionData>({ email: parsed.success ? parsed.data.email : '', problems }, { status });
  if (!parsed.success) return refuse([{ field: EMAIL_FIELD, label: t('accountEmail.label'), message: t('form.tooLong') }], 400);
  const email = parsed.data.intent === 'remove' ? '' : parsed.data.email;
  try {
    const { setReporterNotificationEmail } = await callApi(call, SetReporterNotificationEmailDocument, { email });
    const notice = createEmailNoticeQuery(setReporterNotificationEmail.notificationEmail !== null);
    return redirect(`${findAccountHome(call.slug)}${notice}#${EMAIL_SECTION_ID}`, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') return redirectToSignIn(request, call, true);
    if (error instanceof ApiError && error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      return refuse(
        error.issues.map((issue) =>
          issue.path[0] === 'email'
            ? { field: EMAIL_FIELD, label: t('accountEmail.label'), message: issue.message }
            : { field: null, label: '', message: issue.message },
        ),
        400,
      );
    }
    const problem = describeApiProblem(error, call.locale);
    if (problem === null) throw toPageError(error);
    return refuse([{ field: null, label: '', message: problem }], findProblemStatus(error));
  }
}
