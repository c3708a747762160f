-- What is open now per handler (the staff named on a case, case_handler), kept as counts like the
-- agency's open cases (migration 20261205100000_open_case_tally, ADR 0036; here ADR 0037). The
-- dashboards' workload per handler used to join every open case of the audience to its handlers
-- on each request (a province: ~190 ms for each of two counts, ops/bench/results/figures-tallies.md).
-- Each change of an open case's counted facts (open or not, clock running and deadline,
-- restricted, agency) and each handler named or removed appends a +1/-1 per handler to
-- `open_handler_change`, in the transaction that makes the change; the fold moves them into
-- `open_handler_sum` (open cases per agency, handler, restricted) and `running_handler_tally`
-- (… by the running stage's deadline: overdue is those past it). Restricted is kept because who
-- may count a restricted case is the viewer's CASL rules (stats/handler-figures.service.ts).
-- Written only by the SECURITY DEFINER functions below; the API's role reads under row-level
-- security.

CREATE TABLE "open_handler_change" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    -- The running stage's deadline while its clock runs (sla/deadline-state.ts); else null.
    "deadline" TIMESTAMP(3),
    "cases" INTEGER NOT NULL,
    CONSTRAINT "open_handler_change_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "open_handler_change_tenant_id_idx" ON "open_handler_change" ("tenant_id");

CREATE TABLE "open_handler_sum" (
    "tenant_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "open_handler_sum_pkey" PRIMARY KEY ("tenant_id", "staff_user_id", "restricted")
);

CREATE TABLE "running_handler_tally" (
    "tenant_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "restricted" BOOLEAN NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "cases" INTEGER NOT NULL,
    CONSTRAINT "running_handler_tally_pkey" PRIMARY KEY ("tenant_id", "staff_user_id", "restricted", "deadline")
);

-- The open case `c` counted for the handlers `staff`, +1 or -1; nothing for a case that is not open.
CREATE FUNCTION aduan_count_open_handlers(c "case", staff uuid[], sign integer) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
BEGIN
  IF aduan_case_is_open(c.status) THEN
    INSERT INTO "open_handler_change" (tenant_id, staff_user_id, restricted, deadline, cases)
    SELECT c.tenant_id, s.id, c.restricted, CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, sign
    FROM unnest(staff) AS s (id);
  END IF;
END
$$;

-- A case changed or deleted (a new case has no handler yet). A deletion counts BEFORE the row
-- goes: the cascade then deletes its handlers, whose trigger finds no case and writes nothing.
CREATE FUNCTION aduan_case_handlers_open_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  staff uuid[] := ARRAY(SELECT h.staff_user_id FROM "case_handler" h WHERE h.case_id = OLD.id);
BEGIN
  PERFORM aduan_count_open_handlers(OLD, staff, -1);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  PERFORM aduan_count_open_handlers(NEW, staff, 1);
  RETURN NULL;
END
$$;
CREATE TRIGGER case_handlers_open_update AFTER UPDATE ON "case" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_deadline IS DISTINCT FROM NEW.stage_deadline
        OR OLD.waiting_since IS DISTINCT FROM NEW.waiting_since OR OLD.restricted IS DISTINCT FROM NEW.restricted
        OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
  EXECUTE FUNCTION aduan_case_handlers_open_change();
CREATE TRIGGER case_handlers_open_delete BEFORE DELETE ON "case" FOR EACH ROW EXECUTE FUNCTION aduan_case_handlers_open_change();

-- A handler named on a case or removed from it.
CREATE FUNCTION aduan_handler_open_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  c "case";
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO c FROM "case" WHERE id = OLD.case_id;
    IF FOUND THEN PERFORM aduan_count_open_handlers(c, ARRAY[OLD.staff_user_id], -1); END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT * INTO c FROM "case" WHERE id = NEW.case_id;
    IF FOUND THEN PERFORM aduan_count_open_handlers(c, ARRAY[NEW.staff_user_id], 1); END IF;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_handler_open_change AFTER INSERT OR UPDATE OR DELETE ON "case_handler" FOR EACH ROW
  EXECUTE FUNCTION aduan_handler_open_change();

-- The fold, now of both change logs. A tally row that reaches 0 is deleted, looking only at the
-- keys the fold touched (not the whole tally).
CREATE OR REPLACE FUNCTION aduan_fold_open_case_changes() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  moved_count integer;
  handlers_moved integer;
  emptied jsonb;
BEGIN
  WITH moved AS (DELETE FROM "open_case_change" RETURNING *),
  tally AS (
    INSERT INTO "open_case_tally" AS t (tenant_id, status, stage_key, received_date, escalated, cases)
    SELECT tenant_id, status, stage_key, received_date, escalated, sum(cases) FROM moved
    GROUP BY tenant_id, status, stage_key, received_date, escalated
    ON CONFLICT (tenant_id, status, stage_key, received_date, escalated) DO UPDATE SET cases = t.cases + excluded.cases
    RETURNING t.*
  ),
  summed AS (
    INSERT INTO "open_case_sum" AS t (tenant_id, status, stage_key, escalated, running, cases)
    SELECT tenant_id, status, stage_key, escalated, deadline IS NOT NULL, sum(cases) FROM moved
    GROUP BY tenant_id, status, stage_key, escalated, deadline IS NOT NULL
    ON CONFLICT (tenant_id, status, stage_key, escalated, running) DO UPDATE SET cases = t.cases + excluded.cases
    RETURNING t.*
  ),
  running AS (
    INSERT INTO "running_stage_tally" AS t (tenant_id, stage_key, received_date, deadline, escalated, cases)
    SELECT tenant_id, stage_key, received_date, deadline, escalated, sum(cases) FROM moved WHERE deadline IS NOT NULL
    GROUP BY tenant_id, stage_key, received_date, deadline, escalated
    ON CONFLICT (tenant_id, stage_key, received_date, deadline, escalated) DO UPDATE SET cases = t.cases + excluded.cases
    RETURNING t.*
  )
  SELECT (SELECT count(*) FROM moved),
         jsonb_build_object(
           'tally', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM tally x WHERE x.cases = 0),
           'sum', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM summed x WHERE x.cases = 0),
           'running', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM running x WHERE x.cases = 0))
    INTO moved_count, emptied;
  DELETE FROM "open_case_tally" t USING jsonb_populate_recordset(NULL::"open_case_tally", emptied -> 'tally') z
    WHERE (t.tenant_id, t.status, t.stage_key, t.received_date, t.escalated) = (z.tenant_id, z.status, z.stage_key, z.received_date, z.escalated) AND t.cases = 0;
  DELETE FROM "open_case_sum" t USING jsonb_populate_recordset(NULL::"open_case_sum", emptied -> 'sum') z
    WHERE (t.tenant_id, t.status, t.stage_key, t.escalated, t.running) = (z.tenant_id, z.status, z.stage_key, z.escalated, z.running) AND t.cases = 0;
  DELETE FROM "running_stage_tally" t USING jsonb_populate_recordset(NULL::"running_stage_tally", emptied -> 'running') z
    WHERE (t.tenant_id, t.stage_key, t.received_date, t.deadline, t.escalated) = (z.tenant_id, z.stage_key, z.received_date, z.deadline, z.escalated) AND t.cases = 0;

  WITH moved AS (DELETE FROM "open_handler_change" RETURNING *),
  summed AS (
    INSERT INTO "open_handler_sum" AS t (tenant_id, staff_user_id, restricted, cases)
    SELECT tenant_id, staff_user_id, restricted, sum(cases) FROM moved
    GROUP BY tenant_id, staff_user_id, restricted
    ON CONFLICT (tenant_id, staff_user_id, restricted) DO UPDATE SET cases = t.cases + excluded.cases
    RETURNING t.*
  ),
  running AS (
    INSERT INTO "running_handler_tally" AS t (tenant_id, staff_user_id, restricted, deadline, cases)
    SELECT tenant_id, staff_user_id, restricted, deadline, sum(cases) FROM moved WHERE deadline IS NOT NULL
    GROUP BY tenant_id, staff_user_id, restricted, deadline
    ON CONFLICT (tenant_id, staff_user_id, restricted, deadline) DO UPDATE SET cases = t.cases + excluded.cases
    RETURNING t.*
  )
  SELECT (SELECT count(*) FROM moved),
         jsonb_build_object(
           'sum', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM summed x WHERE x.cases = 0),
           'running', (SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') FROM running x WHERE x.cases = 0))
    INTO handlers_moved, emptied;
  DELETE FROM "open_handler_sum" t USING jsonb_populate_recordset(NULL::"open_handler_sum", emptied -> 'sum') z
    WHERE (t.tenant_id, t.staff_user_id, t.restricted) = (z.tenant_id, z.staff_user_id, z.restricted) AND t.cases = 0;
  DELETE FROM "running_handler_tally" t USING jsonb_populate_recordset(NULL::"running_handler_tally", emptied -> 'running') z
    WHERE (t.tenant_id, t.staff_user_id, t.restricted, t.deadline) = (z.tenant_id, z.staff_user_id, z.restricted, z.deadline) AND t.cases = 0;
  RETURN moved_count + handlers_moved;
END
$$;

-- The recount, now of both: the handlers' tallies from the open cases' handlers.
CREATE OR REPLACE FUNCTION aduan_recount_open_cases() RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  counted integer;
BEGIN
  LOCK TABLE "open_case_change", "open_handler_change" IN EXCLUSIVE MODE;
  DELETE FROM "open_case_change";
  DELETE FROM "open_case_tally";
  DELETE FROM "open_case_sum";
  DELETE FROM "running_stage_tally";
  DELETE FROM "open_handler_change";
  DELETE FROM "open_handler_sum";
  DELETE FROM "running_handler_tally";
  INSERT INTO "open_case_change" (tenant_id, status, stage_key, received_date, deadline, escalated, cases)
    SELECT c.tenant_id, c.status, coalesce(c.stage_key, ''), ((c.received_at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date,
           CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, coalesce(s.escalated_at IS NOT NULL, false), count(*)::int
    FROM "case" c JOIN "tenant" t ON t.id = c.tenant_id LEFT JOIN "case_sla" s ON s.case_id = c.id
    WHERE aduan_case_is_open(c.status)
    GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO "open_handler_change" (tenant_id, staff_user_id, restricted, deadline, cases)
    SELECT c.tenant_id, h.staff_user_id, c.restricted, CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, count(*)::int
    FROM "case_handler" h JOIN "case" c ON c.id = h.case_id
    WHERE aduan_case_is_open(c.status)
    GROUP BY 1, 2, 3, 4;
  PERFORM aduan_fold_open_case_changes();
  SELECT coalesce(sum(cases), 0)::int INTO counted FROM "open_case_tally";
  RETURN counted;
END
$$;
REVOKE EXECUTE ON FUNCTION aduan_recount_open_cases() FROM PUBLIC;

-- The backfill: the handlers of the cases open now (the agency tallies are recounted too, unchanged).
SELECT aduan_recount_open_cases();

ALTER TABLE "open_handler_change" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "open_handler_change" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER TABLE "open_handler_sum" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "open_handler_sum" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
ALTER TABLE "running_handler_tally" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "running_handler_tally" USING (tenant_id = ANY ((SELECT aduan_scope_tenants())::uuid[]));
REVOKE ALL ON "open_handler_change", "open_handler_sum", "running_handler_tally" FROM aduan_app;
GRANT SELECT ON "open_handler_change", "open_handler_sum", "running_handler_tally" TO aduan_app;
REVOKE ALL ON SEQUENCE "open_handler_change_id_seq" FROM aduan_app;
REVOKE EXECUTE ON FUNCTION aduan_count_open_handlers("case", uuid[], integer) FROM PUBLIC;
