/**
 * The web's production server: express with compression, the built client assets with long
 * cache headers, and Remix. Unlike remix-serve it hands loaders the browser's address
 * (`context.clientIp`), which the web forwards to the API as X-Forwarded-For so the API's
 * rate limits count per person rather than per web server.
 *
 *   node server.mjs [build/server/index.js]
 *
 * PORT (default 3000) and HOST choose where it listens; a taken port stops it with a clear
 * message. TRUST_PROXY (express's `trust proxy`: addresses, CIDRs, `loopback`, or a number of
 * hops; default none) says which proxies in front of it may set X-Forwarded-For / -Proto / -Host;
 * from any other peer those headers are ignored (X-Forwarded-Host is removed before anything
 * reads it), so a client cannot pick its own address or pass the origin check with a host it names.
 *
 * Live updates: WebSocket upgrades on `/t/<slug>/langsung` (reporter pages),
 * `/t/<slug>/konsol/langsung` (an agency's console) and `/konsol/sekretariat/langsung` (the
 * secretariat's) are proxied to the API's graphql-ws address (API_URL, as the loaders use it),
 * with the page's session cookie as the bearer token: page scripts never see the API's
 * address or a token. See `proxyLiveUpgrade` below.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { WebSocket, WebSocketServer } from 'ws';

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
const apiUrl = build.entry.module.apiUrl;
if (typeof apiUrl !== 'string') {
  console.error('web: the server build does not name the API address; rebuild the web.');
  process.exit(1);
}

function parseTrustProxy(value) {
  if (value === undefined || value === '') return false;
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

/** True when the direct peer is a proxy TRUST_PROXY names. */
function isFromTrustedProxy(request) {
  return app.get('trust proxy fn')(request.socket?.remoteAddress ?? '', 0);
}

/** X-Forwarded-Host is read below and by the pages (the agency's host name): only from a trusted proxy. */
function dropUntrustedForwardedHost(request, _response, next) {
  if (!isFromTrustedProxy(request)) delete request.headers['x-forwarded-host'];
  next?.();
}

function refuseCrossSitePosts(request, response, next) {
  if (!UNSAFE_METHODS.has(request.method) || isSameOriginPost(request)) return next();
  response.status(403).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' }).send(REFUSED_PAGE);
}

/**
 * The live-update proxy. Each browser socket gets its own socket to the API, opened first, so
 * the API's refusals (429 too many connections from this address, 404 unknown agency) reach
 * the browser as they are. Frames pass through untouched; the API's keep-alive pings are
 * passed on to the browser and its pongs back, so a dead browser is dropped by the API.
 */
const LIVE_PATH = /^\/(?:t\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(konsol\/)?|konsol\/sekretariat\/)langsung\/?$/;
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;
const LIVE_MAX_PAYLOAD = 64 * 1024;
const liveServer = new WebSocketServer({ noServer: true, maxPayload: LIVE_MAX_PAYLOAD, handleProtocols: (_protocols, request) => request.liveProtocol || false });

function findCookie(header, name) {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      const value = rest.join('=').trim();
      return TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

/** Where an upgrade goes: the API's live address and which session cookie signs it in; null for any other path. */
function findLiveTarget(url) {
  const match = LIVE_PATH.exec(url.split('?')[0]);
  if (!match) return null;
  const [, slug, console_] = match;
  const apiPath = slug ? `/t/${slug}/graphql` : '/graphql';
  return { url: `${apiUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}${apiPath}`, cookie: slug && !console_ ? 'aduan_pelapor' : 'aduan_staf' };
}

function refuseUpgrade(socket, status, text) {
  if (!socket.writable) return socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** A close code the other side may be sent: 1005/1006 only describe a close, they are never sent. */
function sendableCode(code) {
  return (code >= 1000 && code <= 1014 && code !== 1004 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999) ? code : undefined;
}

function closeWith(socket, code, reason) {
  if (socket.readyState === WebSocket.CLOSING || socket.readyState === WebSocket.CLOSED) return;
  if (socket.readyState === WebSocket.CONNECTING) return socket.terminate();
  const sendable = sendableCode(code);
  socket.close(sendable, sendable === undefined ? undefined : reason);
}

/** The browser's address as express resolves it (the same `trust proxy` rules as `request.ip`). */
function clientIpOf(request) {
  Object.setPrototypeOf(request, app.request);
  request.app = app;
  return (request.ip ?? '').replace(/^::ffff:/, '');
}

function proxyLiveUpgrade(request, socket, head) {
  socket.on('error', () => socket.destroy());
  const target = findLiveTarget(request.url ?? '');
  if (!target) return refuseUpgrade(socket, 404, 'Not Found');
  dropUntrustedForwardedHost(request);
  // Like the form posts: only this site's own pages may open a live connection (a cookie rides along).
  if (!isSameOriginPost({ get: (name) => request.headers[name.toLowerCase()] })) return refuseUpgrade(socket, 403, 'Forbidden');
  const token = findCookie(request.headers.cookie, target.cookie);
  const headers = { 'X-Forwarded-For': clientIpOf(request) };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (typeof request.headers['accept-language'] === 'string') headers['Accept-Language'] = request.headers['accept-language'];
  const protocols = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  const upstream = new WebSocket(target.url, protocols, { headers, maxPayload: LIVE_MAX_PAYLOAD, autoPong: false, handshakeTimeout: 10_000 });
  let browser = null;
  const abandon = () => upstream.terminate();
  socket.once('close', abandon);

  upstream.once('unexpected-response', (_request, response) => {
    const status = response.statusCode ?? 502;
    refuseUpgrade(socket, status, status === 429 ? 'Too Many Requests' : status === 404 ? 'Not Found' : 'Bad Gateway');
    response.resume();
    upstream.terminate();
  });
  upstream.once('error', () => {
    if (browser) closeWith(browser, 1011, 'Live updates are unavailable');
    else refuseUpgrade(socket, 502, 'Bad Gateway');
  });
  upstream.once('open', () => {
    socket.off('close', abandon);
    if (socket.destroyed) return upstream.terminate();
    // The browser gets the subprotocol the API chose.
    request.liveProtocol = upstream.protocol;
    liveServer.handleUpgrade(request, socket, head, (client) => {
      browser = client;
      client.on('message', (data, isBinary) => upstream.readyState === WebSocket.OPEN && upstream.send(data, { binary: isBinary }));
      upstream.on('message', (data, isBinary) => client.readyState === WebSocket.OPEN && client.send(data, { binary: isBinary }));
      upstream.on('ping', (data) => client.readyState === WebSocket.OPEN && client.ping(data));
      client.on('pong', (data) => upstream.readyState === WebSocket.OPEN && upstream.pong(data));
      client.on('close', (code, reason) => closeWith(upstream, code, reason.toString()));
      upstream.on('close', (code, reason) => closeWith(client, code, reason.toString()));
      client.on('error', () => client.terminate());
      upstream.on('error', () => closeWith(client, 1011, 'Live updates are unavailable'));
    });
  });
}

/**
 * Headers for every response (pages, assets, refusals): no powerful browser feature for any
 * page or frame, and over TLS, HTTPS only from then on. `request.secure` follows `trust proxy`:
 * only a trusted proxy's X-Forwarded-Proto can say the browser used TLS. The per-page
 * Content-Security-Policy (with its script nonce) is set in app/entry.server.tsx.
 */
const PERMISSIONS_POLICY = [
  'accelerometer', 'autoplay', 'bluetooth', 'camera', 'display-capture', 'geolocation', 'gyroscope', 'hid',
  'idle-detection', 'magnetometer', 'microphone', 'midi', 'payment', 'publickey-credentials-get',
  'screen-wake-lock', 'serial', 'usb', 'xr-spatial-tracking',
].map((feature) => `${feature}=()`).join(', ');

function setSecurityHeaders(request, response, next) {
  response.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
  if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
  next();
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', parseTrustProxy(process.env.TRUST_PROXY));
app.use(dropUntrustedForwardedHost);
app.use(setSecurityHeaders);
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
  console.log(`web: listening on http://${process.env.HOST ?? 'localhost'}:${typeof address === 'object' && address ? address.port : port} (Node ${process.version})`);
});
server.on('upgrade', proxyLiveUpgrade);
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`web: port ${port} is already in use. Stop the other process, or set PORT to another port.`);
    process.exit(1);
  }
  throw error;
});

function shutDown(signal) {
  console.log(`web: ${signal} received, closing`);
  // Browsers reconnect (to another instance) and resume from their last cursor.
  for (const client of liveServer.clients) client.close(1001, 'Server restarting');
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold the server open.
  server.closeIdleConnections?.();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => shutDown('SIGTERM'));
process.once('SIGINT', () => shutDown('SIGINT'));
