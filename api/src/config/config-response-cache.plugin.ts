/**
 * Caches whole responses of operations that read only the public configuration of a
 * tenant (`{ tenant { … } }`): the portal's hottest query, whose execution (hundreds of
 * fields) costs far more than its data. The key holds the tenant, its configuration
 * version, the language, and the exact document and variables, so a configuration change
 * is a new key; entries also expire after the configuration TTL (the calendar under
 * `tenant` has no version of its own). Anything with errors is never stored.
 *
 * Apollo's response-cache plugin was considered: it needs cache hints on every object
 * field, which Pothos does not emit, and one missing hint on a future private field would
 * make it cacheable; this plugin allow-lists the one public root field instead (ADR 0003).
 */
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from '@apollo/server';
import type { FormattedExecutionResult, OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context.ts';

const PUBLIC_ROOT_FIELDS = new Set(['tenant', '__typename']);

function readsOnlyPublicConfig(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === 'Field' && PUBLIC_ROOT_FIELDS.has(selection.name.value))
  );
}

export interface ConfigResponseCacheOptions {
  ttlMs: number;
  /** Upper bound of the cache's memory, counted as the JSON length of the responses. */
  maxBytes?: number;
}

export function createConfigResponseCache({ ttlMs, maxBytes = 64 * 1024 * 1024 }: ConfigResponseCacheOptions): ApolloServerPlugin<Context> {
  const cache = new LRUCache<string, { result: FormattedExecutionResult; size: number }>({
    maxSize: maxBytes,
    sizeCalculation: (entry) => entry.size,
    ttl: Math.max(ttlMs, 1),
  });
  const keys = new WeakMap<GraphQLRequestContext<Context>, string>();

  return {
    async requestDidStart() {
      return {
        async responseForOperation(request) {
          if (ttlMs === 0 || !request.operation || !readsOnlyPublicConfig(request.operation)) return null;
          const ctx = request.contextValue;
          if (!ctx.tenant) return null;
          const config = await ctx.configs.find(ctx.tenant.id);
          if (!config) return null;
          // queryHash is Apollo's sha256 of the document text, computed once per request anyway.
          const variables = request.request.variables;
          const key = `${ctx.tenant.id}:${config.configVersion}:${ctx.locale}:${request.queryHash}:${request.operationName ?? ''}:${
            variables && Object.keys(variables).length > 0 ? createHash('sha256').update(JSON.stringify(variables)).digest('base64url') : ''
          }`;
          const hit = cache.get(key);
          if (hit) return { http: { status: 200, headers: new HeaderMap() }, body: { kind: 'single', singleResult: hit.result } };
          keys.set(request, key);
          return null;
        },
        async willSendResponse(request) {
          const key = keys.get(request);
          const body = request.response.body;
          if (!key || body.kind !== 'single' || body.singleResult.errors?.length) return;
          cache.set(key, { result: body.singleResult, size: JSON.stringify(body.singleResult).length });
        },
      };
    },
  };
}
