/**
 * What the HTTP server hands every loader and action besides the request. The production
 * server (`server/main.ts`) sets `clientIp`; under plain `remix-serve` or the Vite dev server it
 * is absent, and the API then counts requests against the web server's own address.
 */
import type { AppLoadContext } from '@remix-run/node';

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The browser's address, as express resolved it (trusting only the configured proxies). */
    clientIp?: string;
    /**
     * Set by an action for the loaders of the same request (the context object is shared),
     * so the page title can say what the action showed, e.g. a receipt.
     */
    actionOutcome?: string;
  }
}

const ADDRESS = /^[0-9a-f:.]{2,45}$/i;

/** The browser's address to forward to the API, or null when the server did not give one. */
export function findClientIp(context: AppLoadContext | undefined): string | null {
  const ip = context?.clientIp?.replace(/^::ffff:/, '');
  return ip && ADDRESS.test(ip) ? ip : null;
}
