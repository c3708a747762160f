-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TenantKind" AS ENUM ('INSPECTORATE', 'FINANCE_AGENCY', 'REGIONAL_SECRETARIAT', 'SERVICE_AGENCY', 'OTHER');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('WEB_PORTAL', 'SP4N_LAPOR', 'SMS', 'WHATSAPP', 'EMAIL', 'PHONE', 'CALL_CENTER', 'FAX', 'OFFICE_VISIT', 'COMPLAINT_BOX', 'LETTER', 'MOBILE_APP', 'SOCIAL_MEDIA');

-- CreateEnum
CREATE TYPE "CaseTypeKind" AS ENUM ('COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST', 'WHISTLEBLOWING', 'GRATIFICATION', 'ILLEGAL_LEVY', 'NO_FINDINGS_CERTIFICATE');

-- CreateEnum
CREATE TYPE "ReportCriteria" AS ENUM ('THREE_W', 'FIVE_W_ONE_H', 'NONE');

-- CreateEnum
CREATE TYPE "IdentityMode" AS ENUM ('IDENTIFIED', 'PSEUDONYMOUS', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "ReporterDetail" AS ENUM ('NAME', 'ID_NUMBER', 'PHONE', 'EMAIL', 'ADDRESS');

-- CreateEnum
CREATE TYPE "ContactKind" AS ENUM ('ADDRESS', 'PHONE', 'FAX', 'EMAIL', 'WEBSITE', 'WHATSAPP', 'SMS', 'CALL_CENTER');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('NATIONAL_HOLIDAY', 'COLLECTIVE_LEAVE');

-- CreateEnum
CREATE TYPE "ConfigSource" AS ENUM ('FILES', 'ADMIN');

-- CreateTable
CREATE TABLE "province" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" JSONB NOT NULL,
    "secretariat" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "province_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "province_id" UUID NOT NULL,
    "name" JSONB NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" "TenantKind" NOT NULL,
    "time_zone" TEXT NOT NULL,
    "registration_prefix" TEXT NOT NULL,
    "parent" JSONB,
    "description" JSONB,
    "address" JSONB,
    "website" TEXT,
    "theme" JSONB NOT NULL,
    "sources" TEXT[],
    "config_version" INTEGER NOT NULL DEFAULT 0,
    "config_hash" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_hostname" (
    "hostname" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,

    CONSTRAINT "tenant_hostname_pkey" PRIMARY KEY ("hostname")
);

-- CreateTable
CREATE TABLE "contact" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "label" JSONB,
    "value" TEXT NOT NULL,

    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_standard" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "name" JSONB NOT NULL,
    "legal_basis" TEXT,
    "requirements" JSONB NOT NULL,
    "procedure" JSONB NOT NULL,
    "completion_working_days" INTEGER,
    "completion_text" JSONB,
    "fee" JSONB,
    "products" JSONB NOT NULL,
    "complaint_handling" JSONB NOT NULL,
    "case_type_keys" TEXT[],

    CONSTRAINT "service_standard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "kind" "ChannelKind" NOT NULL,
    "name" JSONB NOT NULL,
    "contact" TEXT,
    "url" TEXT,
    "note" JSONB,
    "staff_intake" BOOLEAN NOT NULL,
    "case_type_keys" TEXT[],

    CONSTRAINT "channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_policy" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "name" JSONB NOT NULL,
    "escalation_target" JSONB,
    "silence_closure_working_days" INTEGER,
    "monthly_report_day" INTEGER,

    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sla_stage" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "sla_policy_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "name" JSONB NOT NULL,
    "working_days" INTEGER NOT NULL,
    "remind_days_before" INTEGER[],
    "source" JSONB,

    CONSTRAINT "sla_stage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_type" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "kind" "CaseTypeKind" NOT NULL,
    "name" JSONB NOT NULL,
    "description" JSONB,
    "criteria" "ReportCriteria" NOT NULL,
    "form_key" TEXT NOT NULL,
    "form_fields" JSONB NOT NULL,
    "online_intake" BOOLEAN NOT NULL,
    "identity_modes" "IdentityMode"[],
    "confidential" BOOLEAN NOT NULL,
    "identified_requires" "ReporterDetail"[],
    "pseudonymous_requires" "ReporterDetail"[],
    "identity_note" JSONB,
    "required_documents" JSONB NOT NULL,
    "evidence_required" BOOLEAN NOT NULL,
    "evidence_max_files" INTEGER NOT NULL,
    "evidence_max_file_bytes" INTEGER NOT NULL,
    "handling_unit" JSONB NOT NULL,
    "sla_policy_id" UUID,

    CONSTRAINT "case_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "category" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "name" JSONB NOT NULL,
    "description" JSONB,

    CONSTRAINT "category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "faq" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "question" JSONB NOT NULL,
    "answer" JSONB NOT NULL,

    CONSTRAINT "faq_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "tenant_day_off" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "name" JSONB NOT NULL,

    CONSTRAINT "tenant_day_off_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_year" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "calendar_year_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "national_calendar_day" (
    "date" DATE NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "national_calendar_day_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "config_version" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "source" "ConfigSource" NOT NULL,
    "actor" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "snapshot" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "config_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "province_slug_key" ON "province"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_slug_key" ON "tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_registration_prefix_key" ON "tenant"("registration_prefix");

-- CreateIndex
CREATE INDEX "tenant_province_id_idx" ON "tenant"("province_id");

-- CreateIndex
CREATE INDEX "tenant_hostname_tenant_id_idx" ON "tenant_hostname"("tenant_id");

-- CreateIndex
CREATE INDEX "contact_tenant_id_position_idx" ON "contact"("tenant_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "service_standard_tenant_id_key_key" ON "service_standard"("tenant_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "channel_tenant_id_key_key" ON "channel"("tenant_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "sla_policy_tenant_id_key_key" ON "sla_policy"("tenant_id", "key");

-- CreateIndex
CREATE INDEX "sla_stage_tenant_id_idx" ON "sla_stage"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "sla_stage_sla_policy_id_key_key" ON "sla_stage"("sla_policy_id", "key");

-- CreateIndex
CREATE INDEX "case_type_sla_policy_id_idx" ON "case_type"("sla_policy_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_type_tenant_id_key_key" ON "case_type"("tenant_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "category_tenant_id_key_key" ON "category"("tenant_id", "key");

-- CreateIndex
CREATE INDEX "faq_tenant_id_position_idx" ON "faq"("tenant_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "tenant_day_off_tenant_id_date_key" ON "tenant_day_off"("tenant_id", "date");

-- CreateIndex
CREATE INDEX "national_calendar_day_year_idx" ON "national_calendar_day"("year");

-- CreateIndex
CREATE UNIQUE INDEX "config_version_tenant_id_version_key" ON "config_version"("tenant_id", "version");

-- AddForeignKey
ALTER TABLE "tenant" ADD CONSTRAINT "tenant_province_id_fkey" FOREIGN KEY ("province_id") REFERENCES "province"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_hostname" ADD CONSTRAINT "tenant_hostname_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact" ADD CONSTRAINT "contact_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_standard" ADD CONSTRAINT "service_standard_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel" ADD CONSTRAINT "channel_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_stage" ADD CONSTRAINT "sla_stage_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sla_stage" ADD CONSTRAINT "sla_stage_sla_policy_id_fkey" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policy"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_type" ADD CONSTRAINT "case_type_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_type" ADD CONSTRAINT "case_type_sla_policy_id_fkey" FOREIGN KEY ("sla_policy_id") REFERENCES "sla_policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "category" ADD CONSTRAINT "category_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "faq" ADD CONSTRAINT "faq_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tenant_day_off" ADD CONSTRAINT "tenant_day_off_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "national_calendar_day" ADD CONSTRAINT "national_calendar_day_year_fkey" FOREIGN KEY ("year") REFERENCES "calendar_year"("year") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "config_version" ADD CONSTRAINT "config_version_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

