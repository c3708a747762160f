-- AlterTable
ALTER TABLE "case" ADD COLUMN     "transferred_to_number" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "case_transferred_to_number_key" ON "case"("transferred_to_number");


-- Cases transferred before this column: the receiving case names its origin.
UPDATE "case" AS origin SET "transferred_to_number" = received."registration_number"
  FROM "case" AS received WHERE received."transferred_from_id" = origin."id";
