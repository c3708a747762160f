-- Row-level security as a real second wall (issue 12, item 8; docs/trust/row-level-security.md).
--
-- The API no longer connects as the tables' owner. It logs in as its own role, a member of
-- aduan_app that owns nothing and cannot become the owner (`pnpm ops migrate` creates it
-- from API_DATABASE_URL). Row-level security applies to that role at all times, so a
-- `RESET ROLE` inside a scoped transaction falls back to a role that is just as walled in.
-- Every query the API runs therefore happens in a scope: one agency's, a viewer's, or the
-- platform's (sessions, sign-in, the SLA sweep, the live feed), see api/src/auth/data-scope.ts.

-- Sign-in, sessions and the tenants' wrapped data keys are API work too, now done as aduan_app.
GRANT SELECT, INSERT, UPDATE, DELETE ON "staff_session", "reporter_session", "tenant_key" TO aduan_app;

-- Platform reference data is written by the owner only (`pnpm ops calendar`, `pnpm ops sync`).
REVOKE INSERT, UPDATE, DELETE ON "province", "national_calendar_day", "calendar_year" FROM aduan_app;
