/**
 * Email in GraphQL: a staff member's choice of mails (staff-email-preferences.service.ts), and
 * the agency's mail deliveries for its admin and head (mail-deliveries.service.ts), and the link
 * that stops the mails about a report (reporter-email.ts). The reporter's address is on
 * ReporterAccount (reporters/reporters.schema.ts).
 */
import { StaffViewerRef } from '../auth/auth.schema.ts';
import { builder } from '../builder.ts';
import { z } from 'zod';
import { getStaff, getTenantConfig } from '../context.ts';
import { AppError } from '../errors.ts';
import { stopReportMail } from './reporter-email.ts';
import { staffMailKindsFor } from './notification-rules.ts';
import { findStaffEmailOptOut, setStaffEmailOptOut } from './staff-email-preferences.service.ts';
import { EmailKind, EmailStatus } from '../generated/prisma/enums.ts';
import { listMailDeliveries, MAIL_DELIVERIES_MAX, type MailDeliveryView } from './mail-deliveries.service.ts';

const EmailKindEnum = builder.enumType(EmailKind, { name: 'EmailKind' });
const EmailStatusEnum = builder.enumType(EmailStatus, { name: 'EmailStatus' });
const MailRecipientEnum = builder.enumType('MailRecipient', { values: ['REPORTER', 'STAFF'] as const });

const MailDelivery = builder.objectRef<MailDeliveryView>('MailDelivery').implement({
  description: "One mail of the agency's: never the recipient's address, never its words.",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: EmailKindEnum, resolve: (mail) => mail.kind }),
    status: t.field({ type: EmailStatusEnum, resolve: (mail) => mail.status }),
    attempts: t.exposeInt('attempts'),
    lastError: t.string({ nullable: true, description: 'Why the last attempt failed (without addresses).', resolve: (mail) => mail.lastError }),
    createdAt: t.field({ type: 'DateTime', resolve: (mail) => mail.createdAt }),
    sentAt: t.field({ type: 'DateTime', nullable: true, resolve: (mail) => mail.sentAt }),
    nextAttemptAt: t.field({ type: 'DateTime', resolve: (mail) => mail.nextAttemptAt }),
    caseId: t.exposeID('caseId', { nullable: true, description: 'Null, like registrationNumber, for a case the viewer may not read.' }),
    registrationNumber: t.string({
      nullable: true,
      description: 'The case, for a case the viewer may read (the admin reads none).',
      resolve: (mail) => mail.registrationNumber,
    }),
    recipient: t.field({ type: MailRecipientEnum, resolve: (mail) => mail.recipient }),
    staffName: t.string({ nullable: true, resolve: (mail) => mail.staffName }),
  }),
});

builder.objectFields(StaffViewerRef, (t) => ({
  emailKinds: t.field({
    type: [EmailKindEnum],
    description: "The kinds of mail this staff member's roles receive (each may be turned off with setStaffEmailOptOut).",
    resolve: (viewer) => staffMailKindsFor(viewer.roles),
  }),
  emailOptOut: t.field({
    type: [EmailKindEnum],
    description: 'The kinds of mail this staff member chose not to receive.',
    resolve: (viewer, _, ctx) => findStaffEmailOptOut(ctx.db, viewer),
  }),
}));

builder.mutationFields((t) => ({
  setStaffEmailOptOut: t.field({
    type: [EmailKindEnum],
    description: "The signed-in staff member's own choice: the kinds of mail they do not want (all others are sent). Returns it.",
    args: { optOut: t.arg({ type: [EmailKindEnum], required: true }) },
    resolve: async (_, { optOut }, ctx) => setStaffEmailOptOut(ctx.db, await getStaff(ctx), optOut),
  }),
}));

builder.queryFields((t) => ({
  mailDeliveries: t.field({
    type: [MailDelivery],
    description: "The agency's mails, newest first (by default every status; `FAILED` for those given up). Its admin and head only.",
    args: {
      statuses: t.arg({ type: [EmailStatusEnum], required: false }),
      first: t.arg.int({ defaultValue: 50, description: `At most ${MAIL_DELIVERIES_MAX}.` }),
    },
    resolve: async (_, args, ctx) => {
      const viewer = await getStaff(ctx);
      return listMailDeliveries(ctx.db, viewer, { statuses: args.statuses ?? null, first: args.first ?? 50 });
    },
  }),
}));

const StopReportEmailInput = builder.inputType('StopReportEmailInput', {
  fields: (t) => ({
    caseId: t.id({ required: true, description: 'From the link in the mail.' }),
    token: t.string({ required: true, description: 'From the link in the mail: proves it came from one.' }),
  }),
});

const stopArgs = z.object({ caseId: z.uuid(), token: z.string().min(1).max(100) });

builder.mutationFields((t) => ({
  stopReportEmail: t.boolean({
    description:
      'Stops the mails about one report to the identified reporter who filed it without an account (the link at the foot of each). NOT_FOUND for a link that is not valid; true, also when already stopped.',
    args: { input: t.arg({ type: StopReportEmailInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const tenant = await getTenantConfig(ctx);
      await ctx.rateLimits.consume('track', `ip:${ctx.clientIp}`);
      const parsed = stopArgs.safeParse({ caseId: String(input.caseId), token: input.token });
      if (!parsed.success) throw new AppError('NOT_FOUND', 'This link is not valid.');
      await stopReportMail(ctx.db.prisma, ctx.vault, { tenantId: tenant.id, caseId: parsed.data.caseId, token: parsed.data.token });
      ctx.logger.info({ caseId: parsed.data.caseId }, 'reporter stopped the mails about a report');
      return true;
    },
  }),
}));
