-- A form's submission key is kept only as a hash (tracking-code.ts hashSubmissionKey), and
-- the tracking code sealed under it, so a re-sent form recovers its receipt (ADR 0017).
-- Keys already stored are hashed in place: their forms still file once; having no sealed
-- code, a re-send of one of them is answered CONFLICT with the number, as before.

-- DropIndex
DROP INDEX "case_tenant_id_client_submission_key_key";

-- AlterTable
ALTER TABLE "case" RENAME COLUMN "client_submission_key" TO "client_submission_key_hash";
ALTER TABLE "case" ADD COLUMN "tracking_code_sealed" TEXT;

UPDATE "case" SET "client_submission_key_hash" = encode(sha256('aduan/submission-key'::bytea || '\x00'::bytea || convert_to("client_submission_key_hash", 'UTF8')), 'hex')
WHERE "client_submission_key_hash" IS NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "case_tenant_id_client_submission_key_hash_key" ON "case"("tenant_id", "client_submission_key_hash");
