/**
 * Caches whole responses of operations that read only the public configuration of a
 * tenant (`{ tenant { … } }`): the portal's hottest query, whose execution (hundreds of
 * fields, 17 KB of JSON) costs far more than its data.
 *
 * Two halves: `lookup` runs in front of Apollo and answers a hit with the stored JSON
 * text, skipping the GraphQL pipeline and serialisation; the Apollo `plugin` decides,
 * from the parsed operation, what may be stored (only the allow-listed root fields, never
 * a response with errors). The key holds the tenant, its configuration version, the
 * language and the exact request body, so a configuration change is a new key; entries
 * also expire after the configuration TTL (the calendar under `tenant` has no version).
 *
 * Apollo's response-cache plugin was considered: it needs cache hints on every object
 * field, which Pothos does not emit, and one missing hint on a future private field would
 * make it cacheable; this allow-lists the one public root field instead (ADR 0003).
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';
import type { TenantConfigCache } from './tenant-config.service.ts';

const PUBLIC_ROOT_FIELDS = new Set(['tenant', '__typename']);

function readsOnlyPublicConfig(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((selection) => selection.kind === 'Field' && PUBLIC_ROOT_FIELDS.has(selection.name.value))
  );
}

export interface ConfigResponseCacheOptions {
  configs: TenantConfigCache;
  ttlMs: number;
  /** Upper bound of the cache's memory, counted as the length of the stored JSON. */
  maxBytes?: number;
}

export interface ConfigResponseCache {
  /** The stored response for this request, or the key under which the plugin may store it. */
  lookup(request: { tenantId: string | null; locale: Locale; body: unknown }): Promise<{ hit: string } | { key: string | null }>;
  plugin: ApolloServerPlugin<Context>;
}

export function createConfigResponseCache({ configs, ttlMs, maxBytes = 64 * 1024 * 1024 }: ConfigResponseCacheOptions): ConfigResponseCache {
  const cache = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (json) => json.length,
    ttl: Math.max(ttlMs, 1),
  });

  return {
    async lookup({ tenantId, locale, body }) {
      if (ttlMs === 0 || !tenantId || typeof (body as { query?: unknown })?.query !== 'string') return { key: null };
      const config = await configs.find(tenantId);
      if (!config) return { key: null };
      const { query, operationName, variables } = body as { query: string; operationName?: unknown; variables?: unknown };
      const digest = createHash('sha256')
        .update(JSON.stringify([query, operationName ?? null, variables ?? null]))
        .digest('base64url');
      const key = `${tenantId}:${config.configVersion}:${locale}:${digest}`;
      const hit = cache.get(key);
      return hit === undefined ? { key } : { hit };
    },
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse(request) {
            const key = request.contextValue.configResponseCacheKey;
            const body = request.response.body;
            if (!key || !request.operation || !readsOnlyPublicConfig(request.operation)) return;
            if (body.kind !== 'single' || body.singleResult.errors?.length) return;
            cache.set(key, `${JSON.stringify(body.singleResult)}\n`);
          },
        };
      },
    },
  };
}
