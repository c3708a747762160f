-- The SLA sweep's timers and the escalation move from "case" to a narrow table of their own,
-- one row per case (ADR 0011). A sweep write (a reminder moved on, an escalation, a silence
-- notice sent) changed columns that "case"'s partial indexes name, so each was a new version
-- of the wide case row with an entry in every one of its 18 indexes; on case_sla it is a small
-- row with an entry in its primary key and at most one or two small partial indexes.
-- Measured in ops/bench/results/sla-sweep.md.

-- CreateTable
CREATE TABLE "case_sla" (
    "case_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "overdue_at" TIMESTAMP(3),
    "next_reminder_at" TIMESTAMP(3),
    "silence_notice_at" TIMESTAMP(3),
    "silence_close_at" TIMESTAMP(3),
    "escalated_at" TIMESTAMP(3),
    "escalation_source" "EscalationSource",

    CONSTRAINT "case_sla_pkey" PRIMARY KEY ("case_id")
);

-- Backfill: every case gets its row. overdue_at is the running stage's deadline while the
-- clock runs: what the old sweep's predicate on "case" selected (not waiting for the
-- reporter, an open status other than NEEDS_INFO).
INSERT INTO "case_sla" ("case_id", "tenant_id", "overdue_at", "next_reminder_at", "silence_notice_at", "silence_close_at", "escalated_at", "escalation_source")
SELECT "id", "tenant_id",
       CASE WHEN "waiting_since" IS NULL AND "status" IN ('SUBMITTED', 'IN_VERIFICATION', 'ACCEPTED', 'IN_FOLLOW_UP') THEN "stage_deadline" END,
       "next_reminder_at", "silence_notice_at", "silence_close_at", "escalated_at", "escalation_source"
FROM "case";

-- The sweep's partial indexes on "case" (row_level_security migration) and the inbox's
-- escalated index (inbox_indexes) name the columns that move; they go with them.
DROP INDEX IF EXISTS "case_next_reminder_at_idx";
DROP INDEX IF EXISTS "case_stage_deadline_idx";
DROP INDEX IF EXISTS "case_silence_notice_at_idx";
DROP INDEX IF EXISTS "case_silence_close_at_idx";
DROP INDEX IF EXISTS "case_inbox_escalated_idx";

-- AlterTable
ALTER TABLE "case" DROP COLUMN "escalated_at",
DROP COLUMN "escalation_source",
DROP COLUMN "next_reminder_at",
DROP COLUMN "silence_close_at",
DROP COLUMN "silence_notice_at";

-- AddForeignKey
ALTER TABLE "case_sla" ADD CONSTRAINT "case_sla_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The sweep's queues: only rows with work pending are indexed, so an idle sweep is four empty
-- probes and a batch is a range scan that LIMIT stops. Each WHERE in sla-sweep.sql.ts repeats
-- its index's predicate. A closure waits for the silence notice, so that index leaves out the
-- cases still to be warned.
CREATE INDEX "case_sla_overdue_at_idx" ON "case_sla" ("overdue_at") WHERE "escalated_at" IS NULL AND "overdue_at" IS NOT NULL;
CREATE INDEX "case_sla_next_reminder_at_idx" ON "case_sla" ("next_reminder_at") WHERE "next_reminder_at" IS NOT NULL;
CREATE INDEX "case_sla_silence_notice_at_idx" ON "case_sla" ("silence_notice_at") WHERE "silence_notice_at" IS NOT NULL;
CREATE INDEX "case_sla_silence_close_at_idx" ON "case_sla" ("silence_close_at") WHERE "silence_close_at" IS NOT NULL AND "silence_notice_at" IS NULL;
-- A tenant's escalated cases (the inbox's escalated filter); also the index starting with
-- tenant_id that every tenant-owned table has, kept small by its predicate.
CREATE INDEX "case_sla_tenant_id_escalated_idx" ON "case_sla" ("tenant_id", "case_id") WHERE "escalated_at" IS NOT NULL;

-- Row-level security, as for the other tenant-owned tables (row_level_security migration).
GRANT SELECT, INSERT, UPDATE, DELETE ON "case_sla" TO aduan_app;
ALTER TABLE "case_sla" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_sla" USING (tenant_id = ANY (aduan_scope_tenants()));
