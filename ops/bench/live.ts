/**
 * Benchmark: live updates (issue 6). API instance(s) on PostgreSQL hold N graphql-ws
 * subscribers, 80 % reporters following a report (`reportUpdates` with number and tracking
 * code) and 20 % staff (`inboxUpdates` of their agency, plus `caseUpdates` of one case),
 * across the four demo agencies and the provincial secretariats. Staff then write to cases
 * over HTTP (sendStaffMessage: the reporter sees it; addCaseNote: staff only) and every
 * payload's arrival is timed from just before the mutation was sent (and from its response).
 *
 * Checked for every event: each subscriber who may see it gets it exactly once, and nobody
 * else gets it ("may see" for staff is asked of the API itself: `staffCase` as that account).
 * Memory: the API's RSS and heap (after a GC, via live-probe.ts) and the client processes',
 * before and after connecting.
 *
 *   DATABASE_URL=postgresql://aduan:aduan@127.0.0.1:5432/aduan pnpm bench live [--connections 10000] [--instances 1]
 *   DATABASE_URL=… REDIS_URL=redis://127.0.0.1:6379 pnpm bench live --connections 20000 --instances 2
 *   pnpm bench live --suite     (both target runs, one after the other, one result file)
 *   … --profile                 (adds where each API instance's CPU went during the events)
 *
 * Client sockets are spread over two forked client processes: the file-descriptor limit
 * here is 20,000 (soft and hard), so one process cannot hold 20,000 sockets.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createLiveCursorCodec } from '@aduan/api/live/live-cursor.ts';
import { DEMO_STAFF_PASSWORD } from '../src/commands/index.ts';
import {
  BENCH_MASTER_KEY,
  benchApiEnv,
  cpuSeconds,
  createBenchDatabase,
  freePort,
  machine,
  REPO_ROOT,
  startChild,
  waitIdle as waitIdleProcesses,
  writeResults,
  type Child,
} from './support.ts';
import { summariseProfile, type ProfileSummary } from './cpu-profile.ts';
import type { Arrival, FromClient, PlannedConnection, ToClient } from './live-client.ts';

const { values } = parseArgs({
  options: {
    connections: { type: 'string' },
    instances: { type: 'string', default: '1' },
    suite: { type: 'boolean', default: false },
    'cases-per-agency': { type: 'string', default: '25' },
    'hot-per-agency': { type: 'string', default: '5' },
    events: { type: 'string', default: '24' },
    bursts: { type: 'string', default: '3' },
    'client-processes': { type: 'string', default: '2' },
    'in-flight': { type: 'string', default: '200' },
    output: { type: 'string', default: 'live' },
    profile: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const AGENCIES = ['inspektorat-kalbar', 'bkad-kalbar', 'inspektorat-kalsel', 'inspektorat-bontang'];
const AGENCY_ROLES = ['verifikator', 'telaah', 'pimpinan', 'kustodian', 'admin'];
const SECRETARIATS = ['sekretariat@kalimantan-barat.test', 'sekretariat@kalimantan-selatan.test', 'sekretariat@kalimantan-timur.test'];
const SESSIONS_PER_ACCOUNT = 4;
const REPORTER_SHARE = 0.8;
const TARGET_P99_MS = 500;
const CASES_PER_AGENCY = Number(values['cases-per-agency']);
const HOT_PER_AGENCY = Number(values['hot-per-agency']);
const CLIENT_PROCESSES = Number(values['client-processes']);
const SETTLE_MS = 3000;

const REPORT_UPDATES = `subscription R($number: String!, $code: String) { reportUpdates(registrationNumber: $number, trackingCode: $code) { cursor signal report { status messages { author body } } } }`;
const CASE_FIELDS = 'cursor signal caseId agencySlug registrationNumber eventKind status internal at';
const INBOX_UPDATES = `subscription I { inboxUpdates { ${CASE_FIELDS} } }`;
const CASE_UPDATES = `subscription C($id: ID!) { caseUpdates(id: $id) { ${CASE_FIELDS} } }`;
const LOGIN = `mutation L($input: StaffCredentialsInput!) { loginStaff(input: $input) { token } }`;
const ADD_NOTE = `mutation N($input: AddCaseNoteInput!) { addCaseNote(input: $input) { id } }`;
const SEND_MESSAGE = `mutation M($input: SendStaffMessageInput!) { sendStaffMessage(input: $input) { id } }`;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`live: ${line}`);

async function gql(endpoint: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}
const endpointOf = (apiUrl: string, slug: string | null) => (slug ? `${apiUrl}/t/${slug}/graphql` : `${apiUrl}/graphql`);
const wsOf = (apiUrl: string, slug: string | null) => endpointOf(apiUrl.replace(/^http/, 'ws'), slug);

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(1));
}
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: Number((sorted.at(-1) ?? 0).toFixed(1)),
  };
};

// --- processes ---------------------------------------------------------------------------

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0) * 1024;
}

interface Api extends Child {
  memoryFile: string;
  profileFile: string | null;
}

async function startApi(databaseUrl: string, redisUrl: string | undefined, index: number): Promise<Api> {
  const port = await freePort();
  const memoryFile = path.join(os.tmpdir(), `aduan-bench-live-${process.pid}-${index}.json`);
  const profileFile = values.profile ? path.join(os.tmpdir(), `aduan-bench-live-${process.pid}-${index}.cpuprofile`) : null;
  // node itself (not the tsx launcher), so the pid is the API's and the probe can answer.
  const child = await startChild(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', '--import', path.join(import.meta.dirname, 'live-probe.ts'), 'src/main.ts'],
    path.join(REPO_ROOT, 'api'),
    {
      ...benchApiEnv(databaseUrl),
      REDIS_URL: redisUrl ?? '',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SCALE: '100000',
      DATABASE_POOL_SIZE: '20',
      LIVE_MAX_CONNECTIONS_PER_IP: '0',
      IDENTITY_MASTER_KEY: BENCH_MASTER_KEY,
      EVIDENCE_DIR: path.join(REPO_ROOT, '.data', 'bench-evidence'),
      BENCH_MEMORY_FILE: memoryFile,
      ...(profileFile ? { BENCH_PROFILE_FILE: profileFile } : {}),
    },
    port,
    '/readyz',
  );
  return { ...child, memoryFile, profileFile };
}

/** Stops the API's CPU profiler (started after connecting) and summarises what it saw. */
async function profileOf(api: Api): Promise<ProfileSummary | null> {
  if (!api.profileFile) return null;
  rmSync(api.profileFile, { force: true });
  api.process.kill('SIGWINCH');
  for (let i = 0; i < 300 && !existsSync(api.profileFile); i += 1) await sleep(100);
  await sleep(500);
  return summariseProfile(api.profileFile, 12);
}

async function apiMemory(api: Api): Promise<{ rss: number; heapUsed: number; heapTotal: number; external: number }> {
  rmSync(api.memoryFile, { force: true });
  api.process.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(api.memoryFile); i += 1) await sleep(100);
  await sleep(50);
  const memory = JSON.parse(readFileSync(api.memoryFile, 'utf8')) as NodeJS.MemoryUsage;
  return { rss: rssBytes(api.process.pid!), heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, external: memory.external };
}

/** Waits until the API processes are (nearly) idle: subscriptions set up, nothing queued. */
async function waitIdle(apis: Api[], maxMs = 60_000): Promise<void> {
  await waitIdleProcesses(
    apis.map((api) => api.process.pid!),
    maxMs,
  );
}

interface ClientProcess {
  child: ChildProcess;
  request<T extends FromClient['type']>(message: ToClient, answer: T): Promise<Extract<FromClient, { type: T }>>;
}

function forkClient(): ClientProcess {
  const child = fork(path.join(import.meta.dirname, 'live-client.ts'), [], {
    cwd: path.join(REPO_ROOT, 'ops'),
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<string, (message: FromClient) => void>();
  child.on('message', (message: FromClient) => {
    const resolve = waiting.get(message.type);
    waiting.delete(message.type);
    resolve?.(message);
  });
  return {
    child,
    request: (message, answer) =>
      new Promise((resolve, reject) => {
        waiting.set(answer, resolve as (message: FromClient) => void);
        child.once('exit', (code) => reject(new Error(`client process exited with ${code}`)));
        child.send(message);
      }),
  };
}

// --- data --------------------------------------------------------------------------------

interface CaseRef {
  id: string;
  tenantId: string;
  slug: string;
  number: string;
  code: string;
  hot: boolean;
}
interface Account {
  name: string;
  slug: string | null;
  tokens: string[];
  /** Agency roles that can follow a case (the admin cannot read cases; the secretariat follows the inbox only). */
  followsCase: boolean;
}

async function fileCases(apiUrl: string, db: pg.Client): Promise<CaseRef[]> {
  const cases: CaseRef[] = [];
  for (const slug of AGENCIES) {
    const listed = await gql(
      endpointOf(apiUrl, slug),
      `{ tenant { caseTypes { key onlineIntake formFields { key type required maxLength options { value } } identity { allowed identifiedRequires } evidence { required } } } }`,
    );
    const types = (listed.data?.tenant?.caseTypes ?? []) as any[];
    const type = types.find((item) => item.onlineIntake && item.identity.allowed.includes('ANONYMOUS')) ?? types.find((item) => item.onlineIntake);
    if (!listed.data) throw new Error(`${slug}: ${JSON.stringify(listed).slice(0, 400)}`);
    // An agency without online intake (BKAD takes cases offline only): its staff follow an inbox that stays quiet.
    if (!type) continue;
    const answers = type.formFields.map((field: any) => ({
      field: field.key,
      value:
        field.type === 'DATE'
          ? '2026-03-02'
          : field.type === 'SELECT'
            ? field.options[0].value
            : field.type === 'NUMBER'
              ? '150000'
              : `Isi ${field.key} uji langsung`.slice(0, field.maxLength ?? 200),
    }));
    const anonymous = type.identity.allowed.includes('ANONYMOUS');
    const details: Record<string, [string, string]> = {
      NAME: ['name', 'Siti Rahayu'],
      ID_NUMBER: ['idNumber', '6171010101900001'],
      PHONE: ['phone', '081234567890'],
      EMAIL: ['email', 'siti@example.org'],
      ADDRESS: ['address', 'Jl. Merdeka 10'],
    };
    for (let i = 0; i < CASES_PER_AGENCY; i += 1) {
      let evidenceIds: string[] = [];
      if (type.evidence.required) {
        const link = (
          await gql(
            endpointOf(apiUrl, slug),
            'mutation U($input: CreateEvidenceUploadInput!) { createEvidenceUpload(input: $input) { evidenceId uploadPath } }',
            { input: { caseTypeKey: type.key, fileName: 'foto.png' } },
          )
        ).data.createEvidenceUpload;
        await (await fetch(`${apiUrl}${link.uploadPath}`, { method: 'PUT', body: new Uint8Array(png()) })).arrayBuffer();
        evidenceIds = [link.evidenceId];
      }
      const input: Record<string, unknown> = { caseTypeKey: type.key, answers, evidenceIds, identityMode: anonymous ? 'ANONYMOUS' : 'IDENTIFIED' };
      if (!anonymous) input.reporter = Object.fromEntries((type.identity.identifiedRequires as string[]).map((detail) => details[detail]!));
      const filed = await gql(
        endpointOf(apiUrl, slug),
        'mutation S($input: SubmitReportInput!) { submitReport(input: $input) { registrationNumber trackingCode } }',
        { input },
      );
      if (filed.errors) throw new Error(`${slug}: ${JSON.stringify(filed.errors).slice(0, 400)}`);
      const { registrationNumber, trackingCode } = filed.data.submitReport;
      const {
        rows: [row],
      } = await db.query<{ id: string; tenant_id: string }>('SELECT id, tenant_id FROM "case" WHERE registration_number = $1', [registrationNumber]);
      cases.push({ id: row!.id, tenantId: row!.tenant_id, slug, number: registrationNumber, code: trackingCode, hot: i < HOT_PER_AGENCY });
    }
  }
  return cases;
}

async function signIn(apiUrl: string): Promise<Account[]> {
  const accounts: Account[] = [];
  const login = async (slug: string | null, email: string) => {
    const tokens: string[] = [];
    for (let i = 0; i < SESSIONS_PER_ACCOUNT; i += 1) {
      const answer = await gql(endpointOf(apiUrl, slug), LOGIN, { input: { email, password: DEMO_STAFF_PASSWORD } });
      if (answer.errors) return null;
      tokens.push(answer.data.loginStaff.token);
    }
    return tokens;
  };
  for (const slug of AGENCIES) {
    for (const role of AGENCY_ROLES) {
      const tokens = await login(slug, `${role}@${slug}.test`);
      if (tokens) accounts.push({ name: `${role}@${slug}`, slug, tokens, followsCase: role !== 'admin' });
    }
  }
  for (const email of SECRETARIATS) {
    const tokens = await login(null, email);
    if (tokens) accounts.push({ name: email, slug: null, tokens, followsCase: false });
  }
  return accounts;
}

/** Which accounts may read which hot cases, as the API answers `staffCase` for them. */
async function mayRead(apiUrl: string, accounts: Account[], cases: CaseRef[]): Promise<Map<string, Set<string>>> {
  const readable = new Map<string, Set<string>>();
  for (const account of accounts) {
    const set = new Set<string>();
    for (const found of cases.filter((item) => item.hot)) {
      const answer = await gql(endpointOf(apiUrl, account.slug), 'query C($id: ID!) { staffCase(id: $id) { id } }', { id: found.id }, account.tokens[0]);
      if (answer.data?.staffCase?.id === found.id) set.add(found.id);
    }
    readable.set(account.name, set);
  }
  return readable;
}

// --- one run -----------------------------------------------------------------------------

type SubscriptionMeta =
  | { kind: 'report'; caseId: string; instance: number }
  | { kind: 'inbox' | 'case'; account: string; caseId: string | null; instance: number };

interface EventSent {
  caseId: string;
  cursor: string;
  visibility: string;
  kind: string;
  phase: string;
  sentAt: number;
  answeredAt: number;
}

const liveCursors = createLiveCursorCodec(Buffer.from(BENCH_MASTER_KEY, 'base64'));

async function runOnce(connections: number, instances: number) {
  const redisUrl = instances > 1 ? process.env.REDIS_URL : undefined;
  if (instances > 1 && !redisUrl) throw new Error('live: more than one instance needs REDIS_URL=redis://127.0.0.1:6379');
  const benchDb = await createBenchDatabase('live', 'aduan_bench_live');
  const apis: Api[] = [];
  const clients: ClientProcess[] = [];
  const db = new pg.Client({ connectionString: benchDb.url });
  await db.connect();
  try {
    for (let i = 0; i < instances; i += 1) apis.push(await startApi(benchDb.url, redisUrl, i));
    log(`${instances} API instance(s) up; filing ${AGENCIES.length * CASES_PER_AGENCY} cases, signing staff in`);
    const cases = await fileCases(apis[0]!.url, db);
    const accounts = await signIn(apis[0]!.url);
    const readable = await mayRead(apis[0]!.url, accounts, cases);
    const hot = cases.filter((item) => item.hot);

    // The plan: connection i goes to instance i % instances; reporters first in a round-robin over all cases.
    const metas: SubscriptionMeta[] = [];
    const plan: PlannedConnection[] = [];
    const reporters = Math.round(connections * REPORTER_SHARE);
    const staffConnections = { inbox: 0, case: 0 };
    for (let i = 0; i < connections; i += 1) {
      const instance = i % instances;
      const apiUrl = apis[instance]!.url;
      if (i < reporters) {
        const followed = cases[i % cases.length]!;
        metas.push({ kind: 'report', caseId: followed.id, instance });
        plan.push({
          url: wsOf(apiUrl, followed.slug),
          subscriptions: [{ id: metas.length - 1, query: REPORT_UPDATES, variables: { number: followed.number, code: followed.code } }],
        });
      } else {
        const s = i - reporters;
        const account = accounts[s % accounts.length]!;
        const token = account.tokens[Math.floor(s / accounts.length) % account.tokens.length]!;
        const subscriptions = [];
        metas.push({ kind: 'inbox', account: account.name, caseId: null, instance });
        subscriptions.push({ id: metas.length - 1, query: INBOX_UPDATES, variables: {} });
        staffConnections.inbox += 1;
        const own = hot.filter((item) => item.slug === account.slug);
        if (account.followsCase && own.length > 0) {
          const followed = own[Math.floor(s / accounts.length) % own.length]!;
          metas.push({ kind: 'case', account: account.name, caseId: followed.id, instance });
          subscriptions.push({ id: metas.length - 1, query: CASE_UPDATES, variables: { id: followed.id } });
          staffConnections.case += 1;
        }
        plan.push({ url: wsOf(apiUrl, account.slug), authToken: token, subscriptions });
      }
    }
    // Interleave so each client process gets the same mix.
    for (let i = 0; i < CLIENT_PROCESSES; i += 1) clients.push(forkClient());
    const shares = clients.map((_, c) => plan.filter((_, i) => i % clients.length === c));

    await waitIdle(apis, 10_000);
    const memoryBefore = {
      apis: await Promise.all(apis.map(apiMemory)),
      clients: await Promise.all(clients.map((client) => client.request({ type: 'memory' }, 'memory'))),
    };
    const cpuBeforeOpen = apis.map((api) => cpuSeconds(api.process.pid!));
    log(`opening ${connections} connections (${reporters} reporters, ${connections - reporters} staff) from ${clients.length} client processes`);
    const opened = await Promise.all(
      clients.map((client, c) =>
        client.request({ type: 'open', connections: shares[c]!, inFlight: Math.ceil(Number(values['in-flight']) / clients.length) }, 'opened'),
      ),
    );
    log(
      `connected ${opened.reduce((sum, item) => sum + item.connected, 0)}, failed ${opened.reduce((sum, item) => sum + item.failed, 0)} ${opened.find((item) => item.firstFailure)?.firstFailure ?? ''} in ${Math.round(Math.max(...opened.map((item) => item.ms)))} ms; waiting for the subscriptions to settle`,
    );
    await waitIdle(apis);
    const memoryAfter = {
      apis: await Promise.all(apis.map(apiMemory)),
      clients: await Promise.all(clients.map((client) => client.request({ type: 'memory' }, 'memory'))),
    };
    const connected = opened.reduce((sum, item) => sum + item.connected, 0);
    const cpuAfterOpen = apis.map((api) => cpuSeconds(api.process.pid!));
    // --profile: the API's CPU profile covers the events, not connecting (live-probe.ts).
    for (const api of apis) if (api.profileFile) api.process.kill('SIGWINCH');

    // --- events ---
    const sent: EventSent[] = [];
    let lastEventId = (await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM case_event')).rows[0]!.id;
    const verifier = new Map(accounts.filter((item) => item.name.startsWith('verifikator@')).map((item) => [item.slug!, item.tokens[0]!]));
    let sequence = 0;
    const failedWrites: { phase: string; error: string }[] = [];
    const write = async (target: CaseRef, kind: 'message' | 'note', phase: string, instance: number) => {
      sequence += 1;
      const sentAt = now();
      const answer =
        kind === 'message'
          ? await gql(
              endpointOf(apis[instance]!.url, target.slug),
              SEND_MESSAGE,
              { input: { caseId: target.id, body: `Pesan uji ${sequence}: mohon lengkapi data.` } },
              verifier.get(target.slug),
            )
          : await gql(
              endpointOf(apis[instance]!.url, target.slug),
              ADD_NOTE,
              { input: { caseId: target.id, kind: 'NOTE', body: `Catatan internal uji ${sequence}` } },
              verifier.get(target.slug),
            );
      const answeredAt = now();
      // A failed write is counted and reported, not fatal: its event (if any) is still checked.
      if (answer.errors)
        failedWrites.push({
          phase,
          error: `${kind} on ${target.number} after ${Math.round(answeredAt - sentAt)} ms: ${JSON.stringify(answer.errors).slice(0, 200)}`,
        });
      return { target, phase, sentAt, answeredAt };
    };
    const record = async (writes: Awaited<ReturnType<typeof write>>[]) => {
      const { rows } = await db.query<{ id: string; case_id: string; kind: string; visibility: string }>(
        'SELECT id::text, case_id, kind::text, visibility::text FROM case_event WHERE id > $1::bigint ORDER BY id',
        [lastEventId],
      );
      for (const row of rows) {
        const by = writes.find((item) => item.target.id === row.case_id);
        if (!by) continue; // another writer (an SLA sweep): not ours to time
        // Clients see each event's cursor as the deployment's opaque token of its id.
        sent.push({
          caseId: row.case_id,
          cursor: liveCursors.encode(row.id),
          visibility: row.visibility,
          kind: row.kind,
          phase: by.phase,
          sentAt: by.sentAt,
          answeredAt: by.answeredAt,
        });
      }
      if (rows.length) lastEventId = rows.at(-1)!.id;
    };
    log('warm-up: one message on every hot case');
    for (const target of hot) await record([await write(target, 'message', 'warm-up', 0)]);
    await sleep(SETTLE_MS * 2);
    const events = Number(values.events);
    log(`${events} single events, one at a time (${SETTLE_MS} ms apart... at most)`);
    for (let i = 0; i < events; i += 1) {
      const target = hot[(i * 7) % hot.length]!;
      await record([await write(target, i % 2 === 0 ? 'message' : 'note', 'single', i % instances)]);
      await sleep(1000);
    }
    const bursts = Number(values.bursts);
    log(`${bursts} bursts: one write on every hot case at once (${hot.length} events)`);
    for (let b = 0; b < bursts; b += 1) {
      await record(await Promise.all(hot.map((target, i) => write(target, (i + b) % 2 === 0 ? 'message' : 'note', 'burst', i % instances))));
      await sleep(SETTLE_MS);
    }
    await sleep(SETTLE_MS);
    const collected = await Promise.all(clients.map((client) => client.request({ type: 'collect' }, 'arrivals')));
    const arrivals: Arrival[] = collected.flatMap((item) => item.arrivals);
    const errors = collected.flatMap((item) => item.errors);
    const closes: Record<string, number> = {};
    for (const item of collected) for (const [code, count] of Object.entries(item.closes)) closes[code] = (closes[code] ?? 0) + count;
    const apiCpu = apis.map((api) => cpuSeconds(api.process.pid!));
    const profiles = await Promise.all(apis.map(profileOf));
    const cpuSpent = (from: number[], to: number[]) => to.reduce((total, value, i) => total + value - from[i]!, 0);

    // --- verification and latency ---
    const byCursor = new Map(sent.map((event) => [event.cursor, event]));
    const expectedFor = (event: EventSent) => {
      const ids: number[] = [];
      metas.forEach((meta, id) => {
        if (meta.kind === 'report') {
          if (meta.caseId === event.caseId && event.visibility === 'REPORTER') ids.push(id);
        } else if ((meta.kind === 'inbox' || meta.caseId === event.caseId) && readable.get(meta.account)?.has(event.caseId)) ids.push(id);
      });
      return ids;
    };
    const received = new Map<string, Map<number, number[]>>(); // cursor -> subscription -> arrival times
    let foreign = 0;
    let reloads = 0;
    for (const [id, cursor, at, reload] of arrivals) {
      if (reload) reloads += 1;
      if (!byCursor.has(cursor)) {
        foreign += 1;
        continue;
      }
      let bySub = received.get(cursor);
      if (!bySub) {
        bySub = new Map();
        received.set(cursor, bySub);
      }
      bySub.set(id, [...(bySub.get(id) ?? []), at]);
    }
    const phases = ['warm-up', 'single', 'burst'].map((phase) => {
      const fromSend: number[] = [];
      const fromAnswer: number[] = [];
      const byKind: Record<string, number[]> = { report: [], inbox: [], case: [] };
      const byInstance: Record<string, number[]> = {};
      let expected = 0;
      let delivered = 0;
      let missing = 0;
      let unexpected = 0;
      let duplicates = 0;
      const fanOut: number[] = [];
      for (const event of sent.filter((item) => item.phase === phase)) {
        const want = new Set(expectedFor(event));
        const got = received.get(event.cursor) ?? new Map<number, number[]>();
        expected += want.size;
        fanOut.push(want.size);
        for (const id of want) if (!got.has(id)) missing += 1;
        for (const [id, times] of got) {
          if (!want.has(id)) {
            unexpected += times.length;
            continue;
          }
          delivered += 1;
          duplicates += times.length - 1;
          const latency = times[0]! - event.sentAt;
          fromSend.push(latency);
          fromAnswer.push(times[0]! - event.answeredAt);
          byKind[metas[id]!.kind]!.push(latency);
          byInstance[metas[id]!.instance] ??= [];
          byInstance[metas[id]!.instance]!.push(latency);
        }
      }
      const events = sent.filter((item) => item.phase === phase);
      return {
        phase,
        events: events.length,
        messages: events.filter((item) => item.visibility === 'REPORTER').length,
        notes: events.filter((item) => item.visibility !== 'REPORTER').length,
        meanFanOut: Math.round(fanOut.reduce((a, b) => a + b, 0) / Math.max(fanOut.length, 1)),
        expected,
        delivered,
        missing,
        unexpected,
        duplicates,
        fromSendMs: stats(fromSend),
        fromAnswerMs: stats(fromAnswer),
        byKindP99Ms: Object.fromEntries(Object.entries(byKind).map(([kind, samples]) => [kind, stats(samples).p99])),
        byInstanceP99Ms: Object.fromEntries(Object.entries(byInstance).map(([instance, samples]) => [instance, stats(samples).p99])),
        mutationMs: stats(events.map((item) => item.answeredAt - item.sentAt)),
      };
    });
    const perConnection = (before: number, after: number) => Math.round((after - before) / Math.max(connected, 1));
    const sum = (list: { [key: string]: number }[], key: string) => list.reduce((total, item) => total + item[key]!, 0);
    const clientMem = (list: { memory: NodeJS.MemoryUsage }[]) => list.map((item) => item.memory as unknown as { [key: string]: number });
    const memory = {
      api: {
        before: memoryBefore.apis,
        after: memoryAfter.apis,
        rssBytesPerConnection: perConnection(sum(memoryBefore.apis, 'rss'), sum(memoryAfter.apis, 'rss')),
        heapBytesPerConnection: perConnection(sum(memoryBefore.apis, 'heapUsed'), sum(memoryAfter.apis, 'heapUsed')),
      },
      client: {
        rssBytesPerConnection: perConnection(sum(clientMem(memoryBefore.clients), 'rss'), sum(clientMem(memoryAfter.clients), 'rss')),
        heapBytesPerConnection: perConnection(sum(clientMem(memoryBefore.clients), 'heapUsed'), sum(clientMem(memoryAfter.clients), 'heapUsed')),
        afterRssBytes: sum(clientMem(memoryAfter.clients), 'rss'),
      },
    };
    return {
      connections,
      instances,
      connected,
      opened: opened.map(({ connected: ok, failed, firstFailure, ms }) => ({ connected: ok, failed, firstFailure, ms: Math.round(ms) })),
      mix: {
        reporters,
        staffConnections: connections - reporters,
        subscriptions: metas.length,
        inboxSubscriptions: staffConnections.inbox,
        caseSubscriptions: staffConnections.case,
        cases: cases.length,
        hotCases: hot.length,
        staffAccounts: accounts.length,
        staffSessions: accounts.length * SESSIONS_PER_ACCOUNT,
      },
      phases,
      failedWrites,
      foreignPayloads: foreign,
      reloads,
      subscriptionErrors: errors.length,
      firstErrors: errors.slice(0, 3),
      closes,
      apiCpuSeconds: apiCpu,
      memory,
      profiles,
      // API CPU (all instances) to connect and subscribe, per connection; and from the warm-up to the end, per delivered payload (includes the mutations, keep-alives and session re-checks meanwhile).
      apiCpuMsPerConnection: Number(((1000 * cpuSpent(cpuBeforeOpen, cpuAfterOpen)) / Math.max(connected, 1)).toFixed(2)),
      apiCpuMsPerDelivered: Number(
        (
          (1000 * cpuSpent(cpuAfterOpen, apiCpu)) /
          Math.max(
            phases.reduce((total, phase) => total + phase.delivered, 0),
            1,
          )
        ).toFixed(3),
      ),
      loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    };
  } finally {
    await Promise.all(
      clients.map(async (client) => {
        client.child.send({ type: 'exit' });
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            client.child.kill('SIGKILL');
            resolve(null);
          }, 15_000);
          client.child.once('exit', () => {
            clearTimeout(timer);
            resolve(null);
          });
        });
      }),
    );
    for (const api of apis.reverse()) await api.stop();
    for (const api of apis) {
      rmSync(api.memoryFile, { force: true });
      if (api.profileFile) rmSync(api.profileFile, { force: true });
    }
    await db.end();
    await benchDb.drop();
  }
}

// --- the report --------------------------------------------------------------------------

type Run = Awaited<ReturnType<typeof runOnce>>;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function markdown(runs: Run[], date: string, loadAverageBefore: number[]): string {
  const lines = [
    `# Benchmark: live updates to many subscribers (${date.slice(0, 10)})`,
    '',
    `Machine: ${machine().cpus} cores (${machine().cpuModel}), ${machine().memoryGb} GiB, Node ${machine().node}; PostgreSQL, Redis, the API instance(s) and the client processes share the machine. Load average before: ${loadAverageBefore.join(', ')}.`,
    '',
    "Mix: 80 % reporters (`reportUpdates` with number and tracking code, round-robin over the cases: the hot cases get the same share as the others), 20 % staff connections (every demo role of the four agencies and the three provincial secretariats, 4 sessions each; each connection follows `inboxUpdates`, and agency staff other than the admin also `caseUpdates` of one of their agency's hot cases). Events: a verifier's `sendStaffMessage` (reporter-visible) or `addCaseNote` (internal) over HTTP, on the hot cases. Latency: from just before the mutation is sent to the payload's arrival at the subscriber (and from the mutation's response). \"Expected\": every subscription that may see the event (reporters of that case for messages; staff whose account the API lets read the case, asked with `staffCase` as that account).",
    '',
    '| run | connected | phase | events | mean fan-out | expected | delivered | missing | unexpected | p50 ms | p95 ms | p99 ms | max ms | p99 from response ms | target |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const run of runs) {
    for (const phase of run.phases) {
      const target =
        phase.phase === 'warm-up'
          ? ''
          : phase.fromSendMs.p99 < TARGET_P99_MS && phase.missing === 0 && phase.unexpected === 0
            ? `p99 < ${TARGET_P99_MS} ms: **met**`
            : `p99 < ${TARGET_P99_MS} ms: **not met**`;
      lines.push(
        `| ${run.instances} instance(s) × ${run.connections} | ${run.connected} | ${phase.phase} | ${phase.events} (${phase.messages} msg, ${phase.notes} notes) | ${phase.meanFanOut} | ${phase.expected} | ${phase.delivered} | ${phase.missing} | ${phase.unexpected} | ${phase.fromSendMs.p50} | ${phase.fromSendMs.p95} | ${phase.fromSendMs.p99} | ${phase.fromSendMs.max} | ${phase.fromAnswerMs.p99} | ${target} |`,
      );
    }
  }
  lines.push(
    '',
    '| run | API RSS before → after (MiB) | API heap before → after (MiB) | API RSS / connection | API heap / connection | client RSS / connection | client heap / connection | time to connect all | failed connects | subscription errors | closes |',
    '|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  for (const run of runs) {
    const m = run.memory;
    lines.push(
      `| ${run.instances} × ${run.connections} | ${m.api.before.map((item) => mb(item.rss)).join(' + ')} → ${m.api.after.map((item) => mb(item.rss)).join(' + ')} | ${m.api.before.map((item) => mb(item.heapUsed)).join(' + ')} → ${m.api.after.map((item) => mb(item.heapUsed)).join(' + ')} | ${kb(m.api.rssBytesPerConnection)} KiB | ${kb(m.api.heapBytesPerConnection)} KiB | ${kb(m.client.rssBytesPerConnection)} KiB | ${kb(m.client.heapBytesPerConnection)} KiB | ${(Math.max(...run.opened.map((item) => item.ms)) / 1000).toFixed(1)} s | ${run.opened.reduce((sum, item) => sum + item.failed, 0)} | ${run.subscriptionErrors} | ${JSON.stringify(run.closes)} |`,
    );
  }
  for (const run of runs)
    if (run.failedWrites.length)
      lines.push('', `Failed writes (${run.instances} × ${run.connections}): ${run.failedWrites.length}; first: ${run.failedWrites[0]!.error}`);
  for (const run of runs) {
    run.profiles.forEach((profile, i) => {
      if (!profile) return;
      const share = (value: number) => `${(100 * value).toFixed(1)} %`;
      lines.push(
        '',
        `Where instance ${i + 1}'s CPU went during the events (${run.instances} × ${run.connections}; V8 profile, ${profile.totalMs} ms sampled, ${share(profile.idleShare)} idle):`,
        '',
        '| area (self time) | ms | share |',
        '|---|---:|---:|',
        ...profile.byArea.map((row) => `| ${row.area} | ${row.ms} | ${share(row.share)} |`),
        '',
        '| function (self time) | ms | share |',
        '|---|---:|---:|',
        ...profile.topFunctions.map((row) => `| \`${row.name}\` | ${row.ms} | ${share(row.share)} |`),
      );
    });
  }
  lines.push(
    '',
    `p99 by subscriber kind (ms) per phase: ${runs.map((run) => `${run.instances} × ${run.connections}: ${run.phases.map((phase) => `${phase.phase} ${JSON.stringify(phase.byKindP99Ms)}`).join('; ')}`).join(' | ')}`,
    '',
  );
  return `${lines.join('\n')}\n`;
}

const loadAverageBefore = os.loadavg().map((value) => Number(value.toFixed(2)));
const runs: Run[] = [];
// Without --connections: both targets of issue 6, one after the other.
const configurations: [number, number][] =
  values.suite || values.connections === undefined
    ? [
        [10_000, 1],
        [20_000, 2],
      ]
    : [[Number(values.connections), Number(values.instances)]];
for (const [connections, instances] of configurations) {
  log(`run: ${instances} instance(s) × ${connections} connections`);
  const run = await runOnce(connections, instances);
  runs.push(run);
  console.log(
    JSON.stringify(
      run.phases.map(({ phase, expected, delivered, missing, unexpected, fromSendMs }) => ({ phase, expected, delivered, missing, unexpected, ...fromSendMs })),
    ),
  );
}
const date = new Date().toISOString();
const result = { benchmark: 'live', date, machine: machine(), loadAverageBefore, targetP99Ms: TARGET_P99_MS, runs };
const text = markdown(runs, date, loadAverageBefore);
await writeResults(String(values.output), result, text);
console.log(text);
