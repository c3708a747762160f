/**
 * An agency's public statistics over HTTP against a running API (PGlite, or PostgreSQL + Redis
 * when DATABASE_URL and REDIS_URL are set), on datasets whose every figure is known: Bontang,
 * where every case type is confidential, and Inspektorat Kalbar with mixed types. The rule of 5,
 * the confidential rule, the years, bad years, and the cache: it keeps a page, and drops it when
 * the figures pass announces that a new report changed the agency's figures.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createLiveBus, LIVE_CHANNELS, type LiveBus } from '@aduan/api/live/live-bus.ts';
import { createLogger } from '@aduan/api/logger.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { graphql } from './support/graphql.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { caseTypesOf, SUBMIT_REPORT, uploadEvidence, validAnswers, type CaseTypeInfo } from './support/reporting.ts';
import { BONTANG, KALBAR, seedPublicStatistics } from './support/public-statistics.ts';
import { setupTenants } from './support/setup-tenants.ts';

const redisUrl = process.env.DATABASE_URL ? process.env.REDIS_URL : undefined;
const REDIS_PREFIX = `aduan-test-${randomUUID().slice(0, 8)}`;
let database: TestDatabase;
let api: RunningProcess;
const endpoint = (slug: string) => `${api.url}/t/${slug}/graphql`;

const STATISTICS = /* GraphQL */ `
  query Statistics($year: Int, $locale: Language) {
    publicStatistics(year: $year, locale: $locale) {
      year from to years computedAt
      received { value suppressed }
      answered { value suppressed }
      firstResponse { shown cases { value suppressed } medianWorkingDays p90WorkingDays medianDays p90Days }
      resolution { shown cases { value suppressed } medianWorkingDays p90WorkingDays medianDays p90Days }
      withinStandard { share shown cases { value suppressed } }
      months { month label received { value suppressed } }
      byCaseType { kind key label received { value suppressed } }
      byCategory { kind key label received { value suppressed } }
      byChannel { kind key label received { value suppressed } }
      byStatus { kind key label received { value suppressed } }
      charts { perMonth byCategory byStatus }
    }
  }
`;

const statistics = (slug: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  graphql(endpoint(slug), STATISTICS, { variables, headers });

type Row = { kind: string; key: string | null; label: string; received: { value: number | null } };
const table = (rows: Row[]) => rows.map((row) => [row.kind, row.key, row.received.value]);

/** Reads until `until` holds (the figures pass runs seconds after a change), at most `timeoutMs`. */
async function readUntil(slug: string, variables: Record<string, unknown>, until: (stats: any) => boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const response = await statistics(slug, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    last = response.data!.publicStatistics;
    if (until(last)) return last as any;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not reached in ${timeoutMs} ms; last: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  const db = database.open();
  try {
    await seedPublicStatistics(db);
  } finally {
    await db.close();
  }
  api = await startApi({
    ...database.env,
    SLA_SWEEP_ENABLED: 'false',
    NOTIFY_ENABLED: 'false',
    FIGURES_INTERVAL_SECONDS: '1',
    // An hour: only the figures pass's signal can make a change show within the test.
    PUBLIC_STATISTICS_CACHE_SECONDS: '3600',
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: REDIS_PREFIX } : {}),
  });
  // The first pass writes the seeded cases' figures.
  await readUntil(KALBAR, { year: 2026 }, (stats) => stats.received.value === 16);
  await readUntil(BONTANG, { year: 2026 }, (stats) => stats.received.value === 7);
}, 240_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
});

describe('the public statistics of a year', () => {
  it('shows Kalbar its totals, times and breakdowns, keeping confidential reports apart and no count under 5', async () => {
    const stats = (await statistics(KALBAR, { year: 2026, locale: 'ID' })).data!.publicStatistics;
    expect(stats).toMatchObject({ year: 2026, from: '2026-01-01', received: { value: 16, suppressed: false }, answered: { value: 5, suppressed: false } });
    // Answers after 1..5 working days (2, 3, 4, 5, 7 calendar days); all taken 3 hours after receipt.
    expect(stats.resolution).toEqual({
      shown: true,
      cases: { value: 5, suppressed: false },
      medianWorkingDays: 3,
      p90WorkingDays: 4.6,
      medianDays: 3,
      p90Days: 5.8,
    });
    expect(stats.firstResponse).toMatchObject({ shown: true, cases: { value: 6, suppressed: false }, medianWorkingDays: 0, medianDays: 0.1 });
    // LAPOR-SP4N: 3 + 5 working days; every answer was within.
    expect(stats.withinStandard).toEqual({ share: 1, shown: true, cases: { value: 5, suppressed: false } });
    expect(stats.months.map((month: { received: { value: number } }) => month.received.value).slice(0, 6)).toEqual([0, 0, 6, 5, 5, 0]);
    expect(stats.months[2].label).toBe('Maret');
    expect(table(stats.byCaseType)).toEqual([
      ['KEY', 'complaint', 11],
      ['CONFIDENTIAL', null, 5],
    ]);
    // The whistleblowing reports on corruption are not in "korupsi": only in the confidential row.
    expect(table(stats.byCategory)).toEqual([
      ['KEY', 'korupsi', 6],
      ['KEY', 'pungutan-liar', 5],
      ['CONFIDENTIAL', null, 5],
    ]);
    expect(table(stats.byChannel)).toEqual([
      ['KEY', 'web-portal', 6],
      ['KEY', 'whatsapp', 5],
      ['CONFIDENTIAL', null, 5],
    ]);
    // One case in verification: hidden, and another status with it, or 16 - 10 - 5 would tell it;
    // not ANSWERED, which the 5 answered (and the 5 cases behind the time to answer) give away.
    expect(table(stats.byStatus)).toEqual([
      ['KEY', 'SUBMITTED', null],
      ['KEY', 'IN_VERIFICATION', null],
      ['KEY', 'ANSWERED', 5],
    ]);
    expect(stats.byCategory[0].label).toBe('Korupsi');
    // Charts drawn on the server: static SVG with its title, the suppressed statuses marked "< 5".
    expect(stats.charts.perMonth).toMatch(/^<svg [^>]*aria-label="Laporan per bulan, 2026"/);
    expect(stats.charts.byCategory).toContain('<title>Laporan menurut jenis pelanggaran, 2026</title>');
    expect(stats.charts.byStatus).toContain('&lt; 5');
    for (const svg of Object.values(stats.charts) as string[]) expect(svg).not.toMatch(/<script|href|url\(/);
    expect(stats.byCategory[2].label).toBe('Laporan rahasia (tidak dirinci)');
  });

  it('shows Bontang, where every type is confidential, its totals and nothing broken down, and its years', async () => {
    const stats = (await statistics(BONTANG, { year: 2026, locale: 'EN' })).data!.publicStatistics;
    expect(stats.received).toEqual({ value: 7, suppressed: false });
    // 3 in February and 4 in May: both under 5, and 7 - 0 tells neither.
    expect(stats.months.map((month: { received: { value: number | null } }) => month.received.value).slice(0, 6)).toEqual([0, null, 0, 0, null, 0]);
    expect(stats.months[1].label).toBe('February');
    for (const rows of [stats.byCaseType, stats.byCategory, stats.byChannel]) {
      expect(table(rows)).toEqual([['CONFIDENTIAL', null, 7]]);
      expect(rows[0].label).toBe('Confidential reports (not broken down)');
    }
    expect(table(stats.byStatus)).toEqual([['KEY', 'SUBMITTED', 7]]);
    expect(stats.resolution).toMatchObject({ shown: false, cases: { value: 0 }, medianWorkingDays: null });
    expect(stats.withinStandard).toMatchObject({ shown: false, share: null });
    expect(stats.years).toEqual([2026, 2025]);

    const last = (await statistics(BONTANG, { year: 2025 })).data!.publicStatistics;
    expect(last).toMatchObject({ year: 2025, to: '2025-12-31', received: { value: null, suppressed: true } });
    expect(
      last.months.filter((month: { received: { suppressed: boolean } }) => month.received.suppressed).map((month: { month: string }) => month.month),
    ).toEqual(['2025-06', '2025-12']);
  });

  it('refuses a year before 2000 or not yet begun with a reason, and reads the current year by default', async () => {
    const early = await statistics(KALBAR, { year: 1999 });
    expect(early.data).toBeNull();
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' });
    const later = await statistics(KALBAR, { year: new Date().getUTCFullYear() + 1 });
    expect(later.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RANGE_IN_FUTURE' });
    const huge = await statistics(KALBAR, { year: 2_000_000_000 });
    expect(huge.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const current = (await statistics(KALBAR)).data!.publicStatistics;
    expect(current.year).toBe(Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Pontianak' }).slice(0, 4)));
    const nowhere = await graphql(`${api.url}/graphql`, STATISTICS, { variables: { year: 2026 } });
    expect(nowhere.errors![0]!.extensions!.code).toBe('TENANT_NOT_FOUND');
  });

  it('names no case, number or person', async () => {
    const response = await fetch(endpoint(KALBAR), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STATISTICS, variables: { year: 2026 } }),
    });
    const text = await response.text();
    expect(text).not.toMatch(/TPUB-|Uji statistik/);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });
});

describe('the cache', () => {
  it('keeps a page, and shows a new report once the figures pass announced it, never the old total after', async () => {
    const first = (await statistics(KALBAR, { year: 2026 })).data!.publicStatistics;
    const again = (await statistics(KALBAR, { year: 2026 })).data!.publicStatistics;
    // Served from the cache: computed once.
    expect(again.computedAt).toBe(first.computedAt);
    const before = first.received.value as number;

    let announced = false;
    // On Redis the test hears the figures pass's announcement itself, as another instance would.
    let bus: LiveBus | undefined;
    if (redisUrl) {
      bus = createLiveBus({ redisUrl, prefix: REDIS_PREFIX, logger: createLogger('silent') });
      await bus.whenReady();
      await bus.subscribe(LIVE_CHANNELS.figures, () => {
        announced = true;
      });
    }
    try {
      const caseType = (await caseTypesOf(api.url, KALBAR)).find((item) => item.key === 'complaint') as CaseTypeInfo;
      const photo = await uploadEvidence(api.url, KALBAR, caseType.key, 'foto.png', png());
      const filed = await graphql(endpoint(KALBAR), SUBMIT_REPORT, {
        variables: {
          input: { caseTypeKey: caseType.key, answers: validAnswers(caseType, 'statistik'), identityMode: 'ANONYMOUS', evidenceIds: [photo.evidenceId] },
        },
      });
      expect(filed.errors).toBeUndefined();

      // Until the pass announces it, the page may still be the old one; once the new total shows
      // (and, on Redis, from the announcement on), every read shows it.
      const seen: number[] = [];
      const deadline = Date.now() + 60_000;
      let fresh = false;
      while (Date.now() < deadline) {
        const wasAnnounced = announced;
        const stats = (await statistics(KALBAR, { year: 2026 })).data!.publicStatistics;
        seen.push(stats.received.value);
        if (stats.received.value === before + 1) fresh = true;
        else if (fresh || wasAnnounced) throw new Error(`a stale total after the change was announced: ${JSON.stringify(seen)}`);
        if (fresh && seen.filter((value) => value === before + 1).length >= 5) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(fresh).toBe(true);
      if (redisUrl) expect(announced).toBe(true);
    } finally {
      await bus?.close();
    }
  });
});
