/** Shared pieces of the benchmarks: child processes, load runs, result files. */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { parseEnv } from '@aduan/api/env.ts';
import { runCommand } from '../src/commands/index.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const RESULTS_DIR = path.join(import.meta.dirname, 'results');
/** A fixed master key for benchmark APIs (production mode with PostgreSQL requires one). */
export const BENCH_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');
/**
 * tsx's command line, run as `process.execPath TSX_CLI …`: on this process's Node (the project's,
 * see ADR 0018), and not through node_modules/.bin, whose `node` is a shell script that would take
 * the SIGTERM meant for the server and leave the server running.
 */
export const TSX_CLI = path.join(REPO_ROOT, 'ops', 'node_modules', 'tsx', 'dist', 'cli.mjs');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Child {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server process and waits for its health endpoint. Its output is discarded, as a log shipper would take it. */
export async function startChild(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, port: number, readyPath: string): Promise<Child> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`${url}${readyPath} not ready after 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  totalRequests: number;
}

export async function runLoad(
  url: string,
  body: string,
  connections: number,
  durationSeconds: number,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration: durationSeconds,
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    totalRequests: result.requests.total,
  };
}

export function machine() {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
}

export async function writeResults(name: string, json: unknown, markdown: string): Promise<void> {
  await writeFile(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(path.join(RESULTS_DIR, `${name}.md`), markdown);
}

/**
 * A fresh database next to the one DATABASE_URL names (its role needs CREATEDB), set up
 * with the demo agencies. Benchmarks run on PostgreSQL only.
 */
export async function createBenchDatabase(benchmark: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    console.error(`${benchmark}: this benchmark runs on PostgreSQL; set DATABASE_URL=postgresql://user:password@127.0.0.1:5432/db`);
    process.exit(2);
  }
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  console.log(`${benchmark}: preparing database ${name}`);
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  await setupBenchDatabase(url.toString());
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {}) };
}

/** The API's own login on a bench database (ADR 0019), as the tests' `aduan_api`. */
const BENCH_API_ROLE = 'aduan_api';

/**
 * How a benchmark starts the API on a bench database: with its own login, which owns nothing
 * (as in production), and the demo's accounts, which the benchmarks sign in as.
 */
export function benchApiEnv(url: string): { API_DATABASE_URL: string; ADUAN_MODE: 'demo' } {
  const api = new URL(url);
  api.username = BENCH_API_ROLE;
  api.password = BENCH_API_ROLE;
  return { API_DATABASE_URL: api.toString(), ADUAN_MODE: 'demo' };
}

/** `pnpm ops setup` on a bench database: migrations, agencies, demo accounts, the API's login. */
export async function setupBenchDatabase(url: string): Promise<void> {
  const env = parseEnv({ DATABASE_URL: url, API_DATABASE_URL: benchApiEnv(url).API_DATABASE_URL });
  await runCommand('setup', { env, tenantsDir: env.TENANTS_DIR, actor: 'bench', print: () => {} });
}

/**
 * The API as the benchmarks run it: a production process (tsx, as `pnpm start` runs it) on a free
 * port, logged in as its own role on the bench database, with the bench master key; `env` adds or
 * overrides settings (pool size, rate limits, log level).
 */
export async function startBenchApi(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Child> {
  const port = await freePort();
  // node itself (not the tsx launcher), so the child's pid is the API's (cpuSeconds, waitIdle).
  return startChild(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    path.join(REPO_ROOT, 'api'),
    {
      ...benchApiEnv(databaseUrl),
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      IDENTITY_MASTER_KEY: BENCH_MASTER_KEY,
      EVIDENCE_DIR: path.join(REPO_ROOT, '.data', 'bench-evidence'),
      ...env,
    },
    port,
    '/readyz',
  );
}

/** A statement with its parameters written in as literals, for EXPLAIN in the results files. */
export function inlineParams(statement: { text: string; values: unknown[] }): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (Array.isArray(value)) return `'{${value.map((item) => String(item)).join(',')}}'`;
    if (value instanceof Date) return `'${value.toISOString()}'`;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  };
  return statement.text.replace(/\$(\d+)/g, (_, index: string) => literal(statement.values[Number(index) - 1]));
}

/** A Linux process's CPU time so far (user and system), in seconds; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;

/**
 * Waits until the processes are (nearly) idle: none used more than a quarter of a core over the
 * last second (an API's start-up work done: its jobs' first turns, caches). Returns the ms waited.
 */
export async function waitIdle(pids: readonly number[], maxMs = 60_000): Promise<number> {
  const started = Date.now();
  let last = pids.map(cpuSeconds);
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = pids.map(cpuSeconds);
    const busiest = Math.max(...current.map((value, i) => value - last[i]!));
    last = current;
    if (busiest < 0.25) break;
  }
  return Date.now() - started;
}
