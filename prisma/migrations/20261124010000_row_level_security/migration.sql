-- Row-level security: the second wall behind the API's CASL rules.
--
-- The API runs every staff-facing query as the role aduan_app (NOLOGIN, NOBYPASSRLS), which
-- it switches to inside each transaction (`set_config('role', 'aduan_app', true)`) together
-- with the tenants the viewer may reach (`app.tenant_ids`, a uuid array literal). Outside such
-- a transaction the connection's own role (the owner, which migrations, ops commands and the
-- SLA sweep use) is not subject to these policies: RLS is enabled, not forced.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'aduan_app') THEN
    BEGIN
      CREATE ROLE aduan_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another database of the same cluster created it at the same moment
    END;
  END IF;
  IF NOT pg_has_role(current_user, 'aduan_app', 'MEMBER') THEN
    EXECUTE format('GRANT aduan_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO aduan_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO aduan_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aduan_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO aduan_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO aduan_app;
-- Bookkeeping and secrets the app role never needs.
REVOKE ALL ON "_aduan_migration" FROM aduan_app;
REVOKE ALL ON "staff_session", "reporter_session", "tenant_key" FROM aduan_app;

-- The tenants of the current transaction's scope (empty when none was set: no rows).
CREATE FUNCTION aduan_scope_tenants() RETURNS uuid[]
  LANGUAGE sql STABLE
  AS $$ SELECT coalesce(nullif(current_setting('app.tenant_ids', true), ''), '{}')::uuid[] $$;

-- Tenant-owned records: only the scope's tenants, for reading and writing.
ALTER TABLE "case" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_event" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_event" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_message" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_message" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "evidence" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "evidence" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_note" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_note" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_answer" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_answer" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_exclusion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_exclusion" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_handler" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_handler" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "sla_notice" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "sla_notice" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "identity_reveal_request" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "identity_reveal_request" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "identity_custodian" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "identity_custodian" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "reporter_account" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "reporter_account" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "registration_counter" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "registration_counter" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "config_version" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "config_version" USING (tenant_id = ANY (aduan_scope_tenants()));

-- Staff of the scope's tenants, and the secretariat staff of their provinces.
ALTER TABLE "staff_user" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "staff_user" USING (
  tenant_id = ANY (aduan_scope_tenants())
  OR (tenant_id IS NULL AND province_id IN (SELECT province_id FROM "tenant" WHERE id = ANY (aduan_scope_tenants())))
);
ALTER TABLE "staff_notification" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "staff_notification" USING (
  tenant_id = ANY (aduan_scope_tenants())
  OR (tenant_id IS NULL AND province_id IN (SELECT province_id FROM "tenant" WHERE id = ANY (aduan_scope_tenants())))
);

-- Published configuration is public (every portal shows it): anyone may read it; only the
-- scope's tenants may change theirs.
ALTER TABLE "contact" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "contact" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "contact" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "service_standard" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "service_standard" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "service_standard" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "channel" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "channel" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "channel" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "sla_policy" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "sla_policy" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "sla_policy" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "sla_stage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "sla_stage" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "sla_stage" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_type" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "case_type" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "case_type" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "category" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "category" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "category" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "faq" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "faq" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "faq" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "tenant_day_off" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "tenant_day_off" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "tenant_day_off" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "tenant_hostname" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "tenant_hostname" FOR SELECT USING (true);
ALTER TABLE "tenant" ENABLE ROW LEVEL SECURITY;
CREATE POLICY public_read ON "tenant" FOR SELECT USING (true);
CREATE POLICY tenant_write ON "tenant" FOR UPDATE USING (id = ANY (aduan_scope_tenants()));

-- Partial indexes for the SLA sweep: only cases with work pending are indexed.
CREATE INDEX "case_next_reminder_at_idx" ON "case" ("next_reminder_at") WHERE "next_reminder_at" IS NOT NULL;
CREATE INDEX "case_stage_deadline_idx" ON "case" ("stage_deadline") WHERE "escalated_at" IS NULL AND "waiting_since" IS NULL AND "stage_deadline" IS NOT NULL;
CREATE INDEX "case_silence_notice_at_idx" ON "case" ("silence_notice_at") WHERE "silence_notice_at" IS NOT NULL;
CREATE INDEX "case_silence_close_at_idx" ON "case" ("silence_close_at") WHERE "silence_close_at" IS NOT NULL;
