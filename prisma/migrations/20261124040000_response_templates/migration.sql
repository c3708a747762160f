-- CreateEnum
CREATE TYPE "TemplateUse" AS ENUM ('REQUEST_INFO', 'REJECT', 'TRANSFER', 'MESSAGE', 'ANSWER');

-- CreateTable
CREATE TABLE "response_template" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "name" JSONB NOT NULL,
    "body" JSONB NOT NULL,
    "uses" "TemplateUse"[],

    CONSTRAINT "response_template_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "response_template_tenant_id_key_key" ON "response_template"("tenant_id", "key");

-- AddForeignKey
ALTER TABLE "response_template" ADD CONSTRAINT "response_template_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Staff-only wording: no public read, unlike the rest of the configuration.
GRANT SELECT, INSERT, UPDATE, DELETE ON "response_template" TO aduan_app;
ALTER TABLE "response_template" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "response_template" USING (tenant_id = ANY (aduan_scope_tenants()));
