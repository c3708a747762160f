/** The audit log of insider actions in GraphQL: read by the agency head and the provincial secretariat. */
import { builder } from '../builder.ts';
import { getStaff } from '../context.ts';
import { AppError } from '../errors.ts';
import { localize, type LocalizedText } from '../i18n/locale.ts';
import { AuditAction } from '../generated/prisma/enums.ts';
import { AUDIT_PAGE_MAX, listAuditEntries, type AuditEntryView } from './audit-log.service.ts';

const AuditActionEnum = builder.enumType(AuditAction, { name: 'AuditAction' });

const AuditEntry = builder.objectRef<AuditEntryView>('AuditEntry').implement({
  description: 'One insider action on roles, custodian keys, identities or exclusions. Never changed, never deleted.',
  fields: (t) => ({
    id: t.id({ description: 'An opaque token.', resolve: (entry, _, ctx) => ctx.auditIds.encode(entry.id.toString()) }),
    at: t.field({ type: 'DateTime', resolve: (entry) => entry.at }),
    action: t.field({ type: AuditActionEnum, resolve: (entry) => entry.action }),
    actorId: t.id({ nullable: true, resolve: (entry) => entry.actorId }),
    actorName: t.string({
      nullable: true,
      description: "The acting staff member's name; null for an operator's command (see actorLabel).",
      resolve: (entry) => entry.actorName,
    }),
    actorLabel: t.string({ nullable: true, resolve: (entry) => entry.actorLabel }),
    subjectStaffId: t.id({ nullable: true, resolve: (entry) => entry.subjectStaffId }),
    subjectName: t.string({ nullable: true, resolve: (entry) => entry.subjectName }),
    caseId: t.id({ nullable: true, resolve: (entry) => entry.caseId }),
    registrationNumber: t.string({ nullable: true, resolve: (entry) => entry.registrationNumber }),
    agencySlug: t.string({ nullable: true, resolve: (entry) => entry.agency?.slug ?? null }),
    agencyName: t.string({
      nullable: true,
      resolve: (entry, _, ctx) => (entry.agency ? localize(entry.agency.name as unknown as LocalizedText, ctx.locale) : null),
    }),
    details: t.string({
      description: 'What changed, as JSON: roles before and after, the proposal, counts, the reason given.',
      resolve: (entry) => JSON.stringify(entry.data),
    }),
  }),
});

const AuditPage = builder.objectRef<{ entries: AuditEntryView[]; hasMore: boolean }>('AuditLogPage').implement({
  fields: (t) => ({
    entries: t.field({ type: [AuditEntry], resolve: (page) => page.entries }),
    hasMore: t.exposeBoolean('hasMore'),
    nextBefore: t.string({
      nullable: true,
      description: 'Pass as `before` for the next, older page (an opaque token).',
      resolve: (page, _, ctx) => {
        const last = page.hasMore ? page.entries.at(-1) : undefined;
        return last ? ctx.auditIds.encode(last.id.toString()) : null;
      },
    }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.field({
    type: AuditPage,
    description: "Insider actions, newest first: the head's agency, or every agency of the secretariat's province (or one, by `agencySlug`).",
    args: {
      first: t.arg.int({ defaultValue: 50, description: `At most ${AUDIT_PAGE_MAX}.` }),
      before: t.arg.string({ description: 'The `nextBefore` of the previous page.' }),
      agencySlug: t.arg.string(),
    },
    resolve: async (_, args, ctx) => {
      const viewer = await getStaff(ctx);
      let beforeId: bigint | null = null;
      if (args.before != null) {
        const id = ctx.auditIds.decode(String(args.before));
        if (id === null) throw new AppError('BAD_USER_INPUT', 'Not a page cursor.', { issues: [{ path: ['before'], message: 'Not a page cursor.' }] });
        beforeId = BigInt(id);
      }
      const tenantId = args.agencySlug ? ((await ctx.directory.findBySlug(args.agencySlug.toLowerCase()))?.id ?? 'none') : null;
      return listAuditEntries(ctx.db, viewer, { first: args.first ?? 50, before: beforeId, tenantId });
    },
  }),
}));
