/**
 * Sign-in cannot be used against staff or reporters (ADR 0016), over HTTP against a started
 * API with real limits (RATE_LIMIT_SCALE=1), on PGlite or PostgreSQL + Redis. Addresses are
 * told apart by X-Forwarded-For, which the API trusts from loopback (as from the web server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '@aduan/api/auth/staff-auth.service.ts';
import { hashPassword } from '@aduan/api/auth/passwords.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql, type GraphQLResponse } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { consoleEndpoint, LOGIN_STAFF, staffClient } from './support/staff.ts';

const KALBAR = 'inspektorat-kalbar';
const BKAD = 'bkad-kalbar';
const OFFICE_SIZE = 50;
const OFFICE_PASSWORD = 'kata-sandi-kantor-1';
const WRONG_STAFF = { code: 'UNAUTHENTICATED', message: 'Wrong email or password, or too many attempts: wait a few minutes and try again.' };
const WRONG_REPORTER = { code: 'UNAUTHENTICATED', message: 'Wrong pseudonym or password, or too many attempts: wait a few minutes and try again.' };
const LOGIN_REPORTER = 'mutation($input: ReporterCredentialsInput!) { loginReporter(input: $input) { token } }';
const REGISTER_REPORTER = 'mutation($input: ReporterCredentialsInput!) { registerReporter(input: $input) { token } }';

let database: TestDatabase;
let api: RunningProcess;

const officeEmail = (index: number) => `staf-${index}@${KALBAR}.test`;

function signIn(slug: string | null, email: string, password: string, address: string) {
  return graphql(consoleEndpoint(api.url, slug), LOGIN_STAFF, { variables: { input: { email, password } }, headers: { 'x-forwarded-for': address } });
}

function reporterSignIn(pseudonym: string, password: string, address: string) {
  return graphql(`${api.url}/t/${KALBAR}/graphql`, LOGIN_REPORTER, { variables: { input: { pseudonym, password } }, headers: { 'x-forwarded-for': address } });
}

/** The code and message of a refusal (what a client can tell apart). */
function answerOf(response: GraphQLResponse) {
  const error = response.errors?.[0];
  return error ? { code: error.extensions?.code, message: error.message } : { code: 'OK', message: '' };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const db = database.open();
  try {
    const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: KALBAR } });
    const passwordHash = await hashPassword(OFFICE_PASSWORD);
    for (let index = 0; index < OFFICE_SIZE; index++) {
      await createStaffUser(db.prisma, {
        tenantId: tenant.id,
        email: officeEmail(index),
        name: `Staf ${index}`,
        password: OFFICE_PASSWORD,
        passwordHash,
        roles: ['VERIFIER'],
      });
    }
  } finally {
    await db.close();
  }
  api = await startApi({ ...database.env, RATE_LIMIT_SCALE: '1', LOG_LEVEL: 'warn' });
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('staff sign-in', () => {
  it("lets the owner sign in from their address after a stranger's 50 wrong passwords from another", async () => {
    const owner = officeEmail(0);
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(answerOf(await signIn(KALBAR, owner, `tebakan-ke-${attempt}`, '203.0.113.50'))).toEqual(WRONG_STAFF);
    }
    expect(answerOf(await signIn(KALBAR, owner, OFFICE_PASSWORD, '198.51.100.1'))).toEqual({ code: 'OK', message: '' });
  }, 120_000);

  it('stops a guesser on that account from their address, even with the right password', async () => {
    const target = officeEmail(1);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(answerOf(await signIn(KALBAR, target, `tebakan-ke-${attempt}`, '203.0.113.51'))).toEqual(WRONG_STAFF);
    }
    // The guesser's pair is closed: even the right password is answered as wrong, and tells nothing.
    expect(answerOf(await signIn(KALBAR, target, OFFICE_PASSWORD, '203.0.113.51'))).toEqual(WRONG_STAFF);
    // The owner, elsewhere, is not.
    expect(answerOf(await signIn(KALBAR, target, OFFICE_PASSWORD, '198.51.100.2'))).toEqual({ code: 'OK', message: '' });
  }, 60_000);

  it('answers an unknown email, a wrong password, another console and a closed account-and-address alike', async () => {
    const address = '203.0.113.53';
    const unknown = answerOf(await signIn(KALBAR, 'tidak-ada@inspektorat-kalbar.test', OFFICE_PASSWORD, address));
    const wrong = answerOf(await signIn(KALBAR, officeEmail(3), 'salah-kata-sandi', address));
    const elsewhere = answerOf(await signIn(BKAD, officeEmail(3), OFFICE_PASSWORD, address));
    for (let attempt = 0; attempt < 5; attempt++) await signIn(KALBAR, officeEmail(4), 'salah-kata-sandi', address);
    const closed = answerOf(await signIn(KALBAR, officeEmail(4), OFFICE_PASSWORD, address));
    expect([unknown, wrong, elsewhere, closed]).toEqual([WRONG_STAFF, WRONG_STAFF, WRONG_STAFF, WRONG_STAFF]);
  }, 60_000);

  it('lets an office of 50 behind one address sign in every morning, typos included', async () => {
    const office = '198.51.100.77';
    for (let index = 0; index < OFFICE_SIZE; index++) {
      if (index % 10 === 0) expect(answerOf(await signIn(KALBAR, officeEmail(index), 'kata-sandi-kantor-l', office))).toEqual(WRONG_STAFF);
      expect(answerOf(await signIn(KALBAR, officeEmail(index), OFFICE_PASSWORD, office)), officeEmail(index)).toEqual({ code: 'OK', message: '' });
    }
  }, 120_000);

  it('refuses an address after 100 failed sign-ins on any accounts, for every account alike', async () => {
    const address = '203.0.113.54';
    for (let attempt = 0; attempt < 100; attempt++) {
      expect(answerOf(await signIn(KALBAR, `tebakan-${attempt}@inspektorat-kalbar.test`, 'salah-kata-sandi', address))).toEqual(WRONG_STAFF);
    }
    const askedAt = Date.now();
    const unknown = answerOf(await signIn(KALBAR, 'tidak-ada@inspektorat-kalbar.test', 'salah-kata-sandi', address));
    const known = answerOf(await signIn(KALBAR, officeEmail(5), OFFICE_PASSWORD, address));
    const between = (Date.now() - askedAt) / 1000;
    expect(unknown.code).toBe('RATE_LIMITED');
    // The same answer; only the wait it names counts down between the two (a second boundary may pass).
    const waitOf = (answer: { message: string }) => Number(/(\d+) seconds/.exec(answer.message)?.[1]);
    const masked = (answer: { code: string; message: string }) => ({ ...answer, message: answer.message.replace(/\d+ seconds/, 'N seconds') });
    expect(masked(known)).toEqual(masked(unknown));
    expect(waitOf(unknown) - waitOf(known)).toBeGreaterThanOrEqual(0);
    expect(waitOf(unknown) - waitOf(known)).toBeLessThanOrEqual(Math.ceil(between) + 1);
  }, 120_000);
});

describe('reporter sign-in', () => {
  beforeAll(async () => {
    for (const pseudonym of ['Kenari-Hijau', 'Cendrawasih']) {
      const registered = await graphql(`${api.url}/t/${KALBAR}/graphql`, REGISTER_REPORTER, {
        variables: { input: { pseudonym, password: 'kata-sandi-pelapor-1' } },
        headers: { 'x-forwarded-for': '198.51.100.90' },
      });
      expect(registered.errors).toBeUndefined();
    }
  });

  it("lets the reporter sign in from their address after a stranger's 50 wrong passwords from another", async () => {
    for (let attempt = 0; attempt < 50; attempt++) {
      expect(answerOf(await reporterSignIn('Kenari-Hijau', `tebakan-ke-${attempt}`, '203.0.113.60'))).toEqual(WRONG_REPORTER);
    }
    expect(answerOf(await reporterSignIn('kenari-hijau', 'kata-sandi-pelapor-1', '198.51.100.91'))).toEqual({ code: 'OK', message: '' });
  }, 120_000);

  it('answers an unknown pseudonym, a wrong password and a closed account-and-address alike', async () => {
    const address = '203.0.113.61';
    const unknown = answerOf(await reporterSignIn('Tidak-Ada', 'kata-sandi-pelapor-1', address));
    for (let attempt = 0; attempt < 5; attempt++) await reporterSignIn('Cendrawasih', 'salah-kata-sandi', address);
    const wrong = answerOf(await reporterSignIn('Cendrawasih', 'salah-kata-sandi-2', address));
    const closed = answerOf(await reporterSignIn('Cendrawasih', 'kata-sandi-pelapor-1', address));
    expect([unknown, wrong, closed]).toEqual([WRONG_REPORTER, WRONG_REPORTER, WRONG_REPORTER]);
    expect(answerOf(await reporterSignIn('Cendrawasih', 'kata-sandi-pelapor-1', '198.51.100.92'))).toEqual({ code: 'OK', message: '' });
  }, 60_000);
});

describe('creating a staff member', () => {
  it('refuses an email that has an account anywhere, with a clear code that names no agency', async () => {
    const admin = await staffClient(api.url, BKAD, 'admin');
    const create = (email: string) =>
      admin.call('mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id } }', {
        input: { email, name: 'Staf Baru', roles: ['VERIFIER'], password: 'kata-sandi-baru-1' },
      });
    for (const email of ['verifikator@inspektorat-kalbar.test', 'VERIFIKATOR@Inspektorat-Kalbar.test', 'verifikator@bkad-kalbar.test']) {
      const refused = await create(email);
      expect(refused.errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
      expect(refused.errors![0]!.message).not.toMatch(/inspektorat|kalbar|agency|instansi/i);
    }
    expect((await create('baru@bkad-kalbar.test')).errors).toBeUndefined();
  });
});
