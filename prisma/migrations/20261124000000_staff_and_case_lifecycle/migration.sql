-- CreateEnum
CREATE TYPE "CasePriority" AS ENUM ('LOW', 'NORMAL', 'HIGH', 'URGENT');

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('VERIFIER', 'REVIEWER', 'AGENCY_HEAD', 'IDENTITY_CUSTODIAN', 'TENANT_ADMIN', 'PROVINCIAL_SECRETARIAT', 'PLATFORM_OPERATOR');

-- CreateEnum
CREATE TYPE "ExclusionKind" AS ENUM ('NAMED_IN_REPORT', 'DECLARED_CONFLICT');

-- CreateEnum
CREATE TYPE "NoteKind" AS ENUM ('NOTE', 'FOLLOW_UP', 'COORDINATION');

-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- CreateEnum
CREATE TYPE "EscalationSource" AS ENUM ('SLA_SWEEP', 'REPORTER');

-- CreateEnum
CREATE TYPE "SlaNoticeKind" AS ENUM ('REMINDER', 'OVERDUE', 'SILENCE_NOTICE', 'SILENCE_CLOSED');

-- CreateEnum
CREATE TYPE "RevealRequestStatus" AS ENUM ('PENDING', 'REVEALED', 'DECLINED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseEventKind" ADD VALUE 'NOTE_ADDED';
ALTER TYPE "CaseEventKind" ADD VALUE 'PRIORITY_CHANGED';
ALTER TYPE "CaseEventKind" ADD VALUE 'ANSWER_DRAFTED';
ALTER TYPE "CaseEventKind" ADD VALUE 'ANSWER_RETURNED';
ALTER TYPE "CaseEventKind" ADD VALUE 'REMINDER_SENT';
ALTER TYPE "CaseEventKind" ADD VALUE 'ESCALATED';
ALTER TYPE "CaseEventKind" ADD VALUE 'CONFLICT_RECORDED';
ALTER TYPE "CaseEventKind" ADD VALUE 'ACCESS_RESTRICTED';
ALTER TYPE "CaseEventKind" ADD VALUE 'IDENTITY_REVEAL_REQUESTED';
ALTER TYPE "CaseEventKind" ADD VALUE 'IDENTITY_REVEALED';
ALTER TYPE "CaseEventKind" ADD VALUE 'SILENCE_NOTICE';
ALTER TYPE "CaseEventKind" ADD VALUE 'RECORDED_OFFLINE';
ALTER TYPE "CaseEventKind" ADD VALUE 'TRANSFERRED_IN';

-- AlterTable
ALTER TABLE "case" ADD COLUMN     "closed_at" TIMESTAMP(3),
ADD COLUMN     "escalated_at" TIMESTAMP(3),
ADD COLUMN     "escalation_source" "EscalationSource",
ADD COLUMN     "external_reference" TEXT,
ADD COLUMN     "next_reminder_at" TIMESTAMP(3),
ADD COLUMN     "priority" "CasePriority" NOT NULL DEFAULT 'NORMAL',
ADD COLUMN     "recorded_by_id" UUID,
ADD COLUMN     "restricted" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "resume_status" "CaseStatus",
ADD COLUMN     "silence_close_at" TIMESTAMP(3),
ADD COLUMN     "silence_notice_at" TIMESTAMP(3),
ADD COLUMN     "stage_deadline" TIMESTAMP(3),
ADD COLUMN     "stage_key" TEXT,
ADD COLUMN     "stage_pauses" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "stage_provisional" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "stage_started_at" TIMESTAMP(3),
ADD COLUMN     "transferred_from_id" UUID,
ADD COLUMN     "waiting_since" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "case_event" ADD COLUMN     "reason" TEXT;

-- AlterTable
ALTER TABLE "identity_custodian" ADD COLUMN     "staff_user_id" UUID;

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "province_id" UUID,
    "email" TEXT NOT NULL,
    "email_key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "password_hash" TEXT NOT NULL,
    "roles" "StaffRole"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_login_at" TIMESTAMP(3),

    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_session" (
    "id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "staff_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_exclusion" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "kind" "ExclusionKind" NOT NULL,
    "reason" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_exclusion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_handler" (
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_handler_pkey" PRIMARY KEY ("case_id","staff_user_id")
);

-- CreateTable
CREATE TABLE "case_note" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "kind" "NoteKind" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_answer" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "status" "AnswerStatus" NOT NULL,
    "drafted_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "decision_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "case_answer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_notice" (
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "stage_key" TEXT NOT NULL,
    "kind" "SlaNoticeKind" NOT NULL,
    "step" INTEGER NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_notice_pkey" PRIMARY KEY ("case_id","stage_key","kind","step")
);

-- CreateTable
CREATE TABLE "staff_notification" (
    "id" UUID NOT NULL,
    "tenant_id" UUID,
    "province_id" UUID,
    "roles" "StaffRole"[],
    "case_id" UUID NOT NULL,
    "kind" "SlaNoticeKind" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_reveal_request" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "requested_by_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "RevealRequestStatus" NOT NULL DEFAULT 'PENDING',
    "custodian_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "identity_reveal_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key_key" ON "staff_user"("email_key");

-- CreateIndex
CREATE INDEX "staff_user_tenant_id_idx" ON "staff_user"("tenant_id");

-- CreateIndex
CREATE INDEX "staff_user_province_id_idx" ON "staff_user"("province_id");

-- CreateIndex
CREATE UNIQUE INDEX "staff_session_token_hash_key" ON "staff_session"("token_hash");

-- CreateIndex
CREATE INDEX "staff_session_staff_user_id_idx" ON "staff_session"("staff_user_id");

-- CreateIndex
CREATE INDEX "case_exclusion_tenant_id_staff_user_id_idx" ON "case_exclusion"("tenant_id", "staff_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_exclusion_case_id_staff_user_id_key" ON "case_exclusion"("case_id", "staff_user_id");

-- CreateIndex
CREATE INDEX "case_handler_tenant_id_staff_user_id_idx" ON "case_handler"("tenant_id", "staff_user_id");

-- CreateIndex
CREATE INDEX "case_note_tenant_id_case_id_created_at_idx" ON "case_note"("tenant_id", "case_id", "created_at");

-- CreateIndex
CREATE INDEX "case_answer_tenant_id_case_id_created_at_idx" ON "case_answer"("tenant_id", "case_id", "created_at");

-- CreateIndex
CREATE INDEX "sla_notice_tenant_id_created_at_idx" ON "sla_notice"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "staff_notification_tenant_id_created_at_idx" ON "staff_notification"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "staff_notification_province_id_created_at_idx" ON "staff_notification"("province_id", "created_at");

-- CreateIndex
CREATE INDEX "identity_reveal_request_tenant_id_case_id_idx" ON "identity_reveal_request"("tenant_id", "case_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_transferred_from_id_key" ON "case"("transferred_from_id");

-- CreateIndex
CREATE INDEX "case_tenant_id_received_at_idx" ON "case"("tenant_id", "received_at");

-- CreateIndex
CREATE INDEX "case_tenant_id_case_type_id_received_at_idx" ON "case"("tenant_id", "case_type_id", "received_at");

-- CreateIndex
CREATE INDEX "case_tenant_id_category_id_received_at_idx" ON "case"("tenant_id", "category_id", "received_at");

-- CreateIndex
CREATE INDEX "case_tenant_id_channel_id_received_at_idx" ON "case"("tenant_id", "channel_id", "received_at");

-- CreateIndex
CREATE INDEX "case_tenant_id_stage_deadline_idx" ON "case"("tenant_id", "stage_deadline");

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_transferred_from_id_fkey" FOREIGN KEY ("transferred_from_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_user" ADD CONSTRAINT "staff_user_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_session" ADD CONSTRAINT "staff_session_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusion" ADD CONSTRAINT "case_exclusion_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_handler" ADD CONSTRAINT "case_handler_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_note" ADD CONSTRAINT "case_note_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_answer" ADD CONSTRAINT "case_answer_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_notice" ADD CONSTRAINT "sla_notice_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "identity_reveal_request" ADD CONSTRAINT "identity_reveal_request_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

