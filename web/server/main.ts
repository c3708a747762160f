/**
 * The web's production server: express with compression, the built client assets with long
 * cache headers, and Remix. Unlike remix-serve it hands loaders the browser's address
 * (`context.clientIp`), which the web forwards to the API as X-Forwarded-For so the API's
 * rate limits count per person rather than per web server; and it proxies live updates
 * (`live-proxy.ts`).
 *
 *   tsx server/main.ts [build/server/index.js]
 *
 * Settings (`env.ts`): PORT (default 3000) and HOST choose where it listens; a taken port stops
 * it with a clear message. TRUST_PROXY (express's `trust proxy`: addresses, CIDRs, `loopback`,
 * or a number of hops; default none) says which proxies in front of it may set X-Forwarded-For /
 * -Proto / -Host; from any other peer those headers are ignored (X-Forwarded-Host is removed
 * before anything reads it), so a client cannot pick its own address or pass the origin check
 * with a host it names.
 */
import { env } from './env.ts';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import { installGlobals, type ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { createLiveProxy } from './live-proxy.ts';
import { createDropUntrustedForwardedHost, refuseCrossSitePosts, type TrustFunction } from './same-site.ts';
import { setSecurityHeaders } from './security-headers.ts';

const serverBuildPath = path.resolve(process.argv[2] ?? 'build/server/index.js');
// The client assets sit beside the server build (build/client next to build/server).
const clientDir = path.join(path.dirname(serverBuildPath), '..', 'client');

async function loadBuild(): Promise<ServerBuild> {
  try {
    return (await import(pathToFileURL(serverBuildPath).href)) as ServerBuild;
  } catch (error) {
    console.error(`web: cannot load the server build at ${serverBuildPath}; run \`pnpm --filter @aduan/web run build\` first.`);
    console.error(error);
    process.exit(1);
  }
}

const build = await loadBuild();
installGlobals({ nativeFetch: build.future?.v3_singleFetch === true });

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', env.TRUST_PROXY);
const trust = app.get('trust proxy fn') as TrustFunction;

app.use(createDropUntrustedForwardedHost(trust));
app.use(setSecurityHeaders);
app.use(compression());
// Vite's hashed file names change with their content: they may be kept for a year.
app.use(
  `${build.publicPath.replace(/\/+$/, '')}/assets`,
  express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false, fallthrough: false }),
);
app.use(build.publicPath, express.static(clientDir, { maxAge: '1h', index: false }));
app.use(refuseCrossSitePosts);
const handleWithRemix = createRequestHandler({
  build,
  mode: env.NODE_ENV,
  // A fresh object per request: an action may leave a note for the loaders of the same request.
  getLoadContext: (request) => ({ clientIp: request.ip }),
});
app.all('*', handleWithRemix);

const liveProxy = createLiveProxy({ apiUrl: env.API_URL, trust });

function announce(): void {
  const address = server.address();
  console.log(
    `web: listening on http://${env.HOST ?? 'localhost'}:${typeof address === 'object' && address ? address.port : env.PORT} (Node ${process.version})`,
  );
}
const server = env.HOST ? app.listen(env.PORT, env.HOST, announce) : app.listen(env.PORT, announce);
server.on('upgrade', liveProxy.handleUpgrade);
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`web: port ${env.PORT} is already in use. Stop the other process, or set PORT to another port.`);
    process.exit(1);
  }
  throw error;
});

function shutDown(signal: string): void {
  console.log(`web: ${signal} received, closing`);
  // Browsers reconnect (to another instance) and resume from their last cursor.
  liveProxy.closeAll();
  server.close(() => process.exit(0));
  // Idle keep-alive connections would hold the server open.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.once('SIGTERM', () => shutDown('SIGTERM'));
process.once('SIGINT', () => shutDown('SIGINT'));
