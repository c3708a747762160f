/**
 * Live updates: WebSocket upgrades on `/t/<slug>/langsung` (reporter pages),
 * `/t/<slug>/konsol/langsung` (an agency's console) and `/konsol/sekretariat/langsung` (the
 * secretariat's) are proxied (http-proxy-middleware) to the API's graphql-ws address (API_URL,
 * as the loaders use it), with the page's session cookie as the bearer token: page scripts
 * never see the API's address or a token.
 *
 * Each browser socket gets its own socket to the API, opened first, so the API's refusals (429
 * too many connections from this address, 404 unknown agency) reach the browser as they are.
 * After the handshake the bytes pass through untouched, keep-alive pings included, so a dead
 * browser is dropped by the API, and the API's frame size limit applies to the browser's frames.
 * The API is sent only the handshake, the browser's address as express resolves it, its
 * language and the token: not its cookies, Origin or any forwarded header it wrote.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { createProxyMiddleware } from 'http-proxy-middleware';
import proxyAddr from 'proxy-addr';
import { findSessionToken, REPORTER_SESSION_COOKIE, STAFF_SESSION_COOKIE } from '../app/server/browser-request.server.ts';
import { dropUntrustedForwardedHost, isFromThisSite, type TrustFunction } from './same-site.ts';

const LIVE_PATH = /^\/(?:t\/([a-z0-9]+(?:-[a-z0-9]+)*)\/(konsol\/)?|konsol\/sekretariat\/)langsung\/?$/;
/** How long the API may take to answer the handshake. */
const UPGRADE_TIMEOUT_MS = 10_000;
/** The browser's upgrade headers that the API is sent: the WebSocket handshake itself. */
const HANDSHAKE_HEADERS = new Set([
  'host',
  'connection',
  'upgrade',
  'sec-websocket-key',
  'sec-websocket-version',
  'sec-websocket-protocol',
  'sec-websocket-extensions',
]);

export interface LiveRoute {
  /** The API's graphql-ws path, below API_URL. */
  apiPath: string;
  /** The session cookie that signs the socket in. */
  cookie: string;
}

/** Where an upgrade goes; null for any path that is not a live address. */
export function findLiveRoute(url: string): LiveRoute | null {
  const match = LIVE_PATH.exec(url.split('?')[0] ?? '');
  if (!match) return null;
  const [, slug, console_] = match;
  return { apiPath: slug ? `/t/${slug}/graphql` : '/graphql', cookie: slug && !console_ ? REPORTER_SESSION_COOKIE : STAFF_SESSION_COOKIE };
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export interface LiveProxy {
  /** The HTTP server's `upgrade` listener. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Drops every open live socket (the browsers reconnect, to another instance, and resume from their cursors). */
  closeAll(): void;
}

export function createLiveProxy(options: { apiUrl: string; trust: TrustFunction }): LiveProxy {
  const routes = new WeakMap<IncomingMessage, LiveRoute>();
  const upgraded = new WeakSet<Duplex>();
  const open = new Set<Duplex>();

  const proxy = createProxyMiddleware<IncomingMessage>({
    target: options.apiUrl,
    changeOrigin: true,
    upgradeTimeout: UPGRADE_TIMEOUT_MS,
    pathRewrite: (_path, request) => routes.get(request)?.apiPath,
    on: {
      proxyReqWs: (proxyRequest, request, socket) => {
        const route = routes.get(request);
        for (const name of proxyRequest.getHeaderNames()) if (!HANDSHAKE_HEADERS.has(name)) proxyRequest.removeHeader(name);
        // The same address express gives the pages (`request.ip`): only TRUST_PROXY may forward one.
        proxyRequest.setHeader('X-Forwarded-For', proxyAddr(request, options.trust).replace(/^::ffff:/, ''));
        const token = route ? findSessionToken(request.headers.cookie, route.cookie) : null;
        if (token) proxyRequest.setHeader('Authorization', `Bearer ${token}`);
        const language = request.headers['accept-language'];
        if (typeof language === 'string') proxyRequest.setHeader('Accept-Language', language);
        proxyRequest.once('upgrade', () => {
          upgraded.add(socket);
          open.add(socket);
          socket.once('close', () => open.delete(socket));
        });
      },
      error: (_error, _request, socket) => {
        // Before the handshake the browser is told the API could not be reached; after it, the
        // socket just closes and the page reconnects.
        if ('writeHead' in socket) return;
        if (!upgraded.has(socket)) refuseUpgrade(socket, 502, 'Bad Gateway');
      },
    },
  });

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      const route = findLiveRoute(request.url ?? '');
      if (!route) return refuseUpgrade(socket, 404, 'Not Found');
      dropUntrustedForwardedHost(request, options.trust);
      // Like the form posts: only this site's own pages may open a live connection (a cookie rides along).
      if (!isFromThisSite(request.headers)) return refuseUpgrade(socket, 403, 'Forbidden');
      routes.set(request, route);
      proxy.upgrade(request, socket as Socket, head);
    },
    closeAll() {
      for (const socket of open) socket.destroy();
    },
  };
}
