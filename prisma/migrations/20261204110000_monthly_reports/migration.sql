-- CreateEnum
CREATE TYPE "MonthlyReportScope" AS ENUM ('AGENCY', 'PROVINCE');

-- CreateEnum
CREATE TYPE "MonthlyReportStatus" AS ENUM ('GENERATING', 'READY');

-- AlterEnum


ALTER TYPE "AuditAction" ADD VALUE 'MONTHLY_REPORT_REQUESTED';
ALTER TYPE "AuditAction" ADD VALUE 'MONTHLY_REPORT_DOWNLOADED';

-- CreateTable
CREATE TABLE "monthly_report" (
    "id" UUID NOT NULL,
    "scope" "MonthlyReportScope" NOT NULL,
    "scope_key" TEXT NOT NULL,
    "tenant_id" UUID,
    "province_id" UUID,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "MonthlyReportStatus" NOT NULL DEFAULT 'GENERATING',
    "requested_by_id" UUID,
    "lease_until" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "case_count" INTEGER,
    "pdf_key" TEXT,
    "pdf_size" INTEGER,
    "pdf_sha256" TEXT,
    "xlsx_key" TEXT,
    "xlsx_size" INTEGER,
    "xlsx_sha256" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generated_at" TIMESTAMP(3),

    CONSTRAINT "monthly_report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "monthly_report_status_lease_until_idx" ON "monthly_report"("status", "lease_until");

-- CreateIndex
CREATE UNIQUE INDEX "monthly_report_scope_key_year_month_version_key" ON "monthly_report"("scope_key", "year", "month", "version");

ALTER TABLE "monthly_report" ADD CONSTRAINT "monthly_report_scope_check" CHECK (
  (scope = 'AGENCY' AND tenant_id IS NOT NULL AND province_id IS NULL) OR (scope = 'PROVINCE' AND province_id IS NOT NULL AND tenant_id IS NULL));

-- Row-level security: an agency's reports in its scope; a province's only in a scope that
-- holds every agency of the province (the secretariat's), never in one agency's.
ALTER TABLE "monthly_report" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "monthly_report" USING (
  tenant_id = ANY (aduan_scope_tenants())
  OR (tenant_id IS NULL AND NOT EXISTS (
    SELECT 1 FROM tenant t WHERE t.province_id = monthly_report.province_id AND NOT (t.id = ANY (aduan_scope_tenants())))));
GRANT SELECT, INSERT, UPDATE, DELETE ON "monthly_report" TO aduan_app;
