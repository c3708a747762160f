-- The console's notifications tell of case events too (a new case, the reporter's reply, an
-- answer to approve), to one staff member each, once per event: the notification rules decide
-- who, as they do for email (notify/notification-rules.ts).

-- CreateEnum
CREATE TYPE "StaffNotificationKind" AS ENUM ('REMINDER', 'OVERDUE', 'SILENCE_NOTICE', 'SILENCE_CLOSED', 'NEW_CASE', 'REPORTER_REPLIED', 'ANSWER_TO_APPROVE', 'INSTRUCTION', 'INSTRUCTION_OVERDUE');

-- AlterTable: the existing notifications keep their kind.
ALTER TABLE "staff_notification" ALTER COLUMN "kind" TYPE "StaffNotificationKind" USING ("kind"::text::"StaffNotificationKind");
ALTER TABLE "staff_notification" ADD COLUMN "event_id" BIGINT, ADD COLUMN "staff_user_id" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "staff_notification_event_id_staff_user_id_key" ON "staff_notification"("event_id", "staff_user_id");

-- AddForeignKey
ALTER TABLE "staff_notification" ADD CONSTRAINT "staff_notification_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
