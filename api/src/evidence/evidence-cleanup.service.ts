/**
 * Upload links that were never attached to a report or message are deleted, row and stored
 * bytes, once their link expired and a grace period passed (EVIDENCE_UNATTACHED_GRACE_MINUTES:
 * a reporter who uploaded early may still be writing the report). Runs with the SLA sweep
 * (jobs/job-runner.ts), on any number of API instances at once:
 *
 * 1. a batch of rows is marked EXPIRED in one statement (`FOR UPDATE SKIP LOCKED`): from then
 *    on no report can attach them (attaching needs STORED), and another instance skips them;
 * 2. their stored objects are deleted (deleting a missing object succeeds);
 * 3. the rows are deleted.
 *
 * A process that dies between the steps leaves EXPIRED rows, which the next run (on any
 * instance) picks up again and finishes: nothing is lost track of, nothing is done twice
 * with harm. An upload still arriving when its row is taken deletes its own bytes
 * (evidence-upload.service.ts).
 */
import type { Database } from '../db.ts';
import { queryInScope } from '../auth/data-scope.ts';
import type { EvidenceStorage } from './evidence-storage.ts';

const BATCH = 100;

const CLAIM_EXPIRED = `
  UPDATE evidence SET status = 'EXPIRED', upload_token_hash = NULL
  WHERE id IN (
    SELECT id FROM evidence
    WHERE case_id IS NULL AND (status = 'EXPIRED' OR (status IN ('PENDING', 'STORED') AND upload_expires_at < $1::timestamp))
    ORDER BY upload_expires_at
    LIMIT ${BATCH}
    FOR UPDATE SKIP LOCKED
  )
  RETURNING id::text AS id, storage_key`;

export interface EvidenceCleanupResult {
  deleted: number;
}

export async function deleteExpiredUploads(
  deps: { db: Database; storage: EvidenceStorage },
  options: { now?: Date; graceMinutes: number },
): Promise<EvidenceCleanupResult> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.graceMinutes * 60_000);
  let deleted = 0;
  for (;;) {
    // Every agency's expired uploads: the platform's own housekeeping.
    const rows = await queryInScope<{ id: string; storage_key: string }>(deps.db.sql, 'platform', CLAIM_EXPIRED, [cutoff.toISOString()]);
    if (rows.length === 0) break;
    for (const row of rows) await deps.storage.delete(row.storage_key);
    await queryInScope(deps.db.sql, 'platform', `DELETE FROM evidence WHERE id = ANY($1::uuid[]) AND status = 'EXPIRED'`, [rows.map((row) => row.id)]);
    deleted += rows.length;
    if (rows.length < BATCH) break;
  }
  return { deleted };
}
