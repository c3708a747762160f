/**
 * What a monthly report says, read from the database (docs/statistics.md for each figure):
 * the month's figures for an agency or for every agency of a province (summarizeFigures), its
 * intake per day, what was still open and overdue at the month's end, and one row per case
 * received in the month with its follow-up, never its content or its reporter. The renderers
 * (monthly-report-pdf.ts, monthly-report-xlsx.ts) turn this into files.
 */
import { withSqlScope } from '../auth/data-scope.ts';
import { OPEN_STATUSES } from '../cases/case-lifecycle.ts';
import type { Database } from '../db.ts';
import { localize, type LocalizedText } from '../i18n/locale.ts';
import { endOfLocalDay, localDate } from '../sla/working-days.ts';
import { statusInSql } from '../sla/deadline-state.ts';
import { STATUS_LABELS, STEP_WORDS, loadAgencyLabels } from './figure-labels.ts';
import type { CaseStatus } from '../cases/case-lifecycle.ts';
import type { CountRow, MonthlyReportCaseRow, MonthlyReportContent } from './monthly-report-content.ts';
import { summarizeFigures, type BreakdownDimension, type FigureTotals } from './figures.service.ts';

export type ReportTarget = { scope: 'AGENCY'; tenantId: string } | { scope: 'PROVINCE'; provinceId: string };

interface Agency {
  id: string;
  name: string;
  timeZone: string;
}

type Row = Record<string, unknown>;

const OPEN_AT_END = `
  SELECT count(*) FILTER (WHERE open)::int AS open, count(*) FILTER (WHERE open AND overdue)::int AS overdue FROM (
    SELECT (f.resolved_at IS NULL OR f.resolved_at > $2::timestamp) AND (c.closed_at IS NULL OR c.closed_at > $2::timestamp) AS open,
      EXISTS (SELECT 1 FROM case_stage_figure s WHERE s.case_id = f.case_id AND s.deadline < $2::timestamp AND s.ended_at > $2::timestamp)
      OR (c.stage_deadline < $2::timestamp AND c.stage_key IS NOT NULL AND c.waiting_since IS NULL
          AND ${statusInSql('c', OPEN_STATUSES)}) AS overdue
    FROM case_figure f JOIN "case" c ON c.id = f.case_id
    WHERE f.tenant_id = $1::uuid AND f.received_at <= $2::timestamp AND coalesce(f.resolved_at, 'infinity'::timestamp) > $2::timestamp
  ) cases`;

const DAILY = `
  SELECT extract(day FROM received_date)::int AS day, count(*)::int AS received
  FROM case_figure WHERE tenant_id = ANY ($1::uuid[]) AND received_date BETWEEN $2::date AND $3::date
  GROUP BY 1 ORDER BY 1`;

// A restricted case (only its named handlers and the head may open it) counts in every total but
// is not listed: the report goes to readers (the admin, the secretariat) who may not open it.
const CASES = `
  SELECT f.case_id, f.tenant_id, c.registration_number, f.case_type_id, f.category_id, f.channel_id, f.status::text AS status,
         f.received_at AT TIME ZONE 'UTC' AS received_at, f.first_response_at AT TIME ZONE 'UTC' AS first_response_at,
         f.resolved_at AT TIME ZONE 'UTC' AS resolved_at, f.resolve_working_days, f.within_standard
  FROM case_figure f JOIN "case" c ON c.id = f.case_id
  WHERE f.tenant_id = ANY ($1::uuid[]) AND f.received_date BETWEEN $2::date AND $3::date AND NOT c.restricted
  ORDER BY f.received_at, c.registration_number`;

// The month's cases (10,000 for a busy agency) are looked up in the (case_id, id) index. As a
// plain parameter PostgreSQL estimates 10,000 ids from the column's statistics as ~340,000 events
// and scans all of case_event in parallel (1.1-3.4 s for 20,000,000 events); as a sub-select it
// plans the lookups (~0.2 s warm): docs/performance.md.
const STEPS = `
  SELECT case_id, created_at AT TIME ZONE 'UTC' AS at, CASE WHEN kind = 'ESCALATED' THEN 'ESCALATED' ELSE data->>'transition' END AS step
  FROM case_event WHERE case_id = ANY ((SELECT $1::uuid[])::uuid[]) AND (kind = 'STATUS_CHANGED' OR kind = 'ESCALATED')
  ORDER BY id`;

const wall = (instant: Date) => instant.toISOString().replace('Z', '');

function monthRange(year: number, month: number) {
  const from = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return { from, to };
}

async function agenciesOf(db: Database, target: ReportTarget): Promise<{ agencies: Agency[]; name: string; provinceName: string | null }> {
  const select = { id: true, name: true, timeZone: true, province: { select: { name: true, secretariat: true } } } as const;
  const tenants =
    target.scope === 'AGENCY'
      ? await db.prisma.tenant.findMany({ where: { id: target.tenantId }, select })
      : await db.prisma.tenant.findMany({ where: { provinceId: target.provinceId }, select, orderBy: { slug: 'asc' } });
  const agencies = tenants.map((tenant) => ({ id: tenant.id, name: localize(tenant.name as unknown as LocalizedText, 'id') ?? '', timeZone: tenant.timeZone }));
  const province = tenants[0]?.province ?? null;
  const provinceName = province ? localize(province.name as unknown as LocalizedText, 'id') : null;
  if (target.scope === 'AGENCY') return { agencies, name: agencies[0]?.name ?? '', provinceName };
  return { agencies, name: (province ? localize(province.secretariat as unknown as LocalizedText, 'id') : null) ?? provinceName ?? '', provinceName };
}

function countRows(
  rows: { dimension: BreakdownDimension; key: string | null; received: number; answered: number }[],
  dimension: BreakdownDimension,
  label: (key: string | null) => string,
): CountRow[] {
  const merged = new Map<string, CountRow>();
  for (const row of rows) {
    if (row.dimension !== dimension) continue;
    const key = row.key ?? '';
    const entry = merged.get(key) ?? { key, label: label(row.key), received: 0, resolved: 0 };
    entry.received += row.received;
    entry.resolved += row.answered;
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => b.received - a.received || a.label.localeCompare(b.label, 'id'));
}

function followUpLine(steps: { at: Date; step: string }[], receivedAt: Date, timeZone: string): string {
  const day = (at: Date) => {
    const [, month, date] = localDate(at, timeZone).split('-');
    return `${date}/${month}`;
  };
  const words = [{ at: receivedAt, step: 'RECEIVED' }, ...steps].map((item) => {
    const word = STEP_WORDS[item.step as keyof typeof STEP_WORDS];
    return word ? `${day(item.at)} ${word}` : null;
  });
  return words.filter(Boolean).join('; ');
}

/** The report of `target` for the month; the month must have ended (the caller checks). */
export async function buildMonthlyReportContent(
  db: Database,
  target: ReportTarget,
  period: { year: number; month: number },
  meta: { version: number; generatedAt: Date },
): Promise<MonthlyReportContent> {
  const { agencies, name, provinceName } = await agenciesOf(db, target);
  const tenantIds = agencies.map((agency) => agency.id);
  const scope = { tenantIds };
  const range = monthRange(period.year, period.month);
  const labels = await loadAgencyLabels(db.prisma, tenantIds, 'id');
  // The report shows no SLA stage: those are not read.
  const summary = await summarizeFigures(db.sql, scope, tenantIds, { ...range, caseTypeIds: null, categoryIds: null, channelIds: null }, new Date(), {
    stages: false,
    breakdowns: true,
  });
  const { daily, cases, steps, ends } = await withSqlScope(db.sql, scope, async (runner) => {
    const ends: Row[] = [];
    for (const agency of agencies) {
      const [row] = await runner.query<Row>(OPEN_AT_END, [agency.id, wall(endOfLocalDay(range.to, agency.timeZone))]);
      ends.push({ tenantId: agency.id, ...row });
    }
    const daily = await runner.query<{ day: number; received: number }>(DAILY, [tenantIds, range.from, range.to]);
    const cases = await runner.query<Row>(CASES, [tenantIds, range.from, range.to]);
    const steps = cases.length > 0 ? await runner.query<{ case_id: string; at: Date; step: string | null }>(STEPS, [cases.map((row) => row.case_id)]) : [];
    return { daily, cases, steps, ends };
  });

  const endOf = (tenantId: string) => ends.find((row) => row.tenantId === tenantId) ?? {};
  const openAtEnd = ends.reduce((sum, row) => sum + Number(row.open ?? 0), 0);
  const overdueAtEnd = ends.reduce((sum, row) => sum + Number(row.overdue ?? 0), 0);
  const stepsByCase = new Map<string, { at: Date; step: string }[]>();
  for (const row of steps) {
    if (!row.step) continue;
    const list = stepsByCase.get(row.case_id) ?? stepsByCase.set(row.case_id, []).get(row.case_id)!;
    list.push({ at: row.at, step: row.step });
  }
  const agencyName = new Map(agencies.map((agency) => [agency.id, agency]));
  const total: FigureTotals = summary.total;
  const days = new Date(Date.UTC(period.year, period.month, 0)).getUTCDate();
  const byDay = new Map(daily.map((row) => [Number(row.day), Number(row.received)]));
  const unknown = (key: string | null) => (key === null ? 'Tidak dicatat' : 'Lainnya');

  return {
    scope: { kind: target.scope === 'AGENCY' ? 'agency' : 'province', name, provinceName },
    year: period.year,
    month: period.month,
    timeZone: agencies[0]?.timeZone ?? 'Asia/Jakarta',
    version: meta.version,
    generatedAt: meta.generatedAt,
    totals: {
      received: total.received,
      resolved: total.answered,
      transferred: total.transferred,
      rejected: total.rejected,
      openAtMonthEnd: openAtEnd,
      overdueAtMonthEnd: overdueAtEnd,
      escalated: total.escalated,
      answeredWithinStandard: total.withinStandard,
      answeredWithStandard: total.answeredWithStandard,
    },
    firstResponse: total.firstResponse,
    resolution: total.resolution,
    byCaseType: countRows(summary.breakdowns, 'caseType', (key) => (key && labels.caseTypes.get(key)) || unknown(key)),
    byCategory: countRows(summary.breakdowns, 'category', (key) => (key && labels.categories.get(key)) || unknown(key)),
    byChannel: countRows(summary.breakdowns, 'channel', (key) => (key && labels.channels.get(key)) || unknown(key)),
    byStatus: countRows(summary.breakdowns, 'status', (key) => STATUS_LABELS.id[key as CaseStatus] ?? unknown(key)).map((row) => ({
      key: row.key,
      label: row.label,
      count: row.received,
    })),
    perAgency:
      target.scope === 'PROVINCE'
        ? summary.agencies.map((agency) => ({
            name: agencyName.get(agency.tenantId)?.name ?? '',
            received: agency.received,
            resolved: agency.answered,
            answeredWithinStandard: agency.withinStandard,
            answeredWithStandard: agency.answeredWithStandard,
            overdueAtMonthEnd: Number(endOf(agency.tenantId).overdue ?? 0),
            escalated: agency.escalated,
          }))
        : null,
    dailyIntake: Array.from({ length: days }, (_, index) => ({ day: index + 1, received: byDay.get(index + 1) ?? 0 })),
    cases: cases.map((row): MonthlyReportCaseRow => {
      const tenantId = String(row.tenant_id);
      const timeZone = agencyName.get(tenantId)?.timeZone ?? 'Asia/Jakarta';
      const receivedAt = row.received_at as Date;
      return {
        registrationNumber: String(row.registration_number),
        agency: agencyName.get(tenantId)?.name ?? '',
        caseType: labels.caseTypes.get(String(row.case_type_id)) ?? '',
        category: row.category_id ? (labels.categories.get(String(row.category_id)) ?? null) : null,
        channel: row.channel_id ? (labels.channels.get(String(row.channel_id)) ?? null) : null,
        receivedAt,
        status: STATUS_LABELS.id[row.status as CaseStatus] ?? String(row.status),
        firstResponseAt: (row.first_response_at as Date | null) ?? null,
        resolvedAt: (row.resolved_at as Date | null) ?? null,
        resolveWorkingDays: row.resolve_working_days === null ? null : Number(row.resolve_working_days),
        withinStandard: (row.within_standard as boolean | null) ?? null,
        followUp: followUpLine(stepsByCase.get(String(row.case_id)) ?? [], receivedAt, timeZone),
      };
    }),
  };
}
