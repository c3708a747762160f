-- The counting of what is open (ADR 0036, 0037) in one trigger function per case change, with no
-- nested function calls: measured in alternating rounds (ops/bench/results/figures-handlers.md),
-- the two triggers on "case" cost a transition 11 % of its time at the median. Each called two
-- or three further SECURITY DEFINER functions (the local date, the escalation, the count), each
-- a separate query run under its own search_path. Now one function reads the escalation and the
-- time zone once, writes the agency's -1/+1 in one statement and, only for a case with handlers,
-- the handlers' in another. What is counted is unchanged; the tests of both tallies hold it.

DROP TRIGGER case_handlers_open_update ON "case";
DROP TRIGGER case_handlers_open_delete ON "case";
DROP TRIGGER case_open_update ON "case";
DROP TRIGGER case_open_delete ON "case";
DROP TRIGGER case_open_insert ON "case";

CREATE FUNCTION aduan_case_counting_change() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND aduan_case_is_open(OLD.status);
  is_open boolean := TG_OP <> 'DELETE' AND aduan_case_is_open(NEW.status);
  escalated boolean;
BEGIN
  IF NOT (was_open OR is_open) THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NULL;
  END IF;
  SELECT s.escalated_at IS NOT NULL INTO escalated FROM "case_sla" s WHERE s.case_id = coalesce(NEW.id, OLD.id);
  escalated := coalesce(escalated, false);
  -- The agency's counts: a -1 for the old facts, a +1 for the new (an update that changed none
  -- of them, only `restricted`, writes nothing here).
  IF TG_OP <> 'UPDATE' OR OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_key IS DISTINCT FROM NEW.stage_key
     OR OLD.stage_deadline IS DISTINCT FROM NEW.stage_deadline OR OLD.waiting_since IS DISTINCT FROM NEW.waiting_since
     OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id THEN
    INSERT INTO "open_case_change" (tenant_id, status, stage_key, received_date, deadline, escalated, cases)
    SELECT c.tenant_id, c.status, coalesce(c.stage_key, ''), ((c.received_at AT TIME ZONE 'UTC') AT TIME ZONE t.time_zone)::date,
           CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, escalated, c.sign
    FROM (SELECT OLD.tenant_id, OLD.status, OLD.stage_key, OLD.received_at, OLD.waiting_since, OLD.stage_deadline, -1 WHERE was_open
          UNION ALL
          SELECT NEW.tenant_id, NEW.status, NEW.stage_key, NEW.received_at, NEW.waiting_since, NEW.stage_deadline, 1 WHERE is_open)
         AS c (tenant_id, status, stage_key, received_at, waiting_since, stage_deadline, sign)
    JOIN "tenant" t ON t.id = c.tenant_id;
  END IF;
  -- The handlers' counts (a new case has none yet; most cases have none).
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "open_handler_change" (tenant_id, staff_user_id, restricted, deadline, cases)
    SELECT c.tenant_id, h.staff_user_id, c.restricted, CASE WHEN c.waiting_since IS NULL THEN c.stage_deadline END, c.sign
    FROM "case_handler" h
    CROSS JOIN (SELECT OLD.tenant_id, OLD.restricted, OLD.waiting_since, OLD.stage_deadline, -1 WHERE was_open
                UNION ALL
                SELECT NEW.tenant_id, NEW.restricted, NEW.waiting_since, NEW.stage_deadline, 1 WHERE is_open)
         AS c (tenant_id, restricted, waiting_since, stage_deadline, sign)
    WHERE h.case_id = OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_counting_insert AFTER INSERT ON "case" FOR EACH ROW EXECUTE FUNCTION aduan_case_counting_change();
CREATE TRIGGER case_counting_update AFTER UPDATE ON "case" FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.stage_key IS DISTINCT FROM NEW.stage_key
        OR OLD.stage_deadline IS DISTINCT FROM NEW.stage_deadline OR OLD.waiting_since IS DISTINCT FROM NEW.waiting_since
        OR OLD.received_at IS DISTINCT FROM NEW.received_at OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id
        OR OLD.restricted IS DISTINCT FROM NEW.restricted)
  EXECUTE FUNCTION aduan_case_counting_change();
-- BEFORE the row goes: its case_sla and case_handler rows then go by the cascade, and their
-- triggers find no case and write nothing.
CREATE TRIGGER case_counting_delete BEFORE DELETE ON "case" FOR EACH ROW EXECUTE FUNCTION aduan_case_counting_change();

DROP FUNCTION aduan_case_open_change();
DROP FUNCTION aduan_case_handlers_open_change();
