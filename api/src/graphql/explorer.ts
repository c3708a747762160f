/**
 * The GraphQL explorer (GraphiQL, as packaged by `ruru`; ADR 0012) on GET /graphql and
 * GET /t/<slug>/graphql when a browser asks for a page, only where GRAPHQL_EXPLORER is on.
 * Every script, style sheet, font and worker comes from the `ruru` package through this server
 * (`/explorer/…`), never from a third-party host, and the page's Content-Security-Policy lets it
 * load nothing from anywhere else: inline scripts run only with this response's nonce.
 */
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';

/** Where the explorer's assets are served; must start and end with a slash. */
export const EXPLORER_ASSET_PATH = '/explorer/';

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // GraphiQL's editor sets element styles at run time; styles cannot load from elsewhere either.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function createExplorer() {
  const assets = serveStatic(EXPLORER_ASSET_PATH);
  return {
    /** Serves `/explorer/…` from the package; anything else passes on. */
    assets: (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      if (request.path.startsWith(EXPLORER_ASSET_PATH)) response.setHeader('X-Content-Type-Options', 'nosniff');
      assets(request, response, next);
    },
    /** The page, for a browser's GET without a query; GraphQL requests pass on. */
    page: (request: Request, response: Response, next: NextFunction) => {
      const wantsPage =
        request.method === 'GET' &&
        request.query.query === undefined &&
        request.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
      if (!wantsPage) return next();
      const nonce = randomBytes(16).toString('base64');
      const endpoint = request.originalUrl.split('?')[0]!;
      const html = ruruHTML({ endpoint, staticPath: EXPLORER_ASSET_PATH })
        .replaceAll('<script', `<script nonce="${nonce}"`)
        .replace('<title>Ruru - GraphQL/Grafast IDE</title>', '<title>Aduan GraphQL explorer</title>');
      response
        .status(200)
        .set({
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(nonce),
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
          'X-Content-Type-Options': 'nosniff',
        })
        .send(html);
    },
  };
}
