/**
 * Finds the tenant of a request by host name or by slug. The directory of all tenants
 * (a few hundred rows at most) is held in memory and reloaded after its TTL, or on a
 * miss at most once a second, so unknown names cannot hammer the database.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';

export interface TenantRef {
  id: string;
  slug: string;
  provinceId: string;
}

const MISS_RELOAD_INTERVAL_MS = 1000;

export class TenantDirectory {
  #bySlug = new Map<string, TenantRef>();
  #byHost = new Map<string, TenantRef>();
  #loadedAt = Number.NEGATIVE_INFINITY;
  #loading: Promise<void> | null = null;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async findBySlug(slug: string): Promise<TenantRef | null> {
    return this.#find(() => this.#bySlug.get(slug.toLowerCase()));
  }

  /** Matches the host with its port first, then without it. */
  async findByHost(host: string): Promise<TenantRef | null> {
    const normalized = host.trim().toLowerCase();
    const bare = normalized.replace(/:\d+$/, '');
    return this.#find(() => this.#byHost.get(normalized) ?? this.#byHost.get(bare));
  }

  invalidate(): void {
    this.#loadedAt = Number.NEGATIVE_INFINITY;
  }

  async #find(lookup: () => TenantRef | undefined): Promise<TenantRef | null> {
    const age = this.now() - this.#loadedAt;
    if (age >= this.ttlMs) await this.#reload();
    const found = lookup();
    if (found) return found;
    if (age >= MISS_RELOAD_INTERVAL_MS && this.now() - this.#loadedAt >= MISS_RELOAD_INTERVAL_MS) {
      await this.#reload();
      return lookup() ?? null;
    }
    return null;
  }

  async #reload(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const tenants = await this.prisma.tenant.findMany({
          select: { id: true, slug: true, provinceId: true, hostnames: { select: { hostname: true } } },
        });
        const bySlug = new Map<string, TenantRef>();
        const byHost = new Map<string, TenantRef>();
        for (const { hostnames, ...tenant } of tenants) {
          bySlug.set(tenant.slug, tenant);
          for (const { hostname } of hostnames) byHost.set(hostname, tenant);
        }
        this.#bySlug = bySlug;
        this.#byHost = byHost;
        this.#loadedAt = this.now();
      } finally {
        this.#loading = null;
      }
    })();
    await this.#loading;
  }
}
