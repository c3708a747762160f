-- Indexes for the staff inbox: newest first (received_at desc, id desc) within one tenant,
-- whatever the filter, so the first page reads about a page of rows instead of sorting the
-- agency's cases. Measured in ops/bench/results/inbox.md (100,000 cases, 1,000,000 events).

-- The inbox's order exactly (id breaks ties between cases received in the same millisecond),
-- replacing the (tenant_id, received_at) index, which it also serves.
DROP INDEX IF EXISTS "case_tenant_id_received_at_idx";
CREATE INDEX "case_tenant_id_received_at_id_idx" ON "case" ("tenant_id", "received_at" DESC, "id" DESC);

-- Escalated and overdue cases are few and mostly old: without these the newest-first scan
-- walks most of the agency to fill a page. Partial, so Prisma cannot declare them.
CREATE INDEX "case_inbox_escalated_idx" ON "case" ("tenant_id", "received_at" DESC, "id" DESC) WHERE "escalated_at" IS NOT NULL;
CREATE INDEX "case_inbox_running_stage_idx" ON "case" ("tenant_id", "received_at" DESC, "id" DESC) WHERE "waiting_since" IS NULL AND "stage_deadline" IS NOT NULL;

-- Not here, on purpose: an index on (tenant_id, status, …) or a trigram index for the number
-- search. The inbox runs as aduan_app under row-level security, and PostgreSQL uses a
-- condition as an index condition ahead of the policy only when its operator is leakproof:
-- enum equality (status, priority) and LIKE are not, so such indexes go unused. Those
-- filters are evaluated on the rows of the newest-first scan (see the results file).
