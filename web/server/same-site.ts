/**
 * Requests from pages of this site only. Every form post (and every live socket, `live-proxy.ts`)
 * must come from a page of this site: Remix refuses a foreign Origin on page actions itself, but
 * with a bare 500; this answers 403 first, and also covers a missing Origin (then the Referer
 * decides) and the upload route. The rule is `app/server/browser-request.server.ts`, which the
 * actions apply again (`app/server/csrf.server.ts`), for servers without this middleware.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { isSameOriginSource, resolveRequestHost, UNSAFE_METHODS } from '../app/server/browser-request.server.ts';

/** Express's compiled `trust proxy`: whether the peer at `address`, `hop` proxies away, may speak for the browser. */
export type TrustFunction = (address: string, hop: number) => boolean;

const REFUSED_PAGE = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Permintaan ditolak</title>
<main style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem"><h1>Permintaan ditolak</h1>
<p>Formulir ini hanya dapat dikirim dari halaman situs ini. Buka kembali halamannya dan kirim ulang.</p>
<p lang="en">Request refused: this form can only be sent from a page of this site. Open the page again and send it once more.</p>
<p><a href="/">Aduan</a></p></main></html>`;

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** True when the browser says the request comes from a page of the host it was sent to. */
export function isFromThisSite(headers: IncomingHttpHeaders): boolean {
  const host = resolveRequestHost(firstValue(headers['x-forwarded-host']), headers.host);
  return isSameOriginSource(headers.origin, firstValue(headers.referer), host);
}

/**
 * X-Forwarded-Host is read by the check above and by the pages (the agency's host name): only
 * from a proxy TRUST_PROXY names. From any other peer it is removed before anything reads it, so
 * a client cannot pass the origin check, or pick an agency, with a host it names.
 */
export function dropUntrustedForwardedHost(request: IncomingMessage, trust: TrustFunction): void {
  if (!trust(request.socket.remoteAddress ?? '', 0)) delete request.headers['x-forwarded-host'];
}

export function createDropUntrustedForwardedHost(trust: TrustFunction) {
  return (request: Request, _response: Response, next: NextFunction): void => {
    dropUntrustedForwardedHost(request, trust);
    next();
  };
}

/** 403 with a page that says what to do, for an unsafe method sent from anywhere but a page of this site. */
export function refuseCrossSitePosts(request: Request, response: Response, next: NextFunction): void {
  if (!UNSAFE_METHODS.has(request.method) || isFromThisSite(request.headers)) {
    next();
    return;
  }
  response.status(403).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' }).send(REFUSED_PAGE);
}
