/**
 * The staff and secretariat dashboards over HTTP (issue 15), on PGlite or PostgreSQL: the
 * figures of November 2026 per agency and for the Kalimantan Barat province, what is open now,
 * the overdue and escalated cases, the handlers; and the hostile insider: a verifier sees no
 * figures, a head no other agency, a secretariat no other province, an admin counts but no
 * case, the secretariat never a restricted case. Cases with known figures are written with
 * Prisma while the API is stopped (PGlite has one owner); the API's own figures pass computes
 * their rows, and the test waits for it (bounded).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { staffClient, type StaffClient } from './support/staff.ts';

const FIGURES = /* GraphQL */ `
  query Figures($filter: FigureFilterInput!) {
    figures(filter: $filter) {
      from to ageingBucketDays
      agencies {
        agency { id slug name }
        totals { received answered rejected open escalated withinStandard answeredWithStandard resolution { cases medianWorkingDays } }
        stages { stageKey name onTime late open openOverdue }
        breakdowns { dimension key label received }
        openNow { open overdue escalated ageing byStage { stageKey name open overdue } byStatus { status open } }
        handlers { name handled answered withinStandard open openOverdue }
        satisfaction { rated }
      }
      total { received answered }
      totalOpenNow { open overdue escalated }
      attention { total cases { id registrationNumber agency { slug } daysOverdue escalatedAt } }
    }
  }
`;
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

let database: TestDatabase;
let api: RunningProcess;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
const staff: Record<string, StaffClient> = {};
let sequence = 0;

type Step = { at: string; transition: string; status: string };

/** A case received at `received`, moved by staff through `steps`. */
async function caseWith(
  db: ReturnType<TestDatabase['open']>,
  options: {
    tenantId: string;
    caseTypeId: string;
    received: string;
    steps?: Step[];
    stage?: { key: string; deadline: string };
    escalated?: boolean;
    restricted?: boolean;
    handlers?: string[];
  },
) {
  sequence += 1;
  const id = randomUUID();
  const number = `TDSB-2026-${String(sequence).padStart(6, '0')}`;
  const steps = options.steps ?? [];
  const status = (steps.at(-1)?.status ?? 'SUBMITTED') as never;
  const open = steps.length === 0 || ['IN_VERIFICATION', 'ACCEPTED', 'IN_FOLLOW_UP'].includes(String(status));
  await db.prisma.case.create({
    data: {
      id,
      tenantId: options.tenantId,
      registrationNumber: number,
      year: 2026,
      sequence: 700_000 + sequence,
      caseTypeId: options.caseTypeId,
      identityMode: 'ANONYMOUS',
      identityProtection: 'NONE',
      trackingCodeHash: number,
      title: 'Uji dasbor',
      answers: {},
      locale: 'id',
      receivedAt: new Date(options.received),
      deadlines: options.stage ? [{ key: options.stage.key, deadline: options.stage.deadline }] : [],
      status,
      restricted: options.restricted ?? false,
      ...(open && options.stage
        ? { stageKey: options.stage.key, stageStartedAt: new Date(options.received), stageDeadline: new Date(options.stage.deadline) }
        : {}),
    },
  });
  if (options.escalated) {
    await db.prisma.caseSla.create({
      data: {
        caseId: id,
        tenantId: options.tenantId,
        receivedAt: new Date(options.received),
        escalatedAt: new Date(options.stage!.deadline),
        escalationSource: 'SLA_SWEEP' as never,
      },
    });
  }
  const event = (kind: string, actorKind: string, at: string, eventStatus: string, data: object) =>
    db.prisma.caseEvent.create({
      data: {
        tenantId: options.tenantId,
        caseId: id,
        kind: kind as never,
        actorKind: actorKind as never,
        visibility: 'REPORTER',
        status: eventStatus as never,
        data,
        createdAt: new Date(at),
      },
    });
  await event('SUBMITTED', 'REPORTER', options.received, 'SUBMITTED', {});
  for (const step of steps) await event('STATUS_CHANGED', 'STAFF', step.at, step.status, { transition: step.transition });
  if (options.escalated) await event('ESCALATED', 'SYSTEM', '2026-11-10T01:00:00Z', String(status), {});
  for (const staffUserId of options.handlers ?? []) await db.prisma.caseHandler.create({ data: { tenantId: options.tenantId, caseId: id, staffUserId } });
  numbers[String(sequence)] = number;
  return { id, number };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const db = database.open();
  try {
    const tenant = (slug: string) => db.prisma.tenant.findUniqueOrThrow({ where: { slug } });
    const [bkad, kalbar, kalsel] = await Promise.all([tenant('bkad-kalbar'), tenant('inspektorat-kalbar'), tenant('inspektorat-kalsel')]);
    const typeOf = (tenantId: string) => db.prisma.caseType.findFirstOrThrow({ where: { tenantId, slaPolicyId: { not: null } }, orderBy: { key: 'asc' } });
    const [bkadType, kalbarType, kalselType] = await Promise.all([typeOf(bkad.id), typeOf(kalbar.id), typeOf(kalsel.id)]);
    const reviewer = await db.prisma.staffUser.findUniqueOrThrow({ where: { emailKey: 'telaah@bkad-kalbar.test' } });
    Object.assign(ids, { bkad: bkad.id, kalbar: kalbar.id, kalsel: kalsel.id, bkadType: bkadType.id, reviewer: reviewer.id });
    const stage = { key: 'follow-up', deadline: '2026-11-09T16:59:59.999Z' };
    // BKAD, received Monday 2 November (WIB): answered after 2 working days (on time) and after 6 (late).
    await caseWith(db, {
      tenantId: bkad.id,
      caseTypeId: bkadType.id,
      received: '2026-11-02T02:00:00Z',
      stage,
      handlers: [reviewer.id],
      steps: [
        { at: '2026-11-02T05:00:00Z', transition: 'TAKE', status: 'IN_VERIFICATION' },
        { at: '2026-11-04T03:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
      ],
    });
    await caseWith(db, {
      tenantId: bkad.id,
      caseTypeId: bkadType.id,
      received: '2026-11-02T02:00:00Z',
      stage,
      handlers: [reviewer.id],
      steps: [
        { at: '2026-11-03T02:00:00Z', transition: 'TAKE', status: 'IN_VERIFICATION' },
        { at: '2026-11-10T03:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
      ],
    });
    await caseWith(db, {
      tenantId: bkad.id,
      caseTypeId: bkadType.id,
      received: '2026-11-05T02:00:00Z',
      steps: [{ at: '2026-11-06T02:00:00Z', transition: 'REJECT', status: 'REJECTED' }],
    });
    // Two still open, long overdue: one escalated, one restricted to the reviewer.
    const escalated = await caseWith(db, { tenantId: bkad.id, caseTypeId: bkadType.id, received: '2026-11-02T02:00:00Z', stage, escalated: true });
    const restricted = await caseWith(db, {
      tenantId: bkad.id,
      caseTypeId: bkadType.id,
      received: '2026-11-02T02:00:00Z',
      stage,
      restricted: true,
      handlers: [reviewer.id],
    });
    ids.escalated = escalated.id;
    ids.restricted = restricted.id;
    numbers.escalated = escalated.number;
    numbers.restricted = restricted.number;
    // Inspektorat Kalbar: one answered in November; Kalsel: one of another province.
    await caseWith(db, {
      tenantId: kalbar.id,
      caseTypeId: kalbarType.id,
      received: '2026-11-16T02:00:00Z',
      steps: [
        { at: '2026-11-16T04:00:00Z', transition: 'TAKE', status: 'IN_VERIFICATION' },
        { at: '2026-11-18T04:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
      ],
    });
    await caseWith(db, { tenantId: kalsel.id, caseTypeId: kalselType.id, received: '2026-11-16T02:00:00Z' });
  } finally {
    await db.close();
  }
  api = await startApi({ ...database.env, SLA_SWEEP_ENABLED: 'false', FIGURES_INTERVAL_SECONDS: '1' });
  staff.head = await staffClient(api.url, 'bkad-kalbar', 'pimpinan');
  staff.admin = await staffClient(api.url, 'bkad-kalbar', 'admin');
  staff.verifier = await staffClient(api.url, 'bkad-kalbar', 'verifikator');
  staff.kalbarHead = await staffClient(api.url, 'inspektorat-kalbar', 'pimpinan');
  staff.secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
  // The API's figures pass writes the rows a few seconds after start: wait for them, bounded.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const response = await staff.secretariat.call(FIGURES, { filter: NOVEMBER });
    if (response.data?.figures.total.received === 6) break;
    if (Date.now() > deadline) throw new Error(`the figures pass wrote no rows: ${JSON.stringify(response)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;
const reasonOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.reason;

describe('the dashboards', () => {
  it("show an agency head their agency's figures, what is open now, and every overdue case they may open", async () => {
    const response = await staff.head!.call(FIGURES, { filter: NOVEMBER });
    expect(response.errors).toBeUndefined();
    const figures = response.data!.figures;
    expect(figures.agencies).toHaveLength(1);
    const [bkad] = figures.agencies;
    expect(bkad.agency.slug).toBe('bkad-kalbar');
    expect(bkad.totals).toMatchObject({ received: 5, answered: 2, rejected: 1, open: 2, escalated: 1, withinStandard: 1, answeredWithStandard: 2 });
    expect(bkad.totals.resolution).toEqual({ cases: 2, medianWorkingDays: 4 });
    expect(bkad.stages).toEqual([{ stageKey: 'follow-up', name: 'Tindak lanjut pengaduan', onTime: 1, late: 1, open: 2, openOverdue: 2 }]);
    const caseTypes = bkad.breakdowns.filter((row: { dimension: string }) => row.dimension === 'CASE_TYPE');
    expect(caseTypes).toEqual([{ dimension: 'CASE_TYPE', key: ids.bkadType, label: expect.any(String), received: 5 }]);
    expect(caseTypes[0].label.length).toBeGreaterThan(0);
    expect(bkad.openNow).toMatchObject({
      open: 2,
      overdue: 2,
      escalated: 1,
      byStage: [{ stageKey: 'follow-up', name: 'Tindak lanjut pengaduan', open: 2, overdue: 2 }],
    });
    // Received 2 November: over 20 calendar days old today.
    expect(bkad.openNow.ageing).toEqual([0, 0, 0, 2]);
    expect(figures.ageingBucketDays).toEqual([5, 10, 20]);
    // The head opens restricted cases: both are listed, with their ids.
    expect(figures.attention.total).toBe(2);
    expect(figures.attention.cases.map((row: { id: string }) => row.id).sort()).toEqual([ids.escalated, ids.restricted].sort());
    expect(figures.attention.cases.every((row: { daysOverdue: number }) => row.daysOverdue > 20)).toBe(true);
    expect(bkad.handlers).toEqual([{ name: expect.any(String), handled: 3, answered: 2, withinStandard: 1, open: 1, openOverdue: 1 }]);
    expect(bkad.satisfaction).toEqual({ rated: 0 });
  });

  it('show the secretariat every agency of its province side by side and in total, never a restricted case', async () => {
    const response = await staff.secretariat!.call(FIGURES, { filter: NOVEMBER });
    expect(response.errors).toBeUndefined();
    const figures = response.data!.figures;
    const bySlug = Object.fromEntries(figures.agencies.map((row: { agency: { slug: string } }) => [row.agency.slug, row]));
    expect(Object.keys(bySlug)).toContain('bkad-kalbar');
    expect(Object.keys(bySlug)).toContain('inspektorat-kalbar');
    expect(Object.keys(bySlug)).not.toContain('inspektorat-kalsel');
    expect(bySlug['bkad-kalbar'].totals.received).toBe(5);
    expect(bySlug['inspektorat-kalbar'].totals).toMatchObject({ received: 1, answered: 1 });
    expect(figures.total).toEqual({ received: 6, answered: 3 });
    expect(figures.totalOpenNow).toEqual({ open: 2, overdue: 2, escalated: 1 });
    // Counts include the restricted case (the total is counted like the other counts); the list never shows it.
    expect(figures.attention.total).toBe(2);
    expect(figures.attention.cases).toEqual([
      {
        id: ids.escalated,
        registrationNumber: numbers.escalated,
        agency: { slug: 'bkad-kalbar' },
        daysOverdue: expect.any(Number),
        escalatedAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(figures)).not.toContain(ids.restricted);
    expect(JSON.stringify(figures)).not.toContain(numbers.restricted);
    // The reviewer's restricted case does not count for them either.
    expect(bySlug['bkad-kalbar'].handlers).toEqual([{ name: expect.any(String), handled: 2, answered: 2, withinStandard: 1, open: 0, openOverdue: 0 }]);
  });

  it('read the months and breakdowns only when asked, with the same figures either way', async () => {
    // As the console asks for the province (no breakdowns) and for one agency (with them).
    const SIDE_BY_SIDE = /* GraphQL */ `
      query SideBySide($filter: FigureFilterInput!, $detail: Boolean!) {
        figures(filter: $filter) {
          agencies { agency { slug } totals { received answered open resolution { cases medianWorkingDays } } stages { stageKey onTime late open }
            months @include(if: $detail) { month received } breakdowns @include(if: $detail) { dimension key received } }
          total { received answered }
        }
      }
    `;
    const without = await staff.secretariat!.call(SIDE_BY_SIDE, { filter: NOVEMBER, detail: false });
    const withDetail = await staff.secretariat!.call(SIDE_BY_SIDE, { filter: NOVEMBER, detail: true });
    expect(without.errors).toBeUndefined();
    expect(withDetail.errors).toBeUndefined();
    const strip = (row: { months?: unknown; breakdowns?: unknown }) => {
      const { months: _months, breakdowns: _breakdowns, ...rest } = row;
      return rest;
    };
    expect(without.data!.figures.agencies[0]).not.toHaveProperty('breakdowns');
    expect(without.data!.figures.agencies.map(strip)).toEqual(withDetail.data!.figures.agencies.map(strip));
    expect(without.data!.figures.total).toEqual({ received: 6, answered: 3 });
    const bkad = withDetail.data!.figures.agencies.find((row: { agency: { slug: string } }) => row.agency.slug === 'bkad-kalbar');
    expect(bkad.months).toEqual([{ month: '2026-11', received: 5 }]);
    expect(
      bkad.breakdowns
        .filter((row: { dimension: string }) => row.dimension === 'STATUS')
        .reduce((sum: number, row: { received: number }) => sum + row.received, 0),
    ).toBe(5);
    // Months alone, through a fragment: still read.
    const monthsOnly = await staff.secretariat!.call(
      /* GraphQL */ `
        query MonthsOnly($filter: FigureFilterInput!) { figures(filter: $filter) { agencies { ...Months } } }
        fragment Months on AgencyFigures { agency { slug } months { month received } }
      `,
      { filter: NOVEMBER },
    );
    expect(monthsOnly.errors).toBeUndefined();
    expect(monthsOnly.data!.figures.agencies.find((row: { agency: { slug: string } }) => row.agency.slug === 'bkad-kalbar').months).toEqual([
      { month: '2026-11', received: 5 },
    ]);
  });

  it('drill down to one agency of the province', async () => {
    const response = await staff.secretariat!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: [ids.bkad] } });
    expect(response.data!.figures.agencies.map((row: { agency: { slug: string } }) => row.agency.slug)).toEqual(['bkad-kalbar']);
    expect(response.data!.figures.total.received).toBe(5);
  });

  it('give an admin the counts but no case and no handler', async () => {
    const response = await staff.admin!.call(FIGURES, { filter: NOVEMBER });
    expect(response.errors).toBeUndefined();
    const figures = response.data!.figures;
    expect(figures.agencies[0].totals.received).toBe(5);
    expect(figures.agencies[0].openNow.open).toBe(2);
    expect(figures.attention).toBeNull();
    expect(figures.agencies[0].handlers).toBeNull();
    expect(figures.agencies[0].satisfaction).toBeNull();
    expect(JSON.stringify(figures)).not.toContain(ids.escalated);
  });

  it('refuse a verifier, another agency and another province', async () => {
    expect(codeOf(await staff.verifier!.call(FIGURES, { filter: NOVEMBER }))).toBe('FORBIDDEN');
    expect(codeOf(await staff.head!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: [ids.kalbar] } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.kalbarHead!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: [ids.bkad] } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.secretariat!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: [ids.kalsel] } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.secretariat!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: [randomUUID()] } }))).toBe('NOT_FOUND');
    expect(codeOf(await staff.secretariat!.call(FIGURES, { filter: { ...NOVEMBER, tenantIds: ['not-an-id'] } }))).toBe('BAD_USER_INPUT');
  });

  it('say what is wrong with a bad range or filter', async () => {
    const reason = async (filter: Record<string, unknown>) => {
      const response = await staff.head!.call(FIGURES, { filter });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      return reasonOf(response);
    };
    expect(await reason({ from: '2026-11-30', to: '2026-11-01' })).toBe('RANGE_REVERSED');
    expect(await reason({ from: '2020-01-01', to: '2026-11-30' })).toBe('RANGE_TOO_LONG');
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(await reason({ from: '2026-11-01', to: inThreeDays })).toBe('RANGE_IN_FUTURE');
    expect(await reason({ from: '2026-02-30', to: '2026-11-01' })).toBe('INVALID_DATE');
    expect(codeOf(await staff.head!.call(FIGURES, { filter: { ...NOVEMBER, caseTypeIds: ['x'] } }))).toBe('BAD_USER_INPUT');
  });
});
