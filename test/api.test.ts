/**
 * The GraphQL API over HTTP against a running API process, on PGlite or (with
 * DATABASE_URL) PostgreSQL, after the real ops setup.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '@aduan/api/env.ts';
import { runCommand } from '@aduan/ops/src/commands/index.ts';
import { createTestDatabase, usingPostgres, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { findFreePort, startApi, type RunningProcess } from './support/processes.ts';
import { REPO_TENANTS_DIR, setupTenants } from './support/setup-tenants.ts';

const BONTANG_HOST = 'wbs.bontang.test';
let database: TestDatabase;
let api: RunningProcess;
let tenantsDir: string;

const PORTAL_QUERY = /* GraphQL */ `
  {
    tenant {
      slug name timeZone registrationPrefix address
      theme { primaryColor primaryTextColor logoText }
      province { slug name }
      caseTypes { key kind name criteria criteriaElements onlineIntake identity { allowed confidential } slaPolicy { stages { key workingDays } escalationTarget } }
      serviceStandards { name requirements procedure completionTime fee complaintHandling }
      channels { kind name contact }
      faqs { question answer }
      contacts { kind value }
    }
  }
`;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantsDir = await mkdtemp(path.join(os.tmpdir(), 'aduan-tenants-'));
  await cp(REPO_TENANTS_DIR, tenantsDir, { recursive: true });
  const bontang = path.join(tenantsDir, 'inspektorat-bontang', 'tenant.yaml');
  await writeFile(bontang, (await readFile(bontang, 'utf8')).replace('hostnames: []', `hostnames: [${BONTANG_HOST}]`));
  await setupTenants(database, tenantsDir);
  api = await startApi({ ...database.env, TENANTS_DIR: tenantsDir, CONFIG_CACHE_TTL_SECONDS: '1' });
});

afterAll(async () => {
  await api?.stop();
  await database?.drop();
  await rm(tenantsDir, { recursive: true, force: true });
});

const endpoint = (slug?: string) => (slug ? `${api.url}/t/${slug}/graphql` : `${api.url}/graphql`);

function requestWithHost(host: string, body: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${api.url}/graphql`, { method: 'POST', headers: { host, 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, json: JSON.parse(text) }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

describe('health', () => {
  it('answers /healthz and /readyz with the database it uses', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: usingPostgres ? 'postgresql' : 'pglite' });
  });
});

describe('the directory', () => {
  it('lists every province with its agencies', async () => {
    const { data, errors } = await graphql(endpoint(), '{ provinces { slug name secretariat tenants { slug shortName } } }');
    expect(errors).toBeUndefined();
    expect(data!.provinces.map((province: any) => [province.slug, province.tenants.map((tenant: any) => tenant.slug)])).toEqual([
      ['kalimantan-barat', ['bkad-kalbar', 'inspektorat-kalbar']],
      ['kalimantan-selatan', ['inspektorat-kalsel']],
      ['kalimantan-timur', ['inspektorat-bontang']],
    ]);
    expect(data!.provinces[0].secretariat).toMatch(/Sekretariat Daerah/);
  });
});

describe('a tenant by its path prefix', () => {
  it('serves each agency its own configuration', async () => {
    const kalbar = (await graphql(endpoint('inspektorat-kalbar'), PORTAL_QUERY)).data!.tenant;
    const bontang = (await graphql(endpoint('inspektorat-bontang'), PORTAL_QUERY)).data!.tenant;
    expect(kalbar).toMatchObject({
      slug: 'inspektorat-kalbar',
      name: 'Inspektorat Provinsi Kalimantan Barat',
      timeZone: 'Asia/Pontianak',
      registrationPrefix: 'INSKB',
    });
    expect(bontang).toMatchObject({ slug: 'inspektorat-bontang', name: 'Inspektorat Kota Bontang', timeZone: 'Asia/Makassar', registrationPrefix: 'BTG' });
    expect(kalbar.theme.primaryColor).not.toBe(bontang.theme.primaryColor);
    expect(kalbar.province.slug).toBe('kalimantan-barat');

    const complaint = kalbar.caseTypes.find((caseType: any) => caseType.key === 'complaint');
    expect(complaint.criteriaElements).toEqual(['WHAT', 'WHERE', 'WHEN']);
    expect(complaint.slaPolicy.stages.map((stage: any) => stage.workingDays)).toEqual([3, 5]);
    const wbs = bontang.caseTypes.find((caseType: any) => caseType.kind === 'WHISTLEBLOWING');
    expect(wbs.criteriaElements).toEqual(['WHAT', 'WHO', 'WHERE', 'WHEN', 'WHY', 'HOW']);
    expect(wbs.identity).toEqual({ allowed: ['PSEUDONYMOUS', 'ANONYMOUS'], confidential: true });

    expect(kalbar.serviceStandards[0]).toMatchObject({ fee: 'Tidak dipungut biaya' });
    expect(kalbar.faqs.length).toBe(7);
    expect(kalbar.channels.map((channel: any) => channel.contact)).toContain('whistleblower@kalbarprov.go.id');
    expect(kalbar.address).toMatch(/Sultan Syahrir No\. 3/);
  });

  it('answers in English when asked, falling back to Indonesian', async () => {
    const query = '{ tenant { name caseTypes { key name } } }';
    const english = (await graphql(endpoint('inspektorat-kalbar'), query, { headers: { 'accept-language': 'en' } })).data!.tenant;
    const indonesian = (await graphql(endpoint('inspektorat-kalbar'), query)).data!.tenant;
    expect(english.name).toBe('Inspectorate of West Kalimantan Province');
    expect(indonesian.name).toBe('Inspektorat Provinsi Kalimantan Barat');
    expect(english.caseTypes.find((caseType: any) => caseType.key === 'complaint').name).not.toBe(
      indonesian.caseTypes.find((caseType: any) => caseType.key === 'complaint').name,
    );
  });

  it('answers a repeated query from the response cache with the same data, and a different query with its own', async () => {
    const first = await graphql(endpoint('inspektorat-kalsel'), '{ tenant { slug shortName } }');
    const second = await graphql(endpoint('inspektorat-kalsel'), '{ tenant { slug shortName } }');
    expect(second).toEqual(first);
    expect(first.data!.tenant.slug).toBe('inspektorat-kalsel');
    const other = await graphql(endpoint('inspektorat-kalsel'), '{ tenant { registrationPrefix } }');
    expect(other.data).toEqual({ tenant: { registrationPrefix: 'INSKS' } });
    const otherTenant = await graphql(endpoint('inspektorat-bontang'), '{ tenant { slug shortName } }');
    expect(otherTenant.data!.tenant.slug).toBe('inspektorat-bontang');
  });

  it('gives the working calendar: the 2026 national days, and 2027 marked as not loaded', async () => {
    const { data } = await graphql(
      endpoint('bkad-kalbar'),
      '{ tenant { y2026: calendar(year: 2026) { loaded source days { date kind name } } y2027: calendar(year: 2027) { loaded days { date } } } }',
    );
    expect(data!.tenant.y2026.loaded).toBe(true);
    expect(data!.tenant.y2026.days).toHaveLength(25);
    expect(data!.tenant.y2026.days).toContainEqual({ date: '2026-08-17', kind: 'NATIONAL_HOLIDAY', name: 'Proklamasi Kemerdekaan' });
    expect(data!.tenant.y2026.days).toContainEqual({ date: '2026-12-24', kind: 'COLLECTIVE_LEAVE', name: 'Cuti bersama Kelahiran Yesus Kristus' });
    expect(data!.tenant.y2027).toEqual({ loaded: false, days: [] });
  });
});

describe('a tenant by its host name', () => {
  it('is found from the Host header and from X-Forwarded-Host', async () => {
    const byHost = await requestWithHost(BONTANG_HOST, JSON.stringify({ query: '{ tenant { slug } }' }));
    expect(byHost.json.data.tenant.slug).toBe('inspektorat-bontang');
    const forwarded = await graphql(endpoint(), '{ tenant { slug } }', { headers: { 'x-forwarded-host': `${BONTANG_HOST}:443` } });
    expect(forwarded.data!.tenant.slug).toBe('inspektorat-bontang');
  });
});

describe('bad input gets a clear error code, never a stack trace', () => {
  it.each([
    ['an unknown slug', endpoint.bind(null, 'no-such-agency'), {}],
    ['an unknown host', endpoint.bind(null, undefined), { 'x-forwarded-host': 'unknown.example.org' }],
    ['no tenant at all', endpoint.bind(null, undefined), {}],
    ['a slug that is not a slug', endpoint.bind(null, 'DROP%20TABLE'), {}],
  ])('%s is TENANT_NOT_FOUND', async (_name, url, headers) => {
    const response = await graphql(url(), '{ tenant { name } }', { headers: headers as Record<string, string> });
    expect(response.errors![0]!.extensions!.code).toBe('TENANT_NOT_FOUND');
    expect(response.data).toBeNull();
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await fetch(endpoint('inspektorat-kalbar'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(body)).not.toMatch(/\n\s+at /);
  });

  it.each([
    ['a syntax error', '{ tenant { name ', /GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/],
    ['an unknown field', '{ tenant { nope } }', /GRAPHQL_VALIDATION_FAILED/],
    [
      'a query nested too deep',
      '{ provinces { tenants { province { tenants { province { tenants { province { tenants { province { tenants { province { tenants { slug } } } } } } } } } } } } }',
      /GRAPHQL_VALIDATION_FAILED|BAD_USER_INPUT/,
    ],
  ])('%s gets a validation code', async (_name, query, code) => {
    const response = await graphql(endpoint('inspektorat-kalbar'), query);
    expect(response.errors![0]!.extensions!.code).toMatch(code);
    expect(JSON.stringify(response)).not.toMatch(/\n\s+at |stacktrace/);
  });

  it('rejects an out-of-range argument with BAD_USER_INPUT', async () => {
    const response = await graphql(endpoint('bkad-kalbar'), '{ tenant { calendar(year: 1800) { loaded } } }');
    expect(response.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown path with a JSON 404', async () => {
    const response = await fetch(`${api.url}/nope`);
    expect(response.status).toBe(404);
    expect((await response.json()).error).toBe('NOT_FOUND');
  });
});

describe('the explorer', () => {
  it('serves an explorer page on GET /graphql for browsers', async () => {
    const response = await fetch(endpoint('inspektorat-kalbar'), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);
  });
});

describe.runIf(usingPostgres)('a configuration change while the API runs (PostgreSQL: several processes share it)', () => {
  it('is served once the cache TTL has passed', async () => {
    const file = path.join(tenantsDir, 'inspektorat-kalsel', 'tenant.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^shortName: .*$/m, 'shortName: Inspektorat Kalsel Baru'));
    await runCommand('sync', { env: parseEnv({ ...database.env }), tenantsDir, actor: 'test', print: () => {} });
    await expect
      .poll(async () => (await graphql(endpoint('inspektorat-kalsel'), '{ tenant { shortName configVersion } }')).data!.tenant, {
        timeout: 5000,
        interval: 200,
      })
      .toEqual({ shortName: 'Inspektorat Kalsel Baru', configVersion: 2 });
  });
});

describe('an unreachable database', () => {
  let down: RunningProcess;
  beforeAll(async () => {
    const closedPort = await findFreePort();
    down = await startApi({ DATABASE_URL: `postgresql://aduan:aduan@127.0.0.1:${closedPort}/aduan`, LOG_LEVEL: 'silent' });
  });
  afterAll(async () => down?.stop());

  it('keeps /healthz up, fails /readyz, and answers queries with SERVICE_UNAVAILABLE', async () => {
    expect((await fetch(`${down.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${down.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable' });
    const response = await graphql(`${down.url}/t/inspektorat-kalbar/graphql`, '{ tenant { name } }');
    expect(response.errors![0]!.extensions!.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(response)).not.toMatch(/ECONNREFUSED|\n\s+at /);
  });
});
