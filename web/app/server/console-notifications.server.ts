/**
 * Marking notifications read: one (its own button) or every unread one on the page (the ids
 * come with the form); and the staff member's choice of mails (`intent=email`). A success redirects back with a flash; a list that changed meanwhile
 * (the API answers NOT_FOUND for an id that is no longer the viewer's) reloads with a note.
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase, consoleNotificationsPath } from '../console/console-paths';
import { createFlash } from '../console/flash';
import { MAX_MARKED, type NotificationsActionData } from '../console/notification-data';
import { MarkStaffNotificationsReadDocument, SetStaffEmailOptOutDocument } from '../graphql/documents.server';
import { isValueOf } from '../graphql/enum-values';
import { EmailKind } from '../graphql/generated/graphql';
import { createTranslator } from '../i18n/translate';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type ConsoleCall } from './console.server';
import { createPageError } from './page-errors.server';
import { createFlashCookie } from './staff-session.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The email choices form sends every kind it offered (`offered`) and the ticked ones (`kind`):
 * the kinds offered and not ticked are the ones turned off.
 */
function optOutOf(fields: FormData): EmailKind[] | null {
  const kinds = (name: string) => fields.getAll(name).filter((value) => isValueOf(EmailKind, value));
  const offered = kinds('offered');
  if (offered.length === 0) return null;
  const ticked = new Set(kinds('kind'));
  return offered.filter((kind) => !ticked.has(kind));
}

export async function handleNotificationsAction(request: Request, call: ConsoleCall) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  if (fields.get('intent') === 'email') return handleEmailChoices(request, call, fields);
  const notificationIds = [...new Set(fields.getAll('id').filter((value): value is string => typeof value === 'string' && UUID.test(value)))].slice(
    0,
    MAX_MARKED,
  );
  const refuse: Refuse = (problem, status) => data<NotificationsActionData>({ problem }, { status });
  if (fields.get('intent') !== 'read' || notificationIds.length === 0) return refuse(t('actionError.unknown'), 400);
  try {
    await callConsole(call, MarkStaffNotificationsReadDocument, { input: { notificationIds } });
    return redirect(consoleNotificationsPath(call.scope), {
      headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash('notificationsRead')), 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return refuseFor(error, request, call, refuse);
  }
}

async function handleEmailChoices(request: Request, call: ConsoleCall, fields: FormData) {
  const refuse: Refuse = (problem, status) => data<NotificationsActionData>({ problem }, { status });
  const optOut = optOutOf(fields);
  const t = createTranslator(call.locale);
  if (!optOut) return refuse(t('actionError.unknown'), 400);
  try {
    await callConsole(call, SetStaffEmailOptOutDocument, { optOut });
    return redirect(`${consoleNotificationsPath(call.scope)}#email`, {
      headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash('emailChoices')), 'Cache-Control': 'no-store' },
    });
  } catch (error) {
    return refuseFor(error, request, call, refuse);
  }
}

type Refuse = (problem: string, status: number) => ReturnType<typeof data<NotificationsActionData>>;

/** An API refusal of either form, as the page shows it. */
function refuseFor(error: unknown, request: Request, call: ConsoleCall, refuse: Refuse) {
  const t = createTranslator(call.locale);
  if (!(error instanceof ApiError)) throw error;
  if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
  if (error.code === 'FORBIDDEN') throw createPageError('PAGE_NOT_FOUND');
  if (error.code === 'NOT_FOUND') return refuse(t('notifications.gone'), 404);
  if (error.code === 'RATE_LIMITED') return refuse(t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }), 429);
  if (error.code === 'BAD_USER_INPUT') return refuse(t('actionError.unknown'), 400);
  console.warn(`[web] ${error.message}`);
  return refuse(t('actionError.unavailable'), 503);
}
