/** Starts one API process: `pnpm --filter @aduan/api start`. */
import { parseEnv, type Env } from './env.ts';
import { createLogger } from './logger.ts';
import { createJobRunner } from './jobs/job-runner.ts';
import { createMailRunner } from './notify/mail-runner.ts';
import { createFiguresRunner } from './stats/figures-runner.ts';
import { createMonthlyReportRunner } from './stats/monthly-report-runner.ts';
import { createApiServer } from './server.ts';
import { createServices } from './services.ts';
import { describeDemoDoors, findDemoDoors } from './admin/demo-doors.service.ts';
import { describeRole, inspectConnectionRole, isWalledIn } from './db-roles.ts';

let env: Env;
try {
  env = parseEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const logger = createLogger(env.LOG_LEVEL);
const services = createServices(env, logger);
if (services.db.kind === 'postgresql') {
  // Row-level security is a wall only for a role that owns nothing (docs/trust/row-level-security.md).
  const role = await inspectConnectionRole(services.db.sql).catch(() => null);
  if (role && !isWalledIn(role)) {
    const message = `the API connects as ${describeRole(role)}: set API_DATABASE_URL to a role of its own (\`pnpm ops migrate\` creates it)`;
    if (env.ADUAN_MODE === 'production') {
      logger.fatal({ role: role.role }, `refusing to start in production: ${message}`);
      await services.db.close();
      process.exit(1);
    }
    logger.warn({ role: role.role }, message);
  }
}
if (env.ADUAN_MODE === 'production') {
  // A production API never opens with a published password inside it.
  const doors = await findDemoDoors(services.db.prisma);
  if (doors.accounts + doors.custodians > 0) {
    logger.fatal(doors, `refusing to start in production: ${describeDemoDoors(doors)}; run \`pnpm ops close-demo-doors\` first`);
    await services.db.close();
    process.exit(1);
  }
}
const server = await createApiServer(services);
const port = await server.listen(env.API_PORT, env.API_HOST);
// The Node version is no secret and shows which runtime a deployment really runs on (ADR 0018).
logger.info({ port, database: services.db.kind, node: process.version }, `Aduan API listening on http://localhost:${port} (GraphQL at /graphql)`);
const jobs = createJobRunner(services);
await jobs.start();
logger.info({ jobs: jobs.kind, intervalSeconds: env.SLA_SWEEP_INTERVAL_SECONDS }, 'background jobs started');
const mail = createMailRunner(services);
if (env.NOTIFY_ENABLED) {
  await mail.start();
  logger.info({ transport: mail.transport, folder: mail.transport === 'folder' ? env.MAIL_FOLDER : undefined }, 'mail started');
} else {
  logger.warn('NOTIFY_ENABLED=false: this process sends no mail and writes no notifications of case events');
}

const figures = createFiguresRunner(services);
figures.start();
const reports = createMonthlyReportRunner(services);
reports.start();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Open keep-alive connections get a short grace period; never hang a deploy or a test run.
  setTimeout(() => process.exit(0), 6000).unref();
  // Background work first: a running sweep finishes (or is abandoned to the next one) before the pool closes.
  await jobs.stop().catch((error: unknown) => logger.warn({ err: error }, 'background jobs did not stop cleanly'));
  await mail.stop().catch((error: unknown) => logger.warn({ err: error }, 'mail did not stop cleanly'));
  await figures.stop().catch((error: unknown) => logger.warn({ err: error }, 'figures did not stop cleanly'));
  await reports.stop().catch((error: unknown) => logger.warn({ err: error }, 'monthly reports did not stop cleanly'));
  await server.close();
  await services.db.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
