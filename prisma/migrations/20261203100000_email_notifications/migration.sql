-- Email notifications (issue 14): an outbox written from committed case events, sent by the
-- job runner; a reporter account may hold an encrypted address to be told of news.

CREATE TYPE "EmailKind" AS ENUM (
  'REPORTER_QUESTION', 'REPORTER_ANSWERED', 'REPORTER_SILENCE_WARNING', 'REPORTER_TRANSFERRED', 'REPORTER_ESCALATED',
  'STAFF_REPORTER_REPLIED', 'STAFF_NEW_CASE', 'STAFF_DEADLINE_REMINDER', 'STAFF_ESCALATED', 'STAFF_ANSWER_TO_APPROVE'
);
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'CANCELLED');

ALTER TABLE "reporter_account" ADD COLUMN "notification_email" JSONB, ADD COLUMN "notification_locale" TEXT;
ALTER TABLE "staff_user" ADD COLUMN "email_opt_out" "EmailKind"[] NOT NULL DEFAULT ARRAY[]::"EmailKind"[];

CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "event_id" BIGINT NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "reporter_account_id" UUID,
    "staff_user_id" UUID,
    "recipient_key" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "email_outbox_event_id_recipient_key_key" ON "email_outbox"("event_id", "recipient_key");
CREATE INDEX "email_outbox_status_next_attempt_at_idx" ON "email_outbox"("status", "next_attempt_at");
CREATE INDEX "email_outbox_tenant_id_created_at_idx" ON "email_outbox"("tenant_id", "created_at");

-- Platform state without tenant data: the dispatch's position in the event log.
CREATE TABLE "notification_position" (
    "name" TEXT NOT NULL,
    "up_to" BIGINT NOT NULL,
    "oldest" TEXT NOT NULL,

    CONSTRAINT "notification_position_pkey" PRIMARY KEY ("name")
);

-- Row-level security, as for every tenant-owned table (see 20261124010000_row_level_security).
ALTER TABLE "email_outbox" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "email_outbox" USING (tenant_id = ANY (aduan_scope_tenants()));
GRANT SELECT, INSERT, UPDATE, DELETE ON "email_outbox", "notification_position" TO aduan_app;
