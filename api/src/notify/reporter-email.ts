/**
 * Where a reporter's mails go. A reporter with an account (pseudonymous or identified) gives an
 * address in the account: kept encrypted with the agency's data key and bound to the account
 * (AAD), read back only by its owner and by the mail sender; no staff role, query or log sees
 * it. An identified reporter without an account gets mail at the address in the identity they
 * gave when filing, when the agency's key keeps it (a sealed identity only a custodian opens);
 * each such mail carries a link that stops them for the report (`stopReportMail`).
 */
import { z } from 'zod';
import { withTenantScope } from '../auth/data-scope.ts';
import { AppError } from '../errors.ts';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';
import type { IdentityVault } from '../identity/identity-vault.service.ts';
import type { Locale } from '../i18n/locale.ts';
import { reportMessage } from '../cases/report-messages.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export function reporterEmailAad(tenantId: string, accountId: string): string {
  return `tenant:${tenantId}|reporter-account:${accountId}|notification-email`;
}

const EMAIL = z.email().max(254);

/** Sets (or, with an empty value, removes) the address; returns what is now kept. */
export async function setReporterNotificationEmail(
  prisma: PrismaClient,
  vault: IdentityVault,
  input: { tenantId: string; accountId: string; email: string | null; locale: Locale },
): Promise<string | null> {
  const email = (input.email ?? '').normalize('NFC').trim();
  if (email !== '' && !EMAIL.safeParse(email).success) {
    const message = reportMessage('badEmail', input.locale);
    throw new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['email'], message }] });
  }
  const sealed = email === '' ? null : await vault.encryptForTenant(prisma, input.tenantId, reporterEmailAad(input.tenantId, input.accountId), email);
  await withTenantScope(prisma, input.tenantId, (tx) =>
    tx.reporterAccount.update({
      where: { id: input.accountId },
      data: { notificationEmail: sealed ?? Prisma.DbNull, notificationLocale: sealed ? input.locale : null },
    }),
  );
  return email === '' ? null : email;
}

/** The account's address and the language of its mails, or null. */
export async function findReporterNotificationEmail(
  db: Db,
  vault: IdentityVault,
  tenantId: string,
  accountId: string,
): Promise<{ email: string; locale: Locale } | null> {
  const account = await db.reporterAccount.findUnique({ where: { id: accountId }, select: { notificationEmail: true, notificationLocale: true } });
  if (!account?.notificationEmail) return null;
  const email = await vault.decryptForTenant(db, tenantId, reporterEmailAad(tenantId, accountId), account.notificationEmail);
  return { email, locale: account.notificationLocale === 'en' ? 'en' : 'id' };
}

/** What the link in a mail to a reporter without an account proves: the mail's recipient. */
function stopSubject(caseId: string): string {
  return `case:${caseId}|reporter-mail-stop`;
}

export function reportMailStopToken(db: Db, vault: IdentityVault, tenantId: string, caseId: string): Promise<string> {
  return vault.linkToken(db, tenantId, stopSubject(caseId));
}

/** An identified reporter's address from their identity, and the report's language; null when none or stopped. */
export async function findReportEmail(db: Db, vault: IdentityVault, tenantId: string, caseId: string): Promise<{ email: string; locale: Locale } | null> {
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: { identityMode: true, identityProtection: true, identity: true, locale: true, reporterAccountId: true, reporterMailStoppedAt: true },
  });
  if (!found || found.reporterAccountId || found.reporterMailStoppedAt) return null;
  if (found.identityMode !== 'IDENTIFIED' || found.identityProtection !== 'TENANT_KEY' || !found.identity) return null;
  const identity = await vault.openTenantKeyed(db, { tenantId, caseId, envelope: found.identity });
  const email = identity.email?.trim();
  return email ? { email, locale: found.locale === 'en' ? 'en' : 'id' } : null;
}

/**
 * Stops the mails about one report, from the link in one of them. A wrong link is NOT_FOUND
 * (it says nothing of whether the report exists). Stopping again changes nothing.
 */
export async function stopReportMail(
  prisma: PrismaClient,
  vault: IdentityVault,
  input: { tenantId: string; caseId: string; token: string; now?: Date },
): Promise<void> {
  const valid = await vault.checkLinkToken(prisma, input.tenantId, stopSubject(input.caseId), input.token);
  if (!valid) throw new AppError('NOT_FOUND', 'This link is not valid.');
  await withTenantScope(prisma, input.tenantId, (tx) =>
    tx.case.updateMany({ where: { id: input.caseId, reporterMailStoppedAt: null }, data: { reporterMailStoppedAt: input.now ?? new Date() } }),
  );
}
