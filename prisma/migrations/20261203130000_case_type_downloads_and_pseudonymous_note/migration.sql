-- AlterTable
ALTER TABLE "case_type" ADD COLUMN     "downloads" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "pseudonymous_note" JSONB;

