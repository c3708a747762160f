/**
 * A pseudonymous reporter's notification address: given by the reporter in their account, kept
 * encrypted with the agency's data key and bound to the account (AAD), read back only by its
 * owner and by the mail sender. No staff role, query or log ever sees it.
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
