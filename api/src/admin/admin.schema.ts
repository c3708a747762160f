/** The tenant admin's staff accounts in GraphQL. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { ProposalStatus, RoleChange } from '../generated/prisma/enums.ts';
import { getStaff, type Context } from '../context.ts';
import { mayConfirmRole } from './role-rules.ts';
import { AppError } from '../errors.ts';
import { StaffRoleEnum } from '../auth/auth.schema.ts';
import { AGENCY_STAFF_ROLES } from '../auth/roles.ts';
import { createStaffMember, listStaffMembers, updateStaffMember } from './staff-admin.service.ts';
import { decideRoleChange, listRoleProposals, proposeRoleChange, type RoleProposalView } from './role-proposals.service.ts';

const RoleChangeEnum = builder.enumType(RoleChange, { name: 'RoleChange' });
const ProposalStatusEnum = builder.enumType(ProposalStatus, { name: 'ProposalStatus' });

type PendingShape = Awaited<ReturnType<typeof listStaffMembers>>[number]['roleProposals'][number];
const PendingRoleChange = builder.objectRef<PendingShape>('PendingRoleChange').implement({
  description: 'A change to a sensitive role that waits for a second person to confirm it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.field({ type: StaffRoleEnum, resolve: (proposal) => proposal.role }),
    change: t.field({ type: RoleChangeEnum, resolve: (proposal) => proposal.change }),
    proposedAt: t.field({ type: 'DateTime', resolve: (proposal) => proposal.createdAt }),
  }),
});

const RoleChangeProposal = builder.objectRef<RoleProposalView>('RoleChangeProposal').implement({
  description: 'A proposed change to the identity custodian or agency head role, and its decision.',
  fields: (t) => ({
    id: t.exposeID('id'),
    staffUserId: t.exposeID('staffUserId'),
    staffName: t.string({ resolve: (proposal) => proposal.staffUser.name }),
    staffEmail: t.string({ resolve: (proposal) => proposal.staffUser.email }),
    role: t.field({ type: StaffRoleEnum, resolve: (proposal) => proposal.role }),
    change: t.field({ type: RoleChangeEnum, resolve: (proposal) => proposal.change }),
    status: t.field({ type: ProposalStatusEnum, resolve: (proposal) => proposal.status }),
    proposedById: t.exposeID('proposedById'),
    proposedAt: t.field({ type: 'DateTime', resolve: (proposal) => proposal.createdAt }),
    decidedById: t.id({ nullable: true, resolve: (proposal) => proposal.decidedById }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (proposal) => proposal.decidedAt }),
    viewerMayDecide: t.boolean({
      description: 'Whether the signed-in staff member may confirm or decline it now.',
      resolve: (proposal, _, ctx) => viewerMayDecide(ctx, proposal),
    }),
  }),
});

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
    pendingRoleChanges: t.field({ type: [PendingRoleChange], resolve: (staff) => staff.roleProposals }),
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

const ProposeRoleChangeInput = builder.inputType('ProposeRoleChangeInput', {
  fields: (t) => ({
    staffUserId: t.id({ required: true }),
    role: t.field({ type: StaffRoleEnum, required: true, description: 'IDENTITY_CUSTODIAN or AGENCY_HEAD.' }),
    change: t.field({ type: RoleChangeEnum, required: true }),
  }),
});
const DecideRoleChangeInput = builder.inputType('DecideRoleChangeInput', {
  fields: (t) => ({ proposalId: t.id({ required: true }), confirm: t.boolean({ required: true }) }),
});

async function viewerMayDecide(ctx: Context, proposal: RoleProposalView): Promise<boolean> {
  const viewer = await getStaff(ctx);
  return (
    proposal.status === 'PENDING' &&
    proposal.proposedById !== viewer.userId &&
    proposal.staffUserId !== viewer.userId &&
    mayConfirmRole(viewer.roles, proposal.role, proposal.proposedAs)
  );
}

function uuidOf(value: string | number, what: string): string {
  const parsed = z.uuid().safeParse(String(value));
  if (!parsed.success) throw new AppError('NOT_FOUND', `No such ${what}.`);
  return parsed.data;
}

builder.queryFields((t) => ({
  agencyStaffRoles: t.field({
    type: [StaffRoleEnum],
    description:
      "The roles an agency's own staff accounts may hold, in the order a form lists them: what the tenant admin gives (a change of the custodian or head role becomes a proposal).",
    resolve: () => [...AGENCY_STAFF_ROLES],
  }),
  staffAccounts: t.field({
    type: [StaffAccount],
    description: "The agency's staff accounts (tenant admin and agency head).",
    resolve: async (_, __, ctx) => listStaffMembers(ctx.db, await getStaff(ctx)),
  }),
  roleChangeProposals: t.field({
    type: [RoleChangeProposal],
    description: "Changes to the custodian and head roles: the agency's for its admin and head, the province's heads for the secretariat.",
    args: { pendingOnly: t.arg.boolean({ defaultValue: true }) },
    resolve: async (_, args, ctx) => listRoleProposals(ctx.db, await getStaff(ctx), { pendingOnly: args.pendingOnly ?? true }),
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
    description: 'Changes roles (the custodian and head roles become proposals a second person confirms) or deactivates; never your own.',
    args: { input: t.arg({ type: UpdateStaffInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const staffUserId = uuidOf(input.staffUserId, 'staff member');
      const updated = await updateStaffMember(ctx.db, await getStaff(ctx), { staffUserId, roles: input.roles, active: input.active });
      // Their live subscriptions follow the new roles (or end) on every instance.
      ctx.live.connections.announceStaffChange(ctx.live.bus, staffUserId);
      return updated;
    },
  }),
  proposeRoleChange: t.field({
    type: RoleChangeProposal,
    description: 'Propose appointing or removing an identity custodian (admin or head) or an agency head (admin or head); another person confirms.',
    args: { input: t.arg({ type: ProposeRoleChangeInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      const proposal = await proposeRoleChange(ctx.db, viewer, {
        staffUserId: uuidOf(input.staffUserId, 'staff member'),
        role: input.role,
        change: input.change,
      });
      return (await listRoleProposals(ctx.db, viewer, { pendingOnly: true, id: proposal.id }))[0]!;
    },
  }),
  decideRoleChange: t.field({
    type: RoleChangeProposal,
    description: 'Confirm (apply) or decline a proposed role change; never your own proposal or a change about you.',
    args: { input: t.arg({ type: DecideRoleChangeInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      const decided = await decideRoleChange(ctx.db, viewer, { proposalId: uuidOf(input.proposalId, 'proposal'), confirm: input.confirm });
      ctx.live.connections.announceStaffChange(ctx.live.bus, decided.staffUserId);
      return (await listRoleProposals(ctx.db, viewer, { pendingOnly: false, id: decided.proposalId }))[0]!;
    },
  }),
}));
