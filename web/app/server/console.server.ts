/**
 * What every staff console page shares on the server: which console (an agency's, or the
 * provincial secretariat's), who is asking (language, session, address), the frame of the
 * page (the agency's banner and theme, or the province), the sign-in gate and the flash.
 */
import { redirect, type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import { consoleBase, consoleSignInPath, type ConsoleScope } from '../console/console-paths';
import type { ConsoleFrame } from '../console/console-frame';
import type { Document } from '../graphql/documents.server';
import { ConsoleProvincesDocument, ConsoleTenantDocument } from '../graphql/documents.server';
import type { StaffViewer } from '../graphql/results';
import { resolveLocale } from '../i18n/locale.server';
import type { Locale } from '../i18n/locale';
import { findClientIp } from '../load-context';
import { assertSameOriginPost } from './csrf.server';
import { createThemeStyle } from '../theme/theme';
import { ApiError, requestApi } from './api-client.server';
import { createPageError, toPageError } from './page-errors.server';
import { createClearFlashCookie, createClearStaffSessionCookie, findFlash, findStaffToken } from './staff-session.server';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One browser request to a console page, as the API should hear it. */
export interface ConsoleCall {
  scope: ConsoleScope;
  locale: Locale;
  token: string | null;
  clientIp: string | null;
  signal: AbortSignal;
}

/** What a route's loader or action is given. */
export type RouteArgs = { request: Request; params: LoaderFunctionArgs['params']; context?: AppLoadContext };

export function createConsoleCall({ request, params, context }: RouteArgs): ConsoleCall {
  let scope: ConsoleScope = { kind: 'secretariat' };
  if (params.slug !== undefined) {
    const slug = params.slug.toLowerCase();
    if (!SLUG.test(slug)) throw createPageError('TENANT_NOT_FOUND');
    scope = { kind: 'agency', slug };
  }
  return { scope, locale: resolveLocale(request), token: findStaffToken(request), clientIp: findClientIp(context), signal: request.signal };
}

/** A call to the console's API address, as the signed-in staff member (or anonymously). */
export function callConsole<Result, Variables = undefined>(
  call: ConsoleCall,
  document: Document<Result, Variables>,
  variables?: Variables,
  options: { anonymous?: boolean } = {},
): Promise<Result> {
  return requestApi({
    document,
    target: call.scope.kind === 'agency' ? { slug: call.scope.slug } : { platform: true },
    locale: call.locale,
    variables,
    token: options.anonymous ? null : call.token,
    clientIp: call.clientIp,
    signal: call.signal,
  });
}

/** The sign-in page, remembering where the browser wanted to go. */
export function createSignInRedirect(request: Request, call: ConsoleCall, reason: 'none' | 'ended'): Response {
  const url = new URL(request.url);
  const query = new URLSearchParams();
  if (reason === 'ended') query.set('sesi', 'berakhir');
  query.set('kembali', `${url.pathname}${url.search}`);
  const headers = new Headers({ 'Cache-Control': 'no-store' });
  if (call.token) headers.append('Set-Cookie', createClearStaffSessionCookie(request, consoleBase(call.scope)));
  return redirect(`${consoleSignInPath(call.scope)}?${query}`, { headers });
}

/** Throws the sign-in redirect when the browser brings no session at all. */
export function requireToken(request: Request, call: ConsoleCall): void {
  if (!call.token) throw createSignInRedirect(request, call, 'none');
}

/** A call to an agency's console (pages the secretariat does not have). */
export type AgencyConsoleCall = ConsoleCall & { scope: Extract<ConsoleScope, { kind: 'agency' }> };

interface StartOptions {
  /** Only an agency's console has this page: the secretariat's address is the 404 page. */
  agencyOnly?: boolean;
  /** False for the pages that work without a session (sign-in, sign-out). */
  signedIn?: boolean;
}

/**
 * The start of a console page's loader: which console, the 404 page where the secretariat
 * has no such page, and the sign-in page when the browser brings no session.
 */
export function startConsolePage(args: RouteArgs, options: StartOptions & { agencyOnly: true }): AgencyConsoleCall;
export function startConsolePage(args: RouteArgs, options?: StartOptions): ConsoleCall;
export function startConsolePage(args: RouteArgs, options: StartOptions = {}): ConsoleCall {
  const call = createConsoleCall(args);
  if (options.agencyOnly && call.scope.kind !== 'agency') throw createPageError('PAGE_NOT_FOUND');
  if (options.signedIn !== false) requireToken(args.request, call);
  return call;
}

/**
 * The start of a console page's action: a post from a page of this site (else the 403
 * page), then as a loader starts.
 */
export function startConsoleAction(args: RouteArgs, options: StartOptions & { agencyOnly: true }): AgencyConsoleCall;
export function startConsoleAction(args: RouteArgs, options?: StartOptions): ConsoleCall;
export function startConsoleAction(args: RouteArgs, options: StartOptions = {}): ConsoleCall {
  assertSameOriginPost(args.request);
  return startConsolePage(args, options);
}

/**
 * Turns a failed console query into the page to show: an ended session goes to sign-in,
 * a case the viewer may not see is the 404 page, the rest as on every other page.
 */
export function toConsolePageError(error: unknown, request: Request, call: ConsoleCall): unknown {
  if (error instanceof ApiError) {
    if (error.code === 'UNAUTHENTICATED') return createSignInRedirect(request, call, 'ended');
    if (error.code === 'NOT_FOUND') return createPageError('PAGE_NOT_FOUND');
  }
  return toPageError(error);
}

/** The viewer, or the sign-in redirect when the API no longer knows the session. */
export function requireViewer(viewer: StaffViewer | null, request: Request, call: ConsoleCall): StaffViewer {
  if (!viewer) throw createSignInRedirect(request, call, 'ended');
  // A secretariat page is for secretariat accounts only (the API would show them nothing else anyway).
  if (call.scope.kind === 'secretariat' && !viewer.provinceId) throw createSignInRedirect(request, call, 'ended');
  return viewer;
}

/**
 * The banner of a console page: the agency (its name, mark and colours), or, for the
 * secretariat, the province of the signed-in viewer (the platform's colours).
 */
export async function getConsoleFrame(call: ConsoleCall, provinceId: string | null = null): Promise<ConsoleFrame> {
  if (call.scope.kind === 'agency') {
    const { tenant } = await callConsole(call, ConsoleTenantDocument, undefined, { anonymous: true });
    return {
      scope: call.scope,
      title: tenant.name,
      shortName: tenant.shortName,
      parent: tenant.parent,
      logoText: tenant.theme.logoText,
      timeZone: tenant.timeZone,
      themeStyle: createThemeStyle(tenant.theme),
      portalHref: `/t/${tenant.slug}/`,
      tenant,
      province: null,
    };
  }
  const { provinces } = await callConsole(call, ConsoleProvincesDocument, undefined, { anonymous: true });
  const province = provinces.find((candidate) => candidate.id === provinceId) ?? null;
  return {
    scope: call.scope,
    title: province?.secretariat ?? '',
    shortName: province?.name ?? '',
    parent: province?.name ?? null,
    logoText: 'SETDA',
    timeZone: province?.tenants[0]?.timeZone ?? 'Asia/Jakarta',
    themeStyle: null,
    portalHref: '/',
    tenant: null,
    province,
  };
}

/** The flash the last action left, with the Set-Cookie that spends it. */
export function takeFlash(request: Request, call: ConsoleCall, headers: Headers): string | null {
  const flash = findFlash(request);
  if (flash) headers.append('Set-Cookie', createClearFlashCookie(request, consoleBase(call.scope)));
  return flash;
}

export { ApiError };
