-- Who has read which console notification. A notification goes to roles of an agency, or to
-- a province's secretariat, not to people: each staff member marks it read for themselves,
-- and the console counts what they have not read yet (sla/staff-notification-reads.service.ts).

-- CreateTable
CREATE TABLE "staff_notification_read" (
    "staff_user_id" UUID NOT NULL,
    "notification_id" UUID NOT NULL,
    "tenant_id" UUID,
    "province_id" UUID,
    "read_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "staff_notification_read_pkey" PRIMARY KEY ("staff_user_id","notification_id")
);

-- CreateIndex
CREATE INDEX "staff_notification_read_tenant_id_staff_user_id_idx" ON "staff_notification_read"("tenant_id", "staff_user_id");

-- CreateIndex
CREATE INDEX "staff_notification_read_notification_id_idx" ON "staff_notification_read"("notification_id");

-- AddForeignKey
ALTER TABLE "staff_notification_read" ADD CONSTRAINT "staff_notification_read_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "staff_notification_read" ADD CONSTRAINT "staff_notification_read_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "staff_notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security as for the staff themselves (row_level_security migration): a staff
-- member's marks are in their agency's scope; a secretariat's, in the scope of their province's
-- agencies. Which marks are the viewer's own is the API's check (staff_user_id).
GRANT SELECT, INSERT, UPDATE, DELETE ON "staff_notification_read" TO aduan_app;
ALTER TABLE "staff_notification_read" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "staff_notification_read" USING (
  tenant_id = ANY (aduan_scope_tenants())
  OR (tenant_id IS NULL AND province_id IN (SELECT province_id FROM "tenant" WHERE id = ANY (aduan_scope_tenants())))
);
