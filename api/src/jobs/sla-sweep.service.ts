/**
 * The SLA sweep: system work across every tenant, run as the tables' owner (not inside a
 * viewer's data scope). One sweep is four set-based passes, each in batches, each batch
 * one transaction that locks its rows with `FOR UPDATE SKIP LOCKED`:
 *
 * 1. reminders due (`next_reminder_at`): a REMINDER notice, an internal REMINDER_SENT event
 *    and a notification for the agency; which reminder is due and the stage's next one come
 *    from the stage's reminder schedule with the tenant's working calendar
 *    (sla/stage-clock.ts `planReminder`);
 * 2. overdue stages: escalated (SLA_SWEEP) to the province's secretariat, an ESCALATED event
 *    the reporter sees, one notification for the agency and the province;
 * 3. silence notices: the reporter of a case waiting on them is told when it will close;
 * 4. silence closures: CLOSE_FOR_SILENCE, as the state machine defines it;
 * 5. instructed deadlines: the secretariat's deadline on an escalation (ADR 0028) passed with
 *    the case open: an internal event and one notification for the agency and the province.
 *
 * The queues are the case's timers in `case_sla` (sla/case-sla.ts); only a closure writes the
 * case row itself.
 *
 * Idempotent: a batch takes a case out of its pass's queue in the same transaction that
 * records the work, and `sla_notice`'s key makes each notice exactly once, so a repeated or
 * concurrent sweep finds nothing more to do. Statements are in sla-sweep.sql.ts.
 */
import type { TenantConfig, TenantConfigCache } from '../config/tenant-config.service.ts';
import { OPEN_STATUSES, planTransition, TRANSITIONS } from '../cases/case-lifecycle.ts';
import type { Database } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { enterPlatformScope } from '../auth/data-scope.ts';
import type { Logger } from '../logger.ts';
import { findStage, planReminder } from '../sla/stage-clock.ts';
import type { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import { CLOSE_SILENT, ESCALATE_OVERDUE, INSTRUCTIONS_OVERDUE, SELECT_DUE_REMINDERS, SEND_SILENCE_NOTICES, WRITE_REMINDERS } from './sla-sweep.sql.ts';

export const DEFAULT_SWEEP_BATCH_SIZE = 5000;

export interface SlaSweepDeps {
  db: Pick<Database, 'prisma' | 'kind'>;
  configs: Pick<TenantConfigCache, 'find'>;
  calendars: Pick<NationalCalendarCache, 'forTenant'>;
  logger?: Pick<Logger, 'info' | 'warn'>;
}

export interface SlaSweepOptions {
  /** The sweep's clock (tests move it); default the current time. */
  now?: Date;
  batchSize?: number;
  /**
   * Batches of a pass run at once (default: 2 on PostgreSQL, whose `SKIP LOCKED` gives each
   * its own rows; 1 on PGlite, a single connection).
   */
  concurrency?: number;
}

export type SweepPass = 'reminders' | 'overdue' | 'silenceNotices' | 'silenceClosures' | 'instructions';

export interface SlaSweepResult {
  /** What this sweep did (notices written; closures made). */
  reminders: number;
  escalations: number;
  silenceNotices: number;
  silenceClosures: number;
  /** Instructed deadlines told of as passed. */
  instructionsOverdue: number;
  /** Cases each pass took (a case taken by a pass leaves its queue). */
  taken: Record<SweepPass, number>;
  batches: number;
  /** Milliseconds per pass. */
  ms: Record<SweepPass, number>;
}

// The closure writes what applyTransition writes for a clock effect of `end`; if the state
// machine ever gives CLOSE_FOR_SILENCE another effect, the SQL must change with it.
const SILENCE_RULE = TRANSITIONS.CLOSE_FOR_SILENCE;
if (SILENCE_RULE.clock !== 'end') throw new Error('sla sweep: CLOSE_FOR_SILENCE no longer ends the clock; update CLOSE_SILENT');

/** A batch's transaction: long enough for 5,000 rows on a busy machine. */
const BATCH_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

type Tx = Prisma.TransactionClient;

/**
 * Settings of a sweep transaction. A lost commit after a crash only means the next sweep
 * does the batch again (nothing of it was kept), so the batch need not wait for the WAL
 * flush.
 */
async function configureBatch(tx: Tx): Promise<void> {
  // The sweep is the platform's own work, across every agency (auth/data-scope.ts).
  await enterPlatformScope(tx);
  await tx.$executeRawUnsafe('SET LOCAL synchronous_commit TO OFF');
  // The batch statements join CTEs to each other (a batch's picked rows, notices, messages).
  // A CTE has no statistics, so the planner guesses a few rows and may nest loops over two
  // of them: quadratic in the batch size (5,000 × 5,000). Every join here is an equi-join
  // on an id, which a hash join does in one pass.
  await tx.$executeRawUnsafe('SET LOCAL enable_nestloop TO OFF');
}

async function runBatch(deps: SlaSweepDeps, sql: string, params: unknown[]): Promise<{ picked: number; done: number }> {
  return deps.db.prisma.$transaction(async (tx) => {
    await configureBatch(tx);
    const [row] = await tx.$queryRawUnsafe<{ picked: number; done: number }[]>(sql, ...params);
    return { picked: Number(row?.picked ?? 0), done: Number(row?.done ?? 0) };
  }, BATCH_TRANSACTION);
}

interface ReminderRow {
  id: string;
  tenant_id: string;
  case_type_id: string;
  status: string;
  stage_key: string | null;
  stage_started_at: Date | null;
  stage_deadline: Date | null;
}

/**
 * Every tenant's configuration and calendar, read before any batch transaction opens: the
 * caches may query, and PGlite's one connection is held by an open transaction.
 */
async function loadTenants(deps: SlaSweepDeps): Promise<Map<string, { config: TenantConfig; calendar: WorkingCalendar }>> {
  const tenants = await deps.db.prisma.tenant.findMany({ select: { id: true } });
  const loaded = new Map<string, { config: TenantConfig; calendar: WorkingCalendar }>();
  for (const { id } of tenants) {
    const config = await deps.configs.find(id);
    if (config) loaded.set(id, { config, calendar: await deps.calendars.forTenant(config) });
  }
  return loaded;
}

async function remindersBatch(
  deps: SlaSweepDeps,
  tenants: Map<string, { config: TenantConfig; calendar: WorkingCalendar }>,
  now: Date,
  batchSize: number,
): Promise<{ picked: number; done: number }> {
  return deps.db.prisma.$transaction(async (tx) => {
    await configureBatch(tx);
    const rows = await tx.$queryRawUnsafe<ReminderRow[]>(SELECT_DUE_REMINDERS, now.toISOString(), batchSize);
    if (rows.length === 0) return { picked: 0, done: 0 };
    const input: WrittenReminder[] = [];
    for (const row of rows) {
      // A tenant that is gone (or not loaded) has no stages to remind of: the case leaves the queue.
      const tenant = tenants.get(row.tenant_id);
      const caseType = tenant?.config.caseTypes.find((item) => item.id === row.case_type_id);
      const stage = findStage(caseType?.slaPolicy?.stages ?? [], row.stage_key);
      const plan = tenant
        ? planReminder(stage, { stageStartedAt: row.stage_started_at, stageDeadline: row.stage_deadline }, now, tenant.calendar)
        : { step: null, dueAt: null, next: null };
      input.push({
        id: row.id,
        tenant_id: row.tenant_id,
        status: row.status,
        stage_key: row.stage_key,
        // As the column reads in SQL (timestamp without time zone, in UTC), for the event's data.
        stage_deadline: row.stage_deadline?.toISOString().slice(0, -1) ?? null,
        step: plan.step,
        due_at: plan.dueAt?.toISOString() ?? null,
        next_at: plan.next?.toISOString() ?? null,
      });
    }
    const [written] = await tx.$queryRawUnsafe<{ done: number }[]>(WRITE_REMINDERS, now.toISOString(), JSON.stringify(input));
    return { picked: rows.length, done: Number(written?.done ?? 0) };
  }, BATCH_TRANSACTION);
}

/** One case of WRITE_REMINDERS' input: what the event says about it, and the plan. */
interface WrittenReminder {
  id: string;
  tenant_id: string;
  status: string;
  stage_key: string | null;
  stage_deadline: string | null;
  step: number | null;
  due_at: string | null;
  next_at: string | null;
}

/**
 * Runs one pass to the end with `concurrency` workers, each taking batches until one takes
 * fewer rows than it may (the queue is empty, or another worker or sweep holds the rest).
 */
async function runPass(batch: () => Promise<{ picked: number; done: number }>, batchSize: number, concurrency: number) {
  const total = { taken: 0, done: 0, batches: 0 };
  const worker = async () => {
    for (;;) {
      const result = await batch();
      total.batches += 1;
      total.taken += result.picked;
      total.done += result.done;
      if (result.picked < batchSize) return;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total;
}

/** One whole sweep at `now`. Safe to run from several processes at once. */
export async function runSlaSweep(deps: SlaSweepDeps, options: SlaSweepOptions = {}): Promise<SlaSweepResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? DEFAULT_SWEEP_BATCH_SIZE;
  const concurrency = options.concurrency ?? (deps.db.kind === 'postgresql' ? 2 : 1);
  const at = now.toISOString();
  const closing = planTransition({ status: 'NEEDS_INFO', resumeStatus: null }, 'CLOSE_FOR_SILENCE', { kind: 'SYSTEM' });
  const tenants = await loadTenants(deps);
  const passes: [SweepPass, () => Promise<{ picked: number; done: number }>][] = [
    ['reminders', () => remindersBatch(deps, tenants, now, batchSize)],
    ['overdue', () => runBatch(deps, ESCALATE_OVERDUE, [at, batchSize])],
    // Notices before closures: a case is never closed before its reporter was warned.
    ['silenceNotices', () => runBatch(deps, SEND_SILENCE_NOTICES, [at, batchSize])],
    ['silenceClosures', () => runBatch(deps, CLOSE_SILENT, [at, batchSize, SILENCE_RULE.from, closing.to, closing.visibility, closing.name])],
    ['instructions', () => runBatch(deps, INSTRUCTIONS_OVERDUE, [at, batchSize, OPEN_STATUSES])],
  ];
  const result: SlaSweepResult = {
    reminders: 0,
    escalations: 0,
    silenceNotices: 0,
    silenceClosures: 0,
    instructionsOverdue: 0,
    taken: { reminders: 0, overdue: 0, silenceNotices: 0, silenceClosures: 0, instructions: 0 },
    batches: 0,
    ms: { reminders: 0, overdue: 0, silenceNotices: 0, silenceClosures: 0, instructions: 0 },
  };
  for (const [pass, batch] of passes) {
    const started = performance.now();
    const outcome = await runPass(batch, batchSize, concurrency);
    result.ms[pass] = Math.round(performance.now() - started);
    result.taken[pass] = outcome.taken;
    result.batches += outcome.batches;
    if (pass === 'reminders') result.reminders = outcome.done;
    if (pass === 'overdue') result.escalations = outcome.done;
    if (pass === 'silenceNotices') result.silenceNotices = outcome.done;
    if (pass === 'silenceClosures') result.silenceClosures = outcome.done;
    if (pass === 'instructions') result.instructionsOverdue = outcome.done;
  }
  const did = result.reminders + result.escalations + result.silenceNotices + result.silenceClosures + result.instructionsOverdue;
  if (did > 0) {
    deps.logger?.info(
      {
        reminders: result.reminders,
        escalations: result.escalations,
        silenceNotices: result.silenceNotices,
        silenceClosures: result.silenceClosures,
        instructionsOverdue: result.instructionsOverdue,
        ms: result.ms,
      },
      'sla sweep',
    );
  }
  return result;
}
