/**
 * Writing a new case on the staff side (an intake from an offline channel, a case received
 * by transfer): the same columns as a portal submission, with its first SLA stage started
 * at the moment the agency actually received it.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import type { IdentityMode, IdentityProtection } from '../generated/prisma/enums.ts';
import type { CaseTypeConfig, TenantConfig } from '../config/tenant-config.service.ts';
import type { ScopedTransaction } from '../auth/data-scope.ts';
import { runningTimers } from '../sla/case-sla.ts';
import { NO_STAGE, startStage } from '../sla/stage-clock.ts';
import { localDate, type WorkingCalendar } from '../sla/working-days.ts';
import { takeRegistrationNumber } from './registration-number.ts';
import { clockColumns } from './case-clock.ts';
import { stageDeadlines } from './report-submission.service.ts';
import { excludeNamedStaff, reportText } from './named-staff.ts';

export interface NewStaffCase {
  id: string;
  tenant: TenantConfig;
  caseType: CaseTypeConfig;
  calendar: WorkingCalendar;
  categoryId: string | null;
  channelId: string | null;
  identityMode: IdentityMode;
  identity: { protection: IdentityProtection; envelope: Prisma.InputJsonValue | null };
  trackingCodeHash: string;
  title: string;
  answers: Record<string, string>;
  locale: string;
  /** When the agency actually received it (the SLA counts from here). */
  receivedAt: Date;
  now: Date;
  externalReference?: string | null;
  recordedById?: string | null;
  transferredFromId?: string | null;
}

/** Inserts the case and returns its registration number (taken in the caller's transaction). */
export async function insertStaffCase(tx: ScopedTransaction, input: NewStaffCase): Promise<string> {
  const firstStage = input.caseType.slaPolicy?.stages[0];
  const clock = firstStage ? startStage(firstStage, input.receivedAt, input.calendar) : NO_STAGE;
  const year = Number(localDate(input.now, input.tenant.timeZone).slice(0, 4));
  const { registrationNumber, sequence } = await takeRegistrationNumber(tx, input.tenant, year);
  await tx.case.create({
    data: {
      id: input.id,
      tenantId: input.tenant.id,
      registrationNumber,
      year,
      sequence,
      caseTypeId: input.caseType.id,
      categoryId: input.categoryId,
      channelId: input.channelId,
      identityMode: input.identityMode,
      identityProtection: input.identity.protection,
      identity: input.identity.envelope ?? undefined,
      trackingCodeHash: input.trackingCodeHash,
      title: input.title,
      answers: input.answers,
      locale: input.locale,
      receivedAt: input.receivedAt,
      submittedAt: input.now,
      deadlines: stageDeadlines(input.caseType, input.receivedAt, input.calendar) as unknown as Prisma.InputJsonValue,
      externalReference: input.externalReference ?? null,
      recordedById: input.recordedById ?? null,
      transferredFromId: input.transferredFromId ?? null,
      ...clockColumns(clock),
      sla: { create: { tenantId: input.tenant.id, receivedAt: input.receivedAt, ...runningTimers(clock) } },
    },
  });
  await excludeNamedStaff(tx, { tenantId: input.tenant.id, caseId: input.id, text: reportText(input.title, input.answers), at: input.now });
  return registrationNumber;
}
