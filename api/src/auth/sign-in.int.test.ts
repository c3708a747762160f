/**
 * Every sign-in answer costs the same work (ADR 0016): an unknown account, an account of
 * another console, a wrong password and an attempt the guard refuses each run exactly one
 * argon2 verification, like a right password. Timing itself is measured by
 * ops/bench/sign-in-timing.ts, not asserted here. On PGlite and, with DATABASE_URL, PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { RateLimits } from '../abuse/rate-limits.ts';
import type { Database } from '../db.ts';
import { AppError } from '../errors.ts';
import { loginReporter, registerReporter } from '../reporters/reporter-account.service.ts';
import { countPasswordVerifications } from './passwords.ts';
import { createStaffUser, loginStaff } from './staff-auth.service.ts';

let database: TestDatabase;
let db: Database;
let tenantId: string;
const limits = new RateLimits(1);
const PASSWORD = 'kata-sandi-yang-benar';

/** The answer to one sign-in and the argon2 verifications it ran. */
async function attempt(run: () => Promise<unknown>) {
  const before = countPasswordVerifications();
  const outcome = await run().then(
    () => 'OK',
    (error: unknown) => (error instanceof AppError ? `${error.code}: ${error.message}` : String(error)),
  );
  return { outcome, verifications: countPasswordVerifications() - before };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  tenantId = (await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } })).id;
  await createStaffUser(db.prisma, { tenantId, email: 'pemilik@uji.test', name: 'Pemilik', password: PASSWORD, roles: ['VERIFIER'] });
  await registerReporter(db.prisma, { tenantId, pseudonym: 'Pemilik', password: PASSWORD, locale: 'id', sessionHours: 1 });
});

afterAll(async () => {
  await limits.close();
  await db?.close();
  await database?.drop();
});

describe('every staff sign-in answer costs one argon2 verification', () => {
  const staff = (email: string, password: string, address: string, console: string | null = tenantId) =>
    attempt(() => loginStaff(db.prisma, limits.signIn, { tenantId: console, email, password, address, sessionHours: 1 }));

  it('for an unknown account, another console, a wrong password, a closed pair and the right password', async () => {
    const wrong = 'UNAUTHENTICATED: Wrong email or password, or too many attempts: wait a few minutes and try again.';
    expect(await staff('tidak-ada@uji.test', PASSWORD, '10.0.0.1')).toEqual({ outcome: wrong, verifications: 1 });
    expect(await staff('pemilik@uji.test', PASSWORD, '10.0.0.1', null)).toEqual({ outcome: wrong, verifications: 1 });
    for (let index = 0; index < 5; index++) expect(await staff('pemilik@uji.test', 'salah', '10.0.0.2')).toEqual({ outcome: wrong, verifications: 1 });
    expect(await staff('pemilik@uji.test', PASSWORD, '10.0.0.2')).toEqual({ outcome: wrong, verifications: 1 });
    expect(await staff('pemilik@uji.test', PASSWORD, '10.0.0.3')).toEqual({ outcome: 'OK', verifications: 1 });
  });
});

describe('every reporter sign-in answer costs one argon2 verification', () => {
  const reporter = (pseudonym: string, password: string, address: string) =>
    attempt(() => loginReporter(db.prisma, limits.signIn, { tenantId, pseudonym, password, address, sessionHours: 1 }));

  it('for an unknown pseudonym, a wrong password, a closed pair and the right password', async () => {
    const wrong = 'UNAUTHENTICATED: Wrong pseudonym or password, or too many attempts: wait a few minutes and try again.';
    expect(await reporter('Tidak-Ada', PASSWORD, '10.0.1.1')).toEqual({ outcome: wrong, verifications: 1 });
    for (let index = 0; index < 5; index++) expect(await reporter('pemilik', 'salah-salah', '10.0.1.2')).toEqual({ outcome: wrong, verifications: 1 });
    expect(await reporter('pemilik', PASSWORD, '10.0.1.2')).toEqual({ outcome: wrong, verifications: 1 });
    expect(await reporter('pemilik', PASSWORD, '10.0.1.3')).toEqual({ outcome: 'OK', verifications: 1 });
  });
});

describe('the account ceiling', () => {
  it('keeps the usual address open when guessers on many addresses pass it', async () => {
    const staff = (password: string, address: string) =>
      attempt(() => loginStaff(db.prisma, limits.signIn, { tenantId, email: 'pemilik@uji.test', password, address, sessionHours: 1 }));
    expect((await staff(PASSWORD, '10.0.2.1')).outcome).toBe('OK');
    for (let index = 0; index < 100; index++) await staff('salah', `10.0.3.${index}`);
    expect((await staff(PASSWORD, '10.0.2.250')).outcome).toMatch(/^UNAUTHENTICATED/);
    expect((await staff(PASSWORD, '10.0.2.1')).outcome).toBe('OK');
  }, 60_000);
});
