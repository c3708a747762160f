-- Row-level security reads the scope once per statement, not once per row (issue 15's
-- benchmark, ops/bench/results/figures.md). `tenant_id = ANY (aduan_scope_tenants())` inlines
-- the function, and a Filter evaluates it for every row it checks: current_setting() and the
-- text-to-uuid[] cast of the whole scope, ~14 µs a row for a province's 20 agencies (a sequential
-- scan of 10,000 case_sla rows: 87-117 ms, of which ~1 ms is the scan). An index condition
-- evaluated it once, so the inbox never paid it; the dashboards' aggregates over a province's
-- open cases and figures do. As a scalar subquery it is an InitPlan, evaluated once per
-- statement and still usable as an index condition; what the policy allows is unchanged.
-- The policies that also look at the province (staff_user, staff_notification(_read),
-- audit_log, monthly_report) keep their form: their tables are small or read by index.

ALTER POLICY tenant_scope ON "case" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_answer" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_event" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_exclusion" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_figure" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_handler" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_message" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_note" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_rating" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_sla" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "case_stage_figure" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "config_version" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "conflict_proposal" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "email_outbox" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "evidence" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "identity_custodian" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "identity_reveal_request" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "registration_counter" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "reporter_account" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "response_template" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "role_proposal" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_scope ON "sla_notice" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "case_type" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "category" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "channel" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "contact" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "faq" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "service_standard" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "sla_policy" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "sla_stage" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "tenant_day_off" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER POLICY tenant_write ON "tenant" USING (id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
