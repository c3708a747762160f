/**
 * The second wall: staff-facing work runs in a transaction that switches to the
 * `aduan_app` role (subject to row-level security) and names the tenants the viewer may
 * reach. A query that forgot its CASL filter still sees only those tenants' rows; outside
 * such a transaction the tables' policies give the app role nothing.
 * See prisma/migrations/20261124010000_row_level_security and docs/decisions/0007.
 */
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

/** Runs `work` in one transaction limited to the scope's tenants by row-level security. */
export function withDataScope<T>(
  prisma: PrismaClient,
  scope: DataScope,
  work: (tx: ScopedTransaction) => Promise<T>,
  options: { timeout?: number } = {},
): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await enterScope(tx, scope);
      return work(tx);
    },
    { timeout: options.timeout ?? 15_000, maxWait: 15_000 },
  );
}
