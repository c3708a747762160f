/**
 * The figures pass: keeps `case_figure` and `case_stage_figure` (docs/statistics.md) current
 * from the case event log. Each pass reads the events written since the last one
 * (live/event-log-reader.ts), and computes every touched case's figures again from the case and
 * all its events (case-figure.ts), in the same transaction as its new position: a pass that
 * dies writes nothing and the next one reads the same events again; a case read twice gets the
 * same row twice. One pass runs at a time across every API instance.
 *
 * The cases' working calendars are loaded before the transaction (the configuration caches
 * query the database; on PGlite a query beside an open transaction waits for it).
 */
import { withSqlScope } from '../auth/data-scope.ts';
import type { WorkflowDeps } from '../cases/case-workflow.service.ts';
import type { SqlRunner } from '../db.ts';
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import { readEventLog } from '../live/event-log-reader.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import { computeCaseFigure, type CaseFigureRow, type FigureCaseType, type FigureEventInput, type StageFigureRow } from './case-figure.ts';

type Runner = Omit<SqlRunner, 'withConnection' | 'transaction'>;

const POSITION = 'figures';
/** Events read per pass; a backlog (a new deployment's history) takes several passes. */
export const FIGURES_BATCH = 2000;

export type FiguresDeps = WorkflowDeps;

/** Every agency's working calendar, from the caches (outside any transaction). */
export async function loadCalendars(deps: FiguresDeps): Promise<Map<string, WorkingCalendar>> {
  const tenants = await deps.db.prisma.tenant.findMany({ select: { id: true } });
  const calendars = new Map<string, WorkingCalendar>();
  for (const { id } of tenants) {
    const config = await deps.configs.find(id);
    if (config) calendars.set(id, await deps.calendars.forTenant(config));
  }
  return calendars;
}

interface CaseRow {
  id: string;
  tenant_id: string;
  case_type_id: string;
  category_id: string | null;
  channel_id: string | null;
  received_at: Date;
  status: CaseStatus;
  transferred_from_id: string | null;
  deadlines: unknown;
  confidential: boolean;
  stages: { key: string; workingDays: number }[] | null;
}

interface EventRow {
  case_id: string;
  kind: string;
  actor_kind: FigureEventInput['actorKind'];
  visibility: FigureEventInput['visibility'];
  created_at: Date;
  transition: string | null;
}

// The stages of the case type's policy as configured now, inactive case types included.
// Timestamps are UTC wall times (\`timestamp(3)\`, as Prisma writes them): read as instants.
const READ_CASES = `
  SELECT c.id, c.tenant_id, c.case_type_id, c.category_id, c.channel_id, c.received_at AT TIME ZONE 'UTC' AS received_at, c.status::text AS status,
         c.transferred_from_id, c.deadlines, ct.confidential,
         (SELECT json_agg(json_build_object('key', s.key, 'workingDays', s.working_days) ORDER BY s.position)
            FROM sla_stage s WHERE s.sla_policy_id = ct.sla_policy_id AND s.active) AS stages
  FROM "case" c JOIN case_type ct ON ct.id = c.case_type_id
  WHERE c.id = ANY ($1::uuid[])`;

const READ_EVENTS = `
  SELECT case_id, kind::text AS kind, actor_kind::text AS actor_kind, visibility::text AS visibility, created_at AT TIME ZONE 'UTC' AS created_at, data->>'transition' AS transition
  FROM case_event WHERE case_id = ANY ($1::uuid[]) AND kind IN ('STATUS_CHANGED', 'MESSAGE', 'ESCALATED')
  ORDER BY id`;

const FIGURE_COLUMNS = [
  'case_id',
  'tenant_id',
  'case_type_id',
  'category_id',
  'channel_id',
  'confidential',
  'received_at',
  'received_date',
  'received_month',
  'status',
  'outcome',
  'first_response_at',
  'first_response_working_days',
  'first_response_days',
  'resolved_at',
  'resolve_working_days',
  'resolve_days',
  'standard_working_days',
  'within_standard',
  'escalated',
  'transferred_in',
] as const;

function figureValues(row: CaseFigureRow): unknown[] {
  return [
    row.caseId,
    row.tenantId,
    row.caseTypeId,
    row.categoryId,
    row.channelId,
    row.confidential,
    row.receivedAt,
    row.receivedDate.toISOString().slice(0, 10),
    row.receivedMonth.toISOString().slice(0, 10),
    row.status,
    row.outcome,
    row.firstResponseAt,
    row.firstResponseWorkingDays,
    row.firstResponseDays,
    row.resolvedAt,
    row.resolveWorkingDays,
    row.resolveDays,
    row.standardWorkingDays,
    row.withinStandard,
    row.escalated,
    row.transferredIn,
  ];
}

// One statement for a batch: the rows as JSON, read back with their columns' types.
const UPSERT_FIGURES = `
  INSERT INTO case_figure (${FIGURE_COLUMNS.join(', ')}, computed_at)
  SELECT r.case_id, r.tenant_id, r.case_type_id, r.category_id, r.channel_id, r.confidential, r.received_at, r.received_date, r.received_month,
         r.status::"CaseStatus", r.outcome::"FigureOutcome", r.first_response_at, r.first_response_working_days, r.first_response_days,
         r.resolved_at, r.resolve_working_days, r.resolve_days, r.standard_working_days, r.within_standard, r.escalated, r.transferred_in, now()
  FROM json_to_recordset($1::json) AS r(case_id uuid, tenant_id uuid, case_type_id uuid, category_id uuid, channel_id uuid, confidential boolean,
       received_at timestamp(3), received_date date, received_month date, status text, outcome text, first_response_at timestamp(3), first_response_working_days int,
       first_response_days double precision, resolved_at timestamp(3), resolve_working_days int, resolve_days double precision,
       standard_working_days int, within_standard boolean, escalated boolean, transferred_in boolean)
  ON CONFLICT (case_id) DO UPDATE SET ${FIGURE_COLUMNS.filter((column) => column !== 'case_id')
    .map((column) => `${column} = excluded.${column}`)
    .join(', ')}, computed_at = excluded.computed_at`;

const INSERT_STAGES = `
  INSERT INTO case_stage_figure (case_id, stage_key, tenant_id, case_type_id, received_at, received_date, started_at, deadline, ended_at, late)
  SELECT r.case_id, r.stage_key, r.tenant_id, r.case_type_id, r.received_at, r.received_date, r.started_at, r.deadline, r.ended_at, r.late
  FROM json_to_recordset($1::json) AS r(case_id uuid, stage_key text, tenant_id uuid, case_type_id uuid, received_at timestamp(3),
       received_date date, started_at timestamp(3), deadline timestamp(3), ended_at timestamp(3), late boolean)`;

/** Timestamps as UTC wall time: the columns are `timestamp(3)` holding UTC, as Prisma writes them. */
function utc(value: unknown): unknown {
  return value instanceof Date ? value.toISOString().replace('Z', '') : value;
}

function asRecord(columns: readonly string[], values: unknown[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((column, index) => [column, utc(values[index])]));
}

function stageRecord(row: StageFigureRow): Record<string, unknown> {
  return {
    case_id: row.caseId,
    stage_key: row.stageKey,
    tenant_id: row.tenantId,
    case_type_id: row.caseTypeId,
    received_at: utc(row.receivedAt),
    received_date: row.receivedDate.toISOString().slice(0, 10),
    started_at: utc(row.startedAt),
    deadline: utc(row.deadline),
    ended_at: utc(row.endedAt),
    late: row.late,
  };
}

/** Computes and writes the figures of these cases (inside the caller's transaction); returns their agencies. */
export async function refreshCaseFigures(runner: Runner, caseIds: readonly string[], calendars: ReadonlyMap<string, WorkingCalendar>): Promise<Set<string>> {
  const tenants = new Set<string>();
  if (caseIds.length === 0) return tenants;
  const ids = [...new Set(caseIds)];
  // One after the other: the runner is one connection (node-postgres deprecates queries queued on a busy client).
  const cases = await runner.query<CaseRow>(READ_CASES, [ids]);
  const events = await runner.query<EventRow>(READ_EVENTS, [ids]);
  const byCase = new Map<string, FigureEventInput[]>();
  for (const event of events) {
    const list = byCase.get(event.case_id) ?? byCase.set(event.case_id, []).get(event.case_id)!;
    list.push({ kind: event.kind, actorKind: event.actor_kind, visibility: event.visibility, createdAt: event.created_at, transition: event.transition });
  }
  const figures: Record<string, unknown>[] = [];
  const stages: Record<string, unknown>[] = [];
  for (const row of cases) {
    tenants.add(row.tenant_id);
    const calendar = calendars.get(row.tenant_id);
    // A tenant created since the calendars were loaded: the pass fails and the next one loads it.
    if (!calendar) throw new Error(`figures: no working calendar for tenant ${row.tenant_id}`);
    const caseType: FigureCaseType = { confidential: row.confidential, stages: row.stages ?? [] };
    const computed = computeCaseFigure(
      {
        case: {
          id: row.id,
          tenantId: row.tenant_id,
          caseTypeId: row.case_type_id,
          categoryId: row.category_id,
          channelId: row.channel_id,
          receivedAt: row.received_at,
          status: row.status,
          transferredFromId: row.transferred_from_id,
          deadlines: row.deadlines,
        },
        events: byCase.get(row.id) ?? [],
        caseType,
      },
      calendar,
    );
    figures.push(asRecord(FIGURE_COLUMNS, figureValues(computed.figure)));
    stages.push(...computed.stages.map(stageRecord));
  }
  await runner.query(UPSERT_FIGURES, [JSON.stringify(figures)]);
  await runner.query('DELETE FROM case_stage_figure WHERE case_id = ANY ($1::uuid[])', [ids]);
  if (stages.length > 0) await runner.query(INSERT_STAGES, [JSON.stringify(stages)]);
  return tenants;
}

export interface FiguresPassResult {
  events: number;
  /** The agencies whose figures changed. */
  tenantIds: Set<string>;
  /** More events wait past this pass's batch. */
  more: boolean;
}

/** One pass (null: another instance holds the pass). */
export async function runFiguresPass(deps: FiguresDeps, calendars?: ReadonlyMap<string, WorkingCalendar>): Promise<FiguresPassResult | null> {
  const known = calendars ?? (await loadCalendars(deps));
  return withSqlScope(deps.db.sql, 'platform', async (runner) => {
    const batch = await readEventLog<{ id: string; case_id: string }>(runner, POSITION, 'e.id::text AS id, e.case_id', FIGURES_BATCH);
    if (!batch) return null;
    const tenantIds = await refreshCaseFigures(
      runner,
      batch.events.map((event) => event.case_id),
      known,
    );
    await batch.advance();
    return { events: batch.events.length, tenantIds, more: batch.full };
  });
}

/** Passes until the log is read to its end (a backlog, tests, ops); returns the agencies whose figures changed. */
export async function runFiguresToEnd(deps: FiguresDeps): Promise<Set<string>> {
  const calendars = await loadCalendars(deps);
  const changed = new Set<string>();
  for (;;) {
    const pass = await runFiguresPass(deps, calendars);
    if (!pass) return changed;
    for (const tenantId of pass.tenantIds) changed.add(tenantId);
    // Only a batch full of new events says more wait: events re-read from transactions still
    // running are not news (an old open transaction must not keep this loop spinning).
    if (!pass.more) return changed;
  }
}
