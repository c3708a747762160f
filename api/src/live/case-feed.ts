/**
 * The live feed of one API process: it reads newly committed case events from the
 * database's event log and hands them to this process's subscribers (ADR 0010).
 *
 * The event log is the source of truth; the bus only says "read now". An event's cursor
 * is its id (clients see only its opaque token: live-cursor.ts). Ids come from a sequence, so a transaction can commit after another one
 * with a higher id; every event therefore records its transaction (`tx_id`) and the
 * oldest transaction running when it was written (`tx_xmin`). A reader that has seen
 * everything up to id W as of a snapshot whose oldest running transaction was X finds
 * what it has not seen with `id > W OR (tx_id >= X AND id <= W)`, and skips the ids it
 * already delivered. The same rule resumes a client from the last cursor it saw.
 *
 * Only committed rows are visible, so a rolled-back change is never announced.
 */
import type { Database, SqlRunner } from '../db.ts';
import type { EventVisibility } from '../generated/prisma/enums.ts';
import { queryInScope, type DataScope } from '../auth/data-scope.ts';
import type { CaseAccess } from '../auth/case-access.ts';
import type { Logger } from '../logger.ts';
import { LIVE_CHANNELS, type LiveBus } from './live-bus.ts';

/** One committed case event, with what authorising it for a subscriber needs. */
export interface FeedItem {
  cursor: string;
  tenantId: string;
  caseId: string;
  registrationNumber: string;
  kind: string;
  visibility: EventVisibility;
  /** The case's status after this event. */
  status: string;
  createdAt: Date;
  /** The case as CASL sees it when the event is read (not the event's time). */
  access: CaseAccess;
}

export type FeedScope = { tenantId: string; caseId: string } | { tenantIds: readonly string[] };

/** The row-level security scope a feed scope reads in. */
function dataScopeOf(scope: FeedScope): DataScope {
  return 'caseId' in scope ? { tenantIds: [scope.tenantId] } : { tenantIds: scope.tenantIds };
}

export type ReplayResult = { kind: 'events'; items: FeedItem[] } | { kind: 'reload' };

interface EventRow {
  snapshot_xmin: string;
  cursor: string | null;
  tx_id: string | null;
  tenant_id: string;
  case_id: string;
  registration_number: string;
  kind: string;
  visibility: EventVisibility;
  status: string;
  created_at: Date | string;
  restricted: boolean;
  excluded: string[] | null;
  handlers: string[] | null;
}

// The snapshot's oldest running transaction comes from the same statement as the rows, so
// both describe one snapshot. Arrays come as text so PGlite and pg parse them alike.
const EVENT_COLUMNS = `
  e.id::text AS cursor, e.tx_id::text AS tx_id, e.tenant_id, e.case_id, c.registration_number,
  e.kind::text AS kind, e.visibility::text AS visibility, e.status::text AS status, e.created_at, c.restricted,
  ARRAY(SELECT x.staff_user_id::text FROM case_exclusion x WHERE x.case_id = e.case_id) AS excluded,
  ARRAY(SELECT h.staff_user_id::text FROM case_handler h WHERE h.case_id = e.case_id) AS handlers`;

const READ_NEW_EVENTS = `
  WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS snapshot_xmin)
  SELECT snapshot.snapshot_xmin, events.*
  FROM snapshot
  LEFT JOIN LATERAL (
    SELECT ${EVENT_COLUMNS}
    FROM case_event e JOIN "case" c ON c.id = e.case_id
    WHERE (e.id > $1::bigint OR (e.tx_id >= $2::text::xid8 AND e.id <= $1::bigint)) AND e.id > $4::bigint
    ORDER BY e.id
    LIMIT $3
  ) events ON true`;

const PRESENT_POSITION = 'SELECT coalesce(max(id), 0)::text AS up_to, pg_snapshot_xmin(pg_current_snapshot())::text AS oldest FROM case_event';

function replayStatement(scope: FeedScope): string {
  const inScope = 'caseId' in scope ? 'e.tenant_id = $4::uuid AND e.case_id = $2::uuid' : 'e.tenant_id = ANY($2::uuid[])';
  return `
    WITH anchor AS (SELECT tx_xmin FROM case_event WHERE id = $1::bigint)
    SELECT '0' AS snapshot_xmin, ${EVENT_COLUMNS}
    FROM case_event e JOIN "case" c ON c.id = e.case_id
    WHERE EXISTS (SELECT 1 FROM anchor) AND ${inScope}
      AND (e.id > $1::bigint OR (e.tx_id >= (SELECT tx_xmin FROM anchor) AND e.id < $1::bigint))
    ORDER BY e.id
    LIMIT $3`;
}

function toItem(row: EventRow): FeedItem {
  return {
    cursor: row.cursor!,
    tenantId: row.tenant_id,
    caseId: row.case_id,
    registrationNumber: row.registration_number,
    kind: row.kind,
    visibility: row.visibility,
    status: row.status,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(row.created_at),
    access: {
      tenantId: row.tenant_id,
      restricted: row.restricted,
      exclusions: (row.excluded ?? []).map((staffUserId) => ({ staffUserId })),
      handlers: (row.handlers ?? []).map((staffUserId) => ({ staffUserId })),
    },
  };
}

export const CURSOR_PATTERN = /^[1-9][0-9]{0,18}$/;

type Listener = (item: FeedItem) => void;

export interface CaseFeedOptions {
  db: Database;
  bus: LiveBus;
  logger: Logger;
  /** How often the event log is read without a signal (a lost signal, another process's sweep). */
  pollIntervalMs: number;
  /** Events read per statement. */
  batchSize?: number;
}

export class CaseFeed {
  readonly #sql: SqlRunner;
  readonly #bus: LiveBus;
  readonly #logger: Logger;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  /** Everything with id <= #seenUpTo is delivered, except rows of transactions >= #oldestRunning. */
  #seenUpTo = 0n;
  #oldestRunning = 0n;
  /** Delivered ids that the next read may return again (their transaction is >= #oldestRunning). */
  readonly #delivered = new Map<bigint, bigint>();
  readonly #byCase = new Map<string, Set<Listener>>();
  readonly #byTenant = new Map<string, Set<Listener>>();
  #timer: NodeJS.Timeout | null = null;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #unsubscribe: (() => void) | null = null;
  #started = false;
  #positioned = false;
  #lastWarning = 0;
  #stopped = false;

  constructor(options: CaseFeedOptions) {
    this.#sql = options.db.sql;
    this.#bus = options.bus;
    this.#logger = options.logger;
    this.#pollIntervalMs = options.pollIntervalMs;
    this.#batchSize = options.batchSize ?? 500;
  }

  /** Starts from the present: what was committed before is for resuming clients to replay. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    // The first read finds the present position; a database that is down does not stop the API.
    void this.readSoon();
    // Not awaited: with Redis away the subscription completes when it is back; the timer reads meanwhile.
    this.#bus
      .subscribe(LIVE_CHANNELS.events, () => void this.readSoon())
      .then(
        (unsubscribe) => {
          if (this.#stopped) unsubscribe();
          else this.#unsubscribe = unsubscribe;
        },
        (error: unknown) => this.#logger.warn({ err: error }, 'live feed: could not listen on the bus; reading on the timer only'),
      );
    this.#schedule();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#unsubscribe?.();
    await this.#reading;
  }

  /** Tells every instance (this one too) that case events were committed. Call after the commit. */
  announce(): void {
    void this.#bus.publish(LIVE_CHANNELS.events, {});
  }

  /** Calls `listener` for each new event in scope, in the order read; returns the unsubscribe. */
  listen(scope: FeedScope, listener: Listener): () => void {
    const entries: [Map<string, Set<Listener>>, string][] =
      'caseId' in scope ? [[this.#byCase, scope.caseId]] : scope.tenantIds.map((tenantId) => [this.#byTenant, tenantId]);
    for (const [index, key] of entries) {
      let set = index.get(key);
      if (!set) {
        set = new Set();
        index.set(key, set);
      }
      set.add(listener);
    }
    return () => {
      for (const [index, key] of entries) {
        const set = index.get(key);
        set?.delete(listener);
        if (set?.size === 0) index.delete(key);
      }
    };
  }

  get listenerCount(): number {
    let count = 0;
    for (const set of this.#byCase.values()) count += set.size;
    for (const set of this.#byTenant.values()) count += set.size;
    return count;
  }

  /**
   * The events in scope after `cursor` that a client resuming from it has not seen (it may
   * also get a few it has: the same cursors, to skip). More than `limit`, or a cursor that
   * names no event, asks the client to reload instead.
   */
  async replay(scope: FeedScope, cursor: string, limit: number): Promise<ReplayResult> {
    if (!CURSOR_PATTERN.test(cursor)) return { kind: 'reload' };
    const params = 'caseId' in scope ? [cursor, scope.caseId, limit + 1, scope.tenantId] : [cursor, [...scope.tenantIds], limit + 1];
    const rows = await queryInScope<EventRow>(this.#sql, dataScopeOf(scope), replayStatement(scope), params);
    if (rows.length > limit) return { kind: 'reload' };
    if (rows.length === 0) {
      // Whether the cursor names an event at all, whichever agency's (cursors are global ids).
      const [anchor] = await queryInScope<{ found: boolean }>(
        this.#sql,
        'platform',
        'SELECT EXISTS (SELECT 1 FROM case_event WHERE id = $1::bigint) AS found',
        [cursor],
      );
      if (!anchor?.found) return { kind: 'reload' };
    }
    return { kind: 'events', items: rows.map(toItem) };
  }

  /**
   * A cursor to follow `scope` from now on: the newest event of the case, or of the inbox's
   * tenants. Never the platform's newest: it would show other agencies' activity (and, though
   * clients see it only as an opaque token, it anchors the replay, which filters by scope).
   * `reporterVisible`: the case's newest event its reporter sees, so internal work does not move it.
   */
  async latestCursor(scope: FeedScope, options: { reporterVisible?: boolean } = {}): Promise<string | null> {
    const visible = options.reporterVisible ? " AND visibility = 'REPORTER'" : '';
    const [row] =
      'caseId' in scope
        ? await queryInScope<{ cursor: string | null }>(
            this.#sql,
            dataScopeOf(scope),
            `SELECT max(id)::text AS cursor FROM case_event WHERE tenant_id = $1::uuid AND case_id = $2::uuid${visible}`,
            [scope.tenantId, scope.caseId],
          )
        : await queryInScope<{ cursor: string | null }>(
            this.#sql,
            dataScopeOf(scope),
            'SELECT max(id)::text AS cursor FROM case_event WHERE tenant_id = ANY($1::uuid[])',
            [[...scope.tenantIds]],
          );
    return row?.cursor ?? null;
  }

  /** Reads the log now (coalesced: one read at a time, one more if asked meanwhile). */
  readSoon(): Promise<void> {
    if (this.#stopped || !this.#started) return Promise.resolve();
    if (this.#reading) {
      this.#readAgain = true;
      return this.#reading;
    }
    this.#reading = (async () => {
      try {
        do {
          this.#readAgain = false;
          await this.#readNew();
        } while (this.#readAgain && !this.#stopped);
      } catch (error) {
        // Once a minute at most: the timer retries every second while the database is away.
        if (Date.now() - this.#lastWarning > 60_000) this.#logger.warn({ err: error }, 'live feed: reading the event log failed; retrying on the next tick');
        this.#lastWarning = Date.now();
      } finally {
        this.#reading = null;
      }
    })();
    return this.#reading;
  }

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      // Nobody listening here: nothing to deliver, but keep the position current.
      void this.readSoon().finally(() => this.#schedule());
    }, this.#pollIntervalMs);
    this.#timer.unref();
  }

  /**
   * Reads everything not yet delivered, in pages of `batchSize`. Rows that commit during the
   * read with ids behind the page are not lost: their transactions were running at the first
   * page's snapshot, so they are at or above its oldest running transaction, the next lower bound.
   */
  async #readNew(): Promise<void> {
    if (!this.#positioned || this.listenerCount === 0) {
      // Nobody to deliver to in this process (or not started yet): move to the present without reading the rows.
      // The feed reads every agency's events once for all listeners of this process, which
      // get only theirs (#dispatch, and each subscription checks the listener's rights).
      const [row] = await queryInScope<{ up_to: string; oldest: string }>(this.#sql, 'platform', PRESENT_POSITION);
      this.#seenUpTo = BigInt(row!.up_to);
      this.#oldestRunning = BigInt(row!.oldest);
      this.#delivered.clear();
      this.#positioned = true;
      return;
    }
    const upTo = this.#seenUpTo.toString();
    const oldest = this.#oldestRunning.toString();
    let page = '0';
    let firstSnapshotOldest: bigint | null = null;
    for (;;) {
      const rows = await queryInScope<EventRow>(this.#sql, 'platform', READ_NEW_EVENTS, [upTo, oldest, this.#batchSize, page]);
      firstSnapshotOldest ??= BigInt(rows[0]!.snapshot_xmin);
      const events = rows.filter((row) => row.cursor !== null);
      for (const row of events) {
        const id = BigInt(row.cursor!);
        if (this.#delivered.has(id)) continue;
        this.#delivered.set(id, BigInt(row.tx_id!));
        if (id > this.#seenUpTo) this.#seenUpTo = id;
        this.#dispatch(toItem(row));
      }
      if (events.length < this.#batchSize || this.#stopped) break;
      page = events.at(-1)!.cursor!;
    }
    if (firstSnapshotOldest > this.#oldestRunning) this.#oldestRunning = firstSnapshotOldest;
    for (const [id, txId] of this.#delivered) {
      if (txId < this.#oldestRunning) this.#delivered.delete(id);
    }
  }

  #dispatch(item: FeedItem): void {
    const targets = [...(this.#byCase.get(item.caseId) ?? []), ...(this.#byTenant.get(item.tenantId) ?? [])];
    for (const listener of targets) {
      try {
        listener(item);
      } catch (error) {
        this.#logger.error({ err: error }, 'live feed: a listener failed');
      }
    }
  }
}
