/**
 * The SLA sweep on a real database (PGlite; PostgreSQL when DATABASE_URL is set): reminders,
 * escalations, silence notices and closures happen exactly once, at the right time, also
 * when the sweep runs again or twice at once (on PostgreSQL from two connection pools).
 * Cases are written with the lifecycle's own clock functions; time moves by passing `now`.
 * The sweep's timers and the escalation are in `case_sla` beside the case (ADR 0011).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { clockColumns, clockUpdate } from '../cases/case-clock.ts';
import { planTransition } from '../cases/case-lifecycle.ts';
import { TenantConfigCache, type CaseTypeConfig, type TenantConfig } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { runningTimers, updateSlaTimers } from '../sla/case-sla.ts';
import { runSlaSweep, type SlaSweepDeps } from './sla-sweep.service.ts';
import { startStage } from '../sla/stage-clock.ts';
import { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import type { WorkingCalendar } from '../sla/working-days.ts';

let database: TestDatabase;
let db: Database;
let deps: SlaSweepDeps;
let kalbar: { config: TenantConfig; complaint: CaseTypeConfig; calendar: WorkingCalendar; provinceId: string };
let counter = 0;

/** WIB (Asia/Pontianak) wall-clock time as an instant. */
const wib = (local: string) => new Date(`${local}+07:00`);

async function seedCase(receivedAt: Date, extra: Partial<Prisma.CaseUncheckedCreateInput> = {}): Promise<string> {
  const id = randomUUID();
  counter += 1;
  const stage = kalbar.complaint.slaPolicy!.stages[0]!;
  const clock = startStage(stage, receivedAt, kalbar.calendar);
  await db.prisma.case.create({
    data: {
      id,
      tenantId: kalbar.config.id,
      caseTypeId: kalbar.complaint.id,
      registrationNumber: `SWP-2026-${String(counter).padStart(6, '0')}-${id.slice(0, 4)}`,
      year: 2026,
      sequence: null,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: id,
      title: 'Jalan rusak',
      answers: {},
      locale: 'id',
      receivedAt,
      deadlines: [],
      ...clockColumns(clock),
      sla: { create: { tenantId: kalbar.config.id, receivedAt, ...runningTimers(clock) } },
      ...extra,
    } as Prisma.CaseUncheckedCreateInput,
  });
  return id;
}

/** The case and its SLA row, as one object (the columns the sweep reads and writes). */
async function caseRow(caseId: string) {
  const { sla, ...row } = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { sla: true } });
  return { ...row, ...sla! };
}

/** The staff asked the reporter for facts at `at`: the columns REQUEST_INFO writes. */
async function askReporter(caseId: string, at: Date): Promise<void> {
  const row = await db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
  const plan = planTransition(row, 'REQUEST_INFO', { kind: 'STAFF', roles: ['VERIFIER'] }, 'Di mana tepatnya?');
  const update = clockUpdate(row, plan, kalbar.complaint, kalbar.calendar, at);
  await db.prisma.$transaction(async (tx) => {
    if (update.timers) await updateSlaTimers(tx, row, update.timers);
    await tx.case.update({ where: { id: caseId }, data: update.case });
  });
}

async function trail(caseId: string) {
  const [notices, events, notifications, messages] = await Promise.all([
    db.prisma.slaNotice.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
    db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    db.prisma.staffNotification.findMany({ where: { caseId }, orderBy: [{ createdAt: 'asc' }, { provinceId: 'asc' }] }),
    db.prisma.caseMessage.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
  ]);
  return { notices, events, notifications, messages };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  const configs = new TenantConfigCache(db.prisma, 60_000);
  const calendars = new NationalCalendarCache(db.prisma);
  deps = { db, configs, calendars };
  const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  const config = (await configs.find(tenant.id))!;
  kalbar = {
    config,
    complaint: config.caseTypes.find((caseType) => caseType.key === 'complaint')!,
    calendar: await calendars.forTenant(config),
    provinceId: tenant.provinceId,
  };
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('reminders and escalation', () => {
  // Received Monday 2 November 2026: verification (3 working days) ends Thursday 5 November
  // 23:59:59.999 WIB; its reminder (1 working day before) is due at the end of Wednesday.
  let caseId: string;
  beforeAll(async () => {
    caseId = await seedCase(wib('2026-11-02T09:00:00'));
  });

  it('stores the first reminder when the stage starts', async () => {
    const row = await caseRow(caseId);
    expect(row.stageDeadline).toEqual(new Date('2026-11-05T23:59:59.999+07:00'));
    expect(row.overdueAt).toEqual(row.stageDeadline);
    expect(row.nextReminderAt).toEqual(new Date('2026-11-04T23:59:59.999+07:00'));
  });

  it('does nothing before a reminder is due', async () => {
    await runSlaSweep(deps, { now: wib('2026-11-04T12:00:00') });
    const { notices, events, notifications } = await trail(caseId);
    expect([notices, events, notifications]).toEqual([[], [], []]);
  });

  it('sends a due reminder once, to the agency, and schedules no other', async () => {
    const now = wib('2026-11-05T00:30:00');
    const first = await runSlaSweep(deps, { now });
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    await runSlaSweep(deps, { now });
    await runSlaSweep(deps, { now: wib('2026-11-05T10:00:00') });
    const { notices, events, notifications } = await trail(caseId);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'REMINDER', step: 1, stageKey: 'verification', dueAt: new Date('2026-11-04T23:59:59.999+07:00') }),
    ]);
    expect(events).toEqual([expect.objectContaining({ kind: 'REMINDER_SENT', actorKind: 'SYSTEM', visibility: 'INTERNAL', status: 'SUBMITTED' })]);
    expect(events[0]!.data).toMatchObject({ stageKey: 'verification', daysBefore: 1 });
    expect(notifications).toEqual([
      expect.objectContaining({ kind: 'REMINDER', tenantId: kalbar.config.id, provinceId: null, roles: ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'] }),
    ]);
    expect((await caseRow(caseId)).nextReminderAt).toBeNull();
  });

  it('escalates once to the province when the deadline passes, visibly to the reporter', async () => {
    expect((await runSlaSweep(deps, { now: wib('2026-11-05T23:59:00') })).taken.overdue).toBe(0);
    const now = wib('2026-11-06T08:00:00');
    await runSlaSweep(deps, { now });
    await runSlaSweep(deps, { now: wib('2026-11-09T08:00:00') });
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ escalatedAt: now, escalationSource: 'SLA_SWEEP', status: 'SUBMITTED' });
    const { notices, events, notifications } = await trail(caseId);
    expect(notices.map((notice) => notice.kind)).toEqual(['REMINDER', 'OVERDUE']);
    const escalated = events.filter((event) => event.kind === 'ESCALATED');
    expect(escalated).toEqual([expect.objectContaining({ visibility: 'REPORTER', actorKind: 'SYSTEM', status: 'SUBMITTED' })]);
    expect(escalated[0]!.data).toEqual({ source: 'SLA_SWEEP', stageKey: 'verification', deadline: expect.any(String), provinceId: kalbar.provinceId });
    // One notification for both: the agency's roles and the province's secretariat.
    const overdue = notifications.filter((notification) => notification.kind === 'OVERDUE');
    expect(overdue).toEqual([
      expect.objectContaining({ tenantId: kalbar.config.id, provinceId: kalbar.provinceId, roles: ['VERIFIER', 'REVIEWER', 'AGENCY_HEAD'] }),
    ]);
  });

  it('never sends a reminder for a stage whose deadline already passed', async () => {
    const late = await seedCase(wib('2026-11-02T09:00:00'));
    await runSlaSweep(deps, { now: wib('2026-11-10T08:00:00') });
    const { notices } = await trail(late);
    expect(notices.map((notice) => notice.kind)).toEqual(['OVERDUE']);
  });
});

describe('a reporter who stays silent', () => {
  // Asked for facts Monday 2 November 10:00 WIB: 10 working days of silence end Monday
  // 16 November 23:59:59.999; the notice is due two working days before (end of Thursday 12).
  let caseId: string;
  beforeAll(async () => {
    caseId = await seedCase(wib('2026-11-02T09:00:00'));
    await askReporter(caseId, wib('2026-11-02T10:00:00'));
  });

  it('is neither reminded nor escalated while the clock is paused', async () => {
    await runSlaSweep(deps, { now: wib('2026-11-12T12:00:00') });
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'NEEDS_INFO', escalatedAt: null, nextReminderAt: null, overdueAt: null });
    expect(row.silenceNoticeAt).toEqual(new Date('2026-11-12T23:59:59.999+07:00'));
    expect(row.silenceCloseAt).toEqual(new Date('2026-11-16T23:59:59.999+07:00'));
    expect((await trail(caseId)).events).toEqual([]);
  });

  it('warns the reporter once, in Indonesian and English, with the closing date', async () => {
    const now = wib('2026-11-13T08:00:00');
    await runSlaSweep(deps, { now });
    await runSlaSweep(deps, { now });
    const { notices, events, messages } = await trail(caseId);
    expect(notices).toEqual([expect.objectContaining({ kind: 'SILENCE_NOTICE', step: 1 })]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ authorKind: 'SYSTEM', visibility: 'REPORTER' });
    expect(messages[0]!.body).toContain('ditutup otomatis pada 16 November 2026');
    expect(messages[0]!.body).toContain('closed automatically on 16 November 2026');
    expect(events).toEqual([expect.objectContaining({ kind: 'SILENCE_NOTICE', visibility: 'REPORTER', status: 'NEEDS_INFO' })]);
    expect(events[0]!.data).toMatchObject({ messageId: messages[0]!.id });
    expect((await caseRow(caseId)).silenceNoticeAt).toBeNull();
  });

  it('closes the case once after the silence period, writing what the lifecycle writes', async () => {
    expect((await runSlaSweep(deps, { now: wib('2026-11-16T23:00:00') })).taken.silenceClosures).toBe(0);
    const now = wib('2026-11-17T07:00:00');
    const before = await caseRow(caseId);
    await runSlaSweep(deps, { now });
    await runSlaSweep(deps, { now: wib('2026-11-18T07:00:00') });
    const after = await caseRow(caseId);
    const plan = planTransition(before, 'CLOSE_FOR_SILENCE', { kind: 'SYSTEM' });
    const expected = clockUpdate(before, plan, kalbar.complaint, kalbar.calendar, now);
    expect(expected.timers).not.toBeNull();
    for (const [column, value] of Object.entries({ ...expected.case, ...expected.timers })) {
      expect([column, (after as Record<string, unknown>)[column]]).toEqual([column, value]);
    }
    const { notices, events, notifications } = await trail(caseId);
    expect(notices.map((notice) => notice.kind)).toEqual(['SILENCE_NOTICE', 'SILENCE_CLOSED']);
    const closing = events.filter((event) => event.kind === 'STATUS_CHANGED');
    expect(closing).toEqual([expect.objectContaining({ actorKind: 'SYSTEM', visibility: 'REPORTER', status: 'CLOSED', reason: null })]);
    expect(closing[0]!.data).toEqual({ transition: 'CLOSE_FOR_SILENCE', from: 'NEEDS_INFO', to: 'CLOSED' });
    expect(notifications.map((notification) => notification.kind)).toEqual(['SILENCE_CLOSED']);
  });

  it('warns before it closes even when the sweep comes late for both', async () => {
    const late = await seedCase(wib('2026-11-02T09:00:00'));
    await askReporter(late, wib('2026-11-02T10:00:00'));
    await runSlaSweep(deps, { now: wib('2026-11-20T08:00:00') });
    const { events } = await trail(late);
    expect(events.map((event) => event.kind)).toEqual(['SILENCE_NOTICE', 'STATUS_CHANGED']);
  });
});

describe('a reporter who answers', () => {
  it('moves the deadline the sweep escalates after by the time spent waiting', async () => {
    // Received Monday 2 November: deadline Thursday 5 November. Asked Tuesday 3 November,
    // answered Monday 9 November: four working days of waiting move it to Wednesday 11.
    const caseId = await seedCase(wib('2026-11-02T09:00:00'));
    await askReporter(caseId, wib('2026-11-03T10:00:00'));
    const waiting = await caseRow(caseId);
    const plan = planTransition(waiting, 'RECEIVE_INFO', { kind: 'REPORTER' });
    const update = clockUpdate(waiting, plan, kalbar.complaint, kalbar.calendar, wib('2026-11-09T10:00:00'));
    await db.prisma.$transaction(async (tx) => {
      await updateSlaTimers(tx, waiting, update.timers!);
      await tx.case.update({ where: { id: caseId }, data: update.case });
    });
    const resumed = await caseRow(caseId);
    expect(resumed).toMatchObject({ status: 'SUBMITTED', waitingSince: null, silenceNoticeAt: null, silenceCloseAt: null });
    expect(resumed.stageDeadline).toEqual(new Date('2026-11-11T23:59:59.999+07:00'));
    expect(resumed.overdueAt).toEqual(resumed.stageDeadline);
    expect(resumed.nextReminderAt).toEqual(new Date('2026-11-10T23:59:59.999+07:00'));
    expect((await runSlaSweep(deps, { now: wib('2026-11-06T08:00:00') })).escalations).toBe(0);
    expect((await trail(caseId)).notices).toEqual([]);
    await runSlaSweep(deps, { now: wib('2026-11-12T08:00:00') });
    expect((await trail(caseId)).notices.map((notice) => notice.kind)).toEqual(['OVERDUE']);
  });
});

describe('timers that disagree with the case', () => {
  // Written behind the lifecycle's back (a hand-made fix in SQL): the case row decides, and
  // the timer is set from it, so the case leaves the queue instead of coming back each minute.
  it("escalates by the case's own deadline, not a stale one", async () => {
    const caseId = await seedCase(wib('2026-11-02T09:00:00'));
    await db.prisma.case.update({ where: { id: caseId }, data: { stageDeadline: wib('2026-11-20T23:59:59.999') } });
    const early = await runSlaSweep(deps, { now: wib('2026-11-10T08:00:00') });
    expect(early.taken.overdue).toBeGreaterThanOrEqual(1);
    expect((await trail(caseId)).notices.map((notice) => notice.kind)).not.toContain('OVERDUE');
    expect((await caseRow(caseId)).overdueAt).toEqual(wib('2026-11-20T23:59:59.999'));
    expect((await runSlaSweep(deps, { now: wib('2026-11-11T08:00:00') })).taken.overdue).toBe(0);
    await runSlaSweep(deps, { now: wib('2026-11-23T08:00:00') });
    expect((await caseRow(caseId)).escalationSource).toBe('SLA_SWEEP');
  });

  it('neither warns nor closes a case that no longer waits for the reporter', async () => {
    const caseId = await seedCase(wib('2026-11-02T09:00:00'));
    await db.prisma.caseSla.update({
      where: { caseId },
      data: { silenceNoticeAt: wib('2026-11-04T23:59:59.999'), silenceCloseAt: wib('2026-11-06T23:59:59.999') },
    });
    await runSlaSweep(deps, { now: wib('2026-11-09T08:00:00') });
    const row = await caseRow(caseId);
    expect(row).toMatchObject({ status: 'SUBMITTED', silenceNoticeAt: null, silenceCloseAt: null, closedAt: null });
    const { notices, messages } = await trail(caseId);
    expect(notices.map((notice) => notice.kind)).toEqual(['OVERDUE']);
    expect(messages).toEqual([]);
  });
});

describe('two sweeps at once', () => {
  it('do every piece of work exactly once', async () => {
    const received = wib('2026-11-23T09:00:00'); // Monday: deadline Thursday 26, reminder end of Wednesday 25
    const ids: string[] = [];
    for (let index = 0; index < 60; index++) ids.push(await seedCase(received));
    const silent: string[] = [];
    for (let index = 0; index < 20; index++) {
      const id = await seedCase(received);
      await askReporter(id, wib('2026-11-23T10:00:00'));
      silent.push(id);
    }
    // A second connection pool on PostgreSQL, as a second API instance would have.
    const other = database.kind === 'postgresql' ? database.open() : db;
    const otherDeps: SlaSweepDeps = { ...deps, db: other };
    try {
      const reminderTime = wib('2026-11-26T01:00:00');
      const [a, b] = await Promise.all([runSlaSweep(deps, { now: reminderTime, batchSize: 7 }), runSlaSweep(otherDeps, { now: reminderTime, batchSize: 7 })]);
      expect(a.reminders + b.reminders).toBe(ids.length);
      const lateTime = wib('2026-12-31T08:00:00');
      const [c, d] = await Promise.all([runSlaSweep(deps, { now: lateTime, batchSize: 7 }), runSlaSweep(otherDeps, { now: lateTime, batchSize: 7 })]);
      expect(c.escalations + d.escalations).toBe(ids.length);
      expect(c.silenceNotices + d.silenceNotices).toBe(silent.length);
      expect(c.silenceClosures + d.silenceClosures).toBe(silent.length);
    } finally {
      if (other !== db) await other.close();
    }
    const all = [...ids, ...silent];
    const events = await db.prisma.caseEvent.groupBy({ by: ['kind'], where: { caseId: { in: all } }, _count: true });
    expect(Object.fromEntries(events.map((row) => [row.kind, row._count]))).toEqual({
      REMINDER_SENT: ids.length,
      ESCALATED: ids.length,
      SILENCE_NOTICE: silent.length,
      STATUS_CHANGED: silent.length,
    });
    const notifications = await db.prisma.staffNotification.groupBy({ by: ['kind'], where: { caseId: { in: all } }, _count: true });
    expect(Object.fromEntries(notifications.map((row) => [row.kind, row._count]))).toEqual({
      REMINDER: ids.length,
      OVERDUE: ids.length,
      SILENCE_CLOSED: silent.length,
    });
    expect(await db.prisma.caseMessage.count({ where: { caseId: { in: silent } } })).toBe(silent.length);
    expect(await db.prisma.case.count({ where: { id: { in: silent }, status: 'CLOSED' } })).toBe(silent.length);
  });
});
