/** Staff sign-in in GraphQL: sign in, sign out, who am I (with what the roles allow). */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { StaffRole } from './roles.ts';
import { findStaff, getStaff, getTenant } from '../context.ts';
import type { StaffViewer } from './staff-viewer.ts';
import { loginStaff, logoutStaff, wrongStaffCredentials } from './staff-auth.service.ts';

export const StaffRoleEnum = builder.enumType(StaffRole, { name: 'StaffRole' });

export const StaffViewerRef = builder.objectRef<StaffViewer>('StaffViewer').implement({
  description: 'The signed-in staff member.',
  fields: (t) => ({
    id: t.exposeID('userId'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    title: t.string({ nullable: true, resolve: (viewer) => viewer.title }),
    roles: t.field({ type: [StaffRoleEnum], resolve: (viewer) => [...viewer.roles] }),
    tenantId: t.id({ nullable: true, resolve: (viewer) => viewer.tenantId }),
    provinceId: t.id({ nullable: true, resolve: (viewer) => viewer.provinceId }),
    canRecordIntake: t.boolean({ resolve: (viewer) => viewer.ability.can('record', 'Case') }),
    canReadCases: t.boolean({
      description: 'The roles open cases (an inbox to work from); the tenant admin and the operator do not.',
      resolve: (viewer) => viewer.ability.can('read', 'Case'),
    }),
    canReadAcrossProvince: t.boolean({ resolve: (viewer) => viewer.roles.includes('PROVINCIAL_SECRETARIAT') }),
  }),
});

const StaffSessionPayload = builder.objectRef<{ token: string; expiresAt: Date }>('StaffSession').implement({
  description: 'Send the token as `Authorization: Bearer <token>` on later requests to the same console address.',
  fields: (t) => ({
    token: t.exposeString('token'),
    expiresAt: t.field({ type: 'DateTime', resolve: (session) => session.expiresAt }),
  }),
});

const StaffCredentialsInput = builder.inputType('StaffCredentialsInput', {
  fields: (t) => ({ email: t.string({ required: true }), password: t.string({ required: true }) }),
});

const credentials = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) });

builder.queryFields((t) => ({
  viewerStaff: t.field({
    type: StaffViewerRef,
    nullable: true,
    description: 'The signed-in staff member of this console (an agency address, or the platform address for secretariats), or null.',
    resolve: (_, __, ctx) => findStaff(ctx),
  }),
}));

builder.mutationFields((t) => ({
  loginStaff: t.field({
    type: StaffSessionPayload,
    description: "Sign in to an agency's console (at /t/<slug>/graphql) or, for provincial secretariat staff, at /graphql.",
    args: { input: t.arg({ type: StaffCredentialsInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const parsed = credentials.safeParse(input);
      if (!parsed.success) throw wrongStaffCredentials();
      // A host name that is no agency's is the platform's own address (the secretariat console).
      const tenantId = ctx.tenantLookup.by === 'slug' ? getTenant(ctx).id : (ctx.tenant?.id ?? null);
      return loginStaff(ctx.db.prisma, ctx.rateLimits.signIn, { tenantId, ...parsed.data, address: ctx.clientIp, sessionHours: ctx.env.STAFF_SESSION_HOURS });
    },
  }),
  logoutStaff: t.boolean({
    resolve: async (_, __, ctx) => {
      const staff = await getStaff(ctx);
      await logoutStaff(ctx.db.prisma, staff.sessionId);
      // Live connections signed in with this session close on every instance.
      ctx.live.connections.announceStaffChange(ctx.live.bus, staff.userId);
      return true;
    },
  }),
}));
