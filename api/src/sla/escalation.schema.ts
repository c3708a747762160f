/**
 * Escalation in GraphQL: the reporter's `escalateReport`, what a tracked report says about
 * escalation (`canEscalate`, `escalatedAt`, `escalationTarget`), and the console's
 * `staffNotifications` (reminders, overdue and escalated cases, automatic closures).
 */
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { findReporter, getStaff, getTenantConfig, type Context } from '../context.ts';
import { text } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { CaseStatus } from '../cases/reporting.schema.ts';
import { escalateReport, findEscalationRefusal, listStaffNotifications, MAX_NOTIFICATIONS, type EscalationFacts, type StaffNotificationView } from './escalation.service.ts';

/** The parent of TrackedReport's fields (cases/reporting.schema.ts): a case and its tenant. */
interface TrackedParent {
  found: EscalationFacts & { caseTypeId: string };
  tenant: TenantConfig;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
// TrackedReport is defined (and not exported) in cases/reporting.schema.ts: fields are added
// to it by name, which Pothos resolves when the schema is built.
const TrackedReport = 'TrackedReport' as unknown as ObjectRef<Types, TrackedParent>;

/** Where an escalation goes: the SLA policy's target, else the province's secretariat. */
function escalationTarget({ found, tenant }: TrackedParent, ctx: Context): string | null {
  const policy = tenant.caseTypes.find((caseType) => caseType.id === found.caseTypeId)?.slaPolicy;
  return text(policy?.escalationTarget ?? tenant.province.secretariat, ctx);
}

builder.objectFields(TrackedReport, (t) => ({
  canEscalate: t.boolean({
    description: "True when the running stage's deadline has passed without an answer and the report is not escalated yet: `escalateReport` will accept it.",
    resolve: ({ found }) => findEscalationRefusal(found, new Date()) === null,
  }),
  escalatedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ found }) => found.sla?.escalatedAt ?? null }),
  escalationTarget: t.string({
    nullable: true,
    description: 'Who receives an escalation: the SLA policy\'s target, or the regional secretariat of the province.',
    resolve: (parent, _, ctx) => escalationTarget(parent, ctx),
  }),
}));

const ReportEscalation = builder.objectRef<{ registrationNumber: string; escalatedAt: Date; status: EscalationFacts['status'] }>('ReportEscalation').implement({
  fields: (t) => ({
    registrationNumber: t.exposeString('registrationNumber'),
    escalatedAt: t.field({ type: 'DateTime', resolve: (escalation) => escalation.escalatedAt }),
    status: t.field({ type: CaseStatus, resolve: (escalation) => escalation.status }),
  }),
});

const EscalateReportInput = builder.inputType('EscalateReportInput', {
  fields: (t) => ({
    registrationNumber: t.string({ required: true }),
    trackingCode: t.string({ description: 'Not needed when signed in as the pseudonymous owner.' }),
  }),
});

const escalateArgs = z.object({ registrationNumber: z.string().max(40), trackingCode: z.string().max(100).nullish() });

builder.mutationFields((t) => ({
  escalateReport: t.field({
    type: ReportEscalation,
    description:
      "Send a report whose stage deadline has passed without an answer to the escalation target (the province's regional secretariat). INVALID_TRANSITION when the deadline has not passed, the report waits for the reporter, is closed, or is already escalated.",
    args: { input: t.arg({ type: EscalateReportInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const parsed = escalateArgs.parse(input);
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('track', `ip:${ctx.clientIp}`);
      const reporter = await findReporter(ctx);
      const escalated = await escalateReport(
        ctx.db.prisma,
        { tenantId: tenant.id, provinceId: tenant.provinceId, reporterAccountId: reporter?.accountId ?? null },
        parsed,
      );
      ctx.logger.info({ caseId: escalated.caseId }, 'report escalated by the reporter');
      const row = await ctx.db.prisma.case.findUniqueOrThrow({ where: { id: escalated.caseId }, select: { registrationNumber: true, status: true } });
      return { registrationNumber: row.registrationNumber, status: row.status, escalatedAt: escalated.escalatedAt };
    },
  }),
}));

const NotificationKind = builder.enumType('StaffNotificationKind', {
  description: 'REMINDER: a stage deadline is near. OVERDUE: a deadline passed and the case was escalated (by the sweep or the reporter). SILENCE_CLOSED: closed after the reporter stayed silent.',
  values: ['REMINDER', 'OVERDUE', 'SILENCE_NOTICE', 'SILENCE_CLOSED'] as const,
});
const EscalationSource = builder.enumType('EscalationSource', { values: ['SLA_SWEEP', 'REPORTER'] as const });

const StaffNotification = builder.objectRef<StaffNotificationView>('StaffNotification').implement({
  description: "A console notification: never the case's content, only which case and what happened.",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: NotificationKind, resolve: (item) => item.kind }),
    createdAt: t.field({ type: 'DateTime', resolve: (item) => item.createdAt }),
    forProvince: t.exposeBoolean('forProvince', { description: "True for the province's secretariat (an escalation), false for the agency's staff." }),
    caseId: t.id({ resolve: (item) => item.case.id }),
    registrationNumber: t.string({ resolve: (item) => item.case.registrationNumber }),
    caseStatus: t.field({ type: CaseStatus, resolve: (item) => item.case.status }),
    stageKey: t.string({ nullable: true, resolve: (item) => item.case.stageKey }),
    stageDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (item) => item.case.stageDeadline }),
    escalationSource: t.field({ type: EscalationSource, nullable: true, resolve: (item) => item.case.escalationSource }),
    agencySlug: t.string({
      resolve: async (item, _, ctx) => (await ctx.configs.find(item.case.tenantId))?.slug ?? '',
    }),
  }),
});

const notificationArgs = z.object({ first: z.number().int().min(1).max(MAX_NOTIFICATIONS) });

builder.queryFields((t) => ({
  staffNotifications: t.field({
    type: [StaffNotification],
    description: "The signed-in staff member's notifications, newest first: their agency's for their roles, or their province's for the secretariat.",
    args: { first: t.arg.int({ defaultValue: 20 }) },
    resolve: async (_, args, ctx) => {
      const { first } = notificationArgs.parse({ first: args.first ?? 20 });
      const viewer = await getStaff(ctx);
      return listStaffNotifications(ctx.db.prisma, viewer, first);
    },
  }),
}));
