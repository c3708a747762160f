/**
 * Pseudonymous reporter accounts: a pseudonym the reporter chooses and a password, hashed
 * with argon2id. Nothing else identifies the account. Sessions are random bearer tokens,
 * stored only as hashes; repeated wrong passwords lock the account for a while.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createToken, failedLoginUpdate, hashPassword, hashToken, lockedFor, verifyAgainstNobody, verifyPassword } from '../auth/passwords.ts';
import { AppError } from '../errors.ts';
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

export function accountLocked(retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', 'Too many wrong passwords: this account is locked for a while. Try again later.', { retryAfterSeconds });
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

async function createSession(prisma: PrismaClient, tenantId: string, accountId: string, hours: number) {
  const token = createToken();
  const expiresAt = new Date(Date.now() + hours * 3600 * 1000);
  await prisma.reporterSession.create({ data: { tenantId, accountId, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

export async function registerReporter(
  prisma: PrismaClient,
  input: { tenantId: string; pseudonym: string; password: string; locale: Locale; sessionHours: number },
) {
  const { pseudonym, pseudonymKey } = checkCredentials(input.pseudonym, input.password, input.locale);
  const passwordHash = await hashPassword(input.password);
  const existing = await prisma.reporterAccount.findUnique({ where: { tenantId_pseudonymKey: { tenantId: input.tenantId, pseudonymKey } } });
  if (existing) throw badInput('pseudonym', reportMessage('pseudonymTaken', input.locale));
  let account;
  try {
    account = await prisma.reporterAccount.create({ data: { tenantId: input.tenantId, pseudonym, pseudonymKey, passwordHash } });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') throw badInput('pseudonym', reportMessage('pseudonymTaken', input.locale));
    throw error;
  }
  const session = await createSession(prisma, input.tenantId, account.id, input.sessionHours);
  return { ...session, pseudonym: account.pseudonym };
}

export async function loginReporter(
  prisma: PrismaClient,
  input: { tenantId: string; pseudonym: string; password: string; sessionHours: number },
) {
  const pseudonymKey = input.pseudonym.normalize('NFC').trim().toLowerCase();
  const account = await prisma.reporterAccount.findUnique({ where: { tenantId_pseudonymKey: { tenantId: input.tenantId, pseudonymKey } } });
  const wrong = () => new AppError('UNAUTHENTICATED', 'Wrong pseudonym or password.');
  if (!account) {
    await verifyAgainstNobody(input.password);
    throw wrong();
  }
  const retryAfterSeconds = lockedFor(account.lockedUntil);
  if (retryAfterSeconds !== null) throw accountLocked(retryAfterSeconds);
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    await prisma.reporterAccount.update({ where: { id: account.id }, data: failedLoginUpdate(account.failedLogins) });
    throw wrong();
  }
  await prisma.reporterAccount.update({ where: { id: account.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() } });
  const session = await createSession(prisma, input.tenantId, account.id, input.sessionHours);
  return { ...session, pseudonym: account.pseudonym };
}

export async function findReporterSession(prisma: PrismaClient, tenantId: string, token: string): Promise<ReporterSessionRef | null> {
  const session = await prisma.reporterSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { account: { select: { pseudonym: true } } },
  });
  if (!session || session.tenantId !== tenantId || session.revokedAt || session.expiresAt <= new Date()) return null;
  return { accountId: session.accountId, sessionId: session.id, pseudonym: session.account.pseudonym };
}

export async function logoutReporter(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.reporterSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
}
