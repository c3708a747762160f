/**
 * The live (WebSocket) connections of one API process and who is signed in on each.
 *
 * A signed-in connection keeps its viewer (for staff, the current CASL ability): when the
 * account's roles or sessions change (on any instance, announced on the bus) and on a timer
 * (for sessions that simply expire), the connection looks its session up again. A session
 * that ended closes the connection with 4401; changed roles apply to the next event.
 */
import { findStaffSession } from '../auth/staff-auth.service.ts';
import { toStaffViewer, type StaffViewer } from '../auth/staff-viewer.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Locale } from '../i18n/locale.ts';
import type { Logger } from '../logger.ts';
import { findReporterSession, type ReporterSessionRef } from '../reporters/reporter-account.service.ts';
import type { TenantRef } from '../tenancy/tenant-directory.ts';
import { LIVE_CHANNELS, type LiveBus } from './live-bus.ts';

/** Close codes beyond graphql-ws's own (4400 bad request, 4403 forbidden, 4408 init timeout, 4429 too many inits). */
export const LIVE_CLOSE = {
  /** The token is unknown, expired or revoked: sign in again. */
  unauthorized: { code: 4401, reason: 'Unauthorized: the session has ended or the token is not valid. Sign in again.' },
  /** The address names no agency. */
  tenantNotFound: { code: 4404, reason: 'Tenant not found: no agency has this address.' },
  /** The server is shutting down: reconnect (to another instance) and resume. */
  goingAway: { code: 1001, reason: 'Server restarting: reconnect and resume from your last cursor.' },
} as const;

export interface LiveConnection {
  readonly id: number;
  readonly ip: string;
  readonly token: string | null;
  readonly tenant: TenantRef | null;
  readonly locale: Locale;
  /** The signed-in staff member as of now (refreshed), or null. */
  staff: StaffViewer | null;
  /** The signed-in pseudonymous reporter as of now (refreshed), or null. */
  reporter: ReporterSessionRef | null;
  /** Operation ids of the running subscriptions. */
  readonly subscriptions: Set<string>;
  close(code: number, reason: string): void;
}

type SignedIn = Pick<LiveConnection, 'staff' | 'reporter'>;

/** Who a token belongs to on this address: a staff member, a pseudonymous reporter, or nobody. */
export async function identify(prisma: PrismaClient, tenant: TenantRef | null, token: string): Promise<SignedIn | null> {
  const session = await findStaffSession(prisma, token);
  // Agency staff only on their agency's address; secretariat staff only on the platform's.
  if (session && session.tenantId === (tenant?.id ?? null)) return { staff: toStaffViewer(session), reporter: null };
  if (!session && tenant) {
    const reporter = await findReporterSession(prisma, tenant.id, token);
    if (reporter) return { staff: null, reporter };
  }
  return null;
}

export class LiveConnections {
  readonly #prisma: PrismaClient;
  readonly #logger: Logger;
  readonly #all = new Set<LiveConnection>();
  /** Signed-in connections by account: `staff:<id>` or `reporter:<id>`. */
  readonly #byAccount = new Map<string, Set<LiveConnection>>();
  readonly #byIp = new Map<string, number>();
  #timer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #nextId = 1;
  #stopped = false;

  constructor(options: { prisma: PrismaClient; logger: Logger }) {
    this.#prisma = options.prisma;
    this.#logger = options.logger;
  }

  start(bus: LiveBus, revalidateMs: number): void {
    // Not awaited: with Redis away, the timer still re-checks every session.
    bus
      .subscribe(LIVE_CHANNELS.accounts, (payload) => {
        if (typeof payload.staffUserId === 'string') void this.#revalidateAccount(`staff:${payload.staffUserId}`);
        if (typeof payload.reporterAccountId === 'string') void this.#revalidateAccount(`reporter:${payload.reporterAccountId}`);
      })
      .then(
        (unsubscribe) => {
          if (this.#stopped) unsubscribe();
          else this.#unsubscribe = unsubscribe;
        },
        (error: unknown) => this.#logger.warn({ err: error }, 'live: could not listen for staff changes on the bus'),
      );
    const tick = () => {
      if (this.#stopped) return;
      this.#timer = setTimeout(() => void this.revalidateAll().finally(tick), revalidateMs);
      this.#timer.unref();
    };
    tick();
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#unsubscribe?.();
  }

  /** Tells every instance to re-check this staff member's live connections (roles, account or session changed). */
  announceStaffChange(bus: LiveBus, staffUserId: string): void {
    void bus.publish(LIVE_CHANNELS.accounts, { staffUserId });
  }

  /** Tells every instance to re-check this pseudonymous reporter's live connections (signed out). */
  announceReporterChange(bus: LiveBus, reporterAccountId: string): void {
    void bus.publish(LIVE_CHANNELS.accounts, { reporterAccountId });
  }

  nextId(): number {
    return this.#nextId++;
  }

  /** Opened sockets per client address (counted from the upgrade, before sign-in). */
  openFrom(ip: string): number {
    return this.#byIp.get(ip) ?? 0;
  }

  countSocket(ip: string): () => void {
    this.#byIp.set(ip, this.openFrom(ip) + 1);
    let counted = true;
    return () => {
      if (!counted) return;
      counted = false;
      const left = this.openFrom(ip) - 1;
      if (left > 0) this.#byIp.set(ip, left);
      else this.#byIp.delete(ip);
    };
  }

  add(connection: LiveConnection): void {
    this.#all.add(connection);
    this.#index(connection);
  }

  remove(connection: LiveConnection): void {
    this.#all.delete(connection);
    this.#unindex(connection);
  }

  #revalidateAccount(key: string): Promise<void> {
    return this.#revalidate([...(this.#byAccount.get(key) ?? [])]);
  }

  /** Re-checks every signed-in connection (sessions that simply expired are announced by nobody). */
  revalidateAll(): Promise<void> {
    return this.#revalidate([...this.#all]);
  }

  /**
   * Looks each session up once, however many sockets (tabs, devices) it has open, one
   * session after another so that a large instance spreads the reads out.
   */
  async #revalidate(connections: LiveConnection[]): Promise<void> {
    const bySession = new Map<string, LiveConnection[]>();
    for (const connection of connections) {
      if (!connection.token || !(connection.staff || connection.reporter)) continue;
      const key = `${connection.tenant?.id ?? ''} ${connection.token}`;
      bySession.set(key, [...(bySession.get(key) ?? []), connection]);
    }
    for (const sharing of bySession.values()) {
      const { tenant, token } = sharing[0]!;
      let signedIn: SignedIn | null;
      try {
        signedIn = await identify(this.#prisma, tenant, token!);
      } catch (error) {
        // The database is away: keep the connections as they are; the next check decides.
        this.#logger.warn({ err: error }, 'live: could not re-check a session');
        continue;
      }
      for (const connection of sharing) this.#apply(connection, signedIn);
    }
  }

  #apply(connection: LiveConnection, signedIn: SignedIn | null): void {
    this.#unindex(connection);
    if (!signedIn || Boolean(signedIn.staff) !== Boolean(connection.staff)) {
      connection.staff = null;
      connection.reporter = null;
      connection.close(LIVE_CLOSE.unauthorized.code, LIVE_CLOSE.unauthorized.reason);
      return;
    }
    connection.staff = signedIn.staff;
    connection.reporter = signedIn.reporter;
    this.#index(connection);
  }

  #index(connection: LiveConnection): void {
    const key = accountKey(connection);
    if (!key || !this.#all.has(connection)) return;
    let set = this.#byAccount.get(key);
    if (!set) {
      set = new Set();
      this.#byAccount.set(key, set);
    }
    set.add(connection);
  }

  #unindex(connection: LiveConnection): void {
    const key = accountKey(connection);
    if (!key) return;
    const set = this.#byAccount.get(key);
    set?.delete(connection);
    if (set?.size === 0) this.#byAccount.delete(key);
  }
}

function accountKey(connection: LiveConnection): string | null {
  if (connection.staff) return `staff:${connection.staff.userId}`;
  if (connection.reporter) return `reporter:${connection.reporter.accountId}`;
  return null;
}
