/**
 * What a tracked report says about where and when it is handled: when the agency received
 * it (a letter's date, not the day it was typed in), whether the reporter may still write,
 * and, once transferred, the agency and number to follow it at.
 */
import type { ObjectRef } from '@pothos/core';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { text } from '../config/config.schema.ts';
import type { CaseStatus } from './case-lifecycle.ts';
import { acceptsReporterMessages } from './report-tracking.service.ts';

/** The parent of TrackedReport's fields (reporting.schema.ts): a case as loaded for its reporter. */
interface TrackedParent {
  found: { status: CaseStatus; receivedAt: Date; events: { kind: string; data?: unknown }[] };
}

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
// TrackedReport is defined in reporting.schema.ts: fields are added to it by name.
const TrackedReport = 'TrackedReport' as unknown as ObjectRef<Types, TrackedParent>;

interface Transfer {
  tenantId: string;
  registrationNumber: string;
}

/** The transfer, from the reporter-visible TRANSFER event: the receiving case is outside this agency's scope. */
function findTransfer(found: TrackedParent['found']): Transfer | null {
  if (found.status !== 'TRANSFERRED') return null;
  for (const event of [...found.events].reverse()) {
    const data = (event.data ?? null) as { transition?: string; toTenantId?: string; toRegistrationNumber?: string } | null;
    if (event.kind === 'STATUS_CHANGED' && data?.transition === 'TRANSFER' && data.toTenantId && data.toRegistrationNumber) {
      return { tenantId: data.toTenantId, registrationNumber: data.toRegistrationNumber };
    }
  }
  return null;
}

const ReportTransfer = builder.objectRef<Transfer>('ReportTransfer').implement({
  description: 'Where a transferred report is followed now: the receiving agency and its number there (same tracking code).',
  fields: (t) => ({
    registrationNumber: t.exposeString('registrationNumber', { description: 'The registration number at the receiving agency.' }),
    agencySlug: t.string({
      description: 'The receiving agency portal: its track page is `/t/<agencySlug>/lacak`.',
      resolve: async (transfer, _, ctx: Context) => (await ctx.configs.find(transfer.tenantId))?.slug ?? '',
    }),
    agencyName: t.string({
      description: 'The name of the receiving agency, in the language of the request.',
      resolve: async (transfer, _, ctx: Context) => {
        const config = await ctx.configs.find(transfer.tenantId);
        return config ? (text(config.name, ctx) ?? config.shortName) : '';
      },
    }),
  }),
});

builder.objectFields(TrackedReport, (t) => ({
  receivedAt: t.field({
    type: 'DateTime',
    description:
      'When the agency received the report, which its deadlines count from: for one recorded by staff from a letter or a visit, the day it arrived; `submittedAt` is when it was recorded.',
    resolve: ({ found }) => found.receivedAt,
  }),
  acceptsMessages: t.boolean({
    description:
      'True while staff can still answer the reporter (the report is open): `sendReporterMessage` refuses a message on a report answered, closed, rejected or transferred.',
    resolve: ({ found }) => acceptsReporterMessages(found.status),
  }),
  transferredTo: t.field({
    type: ReportTransfer,
    nullable: true,
    description: 'Set when the report was transferred to the competent agency: where to follow it now, with the same tracking code.',
    resolve: ({ found }) => findTransfer(found),
  }),
}));
