/**
 * Staff sign-in and sign-out: the API's token goes into the `aduan_staf` cookie and nowhere
 * else, then the browser goes back to the console page it came for (of the same console).
 */
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import { findConsoleLanding } from '../console/console-access';
import { consoleBase, consoleInboxPath, consoleSignInPath, findConsoleReturnPath } from '../console/console-paths';
import { EMAIL_FIELD, PASSWORD_FIELD, RETURN_FIELD, type SignInActionData } from '../console/sign-in-data';
import type { FormProblem } from '../reporting/report-form-data';
import { ConsoleViewerDocument, LoginStaffDocument, LogoutStaffDocument } from '../graphql/documents.server';
import { createTranslator } from '../i18n/translate';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, type ConsoleCall } from './console.server';
import { toPageError } from './page-errors.server';
import { createClearStaffSessionCookie, createStaffSessionCookie } from './staff-session.server';

const SignInSchema = z.object({ email: z.string().max(320), password: z.string().max(200), returnTo: z.string().max(600) });

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value : '';
}

/** Where the new session's role works (console-access.ts); the inbox when the API cannot say. */
async function findLanding(call: ConsoleCall): Promise<string> {
  try {
    const { viewerStaff } = await callConsole(call, ConsoleViewerDocument);
    return viewerStaff ? findConsoleLanding(viewerStaff, call.scope) : consoleInboxPath(call.scope);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return consoleInboxPath(call.scope);
  }
}

export async function handleSignInAction(request: Request, call: ConsoleCall) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const parsed = SignInSchema.safeParse({
    email: text(fields, EMAIL_FIELD).trim(),
    password: text(fields, PASSWORD_FIELD),
    returnTo: text(fields, RETURN_FIELD),
  });
  const email = parsed.success ? parsed.data.email : '';
  const refuse = (problems: FormProblem[], status: number) => data<SignInActionData>({ email, problems }, { status, headers: { 'Cache-Control': 'no-store' } });
  const emailLabel = t('consoleSignIn.email');
  const passwordLabel = t('consoleSignIn.password');
  if (!parsed.success) return refuse([{ field: null, label: '', message: t('actionError.tooLong', { max: 200 }) }], 400);

  const problems: FormProblem[] = [];
  if (!parsed.data.email) problems.push({ field: EMAIL_FIELD, label: emailLabel, message: t('consoleSignIn.emailRequired') });
  else if (!/^[^\s@]+@[^\s@]+$/.test(parsed.data.email)) problems.push({ field: EMAIL_FIELD, label: emailLabel, message: t('consoleSignIn.emailInvalid') });
  if (!parsed.data.password) problems.push({ field: PASSWORD_FIELD, label: passwordLabel, message: t('consoleSignIn.passwordRequired') });
  if (problems.length > 0) return refuse(problems, 400);

  try {
    const { loginStaff } = await callConsole(
      call,
      LoginStaffDocument,
      { input: { email: parsed.data.email, password: parsed.data.password } },
      { anonymous: true },
    );
    const returnPath = findConsoleReturnPath(parsed.data.returnTo, call.scope) ?? (await findLanding({ ...call, token: loginStaff.token }));
    return redirect(returnPath, {
      headers: {
        'Set-Cookie': createStaffSessionCookie(request, consoleBase(call.scope), loginStaff.token, loginStaff.expiresAt),
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return refuse([{ field: PASSWORD_FIELD, label: passwordLabel, message: t('consoleSignIn.wrong') }], 401);
      case 'RATE_LIMITED':
        return refuse([{ field: null, label: '', message: t('consoleSignIn.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }) }], 429);
      case 'BAD_USER_INPUT':
        return refuse(
          error.issues.length > 0
            ? error.issues.map((issue) =>
                issue.path.includes('email')
                  ? { field: EMAIL_FIELD, label: emailLabel, message: issue.message }
                  : issue.path.includes('password')
                    ? { field: PASSWORD_FIELD, label: passwordLabel, message: issue.message }
                    : { field: null, label: '', message: issue.message },
              )
            : [{ field: null, label: '', message: error.apiMessage ?? t('actionError.unknown') }],
          400,
        );
      case 'SERVICE_UNAVAILABLE':
      case 'INTERNAL':
        console.warn(`[web] ${error.message}`);
        return refuse([{ field: null, label: '', message: t('actionError.unavailable') }], 503);
      default:
        throw toPageError(error);
    }
  }
}

/** Ends the session at the API (when it still knows it) and removes the cookie either way. */
export async function handleSignOutAction(request: Request, call: ConsoleCall) {
  if (call.token) {
    try {
      await callConsole(call, LogoutStaffDocument);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code !== 'UNAUTHENTICATED') console.warn(`[web] ${error.message}`);
    }
  }
  return redirect(`${consoleSignInPath(call.scope)}?keluar=1`, {
    headers: { 'Set-Cookie': createClearStaffSessionCookie(request, consoleBase(call.scope)), 'Cache-Control': 'no-store' },
  });
}
