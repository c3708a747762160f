/**
 * The identity custodian's actions. A revealed identity and a new recovery key are answered
 * straight from the action (never put in a redirect, cookie or session), on a page that no
 * cache may keep; declining and removing redirect back with a flash. A wrong passphrase and
 * too many attempts are said in words next to the passphrase.
 */
import { data, redirect } from '@remix-run/node';
import { consoleBase, consoleCustodianPath } from '../console/console-paths';
import { createFlash, type Flash } from '../console/flash';
import {
  CustodianConsoleDocument,
  DeclineIdentityRevealDocument,
  RemoveIdentityCustodianDocument,
  ResealIdentitiesDocument,
  RevealIdentityDocument,
  SetUpCustodianKeyDocument,
} from '../graphql/documents.server';
import { createTranslator } from '../i18n/translate';
import type { FormProblem } from '../reporting/report-form-data';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, createSignInRedirect, type AgencyConsoleCall } from './console.server';
import { createFlashCookie } from './staff-session.server';
import { CUSTODIAN_CONTROLS, CUSTODIAN_INTENTS, passphraseId, type CustodianActionData, type CustodianIntent } from '../console/custodian-data';

export type { CustodianActionData };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
class MissingPassphrase extends Error {}

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value.slice(0, 1000) : '';
}

export async function handleCustodianAction(request: Request, call: AgencyConsoleCall) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const intentValue = text(fields, 'intent');
  const intent = (CUSTODIAN_INTENTS as readonly string[]).includes(intentValue) ? (intentValue as CustodianIntent) : null;
  const requestId = text(fields, 'requestId');
  const refuse = (problems: FormProblem[], status = 400) =>
    data<CustodianActionData>(
      { kind: 'refused', intent, requestId: UUID.test(requestId) ? requestId : null, problems },
      { status, headers: { 'Cache-Control': 'no-store' } },
    );
  const done = (flash: Flash) =>
    redirect(consoleCustodianPath(call.scope.slug), {
      headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash(flash)), 'Cache-Control': 'no-store' },
    });
  /** The passphrase control of this form, for problems about it. */
  const passphraseField = (): { field: string; label: string } => {
    if (intent === 'reveal') return { field: passphraseId(requestId), label: t('custodian.passphrase') };
    if (intent === 'setUp') return { field: CUSTODIAN_CONTROLS.newPassphrase, label: t('custodian.newPassphrase') };
    if (intent === 'reseal') return { field: CUSTODIAN_CONTROLS.reseal, label: t('custodian.passphrase') };
    if (intent === 'remove') return { field: CUSTODIAN_CONTROLS.remove, label: t('custodian.passphrase') };
    return { field: '', label: '' };
  };
  const required = (value: string) => {
    if (!value) throw new MissingPassphrase();
    return value;
  };

  try {
    switch (intent) {
      case 'reveal': {
        if (!UUID.test(requestId)) return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
        const passphrase = required(text(fields, 'passphrase'));
        const { revealIdentity } = await callConsole(call, RevealIdentityDocument, { input: { requestId, passphrase } });
        return data<CustodianActionData>({ kind: 'revealed', identity: revealIdentity }, { headers: { 'Cache-Control': 'no-store' } });
      }
      case 'decline': {
        if (!UUID.test(requestId)) return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
        await callConsole(call, DeclineIdentityRevealDocument, { input: { requestId } });
        return done('revealDeclined');
      }
      case 'setUp': {
        const passphrase = required(text(fields, 'passphrase'));
        if (passphrase !== text(fields, 'confirm')) {
          return refuse([{ field: CUSTODIAN_CONTROLS.confirmPassphrase, label: t('custodian.confirmPassphrase'), message: t('custodian.passphraseMismatch') }]);
        }
        const { setUpCustodianKey } = await callConsole(call, SetUpCustodianKeyDocument, { input: { passphrase } });
        return data<CustodianActionData>({ kind: 'setUp', recoveryKey: setUpCustodianKey.recoveryKey }, { headers: { 'Cache-Control': 'no-store' } });
      }
      case 'reseal': {
        const passphrase = required(text(fields, 'passphrase'));
        const { resealIdentities } = await callConsole(call, ResealIdentitiesDocument, { input: { passphrase } });
        return data<CustodianActionData>({ kind: 'resealed', result: resealIdentities }, { headers: { 'Cache-Control': 'no-store' } });
      }
      case 'remove': {
        const custodianId = text(fields, 'custodianId');
        if (!UUID.test(custodianId))
          return refuse([{ field: CUSTODIAN_CONTROLS.removeWho, label: t('custodian.removeWho'), message: t('actionError.choose') }]);
        const passphrase = required(text(fields, 'passphrase'));
        await callConsole(call, RemoveIdentityCustodianDocument, { input: { custodianId, passphrase } });
        return done('custodianRemoved');
      }
      default:
        return refuse([{ field: null, label: '', message: t('actionError.unknown') }]);
    }
  } catch (error) {
    if (error instanceof MissingPassphrase) return refuse([{ ...passphraseField(), message: t('actionError.required') }]);
    if (!(error instanceof ApiError)) throw error;
    if (error.code === 'UNAUTHENTICATED') {
      // The API says UNAUTHENTICATED for a wrong passphrase too: only a session it no longer knows goes to sign-in.
      const { viewerStaff } = await callConsole(call, CustodianConsoleDocument).catch(() => ({ viewerStaff: null }));
      if (!viewerStaff) return createSignInRedirect(request, call, 'ended');
      return refuse([{ ...passphraseField(), message: t('custodian.wrongPassphrase') }], 401);
    }
    if (error.code === 'RATE_LIMITED')
      return refuse([{ ...passphraseField(), message: t('custodian.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }) }], 429);
    if (error.code === 'BAD_USER_INPUT' && error.issues.length > 0) {
      return refuse(
        error.issues.map((issue) =>
          issue.path[issue.path.length - 1] === 'passphrase'
            ? { ...passphraseField(), message: issue.message }
            : { field: null, label: '', message: issue.message },
        ),
      );
    }
    const message =
      error.code === 'FORBIDDEN'
        ? t('actionError.forbidden')
        : error.code === 'CONFLICT' || error.code === 'BAD_USER_INPUT' || error.code === 'NOT_FOUND'
          ? (error.apiMessage ?? t('actionError.unknown'))
          : t('actionError.unavailable');
    if (message === t('actionError.unavailable')) console.warn(`[web] ${error.message}`);
    return refuse([{ field: null, label: '', message }], error.code === 'FORBIDDEN' ? 403 : error.code === 'CONFLICT' ? 409 : 400);
  }
}
