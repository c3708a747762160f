/**
 * HTTP wiring: health and readiness, GraphQL at `/graphql` and `/t/<slug>/graphql`.
 * Nothing else lives here.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Request } from 'express';
import { pinoHttp } from 'pino-http';
import { resolveTenant, type AppServices, type Context, type RequestTarget, type TenantLookup } from './context.ts';
import { createConfigResponseCache } from './config/config-response-cache.ts';
import { createExplorer } from './graphql/explorer.ts';
import { createFormatError, isDatabaseUnavailable } from './graphql/format-error.ts';
import { createInputGuardPlugin } from './graphql/input-guard.ts';
import { createRequestErrorStatusPlugin } from './graphql/request-error-status.ts';
import { createTrustedProxies } from './trusted-proxies.ts';
import { createEvidenceUploadHandler } from './evidence/evidence-upload.route.ts';
import { createEvidenceDownloadHandler } from './evidence/evidence-download.route.ts';
import { createMonthlyReportDownloadHandler } from './stats/monthly-report-download.route.ts';
import { createCaseTypeDownloadHandler } from './config/case-type-download.route.ts';
import { localeFromAcceptLanguage } from './i18n/locale.ts';
import { schema } from './schema.ts';
import { attachLiveServer } from './live/live-server.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

function bearerTokenOf(request: Request): string | null {
  return BEARER.exec(request.get('authorization') ?? '')?.[1] ?? null;
}
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function lookupFor(request: Request): TenantLookup {
  const slug = request.params.slug;
  if (typeof slug === 'string') return { by: 'slug', slug: slug.toLowerCase() };
  // express reads X-Forwarded-Host (the web server forwards the browser's host) only from a
  // trusted proxy (`trust proxy` below); from anyone else, the Host header.
  const host = request.host;
  return host ? { by: 'host', host } : { by: 'none' };
}

export interface ApiServer {
  httpServer: http.Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

export async function createApiServer(services: AppServices): Promise<ApiServer> {
  const { logger, db, env } = services;
  const app = express();
  app.disable('x-powered-by');
  const proxies = createTrustedProxies(env.TRUSTED_PROXIES);
  app.set('trust proxy', proxies.trust);
  const httpServer = http.createServer(app);

  app.use(
    pinoHttp({
      logger,
      genReqId: (request, response) => {
        const given = request.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        response.setHeader('x-request-id', id);
        return id;
      },
      // Bodies are never logged: they carry report content and identities.
      serializers: {
        // The path only: query strings (GET /graphql?variables=…, upload tokens) are never logged.
        req: (request) => ({
          id: request.id,
          method: request.method,
          url: request.url.split('?')[0]!.replace(/\/evidence-uploads\/[^/]+/, '/evidence-uploads/[token]'),
        }),
        res: (response) => ({ statusCode: response.statusCode }),
      },
      autoLogging: { ignore: (request) => request.url === '/healthz' },
    }),
  );

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      await db.sql.query('SELECT 1');
      response.json({ status: 'ok', database: db.kind });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      response.status(503).json({ status: 'unavailable', database: db.kind, reason: 'database unreachable' });
    }
  });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // Tokens are limited by GraphQL's own parser (`parseOptions` below): armor's token plugin
    // throws from a plugin hook, which Apollo answers with HTTP 500 for every syntax error.
    maxTokens: { enabled: false },
  }).protect();
  // graphql-armor ships CommonJS typings of Apollo's plugin type; the runtime shape is the same.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin[];

  /** A mutation that succeeded may have committed case events: every instance reads the log now. */
  const announceCommittedEvents: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          if (operation?.operation === 'mutation' && !failed) services.live.feed.announce();
        },
      };
    },
  };

  const responseCache = createConfigResponseCache({ configs: services.configs, ttlMs: env.CONFIG_CACHE_TTL_SECONDS * 1000 });
  const formatError = createFormatError(logger);
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: 2000 },
    introspection: env.GRAPHQL_INTROSPECTION,
    formatError,
    plugins: [
      announceCommittedEvents,
      createInputGuardPlugin<Context>(),
      createRequestErrorStatusPlugin<Context>(),
      ...(armorPlugins as ApolloServerPlugin<Context>[]),
      responseCache.plugin,
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3000 }),
      // The explorer, when on, is served in front of Apollo from our own assets (explorer.ts).
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  await services.live.start();
  // Once per process: the figures pass's signal drops the agencies' cached public statistics.
  const unfollowFigures = await services.publicStatistics.follow(services.live.bus);
  const liveServer = attachLiveServer(httpServer, services, { schema, validationRules: armor.validationRules, formatError, proxies });

  /** Who the request is for: resolved once, before the response cache and Apollo. */
  const resolveRequest = async (request: Request, response: express.Response, next: express.NextFunction) => {
    try {
      const tenantLookup = lookupFor(request);
      const tenant = tenantLookup.by === 'slug' && !SLUG.test(tenantLookup.slug) ? null : await resolveTenant(services, tenantLookup);
      const locale = localeFromAcceptLanguage(request.get('accept-language'));
      const target: RequestTarget = { tenantLookup, tenant, locale, configResponseCacheKey: null };
      response.locals.target = target;
      // Requests that carry credentials never touch the shared response cache.
      if (request.method === 'POST' && request.is('application/json') && !request.get('authorization')) {
        const cached = await responseCache.lookup({ tenantId: tenant?.id ?? null, locale, body: request.body });
        if ('hit' in cached) {
          response.type('application/json').send(cached.hit);
          return;
        }
        target.configResponseCacheKey = cached.key;
      }
      next();
    } catch (error) {
      next(error);
    }
  };

  const graphql = expressMiddleware(apollo, {
    context: async ({ req, res }): Promise<Context> => ({
      ...services,
      ...(res.locals.target as RequestTarget),
      logger: req.log,
      requestId: String(req.id),
      clientIp: proxies.clientIpOf(req),
      bearerToken: bearerTokenOf(req),
    }),
  });
  const json = express.json({ limit: '100kb' });
  if (env.GRAPHQL_EXPLORER) {
    const explorer = createExplorer();
    app.use(explorer.assets);
    app.get(['/graphql', '/t/:slug/graphql'], explorer.page);
  }
  app.use('/graphql', json, resolveRequest, graphql);
  app.use('/t/:slug/graphql', json, resolveRequest, graphql);

  app.put('/t/:slug/evidence-uploads/:token', createEvidenceUploadHandler(services));
  app.get('/t/:slug/evidence/:id', createEvidenceDownloadHandler(services));
  app.get(['/monthly-reports/:id/:format', '/t/:slug/monthly-reports/:id/:format'], createMonthlyReportDownloadHandler(services));
  app.get('/t/:slug/documents/:caseTypeKey/:key', createCaseTypeDownloadHandler(services));

  app.use((_request, response) => {
    response.status(404).json({ error: 'NOT_FOUND', message: 'No such endpoint. GraphQL is served at /graphql and /t/<slug>/graphql.' });
  });
  app.use((error: Error & { status?: number; type?: string }, request: Request, response: express.Response, _next: express.NextFunction) => {
    const clientError = error.status !== undefined && error.status >= 400 && error.status < 500;
    const unavailable = !clientError && isDatabaseUnavailable(error);
    if (unavailable) request.log.error({ err: error }, 'database unavailable');
    else if (!clientError) request.log.error({ err: error }, 'unhandled error');
    const [status, code, message] = clientError
      ? [error.status!, 'BAD_REQUEST', `Bad request: ${error.type === 'entity.too.large' ? 'body too large' : 'malformed body'}.`]
      : unavailable
        ? [503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable. Please try again shortly.']
        : [500, 'INTERNAL', 'An unexpected error occurred.'];
    response.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  return {
    httpServer,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    async close() {
      await liveServer.close();
      unfollowFigures();
      await apollo.stop();
      await services.live.stop();
      await services.rateLimits.close();
    },
  };
}
