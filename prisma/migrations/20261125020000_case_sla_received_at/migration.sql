-- The inbox's escalated filter read the agency's cases newest first and looked each one up in
-- case_sla: about 2,900 rows for a first page when 3% of 100,000 cases are escalated
-- (ops/bench/results/inbox.md). With the case's received_at beside the escalation (it never
-- changes), the filter reads the tenant's escalated cases newest first from case_sla's own
-- index and stops after a page, as the partial index on "case" did before the escalation
-- moved (case_sla migration).

-- AlterTable (backfilled before NOT NULL)
ALTER TABLE "case_sla" ADD COLUMN "received_at" TIMESTAMP(3);
UPDATE "case_sla" s SET "received_at" = c."received_at" FROM "case" c WHERE c."id" = s."case_id";
ALTER TABLE "case_sla" ALTER COLUMN "received_at" SET NOT NULL;

-- A tenant's escalated cases in the inbox's order; still the index starting with tenant_id
-- that every tenant-owned table has, kept small by its predicate.
DROP INDEX IF EXISTS "case_sla_tenant_id_escalated_idx";
CREATE INDEX "case_sla_tenant_id_escalated_idx" ON "case_sla" ("tenant_id", "received_at" DESC, "case_id" DESC) WHERE "escalated_at" IS NOT NULL;
