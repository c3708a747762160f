-- A case's events by case alone (issue 15's benchmark, ops/bench/results/figures-pass-report.md):
-- the figures pass (READ_CASES' events) and the monthly report (each listed case's steps) read
-- `case_event WHERE case_id = ANY (…)` for cases of several agencies, without the tenant that
-- leads the existing (tenant_id, case_id, id) index; with 20,000,000 events that was a parallel
-- sequential scan of the whole table (7 s for 100 cases).
-- CreateIndex
CREATE INDEX "case_event_case_id_id_idx" ON "case_event"("case_id", "id");
