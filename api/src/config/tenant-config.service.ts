/**
 * The read side of tenant configuration: one tenant's whole active configuration, loaded
 * from the tables in one go and cached per tenant. A cached entry is trusted for the TTL,
 * then re-validated against `tenant.config_version` (one indexed lookup) and reloaded
 * only when the version moved. Writers in this process call `invalidate` directly.
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { withTenantScope } from '../auth/data-scope.ts';

const activeByPosition = { where: { active: true }, orderBy: { position: 'asc' } } as const;

export const tenantConfigInclude = {
  province: true,
  hostnames: { orderBy: { hostname: 'asc' } },
  contacts: { orderBy: { position: 'asc' } },
  serviceStandards: activeByPosition,
  channels: activeByPosition,
  categories: activeByPosition,
  faqs: { orderBy: { position: 'asc' } },
  daysOff: { orderBy: { date: 'asc' } },
  responseTemplates: activeByPosition,
  slaPolicies: {
    where: { active: true },
    orderBy: { key: 'asc' },
    include: { stages: activeByPosition },
  },
  caseTypes: {
    ...activeByPosition,
    include: { slaPolicy: { include: { stages: activeByPosition } } },
  },
} satisfies Prisma.TenantInclude;

export type TenantConfig = Prisma.TenantGetPayload<{ include: typeof tenantConfigInclude }>;
export type CaseTypeConfig = TenantConfig['caseTypes'][number];
export type SlaPolicyConfig = TenantConfig['slaPolicies'][number];

/** In the tenant's scope: its response templates are its own, not public like the rest. */
export function findTenantConfig(prisma: PrismaClient, tenantId: string): Promise<TenantConfig | null> {
  return withTenantScope(prisma, tenantId, (tx) => tx.tenant.findUnique({ where: { id: tenantId }, include: tenantConfigInclude }));
}

interface CacheEntry {
  config: TenantConfig;
  checkedAt: number;
}

export class TenantConfigCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #loading = new Map<string, Promise<TenantConfig | null>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tenant's configuration, or null when the tenant does not exist. */
  async find(tenantId: string): Promise<TenantConfig | null> {
    const entry = this.#entries.get(tenantId);
    if (entry && this.now() - entry.checkedAt < this.ttlMs) return entry.config;
    const pending = this.#loading.get(tenantId);
    if (pending) return pending;
    const load = this.#revalidate(tenantId, entry).finally(() => this.#loading.delete(tenantId));
    this.#loading.set(tenantId, load);
    return load;
  }

  async #revalidate(tenantId: string, entry: CacheEntry | undefined): Promise<TenantConfig | null> {
    if (entry) {
      const current = await this.prisma.tenant.findUnique({ where: { id: tenantId }, select: { configVersion: true } });
      if (current?.configVersion === entry.config.configVersion) {
        entry.checkedAt = this.now();
        return entry.config;
      }
    }
    const config = await findTenantConfig(this.prisma, tenantId);
    if (config) this.#entries.set(tenantId, { config, checkedAt: this.now() });
    else this.#entries.delete(tenantId);
    return config;
  }

  /** Drops one tenant's entry, or all of them. */
  invalidate(tenantId?: string): void {
    if (tenantId) this.#entries.delete(tenantId);
    else this.#entries.clear();
  }
}
