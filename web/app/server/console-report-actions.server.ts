/**
 * The monthly reports page's request for a new version: a plain POST form (year, month and,
 * for the secretariat, which agency or the province). A success redirects back with a flash;
 * a refusal (a month not ended, a bad month, a target not on the list) answers with the
 * problem in the page's language and what was chosen. The API decides who may ask for what.
 */
import { data, redirect } from '@remix-run/node';
import { createFlash } from '../console/flash';
import { consoleBase, consoleReportsPath } from '../console/console-paths';
import { RequestMonthlyReportDocument } from '../graphql/documents.server';
import type { StaffViewer } from '../graphql/results';
import { createTranslator } from '../i18n/translate';
import { formatWait } from '../reporting/formats';
import { ApiError } from './api-client.server';
import { callConsole, type ConsoleCall, createSignInRedirect } from './console.server';
import { createFlashCookie } from './staff-session.server';

export type ReportProblem = 'MONTH_NOT_ENDED' | 'INVALID_DATE' | 'target';

export interface ReportActionData {
  problem: ReportProblem | null;
  message: string;
  values: { target: string; year: string; month: string };
}

function text(fields: FormData, name: string): string {
  const value = fields.get(name);
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}

/** `agency:<id>` or `province:<id>`: what the target control sends. */
export function reportTargetValue(kind: 'agency' | 'province', id: string): string {
  return `${kind}:${id}`;
}

export async function handleReportRequest(request: Request, call: ConsoleCall, viewer: StaffViewer) {
  const t = createTranslator(call.locale);
  const fields = await request.formData();
  const values = { target: text(fields, 'target'), year: text(fields, 'year'), month: text(fields, 'month') };
  const refuse = (problem: ReportProblem | null, message: string, status = 400) => data<ReportActionData>({ problem, message, values }, { status });

  // An agency's staff ask for their own agency; the secretariat names its province or one of its agencies.
  const [kind, id] = call.scope.kind === 'agency' ? ['agency', viewer.tenantId ?? ''] : values.target.split(':', 2);
  if (!id || (kind !== 'agency' && kind !== 'province')) return refuse('target', t('reports.error.target'));
  if (!/^\d{4}$/.test(values.year) || !/^\d{1,2}$/.test(values.month)) return refuse('INVALID_DATE', t('reports.error.INVALID_DATE'));
  const year = Number(values.year);
  const month = Number(values.month);
  if (month < 1 || month > 12) return refuse('INVALID_DATE', t('reports.error.INVALID_DATE'));

  try {
    await callConsole(call, RequestMonthlyReportDocument, {
      input: kind === 'agency' ? { agencyId: id, year, month } : { provinceId: id, year, month },
    });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    switch (error.code) {
      case 'UNAUTHENTICATED':
        throw createSignInRedirect(request, call, 'ended');
      case 'BAD_USER_INPUT':
        if (error.reason === 'MONTH_NOT_ENDED') return refuse('MONTH_NOT_ENDED', t('reports.error.MONTH_NOT_ENDED'));
        return refuse('INVALID_DATE', t('reports.error.INVALID_DATE'));
      case 'NOT_FOUND':
        return refuse('target', t('reports.error.target'));
      case 'FORBIDDEN':
        return refuse(null, t('actionError.forbidden'), 403);
      case 'RATE_LIMITED':
        return refuse(null, t('actionError.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) }), 429);
      default:
        console.warn(`[web] ${error.message}`);
        return refuse(null, t('actionError.unavailable'), 503);
    }
  }
  return redirect(consoleReportsPath(call.scope), {
    headers: { 'Set-Cookie': createFlashCookie(request, consoleBase(call.scope), createFlash('reportRequested')), 'Cache-Control': 'no-store' },
  });
}
