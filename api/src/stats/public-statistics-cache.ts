/**
 * The public statistics page, cached per agency, configuration version, year and language
 * (issue 15: "cached, and the cache stays correct when a case changes"). The figures pass tells
 * every instance which agencies' figures it rewrote (LIVE_CHANNELS.figures): their entries go
 * at once. A short TTL is the safety net for a signal lost while Redis was away.
 *
 * A page computed while the signal arrived may hold the figures from before it: it is given to
 * the reader who asked for it, never stored (each agency has a generation, moved by the signal,
 * and a page is stored only under the generation it began in). A reader who comes after the
 * signal therefore never sees figures older than the pass that sent it.
 *
 * The key space is bounded: the agency is one that exists (resolved from the address), the year
 * one the page accepts (2000 to now), the language one of two; and the LRU has a maximum.
 */
import { LRUCache } from 'lru-cache';
import { LIVE_CHANNELS, type LiveBus } from '../live/live-bus.ts';

const MAX_ENTRIES = 2000;

export class PublicStatisticsCache<Value extends object> {
  readonly #entries: LRUCache<string, Value> | null;
  readonly #pending = new Map<string, Promise<Value>>();
  readonly #generations = new Map<string, number>();

  constructor(ttlMs: number) {
    this.#entries = ttlMs > 0 ? new LRUCache<string, Value>({ max: MAX_ENTRIES, ttl: ttlMs }) : null;
  }

  /** The stored page under `tenantId` and `key`, or `compute`'s, stored if no signal came meanwhile. */
  async get(tenantId: string, key: string, compute: () => Promise<Value>): Promise<Value> {
    const generation = this.#generations.get(tenantId) ?? 0;
    const full = `${tenantId}|${generation}|${key}`;
    const hit = this.#entries?.get(full);
    if (hit) return hit;
    const pending = this.#pending.get(full);
    if (pending) return pending;
    const load = compute()
      .then((value) => {
        if ((this.#generations.get(tenantId) ?? 0) === generation) this.#entries?.set(full, value);
        return value;
      })
      .finally(() => this.#pending.delete(full));
    this.#pending.set(full, load);
    return load;
  }

  /** Forgets these agencies' pages (and any page still being computed for them). */
  invalidate(tenantIds: readonly string[]): void {
    for (const tenantId of tenantIds) {
      this.#generations.set(tenantId, (this.#generations.get(tenantId) ?? 0) + 1);
      const prefix = `${tenantId}|`;
      for (const key of this.#entries?.keys() ?? []) if (key.startsWith(prefix)) this.#entries!.delete(key);
      for (const key of this.#pending.keys()) if (key.startsWith(prefix)) this.#pending.delete(key);
    }
  }

  /** Follows the figures pass's signal on `bus`; resolves to the function that stops following. */
  follow(bus: LiveBus): Promise<() => void> {
    return bus.subscribe(LIVE_CHANNELS.figures, (payload) => {
      const tenantIds = Array.isArray(payload.tenantIds) ? payload.tenantIds.filter((id): id is string => typeof id === 'string') : [];
      this.invalidate(tenantIds);
    });
  }
}
