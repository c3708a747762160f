/** Starts the real servers as child processes, the way `pnpm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

export interface RunningProcess {
  url: string;
  port: number;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was ready:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} was not ready after ${timeoutMs} ms:\n${output()}`);
}

/** A process's children, grandchildren and so on (Linux's /proc), deepest first. */
function descendantsOf(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      children.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    }
  } catch {
    children = [];
  }
  return children.flatMap((child) => [...descendantsOf(child), child]);
}

export async function startProcess(options: {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  readyPath: string;
  port: number;
  timeoutMs?: number;
}): Promise<RunningProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const [key, value] of Object.entries(options.env)) if (value === undefined) delete env[key];
  const child = spawn(options.command, options.args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const output = () => printed;
  try {
    await waitForHttp(`${url}${options.readyPath}`, child, output, options.timeoutMs ?? 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  // tsx runs the program in a child process of its own, which a SIGKILL is not passed on to:
  // the whole tree goes, deepest first (else the program lives on, holding its port and database).
  const killTree = () => {
    for (const pid of descendantsOf(child.pid!)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    child.kill('SIGKILL');
  };
  return {
    url,
    port: options.port,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(killTree, 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        killTree();
      }),
  };
}

/**
 * The arguments that start the web's production server (`web/server/main.ts`) on `serverBuild`,
 * run with `process.execPath` in web/: tsx's command line, as `pnpm start` runs it (see startApi
 * for why not through node_modules/.bin).
 */
export function webServerArgs(serverBuild: string): string[] {
  return [path.join(REPO_ROOT, 'web', 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts', serverBuild];
}

/** The API process on its own port, with the given database environment. */
export async function startApi(env: Record<string, string | undefined>): Promise<RunningProcess> {
  const port = await findFreePort();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'aduan-api-'));
  return startProcess({
    // tsx's command line on this worker's Node (the project's, ADR 0018), as `pnpm start` runs it,
    // but not through node_modules/.bin: its `node` is a shell script that would take the
    // SIGTERM of stop() and leave the API running.
    command: process.execPath,
    args: [path.join(REPO_ROOT, 'api', 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'],
    cwd: path.join(REPO_ROOT, 'api'),
    env: {
      NODE_ENV: 'test',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: undefined,
      API_DATABASE_URL: undefined,
      REDIS_URL: undefined,
      IDENTITY_MASTER_KEY_FILE: path.join(scratch, 'identity-master.key'),
      EVIDENCE_DIR: path.join(scratch, 'evidence'),
      // The demo's mail catch-all; a test that reads mail runs its own SMTP server (support/mail.ts).
      MAIL_FOLDER: path.join(scratch, 'mail'),
      // Tests share one address; the rate-limit test sets its own scale.
      RATE_LIMIT_SCALE: '1000',
      // The web server, when a test starts one, runs on this machine and forwards the browser's
      // address, as under \`pnpm start\`; tests of untrusted peers set this to ''.
      TRUSTED_PROXIES: 'loopback',
      ...env,
    },
    readyPath: '/healthz',
    port,
  });
}
