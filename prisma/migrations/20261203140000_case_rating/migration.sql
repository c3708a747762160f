-- The reporter rates the answer (issue 14, ADR 0029): one rating per case, changeable until the
-- case closes, each change a RATED case event; read by the dashboards per agency, case type and handler.

-- AlterEnum
ALTER TYPE "CaseEventKind" ADD VALUE 'RATED';

-- CreateTable
CREATE TABLE "case_rating" (
    "case_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_type_id" UUID NOT NULL,
    "handler_id" UUID,
    "satisfied" BOOLEAN NOT NULL,
    "comment" TEXT,
    "rated_at" TIMESTAMP(3) NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "changes" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "case_rating_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE INDEX "case_rating_tenant_id_rated_at_idx" ON "case_rating"("tenant_id", "rated_at");

-- CreateIndex
CREATE INDEX "case_rating_tenant_id_case_type_id_idx" ON "case_rating"("tenant_id", "case_type_id");

-- CreateIndex
CREATE INDEX "case_rating_tenant_id_handler_id_idx" ON "case_rating"("tenant_id", "handler_id");

-- AddForeignKey
ALTER TABLE "case_rating" ADD CONSTRAINT "case_rating_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Row-level security, as for every tenant-owned table (see 20261124010000_row_level_security).
ALTER TABLE "case_rating" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "case_rating" USING (tenant_id = ANY (aduan_scope_tenants()));
GRANT SELECT, INSERT, UPDATE, DELETE ON "case_rating" TO aduan_app;
