/**
 * Demo doors: the demo agencies' accounts and custodian, whose passwords and passphrase are
 * published in the README. They exist only in the demo (ADUAN_MODE=demo). A production API
 * refuses to start while one is open (`findDemoDoors`), and `pnpm ops close-demo-doors` closes
 * them: the accounts are deactivated with an unusable password and their sessions end; the
 * custodian keys are retired (identities sealed to them stay sealed to the other custodians
 * after a re-seal). Runs as the operator, outside any data scope.
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { hashPassword } from '../auth/passwords.ts';
import { recordAudit } from '../audit/audit-log.service.ts';
import { withPlatformScope } from '../auth/data-scope.ts';

/** A demo account is marked, or lives at the reserved `.test` domain, which no real mailbox uses. */
const demoAccount = { active: true, OR: [{ demo: true }, { emailKey: { endsWith: '.test' } }] };

export interface DemoDoors {
  accounts: number;
  custodians: number;
}

/** Every agency's demo doors: the API looks in the platform's scope, the operator as the owner. */
export async function findDemoDoors(prisma: PrismaClient): Promise<DemoDoors> {
  return withPlatformScope(prisma, async (tx) => ({
    accounts: await tx.staffUser.count({ where: demoAccount }),
    custodians: await tx.identityCustodian.count({ where: { active: true, demo: true } }),
  }));
}

export function describeDemoDoors(doors: DemoDoors): string {
  return `${doors.accounts} demo staff account(s) and ${doors.custodians} demo custodian key(s) with published passwords exist`;
}

export async function closeDemoDoors(prisma: PrismaClient, actorLabel: string): Promise<DemoDoors> {
  const unusable = await hashPassword(randomBytes(32).toString('base64url'));
  return prisma.$transaction(async (tx) => {
    const accounts = await tx.staffUser.findMany({ where: demoAccount, select: { id: true, tenantId: true, provinceId: true } });
    const custodians = await tx.identityCustodian.findMany({ where: { active: true, demo: true }, select: { id: true, tenantId: true, staffUserId: true } });
    const now = new Date();
    await tx.staffUser.updateMany({ where: { id: { in: accounts.map((account) => account.id) } }, data: { active: false, passwordHash: unusable } });
    await tx.staffSession.updateMany({ where: { staffUserId: { in: accounts.map((account) => account.id) }, revokedAt: null }, data: { revokedAt: now } });
    await tx.identityCustodian.updateMany({ where: { id: { in: custodians.map((custodian) => custodian.id) } }, data: { active: false, removedAt: now } });
    for (const account of accounts) {
      await recordAudit(tx, {
        tenantId: account.tenantId,
        provinceId: account.provinceId,
        actorId: null,
        actorLabel,
        action: 'STAFF_DEACTIVATED',
        subjectStaffId: account.id,
        data: { demo: true },
      });
    }
    for (const custodian of custodians) {
      await recordAudit(tx, {
        tenantId: custodian.tenantId,
        actorId: null,
        actorLabel,
        action: 'CUSTODIAN_KEY_REMOVED',
        subjectStaffId: custodian.staffUserId,
        data: { custodianId: custodian.id, demo: true },
      });
    }
    return { accounts: accounts.length, custodians: custodians.length };
  });
}
