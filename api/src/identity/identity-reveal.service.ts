/**
 * Revealing a confidential reporter's identity, and keeping the set of custodians who can.
 *
 * - A handler records a reasoned request; only a staff member holding the identity
 *   custodian role and an active custodian key of the agency can answer it, by unlocking
 *   their own private key with their passphrase. The identity is returned to them in that
 *   one response: never stored in the clear, never logged, never in the timeline. The
 *   request and the reveal are events.
 * - A custodian sets up their own key (their passphrase, a recovery key shown once).
 *   Existing identities reach a new custodian, or leave a removed one, only when an
 *   active custodian re-seals them with their key: the server cannot do it alone.
 */
import type { Prisma } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { StaffViewer } from '../auth/staff-viewer.ts';
import type { Database } from '../db.ts';
import { withDataScope, type ScopedTransaction } from '../auth/data-scope.ts';
import { casesWhere } from '../auth/case-filter.ts';
import { cleanText } from '../cases/case-workflow.service.ts';
import { assertPrivateKeyMatches, encryptedPrivateKeySchema, unlockCustodianKey } from './custodian-keys.ts';
import { IdentityCryptoError } from './aead.ts';
import { listSealedCustodianIds, openSealed, resealToRecipients, sealedEnvelopeSchema } from './sealed-box.ts';
import { createIdentityCustodian, identityAad, type ReporterIdentity } from './identity-vault.service.ts';
import { recordAudit } from '../audit/audit-log.service.ts';
import { findIncompatibleRoles } from '../admin/role-rules.ts';

/** Identities re-sealed per transaction. */
const RESEAL_BATCH = 200;

function requireCustodianRole(viewer: StaffViewer): string {
  if (!viewer.roles.includes('IDENTITY_CUSTODIAN') || !viewer.tenantId) {
    throw new AppError('FORBIDDEN', 'Only an identity custodian may do this.');
  }
  // An account that also manages staff could appoint its own helpers: the two roles never meet.
  if (findIncompatibleRoles(viewer.roles)) throw new AppError('FORBIDDEN', 'A tenant admin may not act as an identity custodian.');
  return viewer.tenantId;
}

async function activeCustodianOf(tx: ScopedTransaction, viewer: StaffViewer, tenantId: string) {
  const custodian = await tx.identityCustodian.findFirst({ where: { tenantId, staffUserId: viewer.userId, active: true } });
  if (!custodian) throw new AppError('FORBIDDEN', 'You hold no active custodian key: set up your key first.');
  return custodian;
}

/** Unlocks the custodian's private key; a wrong passphrase is a clear, uniform error. */
async function unlock(custodian: { encryptedPrivateKey: unknown; publicKey: string }, passphrase: string): Promise<string> {
  try {
    const privateKey = await unlockCustodianKey(encryptedPrivateKeySchema.parse(custodian.encryptedPrivateKey), passphrase);
    assertPrivateKeyMatches(privateKey, custodian.publicKey);
    return privateKey;
  } catch (error) {
    if (error instanceof IdentityCryptoError && error.reason === 'WRONG_SECRET') throw new AppError('UNAUTHENTICATED', 'Wrong passphrase.');
    throw error;
  }
}

async function recordEvent(
  tx: ScopedTransaction,
  row: { id: string; tenantId: string; status: Prisma.CaseEventCreateManyInput['status'] },
  viewer: StaffViewer,
  kind: 'IDENTITY_REVEAL_REQUESTED' | 'IDENTITY_REVEALED',
  data: Record<string, unknown>,
  reason: string | null = null,
) {
  await tx.caseEvent.create({
    data: {
      tenantId: row.tenantId,
      caseId: row.id,
      kind,
      actorKind: 'STAFF',
      actorId: viewer.userId,
      visibility: 'INTERNAL',
      status: row.status,
      reason,
      data: data as Prisma.InputJsonValue,
    },
  });
}

/** A handler asks the custodians to reveal a sealed identity, saying why. */
export async function requestIdentityReveal(db: Database, viewer: StaffViewer, input: { caseId: string; reason: string }) {
  const reason = cleanText(input.reason, 'reason', { required: true })!;
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const row = await tx.case.findFirst({
      where: { AND: [casesWhere(viewer.ability, 'handle'), { id: input.caseId }] },
      select: { id: true, tenantId: true, status: true, identityProtection: true },
    });
    if (!row) throw new AppError('NOT_FOUND', 'No such case.');
    if (row.identityProtection !== 'SEALED') throw new AppError('BAD_USER_INPUT', 'This case holds no sealed identity.');
    const request = await tx.identityRevealRequest.create({ data: { tenantId: row.tenantId, caseId: row.id, requestedById: viewer.userId, reason } });
    await recordEvent(tx, row, viewer, 'IDENTITY_REVEAL_REQUESTED', { requestId: request.id }, reason);
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: viewer.userId,
      action: 'IDENTITY_REVEAL_REQUESTED',
      caseId: row.id,
      data: { requestId: request.id, reason },
    });
    return request;
  });
}

/** The custodian answers a pending request with their passphrase and reads the identity once. */
export async function revealIdentity(
  db: Database,
  viewer: StaffViewer,
  input: { requestId: string; passphrase: string },
): Promise<{ requestId: string; caseId: string; identity: ReporterIdentity }> {
  const tenantId = requireCustodianRole(viewer);
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const request = await tx.identityRevealRequest.findFirst({ where: { id: input.requestId, tenantId } });
    if (!request) throw new AppError('NOT_FOUND', 'No such request.');
    if (request.status !== 'PENDING') throw new AppError('CONFLICT', 'This request was already answered.');
    if (request.requestedById === viewer.userId) throw new AppError('FORBIDDEN', 'You asked for this reveal: another custodian must answer it.');
    const row = await tx.case.findFirst({
      where: { AND: [casesWhere(viewer.ability, 'reveal'), { id: request.caseId }] },
      select: { id: true, tenantId: true, status: true, identity: true, identityProtection: true },
    });
    if (row?.identityProtection !== 'SEALED' || !row.identity) throw new AppError('NOT_FOUND', 'No such case.');
    const custodian = await activeCustodianOf(tx, viewer, tenantId);
    const privateKey = await unlock(custodian, input.passphrase);
    const envelope = sealedEnvelopeSchema.parse(row.identity);
    if (!listSealedCustodianIds(envelope).includes(custodian.id)) {
      throw new AppError(
        'CONFLICT',
        'This identity was sealed before your key existed: ask another custodian to re-seal identities to the current custodians.',
      );
    }
    const plaintext = openSealed(envelope, custodian.id, privateKey, identityAad(row.tenantId, row.id));
    let identity: ReporterIdentity;
    try {
      identity = JSON.parse(plaintext.toString('utf8')) as ReporterIdentity;
    } finally {
      plaintext.fill(0);
    }
    await tx.identityRevealRequest.update({ where: { id: request.id }, data: { status: 'REVEALED', custodianId: custodian.id, decidedAt: new Date() } });
    await recordEvent(tx, row, viewer, 'IDENTITY_REVEALED', { requestId: request.id, custodianId: custodian.id });
    await recordAudit(tx, {
      tenantId: row.tenantId,
      actorId: viewer.userId,
      action: 'IDENTITY_REVEALED',
      caseId: row.id,
      subjectStaffId: request.requestedById,
      data: { requestId: request.id, custodianId: custodian.id, requestedById: request.requestedById },
    });
    return { requestId: request.id, caseId: row.id, identity };
  });
}

/** The custodian declines a request (the reason is kept with the request). */
export async function declineIdentityReveal(db: Database, viewer: StaffViewer, input: { requestId: string }) {
  const tenantId = requireCustodianRole(viewer);
  return withDataScope(db.prisma, viewer.scope, async (tx) => {
    const custodian = await activeCustodianOf(tx, viewer, tenantId);
    const request = await tx.identityRevealRequest.findFirst({
      where: { id: input.requestId, tenantId, status: 'PENDING' },
      select: { id: true, caseId: true, requestedById: true },
    });
    const declined = await tx.identityRevealRequest.updateMany({
      where: { id: input.requestId, tenantId, status: 'PENDING' },
      data: { status: 'DECLINED', custodianId: custodian.id, decidedAt: new Date() },
    });
    if (!request || declined.count !== 1) throw new AppError('NOT_FOUND', 'No pending request with this id.');
    await recordAudit(tx, {
      tenantId,
      actorId: viewer.userId,
      action: 'IDENTITY_REVEAL_DECLINED',
      caseId: request.caseId,
      subjectStaffId: request.requestedById,
      data: { requestId: request.id, custodianId: custodian.id },
    });
    return input.requestId;
  });
}

/** Pending and answered requests of the agency, newest first (custodians and handlers). */
export function listRevealRequests(db: Database, viewer: StaffViewer) {
  const tenantId = viewer.tenantId;
  if (!tenantId) return Promise.resolve([]);
  return withDataScope(db.prisma, viewer.scope, (tx) =>
    tx.identityRevealRequest.findMany({
      where: { tenantId, case: casesWhere(viewer.ability, viewer.roles.includes('IDENTITY_CUSTODIAN') ? 'reveal' : 'handle') },
      orderBy: { createdAt: 'desc' },
      take: 100,
      include: { case: { select: { registrationNumber: true } } },
    }),
  );
}

/** A custodian creates their own key pair; the recovery key is shown once. */
export async function setUpCustodianKey(db: Database, viewer: StaffViewer, input: { passphrase: string }) {
  const tenantId = requireCustodianRole(viewer);
  const existing = await withDataScope(db.prisma, viewer.scope, (tx) =>
    tx.identityCustodian.count({ where: { tenantId, staffUserId: viewer.userId, active: true } }),
  );
  if (existing > 0) throw new AppError('CONFLICT', 'You already hold an active custodian key.');
  try {
    return await withDataScope(db.prisma, viewer.scope, async (tx) => {
      const created = await createIdentityCustodian(tx, { tenantId, name: viewer.name, passphrase: input.passphrase, staffUserId: viewer.userId });
      await recordAudit(tx, {
        tenantId,
        actorId: viewer.userId,
        action: 'CUSTODIAN_KEY_SET_UP',
        subjectStaffId: viewer.userId,
        data: { custodianId: created.id },
      });
      return created;
    });
  } catch (error) {
    if (error instanceof IdentityCryptoError)
      throw new AppError('BAD_USER_INPUT', error.message, { issues: [{ path: ['input', 'passphrase'], message: error.message }] });
    throw error;
  }
}

/**
 * Re-seals every sealed identity of the agency to the current active custodians, opening
 * each with the acting custodian's key. Identities already sealed to exactly that set are
 * left alone; an identity the actor cannot open is counted as skipped.
 */
export async function resealIdentities(db: Database, viewer: StaffViewer, input: { passphrase: string }) {
  const tenantId = requireCustodianRole(viewer);
  const { custodian, recipients } = await withDataScope(db.prisma, viewer.scope, async (tx) => ({
    custodian: await activeCustodianOf(tx, viewer, tenantId),
    recipients: await tx.identityCustodian.findMany({ where: { tenantId, active: true }, select: { id: true, publicKey: true }, orderBy: { id: 'asc' } }),
  }));
  const privateKey = await unlock(custodian, input.passphrase);
  // Recorded before the work: a re-seal that dies half way is still on the record (it is safe to run again).
  await withDataScope(db.prisma, viewer.scope, (tx) =>
    recordAudit(tx, {
      tenantId,
      actorId: viewer.userId,
      action: 'IDENTITIES_RESEALED',
      data: { custodianId: custodian.id, recipients: recipients.map((recipient) => recipient.id) },
    }),
  );
  const wanted = recipients
    .map((recipient) => recipient.id)
    .sort()
    .join(',');
  let resealed = 0;
  let skipped = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await withDataScope(db.prisma, viewer.scope, async (tx) => {
      const rows = await tx.case.findMany({
        where: { tenantId, identityProtection: 'SEALED', ...(after ? { id: { gt: after } } : {}) },
        select: { id: true, identity: true },
        orderBy: { id: 'asc' },
        take: RESEAL_BATCH,
      });
      for (const row of rows) {
        const envelope = sealedEnvelopeSchema.parse(row.identity);
        const sealedTo = listSealedCustodianIds(envelope);
        if ([...sealedTo].sort().join(',') === wanted) continue;
        if (!sealedTo.includes(custodian.id)) {
          skipped += 1;
          continue;
        }
        const next = resealToRecipients(
          envelope,
          { custodianId: custodian.id, privateKey },
          recipients.map((recipient) => ({ custodianId: recipient.id, publicKey: recipient.publicKey })),
          identityAad(tenantId, row.id),
        );
        await tx.case.update({ where: { id: row.id }, data: { identity: next as unknown as Prisma.InputJsonValue } });
        resealed += 1;
      }
      return rows;
    });
    if (batch.length < RESEAL_BATCH) break;
    after = batch.at(-1)!.id;
  }
  return { resealed, skipped, custodians: recipients.length };
}

/** Removes a custodian (not oneself) and re-seals the agency's identities without them. */
export async function removeIdentityCustodian(db: Database, viewer: StaffViewer, input: { custodianId: string; passphrase: string }) {
  const tenantId = requireCustodianRole(viewer);
  await withDataScope(db.prisma, viewer.scope, async (tx) => {
    const actor = await activeCustodianOf(tx, viewer, tenantId);
    if (actor.id === input.custodianId)
      throw new AppError('BAD_USER_INPUT', 'Another custodian removes you: the remaining ones must re-seal without your key.');
    await unlock(actor, input.passphrase);
    const target = await tx.identityCustodian.findFirst({ where: { id: input.custodianId, tenantId, active: true }, select: { id: true, staffUserId: true } });
    if (!target) throw new AppError('NOT_FOUND', 'No active custodian with this id.');
    // A custodian who still holds the role is removed by two people (a role change proposal),
    // never by one colleague: that would let one custodian keep every identity to themselves.
    const holder = target.staffUserId ? await tx.staffUser.findUnique({ where: { id: target.staffUserId }, select: { active: true, roles: true } }) : null;
    if (holder?.active && holder.roles.includes('IDENTITY_CUSTODIAN')) {
      throw new AppError('FORBIDDEN', 'This custodian still holds the role: removing a custodian is proposed by the admin and confirmed by the head.');
    }
    await tx.identityCustodian.update({ where: { id: target.id }, data: { active: false, removedAt: new Date() } });
    await recordAudit(tx, {
      tenantId,
      actorId: viewer.userId,
      action: 'CUSTODIAN_KEY_REMOVED',
      subjectStaffId: target.staffUserId,
      data: { custodianId: target.id },
    });
  });
  return resealIdentities(db, viewer, input);
}

export function listCustodians(db: Database, viewer: StaffViewer) {
  const tenantId = viewer.tenantId;
  if (!tenantId) return Promise.resolve([]);
  return withDataScope(db.prisma, viewer.scope, (tx) =>
    tx.identityCustodian.findMany({
      where: { tenantId },
      select: { id: true, name: true, active: true, staffUserId: true, createdAt: true, removedAt: true },
      orderBy: { createdAt: 'asc' },
    }),
  );
}
