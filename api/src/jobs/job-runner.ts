/**
 * Background work of an API process: the recurring SLA sweep (sla-sweep.service.ts), and
 * with it the deletion of evidence uploads nobody attached (evidence/evidence-cleanup.service.ts).
 *
 * - On PostgreSQL the sweep is a pg-boss job (docs/decisions/0009). The queue's `stately`
 *   policy keeps at most one sweep waiting and one running across every API instance: each
 *   instance offers a sweep every SLA_SWEEP_INTERVAL_SECONDS, the extra offers are dropped,
 *   and whichever instance is free takes it. A sweep that dies with its process is retried
 *   by the next offer; the sweep itself is idempotent.
 * - On the embedded default (PGlite, one process) a plain in-process timer runs it.
 *
 * `stop()` ends the timer and waits for a running sweep (pg-boss: gracefully, bounded).
 */
import PgBoss from 'pg-boss';
import type { AppServices } from '../context.ts';
import type { SqlRunner } from '../db.ts';
import { apiDatabaseUrl } from '../env.ts';
import { runSlaSweep, type SlaSweepResult } from './sla-sweep.service.ts';
import { deleteExpiredUploads } from '../evidence/evidence-cleanup.service.ts';

export const SLA_SWEEP_QUEUE = 'sla-sweep';

export interface JobRunner {
  readonly kind: 'pg-boss' | 'in-process' | 'disabled';
  start(): Promise<void>;
  stop(): Promise<void>;
}

type JobServices = Pick<AppServices, 'env' | 'db' | 'configs' | 'calendars' | 'logger' | 'evidenceStorage'>;

/** One sweep: the SLA work, then the upload links nobody attached (evidence-cleanup.service.ts). */
async function sweepOnce(services: JobServices): Promise<SlaSweepResult> {
  const result = await runSlaSweep({ db: services.db, configs: services.configs, calendars: services.calendars, logger: services.logger });
  const cleanup = await deleteExpiredUploads(
    { db: services.db, storage: services.evidenceStorage },
    { graceMinutes: services.env.EVIDENCE_UNATTACHED_GRACE_MINUTES },
  );
  if (cleanup.deleted > 0) services.logger.info({ deleted: cleanup.deleted }, 'deleted unattached evidence uploads');
  return result;
}

export function createJobRunner(services: JobServices): JobRunner {
  const { env } = services;
  if (!env.SLA_SWEEP_ENABLED) return { kind: 'disabled', start: async () => {}, stop: async () => {} };
  const databaseUrl = apiDatabaseUrl(env);
  if (databaseUrl && services.db.kind === 'postgresql') return createPgBossRunner(services, databaseUrl);
  return createInProcessRunner(services);
}

/** PGlite: one process owns the database, so a timer is enough. Sweeps never overlap. */
function createInProcessRunner(services: JobServices): JobRunner {
  const intervalMs = services.env.SLA_SWEEP_INTERVAL_SECONDS * 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    running = sweepOnce(services)
      .catch((error: unknown) => services.logger.error({ err: error }, 'sla sweep failed'))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  return {
    kind: 'in-process',
    async start() {
      stopped = false;
      // The first sweep shortly after boot, not inside it: the server comes up first.
      timer = setTimeout(tick, Math.min(intervalMs, 1000));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const JOB_SCHEMA = 'pgboss';

function sweepQueueOptions(intervalSeconds: number) {
  return {
    policy: 'stately' as const,
    // A failed sweep is not retried as such: the next offer is the retry.
    retryLimit: 0,
    expireInSeconds: Math.max(300, intervalSeconds * 5),
    retentionMinutes: 60,
  };
}

/**
 * Creates (or upgrades) pg-boss's tables and the sweep's queue as the database owner, and lets
 * the API's role (a member of aduan_app) use them. `pnpm ops migrate` runs it on PostgreSQL.
 */
export async function prepareJobQueue(ownerUrl: string, sql: Pick<SqlRunner, 'exec'>): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false });
  boss.on('error', () => {});
  try {
    await boss.start();
    if (!(await boss.getQueue(SLA_SWEEP_QUEUE))) {
      await boss.createQueue(SLA_SWEEP_QUEUE, { name: SLA_SWEEP_QUEUE, ...sweepQueueOptions(60) });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  await sql.exec(`
    GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO aduan_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO aduan_app;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO aduan_app;`);
}

/** How long the API waits before trying again to start the job queue on PostgreSQL. */
const START_RETRY_SECONDS = 15;

function createPgBossRunner(services: JobServices, connectionString: string): JobRunner {
  const { env, logger } = services;
  const intervalSeconds = env.SLA_SWEEP_INTERVAL_SECONDS;
  // A new instance per start attempt: one that failed to start is not started again.
  const createBoss = () => {
    const created = new PgBoss({
      connectionString,
      schema: JOB_SCHEMA,
      max: 2,
      application_name: 'aduan-jobs',
      // No cron schedules: the interval is in seconds and offered by every instance (above).
      schedule: false,
      // The queue's tables are the owner's (`pnpm ops migrate`, prepareJobQueue); the API's
      // role owns nothing and only uses them.
      migrate: false,
    });
    created.on('error', (error: Error) => logger.warn({ err: error }, 'job queue error'));
    return created;
  };
  let boss = createBoss();
  let offerTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let stopped = false;
  const offer = () => boss.send(SLA_SWEEP_QUEUE, {}).catch((error: unknown) => logger.warn({ err: error }, 'could not offer an sla sweep'));
  const startQueue = async () => {
    await boss.start();
    if (!(await boss.getQueue(SLA_SWEEP_QUEUE))) throw new Error(`the job queue ${SLA_SWEEP_QUEUE} is missing: run \`pnpm ops migrate\` first`);
    await boss.updateQueue(SLA_SWEEP_QUEUE, { name: SLA_SWEEP_QUEUE, ...sweepQueueOptions(intervalSeconds) });
    await boss.work(SLA_SWEEP_QUEUE, { pollingIntervalSeconds: Math.max(0.5, Math.min(2, intervalSeconds / 2)), batchSize: 1 }, async () => {
      await sweepOnce(services);
    });
    await offer();
    offerTimer = setInterval(() => void offer(), intervalSeconds * 1000);
  };
  return {
    kind: 'pg-boss',
    async start() {
      // The API serves without its database (503s, /readyz failing) and must not exit over
      // the job queue either: if PostgreSQL is unreachable now, try again until it is back.
      const attempt = async () => {
        retryTimer = null;
        if (stopped) return;
        try {
          await startQueue();
        } catch (error) {
          logger.warn({ err: error, retryInSeconds: START_RETRY_SECONDS }, 'background jobs could not start (database unreachable?); retrying');
          await boss.stop({ graceful: false, wait: false }).catch(() => {});
          boss = createBoss();
          if (!stopped) retryTimer = setTimeout(() => void attempt(), START_RETRY_SECONDS * 1000);
        }
      };
      await attempt();
    },
    async stop() {
      stopped = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (offerTimer) clearInterval(offerTimer);
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
