-- The escalation's follow-up by the province's secretariat (issue 14, ADR 0028): acknowledged,
-- instructed with a deadline the SLA sweep watches, concluded with an outcome. Kept in case_sla
-- beside the escalation itself (ADR 0011), which already has row-level security.

CREATE TYPE "EscalationOutcome" AS ENUM ('RESOLVED_BY_AGENCY', 'INSTRUCTION_NOT_FOLLOWED', 'NOT_WARRANTED');

ALTER TYPE "CaseEventKind" ADD VALUE 'ESCALATION_ACKNOWLEDGED';
ALTER TYPE "CaseEventKind" ADD VALUE 'ESCALATION_INSTRUCTED';
ALTER TYPE "CaseEventKind" ADD VALUE 'ESCALATION_CONCLUDED';
ALTER TYPE "CaseEventKind" ADD VALUE 'INSTRUCTION_OVERDUE';

ALTER TYPE "SlaNoticeKind" ADD VALUE 'INSTRUCTION';
ALTER TYPE "SlaNoticeKind" ADD VALUE 'INSTRUCTION_OVERDUE';

ALTER TABLE "case_sla" ADD COLUMN "escalation_acknowledged_at" TIMESTAMP(3),
ADD COLUMN "escalation_concluded_at" TIMESTAMP(3),
ADD COLUMN "escalation_outcome" "EscalationOutcome",
ADD COLUMN "escalation_outcome_note" TEXT,
ADD COLUMN "instructed_at" TIMESTAMP(3),
ADD COLUMN "instruction" TEXT,
ADD COLUMN "instruction_deadline" TIMESTAMP(3),
ADD COLUMN "instruction_overdue_at" TIMESTAMP(3);

-- The sweep's queue of instructed deadlines (jobs/sla-sweep.sql.ts INSTRUCTIONS_OVERDUE).
CREATE INDEX "case_sla_instruction_overdue_at_idx" ON "case_sla" ("instruction_overdue_at") WHERE "instruction_overdue_at" IS NOT NULL;
