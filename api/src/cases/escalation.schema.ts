/**
 * Escalation in GraphQL: the reporter's `escalateReport`, and what a tracked report says
 * about escalation (`canEscalate`, `escalatedAt`, `escalationTarget`). The notifications it
 * sends are notify/staff-notifications.schema.ts's.
 */
import type { ObjectRef } from '@pothos/core';
import { z } from 'zod';
import * as Enums from '../generated/prisma/enums.ts';
import { builder } from '../builder.ts';
import { findReporter, getTenantConfig, type Context } from '../context.ts';
import { withTenantScope } from '../auth/data-scope.ts';
import { text } from '../config/config.schema.ts';
import type { TenantConfig } from '../config/tenant-config.service.ts';
import { CaseStatus } from './reporting.schema.ts';
import { escalateReport, findEscalationRefusal, type EscalationFacts } from './escalation.service.ts';

/** The parent of TrackedReport's fields (reporting.schema.ts): a case and its tenant. */
interface TrackedParent {
  found: EscalationFacts & { caseTypeId: string };
  tenant: TenantConfig;
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
// TrackedReport is defined (and not exported) in reporting.schema.ts: fields are added
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
    description: "Who receives an escalation: the SLA policy's target, or the regional secretariat of the province.",
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
    trackingCode: t.string({ description: 'Not needed when signed in with the account the report was filed under.' }),
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
      const row = await withTenantScope(ctx.db.prisma, tenant.id, (tx) =>
        tx.case.findUniqueOrThrow({ where: { id: escalated.caseId }, select: { registrationNumber: true, status: true } }),
      );
      return { registrationNumber: row.registrationNumber, status: row.status, escalatedAt: escalated.escalatedAt };
    },
  }),
}));

export const EscalationSource = builder.enumType(Enums.EscalationSource, { name: 'EscalationSource' });
