/**
 * Separation of duties in the console: proposing a change to the custodian or head role,
 * confirming or declining a role proposal, confirming or declining a colleague's conflict mark.
 * Each is a plain POST form; a success redirects back with a flash, a refusal answers with one
 * sentence in the page's language (the API's own messages are English and never shown).
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase } from '../console/console-paths';
import { createFlash, type Flash } from '../console/flash';
import { DecideConflictDocument, DecideRoleChangeDocument, ProposeRoleChangeDocument } from '../graphql/documents.server';
import { isValueOf } from '../graphql/enum-values';
import { RoleChange, type StaffRole } from '../graphql/generated/graphql';
import { createTranslator } from '../i18n/translate';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type ConsoleCall } from './console.server';
import { createFlashCookie } from './staff-session.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TRUST_INTENTS = ['proposeRole', 'decideRole', 'decideConflict'] as const;
export type TrustIntent = (typeof TRUST_INTENTS)[number];

/** Roles whose change takes two people (api/src/admin/role-rules.ts). */
export const SENSITIVE_ROLES: readonly StaffRole[] = ['IDENTITY_CUSTODIAN', 'AGENCY_HEAD'];

/** What a refused trust form carries back: one sentence, and which proposal or account it was about. */
export interface TrustActionData {
  trust: true;
  intent: TrustIntent | null;
  subject: string | null;
  problem: string;
}

export function isTrustIntent(value: FormDataEntryValue | null): value is TrustIntent {
  return typeof value === 'string' && (TRUST_INTENTS as readonly string[]).includes(value);
}

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

/**
 * Handles one trust form posted to a console page; `back` is where a success returns (the
 * page itself). `fields` is the already read form.
 */
export async function handleTrustAction(request: Request, call: ConsoleCall, fields: FormData, back: string) {
  const t = createTranslator(call.locale);
  const intentValue = fields.get('intent');
  const intent = isTrustIntent(intentValue) ? intentValue : null;
  const id = text(fields, intent === 'proposeRole' ? 'staffUserId' : 'proposalId');
  const subject = UUID.test(id) ? id : null;
  const refuse = (problem: string, status: number) => data<TrustActionData>({ trust: true, intent, subject, problem }, { status });
  const done = (flash: Flash) =>
    redirect(back, { headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash(flash)), 'Cache-Control': 'no-store' } });
  if (!intent || !subject) return refuse(t('actionError.unknown'), 400);
  const confirm = text(fields, 'confirm') === '1';
  try {
    switch (intent) {
      case 'proposeRole': {
        const role = text(fields, 'role');
        const change = text(fields, 'change');
        if (!(SENSITIVE_ROLES as readonly string[]).includes(role) || !isValueOf(RoleChange, change)) return refuse(t('actionError.unknown'), 400);
        await callConsole(call, ProposeRoleChangeDocument, { input: { staffUserId: subject, role: role as StaffRole, change: change as RoleChange } });
        return done('roleProposed');
      }
      case 'decideRole':
        await callConsole(call, DecideRoleChangeDocument, { input: { proposalId: subject, confirm } });
        return done(confirm ? 'roleConfirmed' : 'roleDeclined');
      case 'decideConflict':
        await callConsole(call, DecideConflictDocument, { input: { proposalId: subject, confirm } });
        return done(confirm ? 'conflictConfirmed' : 'conflictDeclined');
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return createSignInRedirect(request, call, 'ended');
      case 'FORBIDDEN':
        return refuse(t(intent === 'proposeRole' ? 'trustError.forbidden' : 'trustError.decideForbidden'), 403);
      case 'NOT_FOUND':
        return refuse(t('trustError.gone'), 404);
      case 'CONFLICT':
        if (error.reason === 'LAST_ACTOR') return refuse(t('actionError.lastActor'), 409);
        return refuse(t(intent === 'proposeRole' ? 'trustError.pendingExists' : 'trustError.decided'), 409);
      case 'BAD_USER_INPUT':
        return refuse(t('trustError.roleState'), 400);
      case 'RATE_LIMITED':
        return refuse(t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }), 429);
      default:
        console.warn(`[web] ${error.message}`);
        return refuse(t('actionError.unavailable'), 503);
    }
  }
}
