/**
 * Proxies are trusted only when configured (docs/trust/http-edge.md): the API believes
 * X-Forwarded-For and X-Forwarded-Host only from the peers in TRUSTED_PROXIES (default none), the
 * web server only from those in TRUST_PROXY (default none). On PGlite, or PostgreSQL + Redis
 * when DATABASE_URL / REDIS_URL are set.
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { REPO_TENANTS_DIR, setupTenants } from './support/setup-tenants.ts';
import { LOGIN_STAFF } from './support/staff.ts';
import { sharedWebBuild, startBuiltWeb } from './support/web-build.ts';

const BONTANG_HOST = 'wbs.bontang.test';
let database: TestDatabase;
let tenantsDir: string;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  tenantsDir = await mkdtemp(path.join(os.tmpdir(), 'aduan-tenants-'));
  await cp(REPO_TENANTS_DIR, tenantsDir, { recursive: true });
  const bontang = path.join(tenantsDir, 'inspektorat-bontang', 'tenant.yaml');
  await writeFile(bontang, (await readFile(bontang, 'utf8')).replace('hostnames: []', `hostnames: [${BONTANG_HOST}]`));
  await setupTenants(database, tenantsDir);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'aduan-proxies-'));
});

afterAll(async () => {
  await database?.drop();
  await rm(tenantsDir, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

/** An API on the shared database (one at a time: PGlite allows one process), with its own rate counts. */
function startApiTrusting(trustedProxies: string): Promise<RunningProcess> {
  return startApi({
    ...database.env,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_KEY_PREFIX: `proxies-${randomBytes(4).toString('hex')}`,
    TENANTS_DIR: tenantsDir,
    TRUSTED_PROXIES: trustedProxies,
    // Failed sign-ins per address: 100 × 0.03 = 3 per 15 minutes (api/src/abuse/sign-in-guard.ts).
    RATE_LIMIT_SCALE: '0.03',
    LIVE_MAX_CONNECTIONS_PER_IP: '2',
    SLA_SWEEP_ENABLED: 'false',
    LOG_LEVEL: 'warn',
  });
}

/** Failed sign-ins, each from the address `addressOf(attempt)` claims, for a different unknown account. */
async function signInCodes(api: RunningProcess, attempts: number, addressOf: (attempt: number) => string): Promise<string[]> {
  const codes: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    const response = await graphql(`${api.url}/t/inspektorat-bontang/graphql`, LOGIN_STAFF, {
      variables: { input: { email: `nobody-${attempt}-${randomBytes(3).toString('hex')}@example.org`, password: 'wrong-password-1234' } },
      headers: { 'x-forwarded-for': addressOf(attempt) },
    });
    codes.push(response.errors![0]!.extensions!.code);
  }
  return codes;
}

function tenantByHost(api: RunningProcess, forwardedHost: string): Promise<any> {
  return graphql(`${api.url}/graphql`, '{ tenant { slug } }', { headers: { 'x-forwarded-host': forwardedHost } });
}

/** Opens live sockets, each claiming its own forwarded address; resolves with each upgrade's status. */
async function liveUpgrades(api: RunningProcess, addresses: string[]): Promise<{ statuses: (number | 'open')[]; close(): void }> {
  const sockets: WebSocket[] = [];
  const statuses = await Promise.all(
    addresses.map(
      (address) =>
        new Promise<number | 'open'>((resolve) => {
          const socket = new WebSocket(`${api.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-forwarded-for': address } });
          sockets.push(socket);
          socket.once('open', () => resolve('open'));
          socket.once('unexpected-response', (_request, response: http.IncomingMessage) => resolve(response.statusCode ?? 0));
          socket.once('error', () => resolve(0));
        }),
    ),
  );
  return {
    statuses,
    close: () => {
      for (const socket of sockets) socket.terminate();
    },
  };
}

describe('an API that trusts no proxy (the default)', () => {
  let api: RunningProcess;
  beforeAll(async () => {
    api = await startApiTrusting('');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts a client that rotates X-Forwarded-For as one address', async () => {
    const codes = await signInCodes(api, 5, (attempt) => `203.0.113.${attempt + 1}`);
    expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('does not let X-Forwarded-Host select an agency', async () => {
    const response = await tenantByHost(api, BONTANG_HOST);
    expect(response.errors![0]!.extensions!.code).toBe('TENANT_NOT_FOUND');
  });

  it('counts live connections by the peer, not by a forwarded address', async () => {
    const live = await liveUpgrades(api, ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    try {
      expect(live.statuses.filter((status) => status === 'open')).toHaveLength(2);
      expect(live.statuses).toContain(429);
    } finally {
      live.close();
    }
  });
});

describe('an API that trusts its web server (loopback)', () => {
  let api: RunningProcess;
  beforeAll(async () => {
    api = await startApiTrusting('loopback');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('counts each forwarded address on its own', async () => {
    expect(await signInCodes(api, 5, (attempt) => `203.0.113.${attempt + 1}`)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const same = await signInCodes(api, 4, () => '192.0.2.77');
    expect(same).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
  });

  it('selects the agency by the forwarded host', async () => {
    const response = await tenantByHost(api, `${BONTANG_HOST}:443`);
    expect(response.data).toEqual({ tenant: { slug: 'inspektorat-bontang' } });
  });

  it('counts live connections by the forwarded address', async () => {
    const live = await liveUpgrades(api, ['198.51.100.1', '198.51.100.2', '198.51.100.3']);
    try {
      expect(live.statuses).toEqual(['open', 'open', 'open']);
    } finally {
      live.close();
    }
  });
});

describe('the web server', () => {
  let api: RunningProcess;
  let buildDirectory: string;
  beforeAll(async () => {
    buildDirectory = sharedWebBuild();
    api = await startApiTrusting('loopback');
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
  });

  /** A form post to the directory page as a browser on `origin` would send it, through a proxy naming `forwardedHost`. */
  async function post(web: RunningProcess, origin: string, forwardedHost: string): Promise<number> {
    const response = await fetch(`${web.url}/`, {
      method: 'POST',
      headers: { origin, 'x-forwarded-host': forwardedHost, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
      redirect: 'manual',
    });
    await response.arrayBuffer();
    return response.status;
  }

  it('ignores X-Forwarded-Host from a peer it does not trust (the default)', async () => {
    const web = await startBuiltWeb(api.url, buildDirectory);
    try {
      // A cross-site form naming its own host in X-Forwarded-Host does not pass the origin check.
      expect(await post(web, 'http://evil.example', 'evil.example')).toBe(403);
      // A page of this site still posts (whatever the page answers, it is not the origin refusal).
      expect(await post(web, web.url, 'evil.example')).not.toBe(403);
    } finally {
      await web.stop();
    }
  });

  it('shows a NUL byte in the staff sign-in form as a normal form message, not an error page', async () => {
    const web = await startBuiltWeb(api.url, buildDirectory);
    try {
      for (const [fields, language] of [
        ['email=verifikator%00@inspektorat-bontang.test&password=secret-password', 'id'],
        ['email=verifikator@inspektorat-bontang.test&password=sec%00ret', 'en'],
      ] as const) {
        const response = await fetch(`${web.url}/t/inspektorat-bontang/konsol/masuk`, {
          method: 'POST',
          headers: { origin: web.url, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': language, cookie: `lang=${language}` },
          body: fields,
          redirect: 'manual',
        });
        const page = await response.text();
        expect(response.status).toBe(400);
        expect(page).toMatch(language === 'id' ? /Teks tidak boleh berisi karakter NUL/ : /Text must not contain a NUL character/);
        expect(page).not.toMatch(/\n\s+at |stack/i);
      }
    } finally {
      await web.stop();
    }
    expect(api.output()).not.toMatch(/"level":(50|60)/);
  });

  it('believes X-Forwarded-Host from a configured proxy', async () => {
    const web = await startBuiltWeb(api.url, buildDirectory, { TRUST_PROXY: 'loopback' });
    try {
      expect(await post(web, 'https://portal.example', 'portal.example')).not.toBe(403);
      expect(await post(web, 'http://evil.example', 'portal.example')).toBe(403);
    } finally {
      await web.stop();
    }
  });
});
