/**
 * The figures pass on a real database (PGlite; PostgreSQL when DATABASE_URL is set): cases and
 * their event logs are written before the first pass (a backlog longer than one batch, the
 * position at 0 as the migration inserts it), across agencies in two zones (Inspektorat Kalbar
 * and BKAD Kalbar in WIB, Inspektorat Kalsel in WITA), with the reporter's waits, a transfer
 * from the Inspektorat to BKAD, the Idul Fitri leave week and receipts on either side of a
 * month's end; every figure below is worked out by hand from docs/statistics.md and the real
 * 2026 calendar (ops/data/calendars). Then: a pass with nothing new changes nothing, a new
 * event recomputes its case only, a pass that fails midway leaves everything as it was, and
 * (PostgreSQL) two passes at once do the work once. Last, what no event announces (a policy
 * changed): every case computed again by `recomputeFigures` (`pnpm ops recompute-figures`).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { TenantConfigCache } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import type { CaseEventKind } from '../generated/prisma/enums.ts';
import { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';
import { FIGURES_BATCH, loadCalendars, runFiguresPass, runFiguresToEnd, type FiguresDeps } from './figures-pass.service.ts';
import { recomputeFigures } from './figures-recompute.service.ts';

let database: TestDatabase;
let db: Database;
let deps: FiguresDeps;
let calendars: Map<string, WorkingCalendar>;
const tenants: Record<'kalbar' | 'bkad' | 'kalsel', string> = { kalbar: '', bkad: '', kalsel: '' };
const types: Record<string, { id: string; confidential: boolean }> = {};
const cases: Record<string, string> = {};
let counter = 0;

const wib = (local: string) => new Date(`${local}+07:00`);
const wita = (local: string) => new Date(`${local}+08:00`);

type Entry = [at: Date, kind: string, actor: 'STAFF' | 'REPORTER' | 'SYSTEM', transition?: string, visibility?: 'REPORTER' | 'INTERNAL'];
const staff = (at: Date, transition: string): Entry => [at, 'STATUS_CHANGED', 'STAFF', transition];

async function newCase(
  name: string,
  tenantId: string,
  type: string,
  receivedAt: Date,
  status: CaseStatus,
  deadlines: Record<string, Date>,
  transferredFromId: string | null = null,
) {
  counter += 1;
  const id = randomUUID();
  await db.prisma.case.create({
    data: {
      id,
      tenantId,
      registrationNumber: `FIG-2026-${String(counter).padStart(6, '0')}`,
      year: 2026,
      sequence: 800_000 + counter,
      caseTypeId: types[type]!.id,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: id,
      title: 'Uji angka',
      answers: {},
      locale: 'id',
      receivedAt,
      status,
      transferredFromId,
      deadlines: Object.entries(deadlines).map(([key, deadline]) => ({ key, deadline: deadline.toISOString(), provisional: false })),
    },
  });
  cases[name] = id;
  return id;
}

/** The case's events, in this order (ids follow it). */
async function log(name: string, entries: Entry[]) {
  const caseId = cases[name]!;
  const { tenantId, status } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, select: { tenantId: true, status: true } });
  for (const [at, kind, actor, transition, visibility] of entries) {
    await db.prisma.caseEvent.create({
      data: {
        tenantId,
        caseId,
        kind: kind as CaseEventKind,
        actorKind: actor,
        visibility: visibility ?? 'REPORTER',
        status,
        data: transition ? { transition } : {},
        createdAt: at,
      },
    });
  }
}

async function position() {
  return db.prisma.notificationPosition.findUniqueOrThrow({ where: { name: 'figures' } });
}

async function figure(name: string) {
  return db.prisma.caseFigure.findUniqueOrThrow({ where: { caseId: cases[name]! } });
}

async function stageFigures(name: string) {
  return db.prisma.caseStageFigure.findMany({ where: { caseId: cases[name]! }, orderBy: { startedAt: 'asc' } });
}

async function computedAt(): Promise<Map<string, number>> {
  const rows = await db.prisma.caseFigure.findMany({ select: { caseId: true, computedAt: true } });
  return new Map(rows.map((row) => [row.caseId, row.computedAt.getTime()]));
}

/**
 * Passes until one reads nothing. A pass reads again the events of transactions that were still
 * running at the previous read (live/event-log-reader.ts); on a shared PostgreSQL cluster
 * another database's transaction can hold that window open for a moment.
 */
async function settle() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const pass = await runFiguresPass(deps, calendars);
    if (pass && pass.events === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the figures pass kept finding events');
}

const november = new Date('2026-11-01T00:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  deps = { db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) };
  for (const [key, slug] of [
    ['kalbar', 'inspektorat-kalbar'],
    ['bkad', 'bkad-kalbar'],
    ['kalsel', 'inspektorat-kalsel'],
  ] as const) {
    tenants[key] = (await db.prisma.tenant.findUniqueOrThrow({ where: { slug } })).id;
  }
  for (const [name, tenant, key] of [
    ['kalbarComplaint', 'kalbar', 'complaint'],
    ['kalbarWbs', 'kalbar', 'whistleblowing'],
    ['bkadComplaint', 'bkad', 'complaint'],
    ['kalselWbs', 'kalsel', 'whistleblowing'],
    ['kalselAspiration', 'kalsel', 'aspiration'],
  ] as const) {
    const row = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: tenants[tenant], key }, select: { id: true, confidential: true } });
    types[name] = row;
  }
  calendars = await loadCalendars(deps);

  // K1, Inspektorat Kalbar (LAPOR-SP4N: verification 3 + follow-up 5 working days). Received
  // Tuesday 17 March, taken Wednesday 25 after the leave week (1 working day, 8 days); the
  // reporter is asked on Friday 27 and answers Wednesday 1 April (3 working days: 30, 31, 1);
  // answered Tuesday 7 April: 25, 26, 27, 30, 31, 1, 2, 6, 7 = 9 working days less 3 = 6 of 8.
  await newCase('K1', tenants.kalbar, 'kalbarComplaint', wib('2026-03-17T09:00:00'), 'CLOSED', {
    verification: wib('2026-03-27T23:59:59.999'),
    'follow-up': wib('2026-04-08T23:59:59.999'),
  });
  await log('K1', [
    [wib('2026-03-17T09:00:00'), 'SUBMITTED', 'REPORTER'],
    [wib('2026-03-17T12:00:00'), 'MESSAGE', 'REPORTER'],
    [wib('2026-03-18T10:00:00'), 'NOTE_ADDED', 'STAFF', undefined, 'INTERNAL'],
    staff(wib('2026-03-25T09:00:00'), 'TAKE_FOR_VERIFICATION'),
    staff(wib('2026-03-26T10:00:00'), 'ACCEPT'),
    staff(wib('2026-03-26T11:00:00'), 'START_FOLLOW_UP'),
    staff(wib('2026-03-27T10:00:00'), 'REQUEST_INFO'),
    [wib('2026-04-01T10:00:00'), 'STATUS_CHANGED', 'REPORTER', 'RECEIVE_INFO'],
    staff(wib('2026-04-07T09:00:00'), 'APPROVE_ANSWER'),
    staff(wib('2026-04-10T09:00:00'), 'CLOSE'),
  ]);

  // A case with more internal notes than two passes read: the cases after it come in later passes.
  await newCase('BULK', tenants.kalbar, 'kalbarComplaint', wib('2026-04-06T09:00:00'), 'SUBMITTED', {});
  await db.sql.query(
    `INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
     SELECT $1::uuid, $2::uuid, 'NOTE_ADDED'::"CaseEventKind", 'STAFF'::"ActorKind", 'INTERNAL'::"EventVisibility", 'SUBMITTED'::"CaseStatus", '{}'::jsonb, $3::timestamp + make_interval(secs => g)
     FROM generate_series(1, $4::int) g`,
    [tenants.kalbar, cases.BULK, '2026-04-06 03:00:00', 2 * FIGURES_BATCH + 100],
  );

  // K2, Inspektorat Kalbar: escalated by the sweep, transferred to BKAD on Monday 9 November,
  // after the verification deadline (Thursday 5): late; its first response (5 working days).
  await newCase('K2', tenants.kalbar, 'kalbarComplaint', wib('2026-11-02T09:00:00'), 'TRANSFERRED', {
    verification: wib('2026-11-05T23:59:59.999'),
    'follow-up': wib('2026-11-12T23:59:59.999'),
  });
  await log('K2', [
    [wib('2026-11-02T09:00:00'), 'SUBMITTED', 'REPORTER'],
    [wib('2026-11-06T00:00:00'), 'ESCALATED', 'SYSTEM'],
    staff(wib('2026-11-09T10:00:00'), 'TRANSFER'),
  ]);

  // B1, BKAD (one stage: follow-up 5): its own case from the transfer; the acceptance does not end
  // the stage; answered Monday 16 November, 5 working days: within, on time.
  await newCase('B1', tenants.bkad, 'bkadComplaint', wib('2026-11-09T10:00:00'), 'ANSWERED', { 'follow-up': wib('2026-11-16T23:59:59.999') }, cases.K2);
  await log('B1', [
    [wib('2026-11-09T10:00:00'), 'TRANSFERRED_IN', 'STAFF'],
    staff(wib('2026-11-10T08:00:00'), 'TAKE_FOR_VERIFICATION'),
    staff(wib('2026-11-10T09:00:00'), 'ACCEPT'),
    staff(wib('2026-11-10T10:00:00'), 'START_FOLLOW_UP'),
    staff(wib('2026-11-16T10:00:00'), 'APPROVE_ANSWER'),
  ]);

  // K3, Inspektorat Kalbar: received 23:30 Saturday 31 October WIB (16:30Z): October. Rejected
  // Monday 2 November, 1 working day and 1.4 days later; verification on time.
  await newCase('K3', tenants.kalbar, 'kalbarComplaint', new Date('2026-10-31T16:30:00Z'), 'REJECTED', { verification: wib('2026-11-04T23:59:59.999') });
  await log('K3', [[new Date('2026-10-31T16:30:00Z'), 'SUBMITTED', 'REPORTER'], staff(wib('2026-11-02T09:00:00'), 'REJECT')]);

  // K4, Inspektorat Kalbar whistleblowing: no SLA policy, so no standard and no stages.
  await newCase('K4', tenants.kalbar, 'kalbarWbs', wib('2026-12-07T09:00:00'), 'ANSWERED', {});
  await log('K4', [
    [wib('2026-12-07T09:00:00'), 'SUBMITTED', 'REPORTER'],
    [wib('2026-12-08T09:00:00'), 'MESSAGE', 'STAFF'],
    staff(wib('2026-12-14T09:00:00'), 'APPROVE_ANSWER'),
  ]);

  // S1, Inspektorat Kalsel WBS (one stage: verification 3): the same instant as K3, 00:30 Sunday
  // 1 November WITA: November. Answered Friday 6 November: 5 working days of 3, late.
  await newCase('S1', tenants.kalsel, 'kalselWbs', new Date('2026-10-31T16:30:00Z'), 'ANSWERED', { verification: wita('2026-11-04T23:59:59.999') });
  await log('S1', [
    [new Date('2026-10-31T16:30:00Z'), 'SUBMITTED', 'REPORTER'],
    staff(wita('2026-11-02T08:00:00'), 'TAKE_FOR_VERIFICATION'),
    staff(wita('2026-11-02T09:00:00'), 'ACCEPT'),
    staff(wita('2026-11-02T10:00:00'), 'START_FOLLOW_UP'),
    staff(wita('2026-11-06T10:00:00'), 'APPROVE_ANSWER'),
  ]);

  // S2, Inspektorat Kalsel aspiration: the reporter is asked within the hour and never answers;
  // closed for silence on 1 April. Waiting since before its deadline: the stage is not late.
  await newCase('S2', tenants.kalsel, 'kalselAspiration', wita('2026-03-16T10:00:00'), 'CLOSED', { verification: wita('2026-03-26T23:59:59.999') });
  await log('S2', [
    [wita('2026-03-16T10:00:00'), 'SUBMITTED', 'REPORTER'],
    staff(wita('2026-03-16T11:00:00'), 'REQUEST_INFO'),
    [wita('2026-04-01T00:00:00'), 'STATUS_CHANGED', 'SYSTEM', 'CLOSE_FOR_SILENCE'],
  ]);

  // S3, Inspektorat Kalsel aspiration: received Friday 20 November, nothing done yet.
  await newCase('S3', tenants.kalsel, 'kalselAspiration', wita('2026-11-20T10:00:00'), 'SUBMITTED', { verification: wita('2026-11-25T23:59:59.999') });
  await log('S3', [[wita('2026-11-20T10:00:00'), 'SUBMITTED', 'REPORTER']]);
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the figures pass', () => {
  it('reads a backlog from the position the migration set, one batch a pass, to the end', async () => {
    expect(await position()).toMatchObject({ upTo: 0n });
    const first = await runFiguresPass(deps, calendars);
    expect(first).toEqual({ events: FIGURES_BATCH, tenantIds: new Set([tenants.kalbar]), more: true }); // K1 and BULK
    expect(await db.prisma.caseFigure.count()).toBe(2);
    expect((await position()).upTo).toBeGreaterThan(0n);

    // The rest is more than a batch too: to the end, pass after pass.
    await runFiguresToEnd(deps);
    const last = await db.prisma.caseEvent.aggregate({ _max: { id: true } });
    expect((await position()).upTo).toBe(last._max.id);
    expect(await db.prisma.caseFigure.count()).toBe(Object.keys(cases).length);
  });

  it('computes an answered case with a wait over the leave week', async () => {
    expect(await figure('K1')).toMatchObject({
      tenantId: tenants.kalbar,
      caseTypeId: types.kalbarComplaint!.id,
      confidential: types.kalbarComplaint!.confidential,
      receivedAt: wib('2026-03-17T09:00:00'),
      receivedMonth: new Date('2026-03-01T00:00:00Z'),
      status: 'CLOSED',
      outcome: 'ANSWERED',
      firstResponseAt: wib('2026-03-25T09:00:00'),
      firstResponseWorkingDays: 1,
      firstResponseDays: 8,
      resolvedAt: wib('2026-04-07T09:00:00'),
      resolveWorkingDays: 6,
      resolveDays: 21,
      standardWorkingDays: 8,
      withinStandard: true,
      escalated: false,
      transferredIn: false,
    });
    expect(await stageFigures('K1')).toEqual([
      expect.objectContaining({
        stageKey: 'verification',
        tenantId: tenants.kalbar,
        receivedAt: wib('2026-03-17T09:00:00'),
        startedAt: wib('2026-03-17T09:00:00'),
        deadline: wib('2026-03-27T23:59:59.999'),
        endedAt: wib('2026-03-26T10:00:00'),
        late: false,
      }),
      expect.objectContaining({
        stageKey: 'follow-up',
        startedAt: wib('2026-03-26T10:00:00'),
        deadline: wib('2026-04-08T23:59:59.999'),
        endedAt: wib('2026-04-07T09:00:00'),
        late: false,
      }),
    ]);
    expect(await figure('BULK')).toMatchObject({ outcome: 'OPEN', firstResponseAt: null, receivedMonth: new Date('2026-04-01T00:00:00Z') });
    expect(await stageFigures('BULK')).toEqual([]);
  });

  it('counts a transfer at both agencies, each from its own receipt', async () => {
    expect(await figure('K2')).toMatchObject({
      receivedMonth: november,
      status: 'TRANSFERRED',
      outcome: 'TRANSFERRED',
      firstResponseAt: wib('2026-11-09T10:00:00'),
      firstResponseWorkingDays: 5,
      firstResponseDays: 7,
      resolvedAt: null,
      resolveWorkingDays: null,
      withinStandard: null,
      standardWorkingDays: 8,
      escalated: true,
      transferredIn: false,
    });
    expect(await stageFigures('K2')).toEqual([
      expect.objectContaining({ stageKey: 'verification', deadline: wib('2026-11-05T23:59:59.999'), endedAt: wib('2026-11-09T10:00:00'), late: true }),
    ]);
    expect(await figure('B1')).toMatchObject({
      tenantId: tenants.bkad,
      receivedAt: wib('2026-11-09T10:00:00'),
      receivedMonth: november,
      outcome: 'ANSWERED',
      firstResponseWorkingDays: 1,
      firstResponseDays: 0.9,
      resolveWorkingDays: 5,
      resolveDays: 7,
      standardWorkingDays: 5,
      withinStandard: true,
      escalated: false,
      transferredIn: true,
    });
    expect(await stageFigures('B1')).toEqual([
      expect.objectContaining({
        stageKey: 'follow-up',
        tenantId: tenants.bkad,
        startedAt: wib('2026-11-09T10:00:00'),
        endedAt: wib('2026-11-16T10:00:00'),
        late: false,
      }),
    ]);
  });

  it("puts a receipt in the month of its agency's zone", async () => {
    expect(await figure('K3')).toMatchObject({
      receivedMonth: new Date('2026-10-01T00:00:00Z'),
      outcome: 'REJECTED',
      firstResponseWorkingDays: 1,
      firstResponseDays: 1.4,
      resolvedAt: null,
    });
    expect(await stageFigures('K3')).toEqual([expect.objectContaining({ stageKey: 'verification', endedAt: wib('2026-11-02T09:00:00'), late: false })]);
    expect(await figure('S1')).toMatchObject({
      tenantId: tenants.kalsel,
      confidential: types.kalselWbs!.confidential,
      receivedMonth: november,
      outcome: 'ANSWERED',
      firstResponseWorkingDays: 1,
      firstResponseDays: 1.3,
      resolveWorkingDays: 5,
      resolveDays: 5.4,
      standardWorkingDays: 3,
      withinStandard: false,
    });
    expect(await stageFigures('S1')).toEqual([
      expect.objectContaining({ stageKey: 'verification', deadline: wita('2026-11-04T23:59:59.999'), endedAt: wita('2026-11-06T10:00:00'), late: true }),
    ]);
  });

  it('has no standard without a policy, and counts a closure for silence and an open case as such', async () => {
    expect(await figure('K4')).toMatchObject({
      confidential: types.kalbarWbs!.confidential,
      receivedMonth: new Date('2026-12-01T00:00:00Z'),
      outcome: 'ANSWERED',
      firstResponseAt: wib('2026-12-08T09:00:00'),
      firstResponseWorkingDays: 1,
      resolveWorkingDays: 5,
      resolveDays: 7,
      standardWorkingDays: null,
      withinStandard: null,
    });
    expect(await stageFigures('K4')).toEqual([]);
    expect(await figure('S2')).toMatchObject({
      receivedMonth: new Date('2026-03-01T00:00:00Z'),
      status: 'CLOSED',
      outcome: 'CLOSED_UNANSWERED',
      firstResponseWorkingDays: 0,
      firstResponseDays: 0,
      resolvedAt: null,
      standardWorkingDays: 3,
      withinStandard: null,
    });
    expect(await stageFigures('S2')).toEqual([expect.objectContaining({ stageKey: 'verification', endedAt: wita('2026-04-01T00:00:00'), late: false })]);
    expect(await figure('S3')).toMatchObject({ outcome: 'OPEN', status: 'SUBMITTED', firstResponseAt: null, receivedMonth: november, standardWorkingDays: 3 });
    expect(await stageFigures('S3')).toEqual([]);
  });

  it('changes nothing when nothing new was written', async () => {
    const before = await db.prisma.caseFigure.findMany({ orderBy: { caseId: 'asc' } });
    const stagesBefore = await db.prisma.caseStageFigure.findMany({ orderBy: [{ caseId: 'asc' }, { stageKey: 'asc' }] });
    await settle();
    const at = await computedAt();
    const again = await runFiguresPass(deps, calendars);
    expect(again).toEqual({ events: 0, tenantIds: new Set(), more: false });
    const after = await db.prisma.caseFigure.findMany({ orderBy: { caseId: 'asc' } });
    // What a case's history says does not change; and with nothing new, no row is written at all.
    const strip = (rows: typeof before) => rows.map(({ computedAt: _at, ...row }) => row);
    expect(strip(after)).toEqual(strip(before));
    expect(await computedAt()).toEqual(at);
    expect(await db.prisma.caseStageFigure.findMany({ orderBy: [{ caseId: 'asc' }, { stageKey: 'asc' }] })).toEqual(stagesBefore);
  });

  it('computes again only the case a new event touched', async () => {
    await settle();
    const before = await computedAt();
    await db.prisma.case.update({ where: { id: cases.S3! }, data: { status: 'IN_VERIFICATION' } });
    await log('S3', [staff(wita('2026-11-23T09:00:00'), 'TAKE_FOR_VERIFICATION')]);
    expect(await runFiguresPass(deps, calendars)).toMatchObject({ events: 1, more: false, tenantIds: expect.any(Set) });
    const after = await computedAt();
    for (const [caseId, at] of before) {
      if (caseId === cases.S3) expect(after.get(caseId)).toBeGreaterThan(at);
      else expect(after.get(caseId)).toBe(at);
    }
    // Friday 20 to Monday 23 November: 1 working day, 2 days and 23 hours.
    expect(await figure('S3')).toMatchObject({
      status: 'IN_VERIFICATION',
      outcome: 'OPEN',
      firstResponseAt: wita('2026-11-23T09:00:00'),
      firstResponseWorkingDays: 1,
      firstResponseDays: 3,
    });
  });

  it('leaves the position and the rows as they were when a pass fails, and the next pass does the work', async () => {
    await settle();
    const start = await position();
    const before = await computedAt();
    await db.prisma.case.update({ where: { id: cases.K4! }, data: { status: 'CLOSED' } });
    await log('K4', [staff(wib('2026-12-15T09:00:00'), 'CLOSE')]);
    await db.prisma.case.update({ where: { id: cases.S1! }, data: { status: 'CLOSED' } });
    await log('S1', [staff(wita('2026-11-09T09:00:00'), 'CLOSE')]);

    // Kalsel's calendar is missing (an agency added since the calendars were read).
    const withoutKalsel = new Map([...calendars].filter(([tenantId]) => tenantId !== tenants.kalsel));
    await expect(runFiguresPass(deps, withoutKalsel)).rejects.toThrow(/no working calendar/);
    expect(await position()).toEqual(start);
    expect(await computedAt()).toEqual(before);
    expect(await figure('K4')).toMatchObject({ status: 'ANSWERED' });

    // A failure after the figures were written (the stage rows refused): all of it rolls back.
    await db.sql.exec(`
      CREATE FUNCTION figures_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
      CREATE TRIGGER figures_test_refuse BEFORE INSERT ON case_stage_figure FOR EACH STATEMENT EXECUTE FUNCTION figures_test_refuse();
    `);
    try {
      await expect(runFiguresPass(deps, calendars)).rejects.toThrow(/refused by the test/);
    } finally {
      await db.sql.exec('DROP TRIGGER figures_test_refuse ON case_stage_figure; DROP FUNCTION figures_test_refuse();');
    }
    expect(await position()).toEqual(start);
    expect(await computedAt()).toEqual(before);
    expect(await figure('S1')).toMatchObject({ status: 'ANSWERED' });
    expect(await stageFigures('S1')).toHaveLength(1);

    await runFiguresToEnd(deps);
    expect((await position()).upTo).toBeGreaterThan(start.upTo);
    expect(await figure('K4')).toMatchObject({ status: 'CLOSED', outcome: 'ANSWERED', resolvedAt: wib('2026-12-14T09:00:00') });
    expect(await figure('S1')).toMatchObject({ status: 'CLOSED', outcome: 'ANSWERED', resolvedAt: wita('2026-11-06T10:00:00'), withinStandard: false });
    expect(await stageFigures('S1')).toEqual([expect.objectContaining({ stageKey: 'verification', endedAt: wita('2026-11-06T10:00:00'), late: true })]);
  });

  it.skipIf(!usingPostgres)('runs one pass at a time: a second one at once finds the position taken and does nothing', async () => {
    await settle();
    await log('K1', [[wib('2026-04-20T09:00:00'), 'ESCALATED', 'SYSTEM']]);
    // The first pass to take the position holds it for a second while it writes.
    await db.sql.exec(`
      CREATE FUNCTION figures_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$;
      CREATE TRIGGER figures_test_slow BEFORE INSERT ON case_figure FOR EACH STATEMENT EXECUTE FUNCTION figures_test_slow();
    `);
    let results: Awaited<ReturnType<typeof runFiguresPass>>[];
    try {
      results = await Promise.all([runFiguresPass(deps, calendars), runFiguresPass(deps, calendars)]);
    } finally {
      await db.sql.exec('DROP TRIGGER figures_test_slow ON case_figure; DROP FUNCTION figures_test_slow();');
    }
    expect(results.filter((result) => result === null)).toHaveLength(1);
    expect(results.find((result) => result !== null)).toMatchObject({ events: 1 });
    expect(await figure('K1')).toMatchObject({ escalated: true, outcome: 'ANSWERED', resolveWorkingDays: 6 });
    expect(await stageFigures('K1')).toHaveLength(2);
  });

  it.skipIf(!usingPostgres)('reads to the end while an older transaction is still open, and stops', async () => {
    await settle();
    // Another session's transaction, older than the events below, stays open: every pass reads
    // those events again (they might be followed by that transaction's own), and that window
    // alone is more than a batch.
    await db.sql.withConnection(async (holder) => {
      await holder.query('BEGIN');
      try {
        await holder.query('SELECT pg_current_xact_id()');
        await db.sql.query(
          `INSERT INTO case_event (tenant_id, case_id, kind, actor_kind, visibility, status, data, created_at)
           SELECT $1::uuid, $2::uuid, 'NOTE_ADDED'::"CaseEventKind", 'STAFF'::"ActorKind", 'INTERNAL'::"EventVisibility", 'SUBMITTED'::"CaseStatus", '{}'::jsonb, $3::timestamp + make_interval(secs => g)
           FROM generate_series(1, $4::int) g`,
          [tenants.kalbar, cases.BULK, '2026-04-07 03:00:00', FIGURES_BATCH + 100],
        );
        let timer: NodeJS.Timeout | undefined;
        const stuck = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('runFiguresToEnd did not stop while an old transaction was open')), 20_000);
        });
        try {
          expect([...(await Promise.race([runFiguresToEnd(deps), stuck]))]).toEqual([tenants.kalbar]);
        } finally {
          clearTimeout(timer);
        }
        const last = await db.prisma.caseEvent.aggregate({ _max: { id: true } });
        expect((await position()).upTo).toBe(last._max.id);
      } finally {
        await holder.query('ROLLBACK');
      }
    });
    await settle();
  });

  it('computes every case again after a policy changed, one agency or all, and leaves the position where it was', async () => {
    await settle();
    const start = await position();
    const before = await computedAt();
    // Inspektorat Kalsel's whistleblowing standard becomes 5 working days instead of 3: no event says so.
    const setVerificationDays = (days: number) =>
      db.sql.query(
        "UPDATE sla_stage SET working_days = $1 WHERE key = 'verification' AND sla_policy_id = (SELECT sla_policy_id FROM case_type WHERE id = $2::uuid)",
        [days, types.kalselWbs!.id],
      );
    await setVerificationDays(5);
    try {
      expect(await runFiguresPass(deps, calendars)).toMatchObject({ events: 0 });
      expect(await figure('S1')).toMatchObject({ standardWorkingDays: 3, withinStandard: false });

      const progress: number[] = [];
      const kalsel = await recomputeFigures(deps, { tenantId: tenants.kalsel, batch: 1, onProgress: ({ done, total }) => progress.push(done, total) });
      const kalselCases = ['S1', 'S2', 'S3'].map((name) => cases[name]!);
      expect(kalsel).toEqual({ cases: 3, tenantIds: new Set([tenants.kalsel]) });
      expect(progress).toEqual([1, 3, 2, 3, 3, 3]);
      // Answered in 5 working days: within the new standard. Its stage keeps the deadline it had.
      expect(await figure('S1')).toMatchObject({ standardWorkingDays: 5, withinStandard: true });
      expect(await stageFigures('S1')).toEqual([expect.objectContaining({ stageKey: 'verification', late: true })]);
      const after = await computedAt();
      for (const [caseId, at] of before) {
        if (kalselCases.includes(caseId)) expect(after.get(caseId)).toBeGreaterThan(at);
        else expect(after.get(caseId)).toBe(at);
      }
    } finally {
      await setVerificationDays(3);
    }
    const all = await recomputeFigures(deps);
    expect(all.cases).toBe(Object.keys(cases).length);
    expect(all.tenantIds).toEqual(new Set(Object.values(tenants)));
    expect(await figure('S1')).toMatchObject({ standardWorkingDays: 3, withinStandard: false });
    expect((await position()).upTo).toBe(start.upTo);
  });
});
