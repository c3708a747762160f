/**
 * Staff accounts: sign in to an agency's console (or, without an agency, the provincial
 * secretariat's), sessions as hashed bearer tokens, guessing limited per account and
 * address (abuse/sign-in-guard.ts, ADR 0016). Authentication runs before a viewer's scope
 * exists: it finds the account by its address or its session's secret in the platform's
 * scope (auth/data-scope.ts); everything after it runs inside the viewer's scope.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import { withPlatformScope } from './data-scope.ts';
import type { StaffRole } from './roles.ts';
import { createToken, hashPassword, hashToken, verifyPassword } from './passwords.ts';
import type { SignInGuard } from '../abuse/sign-in-guard.ts';
import type { StaffPrincipal } from './abilities.ts';

const MIN_PASSWORD_LENGTH = 12;

export interface StaffSessionRef extends StaffPrincipal {
  sessionId: string;
  name: string;
  email: string;
  title: string | null;
  provinceId: string | null;
}

export function emailKey(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/**
 * Creates an account. `passwordHash` lets a caller creating many accounts with one
 * password (the demo seed) hash it once.
 */
export async function createStaffUser(
  prisma: Pick<PrismaClient, 'staffUser'>,
  input: {
    tenantId?: string | null;
    provinceId?: string | null;
    email: string;
    name: string;
    title?: string | null;
    password: string;
    passwordHash?: string;
    roles: StaffRole[];
    demo?: boolean;
  },
) {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new AppError('BAD_USER_INPUT', `A staff password has at least ${MIN_PASSWORD_LENGTH} characters.`);
  return prisma.staffUser.create({
    data: {
      tenantId: input.tenantId ?? null,
      provinceId: input.provinceId ?? null,
      email: input.email.trim(),
      emailKey: emailKey(input.email),
      name: input.name,
      title: input.title ?? null,
      passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
      roles: input.roles,
      demo: input.demo ?? false,
    },
  });
}

/** The one answer to an unknown email, a wrong password and an attempt the guard refuses. */
export function wrongStaffCredentials(): AppError {
  return new AppError('UNAUTHENTICATED', 'Wrong email or password, or too many attempts: wait a few minutes and try again.');
}

/**
 * Signs in on a console: an agency's (`tenantId`) for its own staff, or the platform's
 * (null) for secretariat staff and operators. An unknown address, an account of another
 * console, a deactivated one, a wrong password, and an attempt the guard refuses from this
 * address all get the same answer after the same single argon2 verification.
 */
export async function loginStaff(
  prisma: PrismaClient,
  guard: SignInGuard,
  input: { tenantId: string | null; email: string; password: string; address: string; sessionHours: number },
): Promise<{ token: string; expiresAt: Date }> {
  await guard.checkAddress(input.address);
  const key = emailKey(input.email);
  const account = `staff:${key}`;
  const [user, mayTry] = await Promise.all([
    withPlatformScope(prisma, (tx) => tx.staffUser.findUnique({ where: { emailKey: key } })),
    guard.mayTry(account, input.address),
  ]);
  const candidate = mayTry && user?.active && user.tenantId === input.tenantId ? user : null;
  if (!(await verifyPassword(candidate?.passwordHash ?? null, input.password)) || !candidate) {
    await guard.recordFailure(account, input.address, mayTry);
    throw wrongStaffCredentials();
  }
  await guard.recordSuccess(account, input.address);
  const token = createToken();
  const expiresAt = new Date(Date.now() + input.sessionHours * 3600_000);
  await withPlatformScope(prisma, async (tx) => {
    await tx.staffUser.update({ where: { id: candidate.id }, data: { lastLoginAt: new Date() } });
    await tx.staffSession.create({ data: { staffUserId: candidate.id, tokenHash: hashToken(token), expiresAt } });
  });
  return { token, expiresAt };
}

/** The signed-in staff member of a bearer token, or null (unknown, expired, revoked, deactivated). */
export async function findStaffSession(prisma: PrismaClient, token: string): Promise<StaffSessionRef | null> {
  const session = await withPlatformScope(prisma, (tx) => tx.staffSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { staffUser: true } }));
  if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.staffUser.active) return null;
  const user = session.staffUser;
  const provinceTenantIds =
    user.tenantId === null && user.provinceId !== null
      ? (await prisma.tenant.findMany({ where: { provinceId: user.provinceId }, select: { id: true } })).map((tenant) => tenant.id)
      : [];
  return {
    sessionId: session.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    roles: user.roles,
    tenantId: user.tenantId,
    provinceId: user.provinceId,
    provinceTenantIds,
  };
}

export async function logoutStaff(prisma: PrismaClient, sessionId: string): Promise<void> {
  await prisma.staffSession.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
}

/** The tenants a staff member's queries may reach (the row-level security scope). */
export function staffTenantIds(viewer: StaffPrincipal): string[] {
  return viewer.tenantId ? [viewer.tenantId] : [...viewer.provinceTenantIds];
}
