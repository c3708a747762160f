/** Proposed conflicts of interest in GraphQL: listed for the head and the secretariat, and decided by them. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { ProposalStatus } from '../generated/prisma/enums.ts';
import { getStaff, type Context } from '../context.ts';
import { AppError } from '../errors.ts';
import { decideConflict, listConflictProposals, type ConflictProposalView } from './case-conflicts.service.ts';

/** A conflict proposal's status: the database's ProposalStatus, under its own GraphQL name. */
const ConflictProposalStatus = builder.enumType(ProposalStatus, { name: 'ConflictProposalStatus' });

async function viewerMayDecide(ctx: Context, proposal: ConflictProposalView): Promise<boolean> {
  const viewer = await getStaff(ctx);
  const decider = proposal.subject?.roles.includes('AGENCY_HEAD') ? 'PROVINCIAL_SECRETARIAT' : 'AGENCY_HEAD';
  return proposal.status === 'PENDING' && viewer.roles.includes(decider) && proposal.proposedById !== viewer.userId && proposal.staffUserId !== viewer.userId;
}

const ConflictProposal = builder.objectRef<ConflictProposalView>('ConflictProposal').implement({
  description: 'A colleague marked as conflicted on a case, waiting for the head (for a head: the provincial secretariat) to confirm.',
  fields: (t) => ({
    id: t.exposeID('id'),
    caseId: t.exposeID('caseId'),
    registrationNumber: t.string({ resolve: (proposal) => proposal.case.registrationNumber }),
    staffUserId: t.exposeID('staffUserId'),
    staffName: t.string({ nullable: true, resolve: (proposal) => proposal.subject?.name ?? null }),
    proposedById: t.exposeID('proposedById'),
    proposedByName: t.string({ nullable: true, resolve: (proposal) => proposal.proposer?.name ?? null }),
    reason: t.string({ nullable: true, resolve: (proposal) => proposal.reason }),
    status: t.field({ type: ConflictProposalStatus, resolve: (proposal) => proposal.status }),
    proposedAt: t.field({ type: 'DateTime', resolve: (proposal) => proposal.createdAt }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (proposal) => proposal.decidedAt }),
    viewerMayDecide: t.boolean({ resolve: (proposal, _, ctx) => viewerMayDecide(ctx, proposal) }),
  }),
});

const uuid = z.uuid();
function idOf(value: string | number | null | undefined, what: string): string {
  const parsed = uuid.safeParse(String(value));
  if (!parsed.success) throw new AppError('NOT_FOUND', `No such ${what}.`);
  return parsed.data;
}

builder.queryFields((t) => ({
  conflictProposals: t.field({
    type: [ConflictProposal],
    description:
      "Colleagues marked as conflicted: the agency's cases the viewer may act on, or for the secretariat the province's heads; one case's with `caseId`.",
    args: { caseId: t.arg.id(), pendingOnly: t.arg.boolean({ defaultValue: true }) },
    resolve: async (_, args, ctx) =>
      listConflictProposals(ctx.db, await getStaff(ctx), { caseId: args.caseId ? idOf(args.caseId, 'case') : null, pendingOnly: args.pendingOnly ?? true }),
  }),
}));

builder.mutationFields((t) => ({
  decideConflict: t.field({
    type: ConflictProposal,
    description:
      'Confirm (the colleague loses the case) or decline a proposed conflict: the head, or for a head the provincial secretariat; never the proposer or the colleague.',
    args: {
      input: t.arg({
        type: builder.inputType('DecideConflictInput', { fields: (f) => ({ proposalId: f.id({ required: true }), confirm: f.boolean({ required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      const decided = await decideConflict(ctx.db, viewer, { proposalId: idOf(input.proposalId, 'proposal'), confirm: input.confirm });
      // Read back by id: a list of the newest hundred could miss an older proposal just decided.
      const [found] = await listConflictProposals(ctx.db, viewer, { caseId: decided.caseId, pendingOnly: false, id: decided.proposalId });
      if (!found) throw new AppError('NOT_FOUND', 'No such proposal.');
      return found;
    },
  }),
}));
