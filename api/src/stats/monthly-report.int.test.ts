/**
 * The monthly report on a real database (PGlite; PostgreSQL when DATABASE_URL is set) with
 * files in a real storage folder: the schedule creates each month's version 1 once, however
 * often and however concurrently it runs; a generator turn makes the PDF and the spreadsheet and
 * marks the version READY; a generator that died holds its report until its lease runs out,
 * then another takes it over; a request makes a new version and keeps the earlier one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { writeCaseWithHistory } from '../../../test/support/figure-cases.ts';
import { setupTenants } from '../../../test/support/setup-tenants.ts';
import { TenantConfigCache } from '../config/tenant-config.service.ts';
import type { Database } from '../db.ts';
import { createLocalEvidenceStorage, type EvidenceStorage } from '../evidence/evidence-storage.ts';
import { NationalCalendarCache } from '../sla/working-calendar.service.ts';
import { runFiguresToEnd } from './figures-pass.service.ts';
import { buildMonthlyReportContent } from './monthly-report-content.service.ts';
import { generatePendingReports, REPORT_LEASE_MS, requestReportVersion, scheduleDueReports } from './monthly-report.service.ts';

let database: TestDatabase;
let db: Database;
let storage: EvidenceStorage;
let folder: string;
const ids: Record<string, string> = {};
const numbers: string[] = [];
const silent = { info() {}, warn() {}, error() {} };

async function bytesOf(key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await storage.get(key)) as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  db = database.open();
  folder = await mkdtemp(join(tmpdir(), 'aduan-reports-'));
  storage = createLocalEvidenceStorage({ dir: folder });
  const bkad = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'bkad-kalbar' } });
  const kalbar = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  const bkadType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad.id, slaPolicyId: { not: null } } });
  const kalbarType = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: kalbar.id } });
  Object.assign(ids, { bkad: bkad.id, kalbar: kalbar.id, province: bkad.provinceId });
  // October 2026 at BKAD: three cases, one answered on time; one received on 1 November at
  // 00:30 WIB (31 October 17:30 UTC) belongs to November.
  const deadlines = [{ key: 'follow-up', deadline: '2026-10-12T16:59:59.999Z' }];
  const answered = await writeCaseWithHistory(db.prisma, {
    tenantId: bkad.id,
    caseTypeId: bkadType.id,
    received: '2026-10-05T02:00:00Z',
    deadlines,
    steps: [
      { at: '2026-10-05T04:00:00Z', transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' },
      { at: '2026-10-07T04:00:00Z', transition: 'APPROVE_ANSWER', status: 'ANSWERED' },
    ],
  });
  const open = await writeCaseWithHistory(db.prisma, { tenantId: bkad.id, caseTypeId: bkadType.id, received: '2026-10-20T02:00:00Z' });
  const rejected = await writeCaseWithHistory(db.prisma, {
    tenantId: bkad.id,
    caseTypeId: bkadType.id,
    received: '2026-10-31T16:00:00Z',
    steps: [{ at: '2026-11-02T02:00:00Z', transition: 'REJECT', status: 'REJECTED' }],
  });
  await writeCaseWithHistory(db.prisma, { tenantId: bkad.id, caseTypeId: bkadType.id, received: '2026-10-31T17:30:00Z' });
  await writeCaseWithHistory(db.prisma, { tenantId: kalbar.id, caseTypeId: kalbarType.id, received: '2026-10-10T02:00:00Z' });
  // Restricted to its handlers: counted in Kalbar's totals, never listed by number.
  const restricted = await writeCaseWithHistory(db.prisma, { tenantId: kalbar.id, caseTypeId: kalbarType.id, received: '2026-10-11T02:00:00Z' });
  await db.prisma.case.update({ where: { id: restricted.id }, data: { restricted: true } });
  ids.restrictedNumber = restricted.registrationNumber;
  numbers.push(answered.registrationNumber, open.registrationNumber, rejected.registrationNumber);
  await runFiguresToEnd({ db, configs: new TenantConfigCache(db.prisma, 60_000), calendars: new NationalCalendarCache(db.prisma) });
}, 180_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('the monthly report', () => {
  it("says the month's figures, what was open at its end, and each case's follow-up", async () => {
    const content = await buildMonthlyReportContent(
      db,
      { scope: 'AGENCY', tenantId: ids.bkad! },
      { year: 2026, month: 10 },
      { version: 1, generatedAt: new Date() },
    );
    expect(content.totals).toMatchObject({ received: 3, resolved: 1, rejected: 1, answeredWithinStandard: 1, answeredWithStandard: 1 });
    // At the end of October the open one and the one rejected in November were open.
    expect(content.totals.openAtMonthEnd).toBe(2);
    expect(content.cases.map((row) => row.registrationNumber)).toEqual(numbers);
    expect(content.cases[0]!.followUp).toBe('05/10 masuk; 05/10 mulai diverifikasi; 07/10 dijawab');
    expect(content.dailyIntake).toHaveLength(31);
    expect(content.dailyIntake[30]).toEqual({ day: 31, received: 1 });
    const province = await buildMonthlyReportContent(
      db,
      { scope: 'PROVINCE', provinceId: ids.province! },
      { year: 2026, month: 10 },
      { version: 1, generatedAt: new Date() },
    );
    expect(province.totals.received).toBe(5);
    expect(province.cases.map((row) => row.registrationNumber)).not.toContain(ids.restrictedNumber);
    expect(province.cases).toHaveLength(4);
    // BKAD's three and Inspektorat Kalbar's two: the province's two agencies.
    expect(province.perAgency!.map((agency) => agency.received).sort((a, b) => b - a)).toEqual([3, 2]);
    expect(province.perAgency!.reduce((sum, agency) => sum + agency.received, 0)).toBe(5);
  });

  it('is created once on the 15th of the following month, however often the schedule runs', async () => {
    const before = new Date('2026-11-14T10:00:00Z');
    expect(await scheduleDueReports(db, before)).toBe(0);
    const day = new Date('2026-11-15T03:00:00Z');
    const [first, second] = await Promise.all([scheduleDueReports(db, day), scheduleDueReports(db, day)]);
    const tenants = await db.prisma.tenant.count();
    const provinces = await db.prisma.province.count({ where: { tenants: { some: {} } } });
    expect(first + second).toBe(tenants + provinces);
    expect(await scheduleDueReports(db, new Date('2026-11-20T03:00:00Z'))).toBe(0);
    const rows = await db.prisma.monthlyReport.findMany({ where: { year: 2026, month: 10 } });
    expect(rows.every((row) => row.version === 1 && row.status === 'GENERATING' && row.requestedById === null)).toBe(true);
  });

  // Eight reports (every agency and province) in one worker, which first loads ECharts, pdfmake
  // and exceljs: about 20 s on an idle 2-core machine, more beside other test files.
  it('is generated as a PDF and a spreadsheet with the right totals and rows', { timeout: 120_000 }, async () => {
    const made = await generatePendingReports({ db, storage, logger: silent });
    expect(made).toBeGreaterThan(0);
    const report = await db.prisma.monthlyReport.findFirstOrThrow({ where: { scopeKey: `agency:${ids.bkad}`, year: 2026, month: 10, version: 1 } });
    expect(report.status).toBe('READY');
    expect(report.caseCount).toBe(3);
    const parser = new PDFParse({ data: new Uint8Array(await bytesOf(report.pdfKey!)) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Oktober 2026');
    expect(text).toContain(numbers[0]!);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bytesOf(report.xlsxKey!)) as never);
    const sheet = workbook.getWorksheet('Kasus')!;
    expect(sheet.actualRowCount).toBe(1 + 3);
    expect(await db.prisma.monthlyReport.count({ where: { status: 'GENERATING' } })).toBe(0);
  });

  it('keeps a report whose generator died until its lease runs out, then another instance makes it', { timeout: 60_000 }, async () => {
    const requester = await db.prisma.staffUser.findFirstOrThrow({ where: { tenantId: ids.bkad! }, select: { id: true, tenantId: true, provinceId: true } });
    const asked = await requestReportVersion(db, { scope: 'AGENCY', tenantId: ids.bkad! }, { year: 2026, month: 10 }, requester);
    expect(asked.version).toBe(2);
    // An instance took it and died: its lease stands for REPORT_LEASE_MS.
    const now = new Date();
    await db.prisma.monthlyReport.update({ where: { id: asked.id }, data: { leaseUntil: new Date(now.getTime() + REPORT_LEASE_MS), attempts: 1 } });
    expect(await generatePendingReports({ db, storage, logger: silent }, () => now)).toBe(0);
    const later = new Date(now.getTime() + REPORT_LEASE_MS + 1000);
    expect(await generatePendingReports({ db, storage, logger: silent }, () => later)).toBe(1);
    const versions = await db.prisma.monthlyReport.findMany({ where: { scopeKey: `agency:${ids.bkad}`, year: 2026, month: 10 }, orderBy: { version: 'asc' } });
    expect(versions.map((row) => [row.version, row.status])).toEqual([
      [1, 'READY'],
      [2, 'READY'],
    ]);
    expect(versions[0]!.pdfKey).not.toBe(versions[1]!.pdfKey);
    expect((await bytesOf(versions[0]!.pdfKey!)).length).toBeGreaterThan(0);
  });

  it('gives two requests at once two versions', async () => {
    const requester = await db.prisma.staffUser.findFirstOrThrow({ where: { tenantId: ids.bkad! }, select: { id: true, tenantId: true, provinceId: true } });
    const target = { scope: 'AGENCY', tenantId: ids.bkad! } as const;
    const [a, b] = await Promise.all([
      requestReportVersion(db, target, { year: 2026, month: 10 }, requester),
      requestReportVersion(db, target, { year: 2026, month: 10 }, requester),
    ]);
    expect([a.version, b.version].sort()).toEqual([3, 4]);
    // Each request is in the audit log, by whom and for which version.
    const entries = await db.prisma.auditEntry.findMany({ where: { action: 'MONTHLY_REPORT_REQUESTED' }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.actorId, (entry.data as { version: number }).version])).toEqual([
      [requester.id, 2],
      [requester.id, expect.any(Number)],
      [requester.id, expect.any(Number)],
    ]);
  });
});
