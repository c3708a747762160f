-- CreateEnum
CREATE TYPE "FigureOutcome" AS ENUM ('OPEN', 'ANSWERED', 'REJECTED', 'TRANSFERRED', 'CLOSED_UNANSWERED');

-- CreateTable
CREATE TABLE "case_figure" (
    "case_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_type_id" UUID NOT NULL,
    "category_id" UUID,
    "channel_id" UUID,
    "confidential" BOOLEAN NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "received_date" DATE NOT NULL,
    "received_month" DATE NOT NULL,
    "status" "CaseStatus" NOT NULL,
    "outcome" "FigureOutcome" NOT NULL,
    "first_response_at" TIMESTAMP(3),
    "first_response_working_days" INTEGER,
    "first_response_days" DOUBLE PRECISION,
    "resolved_at" TIMESTAMP(3),
    "resolve_working_days" INTEGER,
    "resolve_days" DOUBLE PRECISION,
    "standard_working_days" INTEGER,
    "within_standard" BOOLEAN,
    "escalated" BOOLEAN NOT NULL,
    "transferred_in" BOOLEAN NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_figure_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "case_stage_figure" (
    "case_id" UUID NOT NULL,
    "stage_key" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_type_id" UUID NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3),
    "ended_at" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL,

    CONSTRAINT "case_stage_figure_pkey" PRIMARY KEY ("case_id","stage_key")
);

-- CreateIndex
CREATE INDEX "case_figure_tenant_id_received_date_idx" ON "case_figure"("tenant_id", "received_date");

-- CreateIndex
CREATE INDEX "case_stage_figure_tenant_id_received_at_idx" ON "case_stage_figure"("tenant_id", "received_at");

-- AddForeignKey
ALTER TABLE "case_figure" ADD CONSTRAINT "case_figure_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_stage_figure" ADD CONSTRAINT "case_stage_figure_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant-owned table (see 20261124010000_row_level_security).
ALTER TABLE "case_figure" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_figure" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "case_stage_figure" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_stage_figure" USING (tenant_id = ANY (aduan_scope_tenants()));
GRANT SELECT, INSERT, UPDATE, DELETE ON "case_figure", "case_stage_figure" TO aduan_app;

-- The figures pass starts at the beginning of the event log: every existing case gets its figures.
INSERT INTO "notification_position" (name, up_to, oldest) VALUES ('figures', 0, '0') ON CONFLICT (name) DO NOTHING;
