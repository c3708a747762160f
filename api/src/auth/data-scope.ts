/**
 * The second wall: every query of the API runs in a transaction that switches to the
 * `aduan_app` role (subject to row-level security) and names the tenants it may reach. A
 * query that forgot its CASL filter still sees only those tenants' rows; outside such a
 * transaction the tables' policies give the API nothing.
 *
 * The API logs in as a role that owns nothing (API_DATABASE_URL; docs/trust/row-level-security.md),
 * so a `RESET ROLE` slipped into a scoped transaction falls back to a role that is walled in
 * just the same. Three kinds of scope:
 * - a viewer's (`withDataScope(prisma, viewer.scope, ...)`): the agencies a staff member may reach;
 * - one agency's (`withTenantScope`): a portal's own work, a reporter's, a submission;
 * - the platform's (`withPlatformScope`): work that is the platform's by nature and not any
 *   viewer's: finding a session or an account by its secret, the SLA sweep, the live feed.
 * See prisma/migrations/20261124010000_row_level_security and docs/decisions/0008 and 0019.
 */
import type { SqlRunner } from '../db.ts';
import type { Prisma, PrismaClient } from '../generated/prisma/client.ts';

export interface DataScope {
  /** The tenants whose rows the transaction may read and write. */
  tenantIds: readonly string[];
}

export type ScopedTransaction = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The scope as a PostgreSQL uuid array literal; refuses anything that is not a uuid. */
export function scopeLiteral(scope: DataScope): string {
  for (const id of scope.tenantIds) {
    if (!UUID.test(id)) throw new TypeError(`data scope: not a tenant id: ${JSON.stringify(id)}`);
  }
  return `{${scope.tenantIds.join(',')}}`;
}

/** Enters the scope inside an open transaction (also to widen it, e.g. for a transfer). */
export async function enterScope(tx: ScopedTransaction, scope: DataScope): Promise<void> {
  await tx.$queryRaw`SELECT set_config('role', 'aduan_app', true), set_config('app.tenant_ids', ${scopeLiteral(scope)}, true)`;
}

/** The platform's scope: every agency there is when the statement runs. */
const ENTER_PLATFORM_SCOPE =
  "SELECT set_config('role', 'aduan_app', true), set_config('app.tenant_ids', (SELECT coalesce(array_agg(id), '{}')::text FROM tenant), true)";

/** Enters the platform's scope inside an open transaction. */
export async function enterPlatformScope(tx: ScopedTransaction): Promise<void> {
  await tx.$queryRawUnsafe(ENTER_PLATFORM_SCOPE);
}

type ScopeOptions = { timeout?: number };

/** One transaction that first enters a scope. */
function inScope<T>(
  prisma: PrismaClient,
  enter: (tx: ScopedTransaction) => Promise<void>,
  work: (tx: ScopedTransaction) => Promise<T>,
  options: ScopeOptions,
): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await enter(tx);
      return work(tx);
    },
    { timeout: options.timeout ?? 15_000, maxWait: 15_000 },
  );
}

/** Runs `work` in one transaction limited to the scope's tenants by row-level security. */
export function withDataScope<T>(prisma: PrismaClient, scope: DataScope, work: (tx: ScopedTransaction) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
  return inScope(prisma, (tx) => enterScope(tx, scope), work, options);
}

/** Runs `work` in one transaction limited to one agency's rows. */
export function withTenantScope<T>(
  prisma: PrismaClient,
  tenantId: string,
  work: (tx: ScopedTransaction) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  return withDataScope(prisma, { tenantIds: [tenantId] }, work, options);
}

/**
 * Runs `work` in one transaction that reaches every agency's rows: only for work that is
 * the platform's and not a viewer's (a session or account found by its secret, the SLA
 * sweep, the live feed). A viewer's request narrows to the viewer's scope.
 */
export function withPlatformScope<T>(prisma: PrismaClient, work: (tx: ScopedTransaction) => Promise<T>, options: ScopeOptions = {}): Promise<T> {
  return inScope(prisma, enterPlatformScope, work, options);
}

/** The same scopes for plain SQL (`db.sql`): one transaction on one connection. */
export function withSqlScope<T>(
  sql: SqlRunner,
  scope: DataScope | 'platform',
  work: (runner: Omit<SqlRunner, 'withConnection' | 'transaction'>) => Promise<T>,
): Promise<T> {
  return sql.transaction(async (runner) => {
    if (scope === 'platform') await runner.query(ENTER_PLATFORM_SCOPE);
    else await runner.query("SELECT set_config('role', 'aduan_app', true), set_config('app.tenant_ids', $1, true)", [scopeLiteral(scope)]);
    return work(runner);
  });
}

/** One plain SQL statement in a scope (its own transaction). */
export function queryInScope<Row = Record<string, unknown>>(
  sql: SqlRunner,
  scope: DataScope | 'platform',
  text: string,
  params: unknown[] = [],
): Promise<Row[]> {
  return withSqlScope(sql, scope, (runner) => runner.query<Row>(text, params));
}
