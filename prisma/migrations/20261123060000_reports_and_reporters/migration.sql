-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('SUBMITTED', 'IN_VERIFICATION', 'NEEDS_INFO', 'ACCEPTED', 'IN_FOLLOW_UP', 'ANSWERED', 'CLOSED', 'REJECTED', 'TRANSFERRED');

-- CreateEnum
CREATE TYPE "IdentityProtection" AS ENUM ('NONE', 'TENANT_KEY', 'SEALED');

-- CreateEnum
CREATE TYPE "CaseEventKind" AS ENUM ('SUBMITTED', 'MESSAGE', 'EVIDENCE_ADDED', 'STATUS_CHANGED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('REPORTER', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "EventVisibility" AS ENUM ('REPORTER', 'INTERNAL');

-- CreateEnum
CREATE TYPE "EvidenceStatus" AS ENUM ('PENDING', 'STORED', 'ATTACHED');

-- CreateTable
CREATE TABLE "reporter_account" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "pseudonym_key" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMP(3),

    CONSTRAINT "reporter_account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reporter_session" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "account_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "reporter_session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registration_counter" (
    "tenant_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last_sequence" INTEGER NOT NULL,

    CONSTRAINT "registration_counter_pkey" PRIMARY KEY ("tenant_id","year")
);

-- CreateTable
CREATE TABLE "case" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "registration_number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER,
    "case_type_id" UUID NOT NULL,
    "category_id" UUID,
    "channel_id" UUID,
    "status" "CaseStatus" NOT NULL DEFAULT 'SUBMITTED',
    "identity_mode" "IdentityMode" NOT NULL,
    "identity_protection" "IdentityProtection" NOT NULL,
    "identity" JSONB,
    "reporter_account_id" UUID,
    "tracking_code_hash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "locale" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlines" JSONB NOT NULL,
    "client_submission_key" TEXT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_event" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" "CaseEventKind" NOT NULL,
    "actor_kind" "ActorKind" NOT NULL,
    "actor_id" TEXT,
    "visibility" "EventVisibility" NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "data" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_message" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author_kind" "ActorKind" NOT NULL,
    "author_id" TEXT,
    "visibility" "EventVisibility" NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID,
    "message_id" UUID,
    "case_type_id" UUID NOT NULL,
    "status" "EvidenceStatus" NOT NULL,
    "upload_token_hash" TEXT,
    "upload_expires_at" TIMESTAMP(3) NOT NULL,
    "max_bytes" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT,
    "size" INTEGER,
    "sha256" TEXT,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stored_at" TIMESTAMP(3),

    CONSTRAINT "evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_key" (
    "tenant_id" UUID NOT NULL,
    "wrapped_key" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_key_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "identity_custodian" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "encrypted_private_key" JSONB NOT NULL,
    "recovery_encrypted_private_key" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMP(3),

    CONSTRAINT "identity_custodian_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "reporter_account_tenant_id_pseudonym_key_key" ON "reporter_account"("tenant_id", "pseudonym_key");

-- CreateIndex
CREATE UNIQUE INDEX "reporter_session_token_hash_key" ON "reporter_session"("token_hash");

-- CreateIndex
CREATE INDEX "reporter_session_tenant_id_account_id_idx" ON "reporter_session"("tenant_id", "account_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_registration_number_key" ON "case"("registration_number");

-- CreateIndex
CREATE INDEX "case_tenant_id_status_submitted_at_idx" ON "case"("tenant_id", "status", "submitted_at");

-- CreateIndex
CREATE INDEX "case_tenant_id_reporter_account_id_idx" ON "case"("tenant_id", "reporter_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_tenant_id_year_sequence_key" ON "case"("tenant_id", "year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "case_tenant_id_client_submission_key_key" ON "case"("tenant_id", "client_submission_key");

-- CreateIndex
CREATE INDEX "case_event_tenant_id_case_id_id_idx" ON "case_event"("tenant_id", "case_id", "id");

-- CreateIndex
CREATE INDEX "case_message_tenant_id_case_id_created_at_idx" ON "case_message"("tenant_id", "case_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "evidence_upload_token_hash_key" ON "evidence"("upload_token_hash");

-- CreateIndex
CREATE INDEX "evidence_tenant_id_case_id_idx" ON "evidence"("tenant_id", "case_id");

-- CreateIndex
CREATE INDEX "evidence_status_upload_expires_at_idx" ON "evidence"("status", "upload_expires_at");

-- CreateIndex
CREATE INDEX "identity_custodian_tenant_id_active_idx" ON "identity_custodian"("tenant_id", "active");

-- AddForeignKey
ALTER TABLE "reporter_account" ADD CONSTRAINT "reporter_account_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporter_session" ADD CONSTRAINT "reporter_session_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "reporter_account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_case_type_id_fkey" FOREIGN KEY ("case_type_id") REFERENCES "case_type"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_reporter_account_id_fkey" FOREIGN KEY ("reporter_account_id") REFERENCES "reporter_account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_message" ADD CONSTRAINT "case_message_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence" ADD CONSTRAINT "evidence_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "case_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

