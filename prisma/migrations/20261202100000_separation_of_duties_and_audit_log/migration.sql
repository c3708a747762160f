-- Separation of duties (issue 12): sensitive role changes and colleagues' conflicts wait for a
-- second person; every insider action on roles, keys, identities and exclusions is appended to
-- audit_log, which nobody can change or delete; demo accounts and custodians are marked.

-- CreateEnum
CREATE TYPE "RoleChange" AS ENUM ('GRANT', 'REVOKE');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'CONFIRMED', 'DECLINED');

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('STAFF_CREATED', 'STAFF_ROLES_CHANGED', 'STAFF_DEACTIVATED', 'STAFF_REACTIVATED', 'ROLE_CHANGE_PROPOSED', 'ROLE_CHANGE_CONFIRMED', 'ROLE_CHANGE_DECLINED', 'CUSTODIAN_KEY_SET_UP', 'CUSTODIAN_KEY_REMOVED', 'IDENTITIES_RESEALED', 'IDENTITY_REVEAL_REQUESTED', 'IDENTITY_REVEALED', 'IDENTITY_REVEAL_DECLINED', 'CONFLICT_DECLARED', 'CONFLICT_PROPOSED', 'CONFLICT_CONFIRMED', 'CONFLICT_DECLINED', 'CASE_RESTRICTED');

-- AlterTable
ALTER TABLE "identity_custodian" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "staff_user" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "role_proposal" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "role" "StaffRole" NOT NULL,
    "change" "RoleChange" NOT NULL,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "proposed_by_id" UUID NOT NULL,
    "proposed_as" "StaffRole"[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "role_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conflict_proposal" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "staff_user_id" UUID NOT NULL,
    "reason" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "proposed_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMP(3),

    CONSTRAINT "conflict_proposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID,
    "province_id" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "actor_label" TEXT,
    "action" "AuditAction" NOT NULL,
    "subject_staff_id" UUID,
    "case_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "role_proposal_tenant_id_status_idx" ON "role_proposal"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "conflict_proposal_tenant_id_status_idx" ON "conflict_proposal"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "conflict_proposal_case_id_idx" ON "conflict_proposal"("case_id");

-- CreateIndex
CREATE INDEX "audit_log_tenant_id_id_idx" ON "audit_log"("tenant_id", "id" DESC);

-- CreateIndex
CREATE INDEX "audit_log_province_id_id_idx" ON "audit_log"("province_id", "id" DESC);

-- AddForeignKey
ALTER TABLE "role_proposal" ADD CONSTRAINT "role_proposal_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conflict_proposal" ADD CONSTRAINT "conflict_proposal_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- One pending proposal per person and role, and per case and colleague.
CREATE UNIQUE INDEX "role_proposal_pending_key" ON "role_proposal" ("staff_user_id", "role") WHERE "status" = 'PENDING';
CREATE UNIQUE INDEX "conflict_proposal_pending_key" ON "conflict_proposal" ("case_id", "staff_user_id") WHERE "status" = 'PENDING';

-- Row-level security, as for every tenant-owned table (see 20261124010000_row_level_security).
ALTER TABLE "role_proposal" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "role_proposal" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "conflict_proposal" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "conflict_proposal" USING (tenant_id = ANY (aduan_scope_tenants()));
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_scope ON "audit_log" USING (
  tenant_id = ANY (aduan_scope_tenants())
  OR (tenant_id IS NULL AND province_id IN (SELECT province_id FROM "tenant" WHERE id = ANY (aduan_scope_tenants())))
);

-- Append-only: nobody, the owner included, updates, deletes or truncates an entry.
CREATE FUNCTION aduan_audit_log_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION aduan_audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION aduan_audit_log_is_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM aduan_app;

-- Demo accounts made before this migration: the reserved .test domain is never a real mailbox.
UPDATE "staff_user" SET "demo" = true WHERE "email_key" LIKE '%.test';
UPDATE "identity_custodian" SET "demo" = true
  WHERE "name" = 'Kustodian Identitas (demo)' OR "staff_user_id" IN (SELECT "id" FROM "staff_user" WHERE "demo");
