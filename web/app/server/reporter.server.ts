/**
 * What every reporter page shares on the server: who is asking (agency, language, session,
 * address), the agency's reporting configuration, and the signed-in pseudonym, if any.
 */
import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import type { Document } from '../graphql/documents.server';
import { ReportingTenantDocument, ViewerReporterDocument } from '../graphql/documents.server';
import type { ReporterAccount, ReportingCaseType, ReportingTenant } from '../graphql/results';
import { resolveLocale } from '../i18n/locale.server';
import type { Locale } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';
import { findClientIp } from '../load-context';
import { formatWait } from '../reporting/formats';
import type { ThemeStyle } from '../theme/theme';
import { createThemeStyle } from '../theme/theme';
import { findAgencyHost } from './agency-host.server';
import { ApiError, requestApi } from './api-client.server';
import { assertSameOriginPost } from './csrf.server';
import { createPageError, toPageError } from './page-errors.server';
import { createClearSessionCookie, findSessionToken } from './reporter-session.server';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One browser request to a reporter page, as the API should hear it. */
export interface ReporterCall {
  slug: string;
  locale: Locale;
  token: string | null;
  clientIp: string | null;
  signal: AbortSignal;
}

export function createReporterCall({
  request,
  params,
  context,
}: {
  request: Request;
  params: LoaderFunctionArgs['params'];
  context?: AppLoadContext;
}): ReporterCall {
  const slug = params.slug?.toLowerCase() ?? '';
  if (!SLUG.test(slug)) throw createPageError('TENANT_NOT_FOUND');
  return { slug, locale: resolveLocale(request), token: findSessionToken(request), clientIp: findClientIp(context), signal: request.signal };
}

export function callApi<Result, Variables = undefined>(call: ReporterCall, document: Document<Result, Variables>, variables?: Variables): Promise<Result> {
  return requestApi({ document, target: { slug: call.slug }, locale: call.locale, variables, token: call.token, clientIp: call.clientIp, signal: call.signal });
}

/**
 * The start of every reporter form post: refuse cross-site posts, then the call context and
 * the agency's reporting configuration (an API failure becomes the friendly error page).
 */
export async function beginReporterPost(args: {
  request: Request;
  params: LoaderFunctionArgs['params'];
  context?: AppLoadContext;
}): Promise<{ call: ReporterCall; tenant: ReportingTenant }> {
  assertSameOriginPost(args.request);
  const call = createReporterCall(args);
  try {
    const { tenant } = await callApi(call, ReportingTenantDocument);
    return { call, tenant };
  } catch (error) {
    throw toPageError(error);
  }
}

/** Everything the reporter pages' header and footer show. */
export interface ReporterPageData {
  tenant: ReportingTenant;
  themeStyle: ThemeStyle;
  viewer: ReporterAccount | null;
  /** The platform directory, or null on an agency's own host name. */
  directoryHref: string | null;
}

/** The signed-in pseudonym, or null (no cookie, or a session the API no longer knows). */
export async function findViewer(call: ReporterCall): Promise<ReporterAccount | null> {
  if (!call.token) return null;
  const { viewerReporter } = await callApi(call, ViewerReporterDocument);
  return viewerReporter;
}

/**
 * The agency and the viewer for a reporter page; a cookie whose session has ended is
 * cleared through `headers`. API failures become the friendly error pages.
 */
export async function getReporterPage(call: ReporterCall, request: Request): Promise<{ page: ReporterPageData; headers: Headers }> {
  try {
    const [{ tenant }, viewer] = await Promise.all([callApi(call, ReportingTenantDocument), findViewer(call)]);
    const headers = new Headers();
    if (call.token && !viewer) {
      headers.append('Set-Cookie', createClearSessionCookie(request, call.slug));
      call.token = null;
    }
    return { page: { tenant, themeStyle: createThemeStyle(tenant.theme), viewer, directoryHref: findAgencyHost(request) ? null : '/' }, headers };
  } catch (error) {
    throw toPageError(error);
  }
}

/** A case type that can be filed online, or the 404 page. */
export function getOnlineCaseType(tenant: ReportingTenant, key: string | undefined): ReportingCaseType {
  const caseType = tenant.caseTypes.find((candidate) => candidate.key === key);
  if (!caseType?.onlineIntake) throw createPageError('PAGE_NOT_FOUND');
  return caseType;
}

/**
 * What to tell the reporter when the API refused for a reason of its own (not a field):
 * too many attempts, an ended session, or the service being away. Null for anything else.
 */
export function describeApiProblem(error: unknown, locale: Locale): string | null {
  if (!(error instanceof ApiError)) return null;
  const t = createTranslator(locale);
  switch (error.code) {
    case 'RATE_LIMITED':
      return t('problem.rateLimited', { wait: formatWait(error.retryAfterSeconds ?? 60, t) });
    case 'UNAUTHENTICATED':
      return t('problem.unauthenticated');
    case 'SERVICE_UNAVAILABLE':
    case 'INTERNAL':
      console.warn(`[web] ${error.message}`);
      return t('problem.unavailable');
    default:
      return null;
  }
}

/** HTTP status for an action answer that shows a problem instead of a result. */
export function findProblemStatus(error: unknown): number {
  if (!(error instanceof ApiError)) return 500;
  if (error.code === 'RATE_LIMITED') return 429;
  if (error.code === 'UNAUTHENTICATED') return 401;
  if (error.code === 'BAD_USER_INPUT') return 400;
  if (error.code === 'NOT_FOUND') return 404;
  return 503;
}

/** Where to go back to after signing in: only a page of this agency, never elsewhere. */
export function findReturnPath(value: unknown, slug: string): string | null {
  if (typeof value !== 'string') return null;
  const prefix = `/t/${slug}/`;
  if (!value.startsWith(prefix) || value.includes('//') || value.includes('\\') || value.length > 300) return null;
  return /^[\w\-./]+$/.test(value) ? value : null;
}
