/**
 * A background reader of the case event log that resumes where it stopped: the mail dispatch
 * (notify/email-dispatch.service.ts) and the figures pass (stats/figures-pass.service.ts).
 * Its position is a row of `notification_position`, by the live feed's rule (live/case-feed.ts:
 * ids are not in commit order): every id up to `up_to` was read, except rows of transactions
 * from `oldest` on, which may still commit with lower ids and are read again next time.
 *
 * Call it inside a transaction: the position row is locked (an instance that finds it locked
 * skips its turn, so one reader of a name runs at a time across instances), and `advance`
 * moves it in the same transaction as what the reader wrote. A reader must therefore handle an
 * event it has seen before (the window of still-running transactions is read again).
 */
import type { SqlRunner } from '../db.ts';

type Runner = Omit<SqlRunner, 'withConnection' | 'transaction'>;

export interface EventLogBatch<Row> {
  events: Row[];
  /**
   * Whether the batch was full of events past the position, so more may wait. Not
   * `events.length`: the window read again is not new, and while an old transaction stays open it
   * is read again every time (a reader looping until a short batch would never stop).
   */
  full: boolean;
  /** Moves the position past what was read (same transaction). */
  advance(): Promise<void>;
}

/**
 * The next events for the reader `name`: `columns` over `case_event e JOIN "case" c`, the first
 * must be `e.id::text AS id`. A reader seen for the first time starts at the present (a new mail
 * dispatch does not mail the past); one whose row a migration inserted starts where it says.
 * Null when another instance holds the position.
 */
export async function readEventLog<Row extends { id: string }>(
  runner: Runner,
  name: string,
  columns: string,
  batch: number,
): Promise<EventLogBatch<Row> | null> {
  await runner.query(
    `INSERT INTO notification_position (name, up_to, oldest)
     SELECT $1, coalesce(max(id), 0), pg_snapshot_xmin(pg_current_snapshot())::text FROM case_event
     ON CONFLICT (name) DO NOTHING`,
    [name],
  );
  const [position] = await runner.query<{ up_to: string; oldest: string }>(
    'SELECT up_to::text AS up_to, oldest FROM notification_position WHERE name = $1 FOR UPDATE SKIP LOCKED',
    [name],
  );
  if (!position) return null;
  // New events in id order, and the window of transactions that were running at the last read;
  // with the oldest transaction running now, from the same statement so that both describe one
  // snapshot (a later snapshot could miss a transaction that commits in between).
  const rows = await runner.query<Row & { id: string | null; snapshot_xmin: string }>(
    `WITH snapshot AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS snapshot_xmin)
     SELECT snapshot.snapshot_xmin, events.*
     FROM snapshot
     LEFT JOIN LATERAL (
       (SELECT ${columns} FROM case_event e JOIN "case" c ON c.id = e.case_id
         WHERE e.id > $1::bigint ORDER BY e.id LIMIT ${batch})
       UNION ALL
       (SELECT ${columns} FROM case_event e JOIN "case" c ON c.id = e.case_id
         WHERE e.id <= $1::bigint AND e.tx_id >= $2::text::xid8)
     ) events ON true`,
    [position.up_to, position.oldest],
  );
  const events = rows.filter((row): row is typeof row & { id: string } => row.id !== null);
  const fresh = events.filter((event) => BigInt(event.id) > BigInt(position.up_to)).length;
  return {
    events,
    full: fresh >= batch,
    async advance() {
      const upTo = events.reduce((max, event) => (BigInt(event.id) > max ? BigInt(event.id) : max), BigInt(position.up_to));
      await runner.query('UPDATE notification_position SET up_to = $2::bigint, oldest = $3 WHERE name = $1', [name, upTo.toString(), rows[0]!.snapshot_xmin]);
    },
  };
}
