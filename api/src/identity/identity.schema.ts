/** The identity custodian's flow in GraphQL: reveal requests, the reveal, and custodian keys. */
import { z } from 'zod';
import { builder } from '../builder.ts';
import { RevealRequestStatus } from '../generated/prisma/enums.ts';
import { getStaff, type Context } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  declineIdentityReveal,
  listCustodians,
  listRevealRequests,
  removeIdentityCustodian,
  requestIdentityReveal,
  resealIdentities,
  revealIdentity,
  setUpCustodianKey,
} from './identity-reveal.service.ts';
import type { ReporterIdentity } from './identity-vault.service.ts';

const RevealStatus = builder.enumType(RevealRequestStatus, { name: 'RevealRequestStatus' });

type RequestShape = Awaited<ReturnType<typeof listRevealRequests>>[number];
const RevealRequest = builder.objectRef<RequestShape>('IdentityRevealRequest').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    caseId: t.exposeID('caseId'),
    registrationNumber: t.string({ resolve: (request) => request.case.registrationNumber }),
    reason: t.exposeString('reason'),
    status: t.field({ type: RevealStatus, resolve: (request) => request.status }),
    requestedAt: t.field({ type: 'DateTime', resolve: (request) => request.createdAt }),
    decidedAt: t.field({ type: 'DateTime', nullable: true, resolve: (request) => request.decidedAt }),
  }),
});

const RevealedIdentity = builder.objectRef<{ requestId: string; caseId: string; identity: ReporterIdentity }>('RevealedIdentity').implement({
  description: 'Shown once, to the custodian who unlocked it. Nothing of it is stored or logged.',
  fields: (t) => ({
    requestId: t.exposeID('requestId'),
    caseId: t.exposeID('caseId'),
    name: t.string({ nullable: true, resolve: (revealed) => revealed.identity.name ?? null }),
    idNumber: t.string({ nullable: true, resolve: (revealed) => revealed.identity.idNumber ?? null }),
    phone: t.string({ nullable: true, resolve: (revealed) => revealed.identity.phone ?? null }),
    email: t.string({ nullable: true, resolve: (revealed) => revealed.identity.email ?? null }),
    address: t.string({ nullable: true, resolve: (revealed) => revealed.identity.address ?? null }),
  }),
});

type CustodianShape = Awaited<ReturnType<typeof listCustodians>>[number];
const Custodian = builder.objectRef<CustodianShape>('IdentityCustodian').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    active: t.exposeBoolean('active'),
    staffUserId: t.id({ nullable: true, resolve: (custodian) => custodian.staffUserId }),
    createdAt: t.field({ type: 'DateTime', resolve: (custodian) => custodian.createdAt }),
    removedAt: t.field({ type: 'DateTime', nullable: true, resolve: (custodian) => custodian.removedAt }),
  }),
});

const ResealResult = builder.objectRef<{ resealed: number; skipped: number; custodians: number }>('ResealResult').implement({
  fields: (t) => ({
    resealed: t.exposeInt('resealed'),
    skipped: t.exposeInt('skipped', { description: "Identities the acting custodian's key could not open (another custodian must re-seal them)." }),
    custodians: t.exposeInt('custodians'),
  }),
});

const CustodianKeyResult = builder.objectRef<{ id: string; recoveryKey: string }>('CustodianKeySetUp').implement({
  fields: (t) => ({
    custodianId: t.exposeID('id'),
    recoveryKey: t.exposeString('recoveryKey', { description: 'Shown once: print it and keep it apart from the passphrase.' }),
  }),
});

const uuid = z.uuid();
function idOf(value: string | number, what: string): string {
  const parsed = uuid.safeParse(String(value));
  if (!parsed.success) throw new AppError('NOT_FOUND', `No such ${what}.`);
  return parsed.data;
}

/** Every passphrase attempt counts against the custodian, so a stolen session cannot guess. */
async function limitPassphrase(ctx: Context, userId: string) {
  await ctx.rateLimits.consume('login', `custodian:${userId}`);
}

const RequestRevealInput = builder.inputType('RequestIdentityRevealInput', {
  fields: (t) => ({ caseId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const RevealInput = builder.inputType('RevealIdentityInput', {
  fields: (t) => ({ requestId: t.id({ required: true }), passphrase: t.string({ required: true }) }),
});
const PassphraseInput = builder.inputType('CustodianPassphraseInput', {
  fields: (t) => ({ passphrase: t.string({ required: true }) }),
});
const RemoveCustodianInput = builder.inputType('RemoveIdentityCustodianInput', {
  fields: (t) => ({ custodianId: t.id({ required: true }), passphrase: t.string({ required: true, description: "The acting custodian's own passphrase." }) }),
});

builder.queryFields((t) => ({
  identityRevealRequests: t.field({
    type: [RevealRequest],
    resolve: async (_, __, ctx) => listRevealRequests(ctx.db, await getStaff(ctx)),
  }),
  identityCustodians: t.field({
    type: [Custodian],
    resolve: async (_, __, ctx) => listCustodians(ctx.db, await getStaff(ctx)),
  }),
}));

builder.mutationFields((t) => ({
  requestIdentityReveal: t.field({
    type: RevealRequest,
    description: "Ask the agency's identity custodians to reveal a confidential reporter's identity, saying why.",
    args: { input: t.arg({ type: RequestRevealInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      const request = await requestIdentityReveal(ctx.db, viewer, { caseId: idOf(input.caseId, 'case'), reason: input.reason });
      const listed = await listRevealRequests(ctx.db, viewer);
      return listed.find((item) => item.id === request.id)!;
    },
  }),
  revealIdentity: t.field({
    type: RevealedIdentity,
    description: 'The identity custodian only: unlocks their key with their passphrase and reads the identity once.',
    args: { input: t.arg({ type: RevealInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      await limitPassphrase(ctx, viewer.userId);
      return revealIdentity(ctx.db, viewer, { requestId: idOf(input.requestId, 'request'), passphrase: input.passphrase });
    },
  }),
  declineIdentityReveal: t.id({
    args: {
      input: t.arg({ type: builder.inputType('DeclineIdentityRevealInput', { fields: (f) => ({ requestId: f.id({ required: true }) }) }), required: true }),
    },
    resolve: async (_, { input }, ctx) => declineIdentityReveal(ctx.db, await getStaff(ctx), { requestId: idOf(input.requestId, 'request') }),
  }),
  setUpCustodianKey: t.field({
    type: CustodianKeyResult,
    description: 'An identity custodian creates their own key, protected by their passphrase.',
    args: { input: t.arg({ type: PassphraseInput, required: true }) },
    resolve: async (_, { input }, ctx) => setUpCustodianKey(ctx.db, await getStaff(ctx), input),
  }),
  resealIdentities: t.field({
    type: ResealResult,
    description: "Re-seal the agency's confidential identities to its current custodians, with the acting custodian's key.",
    args: { input: t.arg({ type: PassphraseInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      await limitPassphrase(ctx, viewer.userId);
      return resealIdentities(ctx.db, viewer, input);
    },
  }),
  removeIdentityCustodian: t.field({
    type: ResealResult,
    args: { input: t.arg({ type: RemoveCustodianInput, required: true }) },
    resolve: async (_, { input }, ctx) => {
      const viewer = await getStaff(ctx);
      await limitPassphrase(ctx, viewer.userId);
      return removeIdentityCustodian(ctx.db, viewer, { custodianId: idOf(input.custodianId, 'custodian'), passphrase: input.passphrase });
    },
  }),
}));
