/**
 * GraphQL subscriptions over WebSocket (graphql-ws) on the API's own HTTP server, at the
 * same addresses as queries: `/graphql` (platform) and `/t/<slug>/graphql` (an agency).
 *
 * - Sign-in at connection init: `connectionParams.authToken`, or the upgrade request's
 *   `Authorization: Bearer` header (the web server forwards its session cookie that way).
 *   A token that is unknown, expired or revoked closes the socket with 4401.
 * - Only subscriptions run here; queries and mutations go over HTTP. The same depth, cost
 *   and size limits apply as over HTTP.
 * - Limits: open sockets per client address (429 at the upgrade), subscriptions per
 *   connection, keep-alive pings (a client that misses a pong is dropped).
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  getOperationAST,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { resolveTenant, type AppServices, type Context, type TenantLookup } from '../context.ts';
import type { createFormatError } from '../graphql/format-error.ts';
import { createInputError, findInputIssues } from '../graphql/input-guard.ts';
import type { TrustedProxies } from '../trusted-proxies.ts';
import { localeFromAcceptLanguage } from '../i18n/locale.ts';
import { identify, LIVE_CLOSE, type LiveConnection } from './live-connections.ts';
import { createSharedSubscribe, shareKeyOf } from './shared-execution.ts';

const PATH = /^\/(?:t\/([a-z0-9]+(?:-[a-z0-9]+)*)\/)?graphql\/?$/;
const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

export interface LiveServerOptions {
  schema: GraphQLSchema;
  validationRules: readonly ValidationRule[];
  formatError: ReturnType<typeof createFormatError>;
  /** Whose X-Forwarded-For is believed (the same rule as over HTTP). */
  proxies: TrustedProxies;
}

/** What this module keeps on graphql-ws's per-socket `extra` (next to `socket` and `request`). */
type SocketExtra = { live?: LiveConnection };

/** GraphQL's own parse and validation errors carry no code; these are the ones Apollo gives them over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

export function attachLiveServer(httpServer: http.Server, services: AppServices, options: LiveServerOptions): { close(): Promise<void> } {
  const { env, logger, live } = services;
  const clientIpOf = (request: http.IncomingMessage) => options.proxies.clientIpOf(request);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0]!;
    if (!PATH.test(path)) return refuseUpgrade(socket, 404, 'Not Found');
    const ip = clientIpOf(request);
    const limit = env.LIVE_MAX_CONNECTIONS_PER_IP;
    if (limit > 0 && live.connections.openFrom(ip) >= limit) {
      logger.warn({ limit }, 'live: too many connections from one address');
      return refuseUpgrade(socket, 429, 'Too Many Requests');
    }
    const release = live.connections.countSocket(ip);
    socket.once('close', release);
    wss.handleUpgrade(request, socket, head, (ws) => {
      ws.once('close', release);
      wss.emit('connection', ws, request);
    });
  });

  // Introspection is refused here exactly as over HTTP when GRAPHQL_INTROSPECTION is off.
  const rules = [...specifiedRules, ...options.validationRules, ...(env.GRAPHQL_INTROSPECTION ? [] : [NoSchemaIntrospectionCustomRule])];

  const contextOf = (connection: LiveConnection): Context => ({
    ...services,
    tenant: connection.tenant,
    tenantLookup: connection.tenant ? { by: 'slug', slug: connection.tenant.slug } : { by: 'none' },
    locale: connection.locale,
    configResponseCacheKey: null,
    logger,
    requestId: randomUUID(),
    clientIp: connection.ip,
    bearerToken: connection.token,
    staffLookup: Promise.resolve(connection.staff),
    reporterLookup: Promise.resolve(connection.reporter),
    liveConnection: connection,
  });

  // Each subscription's share key, by its context (one per subscription).
  const shareKeys = new WeakMap<object, string | null>();

  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => options.formatError(error.toJSON(), error));

  const server = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema: options.schema,
      subscribe: createSharedSubscribe((args) => shareKeys.get(args.contextValue as object) ?? null),
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const slug = PATH.exec((request.url ?? '').split('?')[0]!)?.[1];
        const lookup: TenantLookup = slug ? { by: 'slug', slug } : { by: 'none' };
        const tenant = slug ? await resolveTenant(services, lookup) : null;
        if (slug && !tenant) {
          socket.close(LIVE_CLOSE.tenantNotFound.code, LIVE_CLOSE.tenantNotFound.reason);
          return false;
        }
        const given = ctx.connectionParams?.authToken;
        const header = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? null;
        const token = typeof given === 'string' && given !== '' ? given : header;
        let signedIn: Awaited<ReturnType<typeof identify>> = { staff: null, reporter: null };
        if (token !== null) {
          signedIn = TOKEN.test(token) ? await identify(services.db.prisma, tenant, token) : null;
          if (!signedIn) {
            socket.close(LIVE_CLOSE.unauthorized.code, LIVE_CLOSE.unauthorized.reason);
            return false;
          }
        }
        const locale =
          typeof ctx.connectionParams?.locale === 'string'
            ? localeFromAcceptLanguage(ctx.connectionParams.locale)
            : localeFromAcceptLanguage(request.headers['accept-language']);
        const connection: LiveConnection = {
          id: live.connections.nextId(),
          ip: clientIpOf(request),
          token,
          tenant,
          locale,
          staff: signedIn.staff,
          reporter: signedIn.reporter,
          subscriptions: new Set(),
          close: (code, reason) => socket.close(code, reason),
        };
        ctx.extra.live = connection;
        live.connections.add(connection);
        return true;
      },
      onSubscribe: (ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
        const connection = ctx.extra.live!;
        if (connection.subscriptions.size >= env.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION) {
          return [
            new GraphQLError(`At most ${env.LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions per connection: complete one first.`, {
              extensions: { code: 'RATE_LIMITED' },
            }),
          ];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: 2000 });
        } catch (error) {
          return [withCode(error instanceof GraphQLError ? error : new GraphQLError('The query cannot be parsed.'), 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(options.schema, document, rules);
        if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions run over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const issues = findInputIssues(options.schema, document, operation, payload.variables ?? undefined, connection.locale);
        if (issues.length > 0) return [createInputError(issues, connection.locale)];
        connection.subscriptions.add(id);
        const contextValue = contextOf(connection);
        shareKeys.set(contextValue, shareKeyOf({ ...payload, locale: connection.locale, document }));
        return { schema: options.schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
      onComplete: (ctx, id) => {
        ctx.extra.live?.subscriptions.delete(id);
      },
      onClose: (ctx) => {
        if (ctx.extra.live) live.connections.remove(ctx.extra.live);
      },
    },
    wss,
    env.LIVE_KEEPALIVE_MS,
  );

  return {
    async close() {
      // Clients reconnect to another instance and resume from their last cursor.
      for (const client of wss.clients) client.close(LIVE_CLOSE.goingAway.code, LIVE_CLOSE.goingAway.reason);
      await server.dispose();
    },
  };
}
