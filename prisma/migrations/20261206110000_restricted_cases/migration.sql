-- The restricted cases of an agency (few), for the counts that must know whether a case is
-- restricted without reading each case (stats/counted-as-viewer.ts, ADR 0037): a count's rows
-- are left-joined to these instead of probing the case table once per row.
CREATE INDEX "case_restricted_idx" ON "case" ("tenant_id", "id") WHERE "restricted";
