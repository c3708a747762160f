-- The open-case tallies counted again from the cases (ADR 0036): after data was written with the
-- triggers off (a restore with session_replication_role = replica), `pnpm ops recompute-figures`
-- calls it. Appending changes waits while it counts (the lock on the change log), so a
-- transition that commits after the count appends its change to the new tallies and is counted
-- once; a transition that committed before is in the count.
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

-- The monthly report's "still open at the month's end" (stats/monthly-report-content.service.ts
-- OPEN_AT_END) reads the agency's figures not resolved by then from this index, not every figure
-- the agency ever received (245,000 in the benchmark's main agency: 2.2 s).
CREATE INDEX "case_figure_resolved_idx" ON "case_figure" ("tenant_id", (coalesce("resolved_at", 'infinity'::timestamp)));
