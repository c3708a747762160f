/**
 * The API's HTTP edge (docs/trust/http-edge.md): malformed input is the client's error, the
 * GraphQL-over-HTTP audit passes, and the explorer loads nothing from a third-party host.
 * On PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { auditServer } from 'graphql-http';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { browserTestsEnabled, launchChromium } from './support/browser.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { REPO_ROOT, startApi, type RunningProcess } from './support/processes.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { demoEmail, loginStaff } from './support/staff.ts';

const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'api', 'schema.graphql'), 'utf8'));
const NUL = 'a\u0000b';
const NOT_A_UUID = 'not-a-uuid';
/** ID-typed names that are not UUIDs (the live cursors). */
const NON_UUID_IDS = new Set(['after']);
/** What an operation may answer before it looks at the value; anything else must be BAD_USER_INPUT. */
const NORMAL_REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);

type Mode = 'nul' | 'uuid';
type Path = (string | number)[];

/** A value for `type` with every String/ID leaf bad for `mode`; `bad` collects those leaves' paths. */
function sample(type: GraphQLInputType, mode: Mode, at: Path, name: string, bad: Path[], depth = 0): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [sample(nullable.ofType, mode, [...at, 0], name, bad, depth + 1)];
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields())) {
      if (depth > 3 && !isNonNullType(field.type)) continue;
      value[field.name] = sample(field.type, mode, [...at, field.name], field.name, bad, depth + 1);
    }
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  const scalar = getNamedType(nullable);
  switch (scalar.name) {
    case 'String':
      if (mode === 'nul') bad.push(at);
      return mode === 'nul' ? NUL : 'x';
    case 'ID':
      if (mode === 'nul') {
        bad.push(at);
        return NUL;
      }
      if (NON_UUID_IDS.has(name)) return '1';
      bad.push(at);
      return NOT_A_UUID;
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2026-01-05';
    case 'DateTime':
      return '2026-01-05T00:00:00.000Z';
    default:
      throw new Error(`no sample for scalar ${scalar.name}`);
  }
}

function hasLeaf(type: GraphQLInputType, scalars: string[], seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return scalars.includes(named.name);
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => hasLeaf(field.type, scalars, seen));
}

interface Probe {
  name: string;
  mode: Mode;
  query: string;
  variables: Record<string, unknown>;
  bad: Path[];
}

function probesOf(root: GraphQLObjectType | null | undefined, keyword: 'query' | 'mutation'): Probe[] {
  const probes: Probe[] = [];
  for (const field of Object.values(root?.getFields() ?? {}) as GraphQLField<unknown, unknown>[]) {
    for (const mode of ['nul', 'uuid'] as const) {
      const relevant = (argument: GraphQLArgument) => hasLeaf(argument.type, mode === 'nul' ? ['String', 'ID'] : ['ID']);
      if (!field.args.some(relevant)) continue;
      const bad: Path[] = [];
      const variables: Record<string, unknown> = {};
      for (const argument of field.args) {
        const mine: Path[] = [];
        variables[argument.name] = sample(argument.type, mode, [argument.name], argument.name, mine);
        bad.push(...mine);
      }
      if (bad.length === 0) continue;
      const definitions = field.args.map((argument) => `$${argument.name}: ${argument.type.toString()}`).join(', ');
      const args = field.args.map((argument) => `${argument.name}: $${argument.name}`).join(', ');
      const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : ' { __typename }';
      probes.push({
        name: `${keyword} ${field.name} (${mode === 'nul' ? 'NUL byte' : 'non-UUID id'})`,
        mode,
        query: `${keyword} Probe(${definitions}) { ${field.name}(${args})${selection} }`,
        variables,
        bad,
      });
    }
  }
  return probes;
}

const probes = [...probesOf(schema.getQueryType(), 'query'), ...probesOf(schema.getMutationType(), 'mutation')];

/** Log lines of the process at level error (50) or above. */
function errorLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .filter((line) => {
      try {
        return (JSON.parse(line) as { level?: number }).level! >= 50;
      } catch {
        return false;
      }
    });
}

let database: TestDatabase;
let api: RunningProcess;
/** Bearer tokens per viewer: staff operations must reach their services, not stop at UNAUTHENTICATED. */
const tokens: Record<string, string | null> = { anonymous: null };
const VIEWERS = ['anonymous', 'verifikator', 'admin'] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  // No trusted proxy: the test client is a stranger.
  api = await startApi({ ...database.env, ADUAN_MODE: 'demo', TRUSTED_PROXIES: '', SLA_SWEEP_ENABLED: 'false' });
  for (const role of ['verifikator', 'admin']) tokens[role] = await loginStaff(api.url, 'inspektorat-bontang', demoEmail(role, 'inspektorat-bontang'));
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

const endpoint = (slug?: string) => (slug ? `${api.url}/t/${slug}/graphql` : `${api.url}/graphql`);

describe('malformed input is the client error, never ours', () => {
  it('covers the schema', () => {
    // Every operation with a String or ID argument gets a NUL probe, those with ids a non-UUID probe too.
    expect(probes.filter((probe) => probe.mode === 'nul').length).toBeGreaterThanOrEqual(25);
    expect(probes.map((probe) => probe.name)).toEqual(
      expect.arrayContaining([
        'mutation submitReport (NUL byte)',
        'mutation loginStaff (NUL byte)',
        'mutation loginReporter (NUL byte)',
        'query staffCase (non-UUID id)',
      ]),
    );
  });

  it.each(probes.flatMap((probe) => VIEWERS.map((viewer) => [probe.name, viewer, probe] as const)))('%s as %s', async (_name, viewer, probe) => {
    const token = tokens[viewer];
    const response = await fetch(endpoint('inspektorat-bontang'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: probe.query, variables: probe.variables }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as { errors?: { extensions?: { code?: string; issues?: { path: Path; message: string }[] } }[] };
    const error = body.errors?.[0];
    expect(error, JSON.stringify(body)).toBeDefined();
    const code = error!.extensions?.code;
    if (NORMAL_REFUSALS.has(code!)) return;
    expect(code, JSON.stringify(body)).toBe('BAD_USER_INPUT');
    expect(response.status).toBe(400);
    const named = (error!.extensions?.issues ?? []).map((issue) => JSON.stringify(issue.path));
    expect(named.length, JSON.stringify(body)).toBeGreaterThan(0);
    expect(probe.bad.map((at) => JSON.stringify(at))).toEqual(expect.arrayContaining(named));
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at |stacktrace/);
  });

  it('answers a legacy application/json client 200 with the errors, and names the field', async () => {
    const response = await graphql(endpoint('inspektorat-bontang'), 'mutation($input: StaffCredentialsInput!) { loginStaff(input: $input) { __typename } }', {
      variables: { input: { email: NUL, password: 'x' } },
    });
    expect(response.status).toBe(200);
    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['input', 'email'] }] });
    // In the request's language: Bahasa Indonesia by default, English when asked.
    expect(response.errors![0]!.extensions!.issues[0].message).toMatch(/NUL/);
    const english = await graphql(endpoint('inspektorat-bontang'), '{ staffCase(id: "42") { id } }', { headers: { 'accept-language': 'en' } });
    expect(english.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: ['id'], message: 'Not a valid identifier.' }] });
  });

  it('answers a syntax error as a client error, not 500', async () => {
    const legacy = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ provinces { ' }),
    });
    expect(legacy.status).toBe(200);
    expect((await legacy.json()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const modern = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ provinces { ' }),
    });
    expect(modern.status).toBe(400);
    expect(modern.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    // Too many tokens is a parse error too.
    const long = await graphql(endpoint(), `{ ${'__typename '.repeat(2100)} }`);
    expect(long.status).toBe(200);
    expect(long.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a malformed id or a NUL byte in a subscription the same way', async () => {
    const client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/t/inspektorat-bontang/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
    });
    const first = (query: string, variables: Record<string, unknown>) =>
      new Promise<unknown>((resolve) => {
        client.subscribe({ query, variables }, { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => resolve(null) });
      });
    try {
      const byId = JSON.stringify(await first('subscription($id: ID!) { caseUpdates(id: $id) { cursor } }', { id: NOT_A_UUID }));
      expect(byId).toMatch(/BAD_USER_INPUT/);
      expect(byId).toContain('"path":["id"]');
      const byText = JSON.stringify(await first('subscription($number: String!) { reportUpdates(registrationNumber: $number) { cursor } }', { number: NUL }));
      expect(byText).toMatch(/BAD_USER_INPUT/);
      expect(byText).toContain('"path":["registrationNumber"]');
    } finally {
      await client.dispose();
    }
  });

  it('writes nothing above warn level for any of it', () => {
    expect(errorLines(api.output())).toEqual([]);
  });
});

describe('the GraphQL-over-HTTP audit (graphql-http)', () => {
  it.each([['/graphql'], ['/t/inspektorat-bontang/graphql']])('%s: no MUST failure, no SHOULD warning', async (at) => {
    const results = await auditServer({ url: `${api.url}${at}` });
    const problems = results
      .filter((result) => result.status === 'error' || result.status === 'warn')
      .map((result) => `${result.status}: ${result.name}: ${result.status === 'ok' ? '' : result.reason}`);
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
    expect(errorLines(api.output())).toEqual([]);
  });
});

describe('the explorer in the demo', () => {
  it('answers introspection', async () => {
    const response = await graphql(endpoint(), '{ __schema { queryType { name } } }');
    expect(response.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it.skipIf(!browserTestsEnabled)(
    'loads in Chromium with every request to the API itself',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const requested: string[] = [];
        const problems: string[] = [];
        page.on('request', (request) => requested.push(request.url()));
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        page.on('pageerror', (error) => problems.push(error.message));
        const response = await page.goto(`${api.url}/t/inspektorat-bontang/graphql`, { waitUntil: 'networkidle' });
        expect(response!.status()).toBe(200);
        expect(response!.headers()['content-security-policy']).toMatch(/default-src 'self'/);
        // GraphiQL's editor is up and has read the schema (introspection went to our own endpoint).
        await page.locator('.graphiql-query-editor').first().waitFor({ timeout: 30_000 });
        await page.waitForFunction(() => !document.body.textContent?.includes('Ruru is loading'), undefined, { timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        const origin = new URL(api.url).origin;
        expect(requested.length).toBeGreaterThan(3);
        expect(requested.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
        expect(requested).toContain(`${origin}/t/inspektorat-bontang/graphql`);
        expect(problems.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    90_000,
  );
});

describe('in production mode', () => {
  let production: RunningProcess;
  let productionDatabase: TestDatabase;
  beforeAll(async () => {
    // Its own database: production refuses the demo accounts the other API's database holds.
    productionDatabase = await createTestDatabase();
    production = await startApi({
      ...productionDatabase.env,
      ADUAN_MODE: 'production',
      NODE_ENV: 'production',
      IDENTITY_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
      SLA_SWEEP_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await production?.stop();
    await productionDatabase?.drop();
  });

  it('refuses introspection over HTTP', async () => {
    const response = await graphql(`${production.url}/graphql`, '{ __schema { queryType { name } } }');
    expect(response.data ?? null).toBeNull();
    expect(response.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors![0]!.message).toMatch(/introspection/i);
  });

  it('refuses introspection over WebSocket', async () => {
    // Validation runs before the live server refuses a query (only subscriptions run there), so an
    // introspection query gets the introspection refusal when it is off, "only subscriptions" when on.
    const client = createClient({ url: `${production.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      const answer = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: '{ __schema { queryType { name } } }' },
          { next: (value) => resolve(value), error: (error) => resolve(error), complete: () => resolve(null) },
        );
      });
      expect(JSON.stringify(answer)).toMatch(/introspection/i);
      expect(JSON.stringify(answer)).toMatch(/GRAPHQL_VALIDATION_FAILED/);
    } finally {
      await client.dispose();
    }
  });

  it('shows no explorer on GET /graphql', async () => {
    const response = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql|ruru|sandbox/i);
    expect((await fetch(`${production.url}/explorer/ruru.js`)).status).toBe(404);
  });
});
