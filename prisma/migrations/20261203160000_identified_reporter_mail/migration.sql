-- An identified reporter without an account gets mail at the address they gave when filing
-- (kept with the agency's key); the link in each mail stops it for that report.
ALTER TABLE "case" ADD COLUMN "reporter_mail_stopped_at" TIMESTAMP(3);
