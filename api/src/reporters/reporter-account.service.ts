/**
 * Pseudonymous reporter accounts: a pseudonym the reporter chooses and a password, hashed
 * with argon2id. Nothing else identifies the account. Sessions are random bearer tokens,
 * stored only as hashes; guessing is limited per account and address, as for staff
 * (abuse/sign-in-guard.ts, ADR 0016), never by locking the account.
 */
import { withTenantScope } from '../auth/data-scope.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createToken, hashPassword, hashToken, verifyPassword } from '../auth/passwords.ts';
import type { SignInGuard } from '../abuse/sign-in-guard.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import type { Locale } from '../i18n/locale.ts';
import { reportMessage } from '../cases/report-messages.ts';

const PSEUDONYM = /^[\p{L}\p{N}._-]{3,40}$/u;
const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export interface ReporterSessionRef {
  accountId: string;
  sessionId: string;
  pseudonym: string;
}

/** The one answer to an unknown pseudonym, a wrong password and an attempt the guard refuses. */
export function wrongReporterCredentials(): AppError {
  return new AppError('UNAUTHENTICATED', 'Wrong pseudonym or password, or too many attempts: wait a few minutes and try again.');
}

function badInput(field: string, message: string): AppError {
  return new AppError('BAD_USER_INPUT', message, { issues: [{ path: ['input', field], message }] });
}

function checkCredentials(pseudonym: string, password: string, locale: Locale) {
  const normalized = pseudonym.normalize('NFC').trim();
  if (!PSEUDONYM.test(normalized)) throw badInput('pseudonym', reportMessage('pseudonymFormat', locale));
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw badInput('password', reportMessage('passwordTooShort', locale));
  }
  return { pseudonym: normalized, pseudonymKey: normalized.toLowerCase() };
}

async function createSession(tx: Pick<PrismaClient, 'reporterSession'>, tenantId: string, accountId: string, hours: number) {
  const token = createToken();
  const expiresAt = new Date(Date.now() + hours * 3600 * 1000);
  await tx.reporterSession.create({ data: { tenantId, accountId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

export async function registerReporter(
  prisma: PrismaClient,
  input: { tenantId: string; pseudonym: string; password: string; locale: Locale; sessionHours: number },
) {
  const { pseudonym, pseudonymKey } = checkCredentials(input.pseudonym, input.password, input.locale);
  const passwordHash = await hashPassword(input.password);
  try {
    return await withTenantScope(prisma, input.tenantId, async (tx) => {
      const existing = await tx.reporterAccount.findUnique({ where: { tenantId_pseudonymKey: { tenantId: input.tenantId, pseudonymKey } } });
      if (existing) throw badInput('pseudonym', reportMessage('pseudonymTaken', input.locale));
      const account = await tx.reporterAccount.create({ data: { tenantId: input.tenantId, pseudonym, pseudonymKey, passwordHash } });
      const session = await createSession(tx, input.tenantId, account.id, input.sessionHours);
      return { ...session, pseudonym: account.pseudonym, accountId: account.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw badInput('pseudonym', reportMessage('pseudonymTaken', input.locale));
    throw error;
  }
}

export async function loginReporter(
  prisma: PrismaClient,
  guard: SignInGuard,
  input: { tenantId: string; pseudonym: string; password: string; address: string; sessionHours: number },
) {
  await guard.checkAddress(input.address);
  const pseudonymKey = input.pseudonym.normalize('NFC').trim().toLowerCase();
  const accountKey = `reporter:${input.tenantId}:${pseudonymKey}`;
  const [account, mayTry] = await Promise.all([
    withTenantScope(prisma, input.tenantId, (tx) =>
      tx.reporterAccount.findUnique({ where: { tenantId_pseudonymKey: { tenantId: input.tenantId, pseudonymKey } } }),
    ),
    guard.mayTry(accountKey, input.address),
  ]);
  const candidate = mayTry ? account : null;
  if (!(await verifyPassword(candidate?.passwordHash ?? null, input.password)) || !candidate) {
    await guard.recordFailure(accountKey, input.address, mayTry);
    throw wrongReporterCredentials();
  }
  await guard.recordSuccess(accountKey, input.address);
  const session = await withTenantScope(prisma, input.tenantId, async (tx) => {
    await tx.reporterAccount.update({ where: { id: candidate.id }, data: { lastLoginAt: new Date() } });
    return createSession(tx, input.tenantId, candidate.id, input.sessionHours);
  });
  return { ...session, pseudonym: candidate.pseudonym, accountId: candidate.id };
}

export async function findReporterSession(prisma: PrismaClient, tenantId: string, token: string): Promise<ReporterSessionRef | null> {
  const session = await withTenantScope(prisma, tenantId, (tx) =>
    // The tenant in the filter: another portal's session (whose account is out of scope) is none here.
    tx.reporterSession.findFirst({
      where: { tokenHash: hashToken(token), tenantId },
      include: { account: { select: { pseudonym: true } } },
    }),
  );
  if (!session || session.tenantId !== tenantId || session.revokedAt || session.expiresAt <= new Date()) return null;
  return { accountId: session.accountId, sessionId: session.id, pseudonym: session.account.pseudonym };
}

export async function logoutReporter(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.reporterSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
}
