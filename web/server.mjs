/**
 * The web's production server: express with compression, the built client assets with long
 * cache headers, and Remix. Unlike remix-serve it hands loaders the browser's address
 * (`context.clientIp`), which the web forwards to the API as X-Forwarded-For so the API's
 * rate limits count per person rather than per web server.
 *
 *   node server.mjs [build/server/index.js]
 *
 * PORT (default 3000) and HOST choose where it listens; a taken port stops it with a clear
 * message. TRUST_PROXY (express's `trust proxy`, default `loopback`) says which proxies in
 * front of it may set X-Forwarded-For / -Proto / -Host.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';

process.env.NODE_ENV = process.env.NODE_ENV ?? 'production';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('web: PORT must be a port number.');
  process.exit(1);
}
const serverBuildPath = path.resolve(process.argv[2] ?? 'build/server/index.js');
// The client assets sit beside the server build (build/client next to build/server).
const clientDir = path.join(path.dirname(serverBuildPath), '..', 'client');

let build;
try {
  build = await import(pathToFileURL(serverBuildPath).href);
} catch (error) {
  console.error(`web: cannot load the server build at ${serverBuildPath}; run \`pnpm --filter @aduan/web run build\` first.`);
  console.error(error);
  process.exit(1);
}
installGlobals({ nativeFetch: build.future?.v3_singleFetch === true });

function parseTrustProxy(value) {
  if (value === undefined || value === '') return 'loopback';
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((item) => item.trim());
}

/**
 * Every form post must come from a page of this site. Remix refuses a foreign Origin on page
 * actions itself, but with a bare 500; this answers 403 first, and also covers a missing
 * Origin (then the Referer decides) and the upload route. The actions check again
 * (`app/server/csrf.server.ts`), for servers without this middleware.
 */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REFUSED_PAGE = `<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Permintaan ditolak</title>
<main style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem"><h1>Permintaan ditolak</h1>
<p>Formulir ini hanya dapat dikirim dari halaman situs ini. Buka kembali halamannya dan kirim ulang.</p>
<p lang="en">Request refused: this form can only be sent from a page of this site. Open the page again and send it once more.</p>
<p><a href="/">Aduan</a></p></main></html>`;

function isSameOriginPost(request) {
  const source = request.get('origin') ?? request.get('referer');
  if (!source || source === 'null') return false;
  const host = (request.get('x-forwarded-host')?.split(',')[0]?.trim() || request.get('host') || '').toLowerCase();
  try {
    return new URL(source).host.toLowerCase() === host;
  } catch {
    return false;
  }
}

function refuseCrossSitePosts(request, response, next) {
  if (!UNSAFE_METHODS.has(request.method) || isSameOriginPost(request)) return next();
  response.status(403).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' }).send(REFUSED_PAGE);
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', parseTrustProxy(process.env.TRUST_PROXY));
app.use(compression());
// Vite's hashed file names change with their content: they may be kept for a year.
app.use(`${build.publicPath.replace(/\/+$/, '')}/assets`, express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
app.use(build.publicPath, express.static(clientDir, { maxAge: '1h', index: false }));
app.use(refuseCrossSitePosts);
app.all(
  '*',
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    // A fresh object per request: an action may leave a note for the loaders of the same request.
    getLoadContext: (request) => ({ clientIp: request.ip }),
  }),
);

const server = app.listen(port, process.env.HOST, () => {
  const address = server.address();
  console.log(`web: listening on http://${process.env.HOST ?? 'localhost'}:${typeof address === 'object' && address ? address.port : port}`);
});
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`web: port ${port} is already in use. Stop the other process, or set PORT to another port.`);
    process.exit(1);
  }
  throw error;
});

function shutDown(signal) {
  console.log(`web: ${signal} received, closing`);
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold the server open.
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => shutDown('SIGTERM'));
process.once('SIGINT', () => shutDown('SIGINT'));
