/**
 * Where a console lives: an agency's under `/t/<slug>/konsol` (its API at `/t/<slug>/graphql`),
 * the provincial secretariat's under `/konsol/sekretariat` (the platform's `/graphql`).
 * Shared by server and components, so links and the cookie path never disagree.
 */
export type ConsoleScope = { kind: 'agency'; slug: string } | { kind: 'secretariat' };

export function consoleBase(scope: ConsoleScope): string {
  return scope.kind === 'agency' ? `/t/${scope.slug}/konsol` : '/konsol/sekretariat';
}

/**
 * The inbox: one step inside the console's address, so Remix's data request for it
 * (`…/konsol/kotak-masuk.data`) stays within the session cookie's path; at the console's own
 * address it would be `…/konsol.data`, outside it, and the browser would send no cookie.
 * The console's own address redirects here.
 */
export function consoleInboxPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/kotak-masuk`;
}

export function consoleSignInPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/masuk`;
}

export function consoleSignOutPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/keluar`;
}

export function consoleCasePath(scope: ConsoleScope, id: string): string {
  return `${consoleBase(scope)}/kasus/${encodeURIComponent(id)}`;
}

/** A host no request can carry: a return path that resolves to any other origin is refused. */
const RETURN_ORIGIN = 'http://return.invalid';

/**
 * Where to go after signing in: only a page of the same console, never elsewhere. The value
 * is resolved as a browser would resolve the `Location` we send (backslashes, dot segments,
 * `%2e%2e`, scheme-relative `//host`, absolute URLs), and the result must still be inside the
 * console; the redirect then goes to that normalised path (and query), never to the raw value.
 */
export function findConsoleReturnPath(value: unknown, scope: ConsoleScope): string | null {
  if (typeof value !== 'string' || value.length > 600 || !value.startsWith('/')) return null;
  // Control characters and whitespace are stripped or refused differently by URL parsers.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return null;
  let resolved: URL;
  try {
    resolved = new URL(value, RETURN_ORIGIN);
  } catch {
    return null;
  }
  if (resolved.origin !== RETURN_ORIGIN) return null;
  const base = consoleBase(scope);
  const { pathname, search } = resolved;
  if (pathname !== base && !pathname.startsWith(`${base}/`)) return null;
  // An encoded slash or backslash could turn back into a separator further along.
  if (pathname.includes('//') || /%(?:2f|5c)/i.test(pathname)) return null;
  if (pathname.startsWith(`${base}/masuk`) || pathname.startsWith(`${base}/keluar`)) return null;
  const path = `${pathname}${search}`;
  return /^[\w\-./?=&%+:]+$/.test(path) ? path : null;
}

/** The offline intake page (agency consoles only). */
export function consoleIntakePath(slug: string): string {
  return `/t/${slug}/konsol/catat`;
}

/** The receipt of an offline intake; the tracking code is never in this address. */
export function consoleReceiptPath(slug: string, id: string): string {
  return `/t/${slug}/konsol/kasus/${encodeURIComponent(id)}/tanda-terima`;
}

export function consoleCustodianPath(slug: string): string {
  return `/t/${slug}/konsol/kustodian`;
}

export function consoleStaffPath(slug: string): string {
  return `/t/${slug}/konsol/petugas`;
}

/** The viewer's notifications, in an agency's console and in the secretariat's. */
export function consoleNotificationsPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/notifikasi`;
}

/**
 * An evidence file through the console (the web proxies the API with the staff session):
 * `/t/<slug>/konsol/bukti/<id>`, or for the secretariat `/konsol/sekretariat/bukti/<agency>/<id>`.
 */
export function consoleEvidencePath(scope: ConsoleScope, agencySlug: string, id: string): string {
  return scope.kind === 'agency'
    ? `${consoleBase(scope)}/bukti/${encodeURIComponent(id)}`
    : `${consoleBase(scope)}/bukti/${encodeURIComponent(agencySlug)}/${encodeURIComponent(id)}`;
}

/** The audit log: the agency head's (`/t/<slug>/konsol/audit`) or the secretariat's. */
export function consoleAuditPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/audit`;
}

/** The agency's mails and why one failed: its admin's and head's (`/t/<slug>/konsol/email`). */
export function consoleMailPath(slug: string): string {
  return `/t/${slug}/konsol/email`;
}

/** The monthly reports: an agency's head and admin (`/t/<slug>/konsol/laporan-bulanan`), or the secretariat's. */
export function consoleReportsPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/laporan-bulanan`;
}

/** A monthly report version's file, through the console (the web proxies the API's download). */
export function consoleReportFilePath(scope: ConsoleScope, id: string, format: 'pdf' | 'xlsx'): string {
  return `${consoleReportsPath(scope)}/${encodeURIComponent(id)}/${format}`;
}

/** The secretariat's decisions: head appointments and conflicts marked on heads. */
export function consoleDecisionsPath(): string {
  return '/konsol/sekretariat/keputusan';
}

/** The dashboard: an agency's figures (`/t/<slug>/konsol/angka`) or the province's (`/konsol/sekretariat/angka`). */
export function consoleFiguresPath(scope: ConsoleScope): string {
  return `${consoleBase(scope)}/angka`;
}
