/**
 * HTTP wiring: health and readiness, GraphQL at `/graphql` and `/t/<slug>/graphql`.
 * Nothing else lives here.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type Request } from 'express';
import { pinoHttp } from 'pino-http';
import { resolveTenant, type AppServices, type Context, type TenantLookup } from './context.ts';
import { createConfigResponseCache } from './config/config-response-cache.plugin.ts';
import { createFormatError } from './graphql/format-error.ts';
import { localeFromAcceptLanguage } from './i18n/locale.ts';
import { schema } from './schema.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function lookupFor(request: Request): TenantLookup {
  const slug = request.params.slug;
  if (typeof slug === 'string') return { by: 'slug', slug: slug.toLowerCase() };
  // The web server forwards the browser's host; a spoofed host only picks another public portal.
  const host = request.get('x-forwarded-host') ?? request.get('host');
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
  app.set('trust proxy', 'loopback');
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
        req: (request) => ({ id: request.id, method: request.method, url: request.url }),
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
    maxTokens: { n: 2000 },
  }).protect();
  // graphql-armor ships CommonJS typings of Apollo's plugin type; the runtime shape is the same.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin[];

  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    introspection: true,
    formatError: createFormatError(logger),
    plugins: [
      ...(armorPlugins as ApolloServerPlugin<Context>[]),
      createConfigResponseCache({ ttlMs: env.CONFIG_CACHE_TTL_SECONDS * 1000 }),
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 3000 }),
      env.GRAPHQL_EXPLORER
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const graphql = expressMiddleware(apollo, {
    context: async ({ req }): Promise<Context> => {
      const tenantLookup = lookupFor(req);
      const tenant = tenantLookup.by === 'slug' && !SLUG.test(tenantLookup.slug) ? null : await resolveTenant(services, tenantLookup);
      return {
        ...services,
        logger: req.log,
        requestId: String(req.id),
        locale: localeFromAcceptLanguage(req.get('accept-language')),
        tenantLookup,
        tenant,
      };
    },
  });
  const json = express.json({ limit: '100kb' });
  app.use('/graphql', json, graphql);
  app.use('/t/:slug/graphql', json, graphql);

  app.use((_request, response) => {
    response.status(404).json({ error: 'NOT_FOUND', message: 'No such endpoint. GraphQL is served at /graphql and /t/<slug>/graphql.' });
  });
  app.use((error: Error & { status?: number; type?: string }, request: Request, response: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    response.status(status).json({
      errors: [
        {
          message: status === 500 ? 'An unexpected error occurred.' : `Bad request: ${error.type === 'entity.too.large' ? 'body too large' : 'malformed body'}.`,
          extensions: { code: status === 500 ? 'INTERNAL' : 'BAD_REQUEST' },
        },
      ],
    });
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
      await apollo.stop();
    },
  };
}
