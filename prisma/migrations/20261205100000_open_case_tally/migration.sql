-- What is open now, kept as counts (issue 15, docs/statistics.md "What is open now", ADR 0036).
-- The dashboards used to count every open case of their audience on each request (a province's
-- 275,000 open cases: seconds, ops/bench/results/figures.md). Now each change of an open case's
-- counted facts writes a +1/-1 pair to `open_case_change`, in the transaction that changes the
-- case (so the counts are never behind the cases and never count a rolled-back change), and a
-- fold (`aduan_fold_open_case_changes()`, run by the figures runner) moves the changes into three
-- tallies. A reader sums a tally and the changes not yet folded in one statement; the fold moves
-- them in one transaction, so a reader sees each change exactly once.
--
-- Appending, not updating a counter: concurrent transitions of one agency never wait on a shared
-- row. Only these functions write these tables (SECURITY DEFINER, owned by the migrating
-- role); the API's role reads them under row-level security and cannot write them, so a hostile
-- insider holding the API's database role cannot make a case disappear from the counts.

-- The open statuses of the state machine (cases/case-lifecycle.ts OPEN_STATUSES; a test holds them together).
CREATE FUNCTION aduan_case_is_open(status "CaseStatus") RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT status IN ('SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP') $$;

-- A case's date of receipt in its agency's time zone.
CREATE FUNCTION aduan_local_date(at timestamp, tenant uuid) RETURNS date
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT ((at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date FROM "tenant" t WHERE t.id = tenant $$;

CREATE TABLE "open_case_change" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    -- '' when no stage runs.
    "stage_key" TEXT NOT NULL,
    "received_date" DATE NOT NULL,
    -- The running stage's deadline while its clock runs (sla/deadline-state.ts); else null.
    "deadline" TIMESTAMP(3),
    "escalated" BOOLEAN NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "open_case_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "open_case_change_tenant_id_idx" ON "open_case_change" ("tenant_id");

-- Open cases by status, stage, date of receipt and escalation.
CREATE TABLE "open_case_tally" (
    "tenant_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "stage_key" TEXT NOT NULL,
    "received_date" DATE NOT NULL,
    "escalated" BOOLEAN NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "open_case_tally_pkey" PRIMARY KEY ("tenant_id", "status", "stage_key", "received_date", "escalated")
);

-- Open cases by status, stage, escalation and whether their stage clock runs: what the
-- dashboards show of every open case, in a few rows per agency.
CREATE TABLE "open_case_sum" (
    "tenant_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "stage_key" TEXT NOT NULL,
    "escalated" BOOLEAN NOT NULL,
    "running" BOOLEAN NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "open_case_sum_pkey" PRIMARY KEY ("tenant_id", "status", "stage_key", "escalated", "running")
);

-- Open cases whose stage clock runs, by stage, date of receipt, deadline and escalation: the
-- ones not due yet are read by deadline (overdue = running - not due), a range's by date.
CREATE TABLE "running_stage_tally" (
    "tenant_id" UUID NOT NULL,
    "stage_key" TEXT NOT NULL,
    "received_date" DATE NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "escalated" BOOLEAN NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "running_stage_tally_pkey" PRIMARY KEY ("tenant_id", "stage_key", "received_date", "deadline", "escalated")
);
CREATE INDEX "running_stage_tally_tenant_id_deadline_idx" ON "running_stage_tally" ("tenant_id", "deadline");
CREATE INDEX "running_stage_tally_tenant_id_received_date_idx" ON "running_stage_tally" ("tenant_id", "received_date");
CREATE INDEX "open_case_tally_tenant_id_received_date_idx" ON "open_case_tally" ("tenant_id", "received_date");

-- One open case's counted facts, +1 or -1 (nothing for a case that is not open).
CREATE FUNCTION aduan_count_open_case(c "case", escalated boolean, sign integer) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF aduan_case_is_open(c.status) THEN
    INSERT INTO "open_case_change" (tenant_id, status, stage_key, received_date, deadline, escalated, cases)
    VALUES (c.tenant_id, c.status, coalesce(c.stage_key, ''), aduan_local_date(c.received_at, c.tenant_id),
            CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, coalesce(escalated, false), sign);
  END IF;
END
$$;

CREATE FUNCTION aduan_case_escalated(id uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$ SELECT coalesce((SELECT s.escalated_at IS NOT NULL FROM "case_sla" s WHERE s.case_id = id), false) $$;

-- A case filed, changed or deleted. A deletion counts BEFORE the row goes: its case_sla row is
-- deleted by the cascade, and the case_sla trigger then finds no case and writes nothing.
CREATE FUNCTION aduan_case_open_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM aduan_count_open_case(OLD, aduan_case_escalated(OLD.id), -1); END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM aduan_count_open_case(NEW, aduan_case_escalated(NEW.id), 1); END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_open_insert AFTER INSERT ON "case" FOR EACH ROW EXECUTE FUNCTION aduan_case_open_change();
CREATE TRIGGER case_open_update AFTER UPDATE ON "case" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_key IS DISTINCT FROM NEW.stage_key
        OR OLD.stage_deadline IS DISTINCT FROM NEW.stage_deadline OR OLD.waiting_since IS DISTINCT FROM NEW.waiting_since
        OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION aduan_case_open_change();
CREATE TRIGGER case_open_delete BEFORE DELETE ON "case" FOR EACH ROW EXECUTE FUNCTION aduan_case_open_change();

-- An escalation recorded or withdrawn: the open case moves between escalated and not.
CREATE FUNCTION aduan_case_sla_open_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  c "case";
BEGIN
  SELECT * INTO c FROM "case" WHERE id = coalesce(NEW.case_id, OLD.case_id);
  IF NOT FOUND THEN RETURN NULL; END IF;
  PERFORM aduan_count_open_case(c, CASE WHEN TG_OP = 'INSERT' THEN false ELSE OLD.escalated_at IS NOT NULL END, -1);
  PERFORM aduan_count_open_case(c, CASE WHEN TG_OP = 'DELETE' THEN false ELSE NEW.escalated_at IS NOT NULL END, 1);
  RETURN NULL;
END
$$;
CREATE TRIGGER case_sla_open_insert AFTER INSERT ON "case_sla" FOR EACH ROW WHEN (NEW.escalated_at IS NOT NULL)
  EXECUTE FUNCTION aduan_case_sla_open_change();
CREATE TRIGGER case_sla_open_update AFTER UPDATE ON "case_sla" FOR EACH ROW
  WHEN ((OLD.escalated_at IS NULL) IS DISTINCT FROM (NEW.escalated_at IS NULL) OR OLD.case_id IS DISTINCT FROM NEW.case_id)
  EXECUTE FUNCTION aduan_case_sla_open_change();
CREATE TRIGGER case_sla_open_delete AFTER DELETE ON "case_sla" FOR EACH ROW WHEN (OLD.escalated_at IS NOT NULL)
  EXECUTE FUNCTION aduan_case_sla_open_change();

-- Moves the changes into the tallies; returns how many it moved. Two folds at once: the second
-- waits for the first's rows and finds them gone.
CREATE FUNCTION aduan_fold_open_case_changes() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  moved_count integer;
BEGIN
  WITH moved AS (DELETE FROM "open_case_change" RETURNING *),
  tally AS (
    INSERT INTO "open_case_tally" AS t (tenant_id, status, stage_key, received_date, escalated, cases)
    SELECT tenant_id, status, stage_key, received_date, escalated, sum(cases) FROM moved
    GROUP BY tenant_id, status, stage_key, received_date, escalated
    ON CONFLICT (tenant_id, status, stage_key, received_date, escalated) DO UPDATE SET cases = t.cases + excluded.cases
  ),
  summed AS (
    INSERT INTO "open_case_sum" AS t (tenant_id, status, stage_key, escalated, running, cases)
    SELECT tenant_id, status, stage_key, escalated, deadline IS NOT NULL, sum(cases) FROM moved
    GROUP BY tenant_id, status, stage_key, escalated, deadline IS NOT NULL
    ON CONFLICT (tenant_id, status, stage_key, escalated, running) DO UPDATE SET cases = t.cases + excluded.cases
  ),
  running AS (
    INSERT INTO "running_stage_tally" AS t (tenant_id, stage_key, received_date, deadline, escalated, cases)
    SELECT tenant_id, stage_key, received_date, deadline, escalated, sum(cases) FROM moved WHERE deadline IS NOT NULL
    GROUP BY tenant_id, stage_key, received_date, deadline, escalated
    ON CONFLICT (tenant_id, stage_key, received_date, deadline, escalated) DO UPDATE SET cases = t.cases + excluded.cases
  )
  SELECT count(*) INTO moved_count FROM moved;
  IF moved_count > 0 THEN
    DELETE FROM "open_case_tally" WHERE cases = 0;
    DELETE FROM "open_case_sum" WHERE cases = 0;
    DELETE FROM "running_stage_tally" WHERE cases = 0;
  END IF;
  RETURN moved_count;
END
$$;

-- The open-case tallies counted again from the cases: this migration calls it for the cases open
-- now, and `pnpm ops recompute-figures` after data was written with the triggers off (a restore
-- with session_replication_role = replica). Appending changes waits while it counts (the lock on
-- the change log), so a transition that commits after the count appends its change to the new
-- tallies and is counted once; a transition that committed before is in the count.
CREATE FUNCTION aduan_recount_open_cases() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  counted integer;
BEGIN
  LOCK TABLE "open_case_change" IN EXCLUSIVE MODE;
  DELETE FROM "open_case_change";
  DELETE FROM "open_case_tally";
  DELETE FROM "open_case_sum";
  DELETE FROM "running_stage_tally";
  INSERT INTO "open_case_change" (tenant_id, status, stage_key, received_date, deadline, escalated, cases)
    SELECT c.tenant_id, c.status, coalesce(c.stage_key, ''), ((c.received_at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date,
           CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, coalesce(s.escalated_at IS NOT NULL, false), count(*)::int
    FROM "case" c JOIN "tenant" t ON t.id = c.tenant_id LEFT JOIN "case_sla" s ON s.case_id = c.id
    WHERE aduan_case_is_open(c.status)
    GROUP BY 1, 2, 3, 4, 5, 6;
  PERFORM aduan_fold_open_case_changes();
  SELECT coalesce(sum(cases), 0)::int INTO counted FROM "open_case_tally";
  RETURN counted;
END
$$;
REVOKE EXECUTE ON FUNCTION aduan_recount_open_cases() FROM PUBLIC;

SELECT aduan_recount_open_cases();

-- Row-level security, as for every tenant-owned table; the API's role reads, only the functions write.
ALTER TABLE "open_case_change" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "open_case_change" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER TABLE "open_case_tally" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "open_case_tally" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER TABLE "running_stage_tally" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "running_stage_tally" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER TABLE "open_case_sum" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "open_case_sum" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
REVOKE ALL ON "open_case_change", "open_case_tally", "open_case_sum", "running_stage_tally" FROM aduan_app;
GRANT SELECT ON "open_case_change", "open_case_tally", "open_case_sum", "running_stage_tally" TO aduan_app;
REVOKE ALL ON SEQUENCE "open_case_change_id_seq" FROM aduan_app;
-- Nobody but the triggers counts a case, or reads another agency's escalation through these.
REVOKE EXECUTE ON FUNCTION aduan_count_open_case("case", boolean, integer), aduan_case_escalated(uuid), aduan_local_date(timestamp, uuid) FROM PUBLIC;

-- The dashboards' list of overdue cases, most overdue first: each agency's open cases whose clock
-- runs, by deadline.
CREATE INDEX "case_running_deadline_idx" ON "case" ("tenant_id", "stage_deadline", "received_at", "id")
  WHERE "waiting_since" IS NULL AND "stage_deadline" IS NOT NULL
    AND "status" IN ('SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP');

-- The range's stages running now (stats/figures.service.ts STAGES): the open cases received in a range.
CREATE INDEX "case_open_received_idx" ON "case" ("tenant_id", "received_at")
  WHERE "status" IN ('SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP');
