-- Live updates (ADR 0010): each event records its transaction and the oldest transaction then running,
-- so a reader resuming after an event also finds rows that commit later with lower ids.
-- AlterTable
ALTER TABLE "case_event" ADD COLUMN     "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id(),
ADD COLUMN     "tx_xmin" xid8 NOT NULL DEFAULT pg_snapshot_xmin(pg_current_snapshot());

-- CreateIndex
CREATE INDEX "case_event_tx_id_idx" ON "case_event"("tx_id");

