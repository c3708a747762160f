-- AlterEnum
ALTER TYPE "EvidenceStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "evidence" ADD COLUMN     "encrypted_for" TEXT;

