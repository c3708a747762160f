/**
 * Staff accounts: sign in to an agency's console (or, without an agency, the provincial
 * secretariat's), sessions as hashed bearer tokens, lockout after repeated wrong
 * passwords. Authentication runs before any data scope exists, so it reads the account
 * tables directly; everything after it runs inside the viewer's scope.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';
import { AppError } from '../errors.ts';
import type { StaffRole } from '../cases/case-lifecycle.ts';
import { createToken, failedLoginUpdate, hashPassword, hashToken, lockedFor, verifyAgainstNobody, verifyPassword } from './passwords.ts';
import { accountLocked } from '../reporters/reporter-account.service.ts';
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
  input: { tenantId?: string | null; provinceId?: string | null; email: string; name: string; title?: string | null; password: string; passwordHash?: string; roles: StaffRole[]; demo?: boolean },
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

/**
 * Signs in on a console: an agency's (`tenantId`) for its own staff, or the platform's
 * (null) for secretariat staff and operators. Anything else is the same "wrong email or
 * password" as an unknown address.
 */
export async function loginStaff(
  prisma: PrismaClient,
  input: { tenantId: string | null; email: string; password: string; sessionHours: number },
): Promise<{ token: string; expiresAt: Date }> {
  const wrong = () => new AppError('UNAUTHENTICATED', 'Wrong email or password.');
  const user = await prisma.staffUser.findUnique({ where: { emailKey: emailKey(input.email) } });
  if (!user || !user.active || user.tenantId !== input.tenantId) {
    await verifyAgainstNobody(input.password);
    throw wrong();
  }
  const retryAfterSeconds = lockedFor(user.lockedUntil);
  if (retryAfterSeconds !== null) throw accountLocked(retryAfterSeconds);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await prisma.staffUser.update({ where: { id: user.id }, data: failedLoginUpdate(user.failedLogins) });
    throw wrong();
  }
  await prisma.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() } });
  const token = createToken();
  const expiresAt = new Date(Date.now() + input.sessionHours * 3600_000);
  await prisma.staffSession.create({ data: { staffUserId: user.id, tokenHash: hashToken(token), expiresAt } });
  return { token, expiresAt };
}

/** The signed-in staff member of a bearer token, or null (unknown, expired, revoked, deactivated). */
export async function findStaffSession(prisma: PrismaClient, token: string): Promise<StaffSessionRef | null> {
  const session = await prisma.staffSession.findUnique({ where: { tokenHash: hashToken(token) }, include: { staffUser: true } });
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
