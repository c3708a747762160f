/**
 * A staff member's console session: the API's token lives only in the `aduan_staf` cookie
 * (httpOnly, SameSite=Lax, Secure on https), scoped to the console's own path
 * (`/t/<slug>/konsol` or `/konsol/sekretariat`), so it never reaches the public pages and
 * never mixes with a reporter's `aduan_pelapor` cookie. A one-shot flash cookie on the same
 * path carries "what just happened" from an action to the page it redirects to.
 */
import { findCookieValue, findSessionToken, STAFF_SESSION_COOKIE as SESSION_COOKIE } from './browser-request.server';

const FLASH_COOKIE = 'aduan_staf_kabar';
/** A flash names a catalog entry and, for a transition, the status: never free text. */
const FLASH = /^[a-zA-Z]+(?::[A-Z_]+)?$/;
const FLASH_SECONDS = 120;

function cookieAttributes(request: Request, path: string): string {
  const secure = new URL(request.url).protocol === 'https:' ? '; Secure' : '';
  return `Path=${path}; HttpOnly; SameSite=Lax${secure}`;
}

/** The staff session token the browser sent, or null. */
export function findStaffToken(request: Request): string | null {
  return findSessionToken(request.headers.get('Cookie'), SESSION_COOKIE);
}

/** Set-Cookie for a new session; it lasts as long as the API keeps the session. */
export function createStaffSessionCookie(request: Request, path: string, token: string, expiresAt: string): string {
  const seconds = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Max-Age=${seconds}; ${cookieAttributes(request, path)}`;
}

export function createClearStaffSessionCookie(request: Request, path: string): string {
  return `${SESSION_COOKIE}=; Max-Age=0; ${cookieAttributes(request, path)}`;
}

/** The flash the last action left, or null. */
export function findFlash(request: Request): string | null {
  return findCookieValue(request.headers.get('Cookie'), FLASH_COOKIE, FLASH);
}

export function createFlashCookie(request: Request, path: string, flash: string): string {
  if (!FLASH.test(flash)) throw new Error(`not a flash: ${flash}`);
  return `${FLASH_COOKIE}=${flash}; Max-Age=${FLASH_SECONDS}; ${cookieAttributes(request, path)}`;
}

export function createClearFlashCookie(request: Request, path: string): string {
  return `${FLASH_COOKIE}=; Max-Age=0; ${cookieAttributes(request, path)}`;
}

/**
 * The tracking code of an offline intake, from the action that recorded it to the receipt
 * it redirects to, and shown there once: never in a URL. The cookie is httpOnly, lives two
 * minutes, is sent only to that receipt's own path, and the receipt spends it at once.
 */
const RECEIPT_CODE_COOKIE = 'aduan_staf_kode';
const RECEIPT_CODE = /^([0-9a-f-]{36})\.([0-9A-Z-]{8,100})$/;

export function createReceiptCodeCookie(request: Request, path: string, caseId: string, trackingCode: string): string {
  const value = `${caseId}.${trackingCode}`;
  if (!RECEIPT_CODE.test(value)) throw new Error('not a receipt code');
  return `${RECEIPT_CODE_COOKIE}=${value}; Max-Age=${FLASH_SECONDS}; ${cookieAttributes(request, path)}`;
}

/** The tracking code left for this case's receipt, or null. */
export function findReceiptCode(request: Request, caseId: string): string | null {
  const match = RECEIPT_CODE.exec(findCookieValue(request.headers.get('Cookie'), RECEIPT_CODE_COOKIE, RECEIPT_CODE) ?? '');
  return match && match[1] === caseId ? match[2]! : null;
}

export function createClearReceiptCodeCookie(request: Request, path: string): string {
  return `${RECEIPT_CODE_COOKIE}=; Max-Age=0; ${cookieAttributes(request, path)}`;
}
