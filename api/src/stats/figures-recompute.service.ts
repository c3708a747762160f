/**
 * Every case's figures computed again from scratch (`pnpm ops recompute-figures`): after a
 * change the figures pass cannot see in the event log, such as an SLA policy's stages, a case
 * type made confidential, or a national calendar loaded late. The pass follows events; this
 * walks the cases, by id, a batch per transaction.
 *
 * Each batch holds the pass's position row (FOR UPDATE): a pass waiting on it skips its turn
 * (SKIP LOCKED) rather than write what it read before this batch, and the batch waits for a
 * pass already running. The position itself never moves. A run that dies has committed whole
 * batches only; running it again does all of it again, which writes the same rows.
 */
import { withSqlScope } from '../auth/data-scope.ts';
import { loadCalendars, refreshCaseFigures, type FiguresDeps } from './figures-pass.service.ts';

export const RECOMPUTE_BATCH = 1000;

export interface RecomputeProgress {
  done: number;
  total: number;
}

export interface RecomputeOptions {
  /** One agency's cases only; every agency's when absent. */
  tenantId?: string;
  batch?: number;
  onProgress?: (progress: RecomputeProgress) => void;
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Computes the figures of every case (of one agency) again; returns how many and the agencies. */
export async function recomputeFigures(deps: FiguresDeps, options: RecomputeOptions = {}): Promise<{ cases: number; tenantIds: Set<string> }> {
  const calendars = await loadCalendars(deps);
  const tenantId = options.tenantId ?? null;
  const batch = options.batch ?? RECOMPUTE_BATCH;
  const [counted] = await withSqlScope(deps.db.sql, 'platform', (runner) =>
    runner.query<{ count: number }>('SELECT count(*)::int AS count FROM "case" WHERE $1::uuid IS NULL OR tenant_id = $1::uuid', [tenantId]),
  );
  const total = counted?.count ?? 0;
  const tenantIds = new Set<string>();
  let after = FIRST_ID;
  let done = 0;
  for (;;) {
    const ids = await withSqlScope(deps.db.sql, 'platform', async (runner) => {
      await runner.query("SELECT 1 FROM notification_position WHERE name = 'figures' FOR UPDATE");
      const rows = await runner.query<{ id: string }>(
        'SELECT id FROM "case" WHERE id > $1::uuid AND ($2::uuid IS NULL OR tenant_id = $2::uuid) ORDER BY id LIMIT $3',
        [after, tenantId, batch],
      );
      const batchIds = rows.map((row) => row.id);
      for (const id of await refreshCaseFigures(runner, batchIds, calendars)) tenantIds.add(id);
      return batchIds;
    });
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    done += ids.length;
    options.onProgress?.({ done, total: Math.max(total, done) });
  }
  return { cases: done, tenantIds };
}
