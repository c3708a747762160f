/** The tenant admin's staff accounts in GraphQL. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { getStaff } from '../context.ts';
import { AppError } from '../errors.ts';
import { StaffRoleEnum } from '../auth/auth.schema.ts';
import { createStaffMember, listStaffMembers, updateStaffMember } from './staff-admin.service.ts';

type StaffShape = Awaited<ReturnType<typeof listStaffMembers>>[number];
const StaffAccount = builder.objectRef<StaffShape>('StaffAccount').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name'),
    title: t.string({ nullable: true, resolve: (staff) => staff.title }),
    roles: t.field({ type: [StaffRoleEnum], resolve: (staff) => staff.roles }),
    active: t.exposeBoolean('active'),
    lastLoginAt: t.field({ type: 'DateTime', nullable: true, resolve: (staff) => staff.lastLoginAt }),
  }),
});

const CreateStaffInput = builder.inputType('CreateStaffMemberInput', {
  fields: (t) => ({
    email: t.string({ required: true }),
    name: t.string({ required: true }),
    title: t.string(),
    roles: t.field({ type: [StaffRoleEnum], required: true }),
    password: t.string({ required: true, description: 'An initial password of at least 12 characters.' }),
  }),
});
const UpdateStaffInput = builder.inputType('UpdateStaffMemberInput', {
  fields: (t) => ({
    staffUserId: t.id({ required: true }),
    roles: t.field({ type: [StaffRoleEnum] }),
    active: t.boolean({ description: 'False ends every session of the account at once.' }),
  }),
});

builder.queryFields((t) => ({
  staffAccounts: t.field({
    type: [StaffAccount],
    description: "The agency's staff accounts (tenant admin).",
    resolve: async (_, __, ctx) => listStaffMembers(ctx.db, await getStaff(ctx)),
  }),
}));

builder.mutationFields((t) => ({
  createStaffMember: t.field({
    type: StaffAccount,
    args: { input: t.arg({ type: CreateStaffInput, required: true }) },
    resolve: async (_, { input }, ctx) => createStaffMember(ctx.db, await getStaff(ctx), input),
  }),
  updateStaffMember: t.field({
    type: StaffAccount,
    args: { input: t.arg({ type: UpdateStaffInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const staffUserId = z.uuid().safeParse(String(input.staffUserId));
      if (!staffUserId.success) throw new AppError('NOT_FOUND', 'No such staff member.');
      const updated = await updateStaffMember(ctx.db, await getStaff(ctx), { staffUserId: staffUserId.data, roles: input.roles, active: input.active });
      // Their live subscriptions follow the new roles (or end) on every instance.
      ctx.live.connections.announceStaffChange(ctx.live.bus, staffUserId.data);
      return updated;
    },
  }),
}));
