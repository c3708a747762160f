/**
 * Renders the whole document before sending it (no streaming: pages are small and have
 * no deferred data), and sets the headers every page shares.
 */
import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createReadableStreamFromReadable, type EntryContext, type HandleErrorFunction } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { NonceProvider } from './nonce';
import { wantsHydration } from './route-handle';

const RENDER_TIMEOUT_MS = 5000;
export const streamTimeout = RENDER_TIMEOUT_MS;

function documentHydrates(context: EntryContext): boolean {
  return context.staticHandlerContext.matches.some((match) => wantsHydration(context.routeModules[match.route.id]?.handle));
}

function setDocumentHeaders(headers: Headers, hydrates: boolean, nonce: string): void {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  // Pages differ by the language cookie; none may be kept by a shared cache.
  headers.append('Vary', 'Cookie');
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', 'private, no-cache');
  headers.set('X-Content-Type-Options', 'nosniff');
  // Whistleblowers' visits are nobody else's business: no referrer leaves the site.
  headers.set('Referrer-Policy', 'same-origin');
  headers.set('X-Frame-Options', 'DENY');
  headers.set(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      // A page that does not hydrate runs no script at all, and the policy says so. One that
      // does runs the site's own files and only the inline scripts that carry this response's
      // nonce (Remix's context and scroll restoration): an injected <script> does not run.
      hydrates ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'none'",
      // Theme colours are CSS variables in the root element's style attribute.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  return new Promise<Response>((resolve, reject) => {
    let status = responseStatusCode;
    // 128 random bits per response, as the CSP specification asks.
    const nonce = randomBytes(16).toString('base64');
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onAllReady() {
          const body = new PassThrough();
          setDocumentHeaders(responseHeaders, documentHydrates(remixContext), nonce);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          status = 500;
          console.error(error);
        },
      },
    );
    setTimeout(abort, RENDER_TIMEOUT_MS + 1000);
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  console.error(error);
};
