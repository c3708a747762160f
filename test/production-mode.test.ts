/**
 * Production has no demo doors (issue 12): with ADUAN_MODE=production a fresh setup creates no
 * account and no custodian that anyone outside could use, introspection is off, and the API
 * refuses to start while a demo account or custodian exists, until an operator closes them.
 * The operator bootstraps an agency's first people with `pnpm ops add-staff`.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@aduan/api/env.ts';
import { DEMO_CUSTODIAN_PASSPHRASE, DEMO_STAFF_PASSWORD, runCommand } from '@aduan/ops/src/commands/index.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { REPO_TENANTS_DIR, setupTenants } from './support/setup-tenants.ts';
import { LOGIN_STAFF } from './support/staff.ts';

const PRODUCTION = { ADUAN_MODE: 'production', IDENTITY_MASTER_KEY: randomBytes(32).toString('base64') };
const databases: TestDatabase[] = [];
const apis: RunningProcess[] = [];
let fresh: TestDatabase;
let freshSetup: string[];
let demo: TestDatabase;

beforeAll(async () => {
  fresh = await createTestDatabase();
  demo = await createTestDatabase();
  databases.push(fresh, demo);
  freshSetup = await setupTenants(fresh, REPO_TENANTS_DIR, PRODUCTION);
  await setupTenants(demo);
}, 240_000);

afterAll(async () => {
  for (const api of apis) await api.stop();
  for (const database of databases) await database.drop();
});

async function countDoors(database: TestDatabase) {
  const db = database.open();
  try {
    const [row] = await db.sql.query<{ staff: string; custodians: string }>(
      'SELECT (SELECT count(*) FROM staff_user WHERE active)::text AS staff, (SELECT count(*) FROM identity_custodian WHERE active)::text AS custodians',
    );
    return { staff: Number(row!.staff), custodians: Number(row!.custodians) };
  } finally {
    await db.close();
  }
}

const login = (api: RunningProcess, slug: string | null, email: string, password: string) =>
  graphql(slug ? `${api.url}/t/${slug}/graphql` : `${api.url}/graphql`, LOGIN_STAFF, { variables: { input: { email, password } } });

describe('production mode', () => {
  it('sets up no demo account or custodian, answers no introspection, and lets the operator add the first admin', async () => {
    const database = fresh;
    const lines = freshSetup;
    expect(lines).toContain('staff: skipped (ADUAN_MODE=production: no demo accounts or custodians)');
    expect(lines).toContain('custodian: skipped (ADUAN_MODE=production: no demo accounts or custodians)');
    expect(lines.join('\n')).not.toContain(DEMO_STAFF_PASSWORD);
    expect(lines.join('\n')).not.toContain(DEMO_CUSTODIAN_PASSPHRASE);
    expect(await countDoors(database)).toEqual({ staff: 0, custodians: 0 });

    // The operator adds the agency's first admin; a custodian is never added this way.
    const printed: string[] = [];
    const add = (roles: ('TENANT_ADMIN' | 'IDENTITY_CUSTODIAN')[], email: string) =>
      runCommand('add-staff', {
        env: parseEnv({ ...database.env, ...PRODUCTION }),
        tenantsDir: REPO_TENANTS_DIR,
        actor: 'ops:test',
        print: (line) => printed.push(line),
        staff: { tenant: 'inspektorat-kalbar', email, name: 'Admin Pertama', roles },
      });
    await expect(add(['IDENTITY_CUSTODIAN'], 'kustodian@kalbarprov.go.id')).rejects.toThrow(/appointed in the console/);
    await add(['TENANT_ADMIN'], 'admin@kalbarprov.go.id');
    const password = /password \(shown once; hand it to its holder in person\): (\S+)$/.exec(printed.at(-1)!)![1]!;

    const api = await startApi({ ...database.env, ...PRODUCTION });
    apis.push(api);
    for (const local of ['verifikator', 'pimpinan', 'kustodian', 'admin']) {
      const response = await login(api, 'inspektorat-kalbar', `${local}@inspektorat-kalbar.test`, DEMO_STAFF_PASSWORD);
      expect(response.errors?.[0]?.extensions?.code, local).toBe('UNAUTHENTICATED');
    }
    expect((await login(api, null, 'sekretariat@kalimantan-barat.test', DEMO_STAFF_PASSWORD)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await login(api, 'inspektorat-kalbar', 'admin@kalbarprov.go.id', password)).data?.loginStaff.token).toEqual(expect.any(String));
    const introspection = await graphql(`${api.url}/graphql`, '{ __schema { queryType { name } } }');
    expect(introspection.data?.__schema ?? null).toBeNull();
    expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
  }, 90_000); // starts an API process

  it('refuses to start while a demo account or custodian exists, and starts once the operator closes them', async () => {
    const database = demo;
    expect((await countDoors(database)).custodians).toBeGreaterThan(0);
    await expect(startApi({ ...database.env, ...PRODUCTION })).rejects.toThrow(
      /refusing to start in production: \d+ demo staff account\(s\) and \d+ demo custodian key\(s\)/,
    );

    // A production setup on a demo database stops too, naming the way out.
    await expect(setupTenants(database, REPO_TENANTS_DIR, PRODUCTION)).rejects.toThrow(/pnpm ops close-demo-doors/);
    const printed: string[] = [];
    await runCommand('close-demo-doors', {
      env: parseEnv({ ...database.env, ...PRODUCTION }),
      tenantsDir: REPO_TENANTS_DIR,
      actor: 'ops:test',
      print: (line) => printed.push(line),
    });
    expect(printed[0]).toMatch(/^close-demo-doors: \d+ demo accounts deactivated, \d+ demo custodian keys retired$/);
    expect(await countDoors(database)).toEqual({ staff: 0, custodians: 0 });

    const api = await startApi({ ...database.env, ...PRODUCTION });
    apis.push(api);
    const response = await login(api, 'inspektorat-kalbar', 'admin@inspektorat-kalbar.test', DEMO_STAFF_PASSWORD);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 120_000); // starts an API process twice and runs a production setup

  it.skipIf(!usingPostgres)(
    "refuses to start on PostgreSQL as the tables' owner, where row-level security would be no wall",
    async () => {
      const { API_DATABASE_URL: _ownLogin, ...asOwner } = fresh.env;
      await expect(startApi({ ...asOwner, ...PRODUCTION })).rejects.toThrow(
        /refusing to start in production: the API connects as \w+ is owner .*set API_DATABASE_URL/,
      );
      // With its own login (the test databases' aduan_api) the same API starts.
      const api = await startApi({ ...fresh.env, ...PRODUCTION });
      apis.push(api);
      expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    },
    90_000,
  ); // starts an API process twice
});
