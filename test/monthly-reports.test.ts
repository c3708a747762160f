/**
 * Monthly reports through the running API: BKAD's head asks for October's report, the API's
 * report runner makes it, and the head downloads its PDF and spreadsheet with the right totals;
 * the secretariat sees its agencies' and its province's reports; a verifier, another agency's
 * head and another province's secretariat get nothing; every request and download is in the
 * audit log; bad months are refused with their reason.
 */
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { writeCaseWithHistory } from './support/figure-cases.ts';
import { startApi, type RunningProcess } from './support/processes.ts';
import { setupTenants } from './support/setup-tenants.ts';
import { staffClient, type StaffClient } from './support/staff.ts';

const BKAD = 'bkad-kalbar';
const KALBAR = 'inspektorat-kalbar';
const REPORTS = /* GraphQL */ `
  query Reports($year: Int) { monthlyReports(year: $year) { id scope name agencyId provinceId year month version state requested caseCount } }
`;
const REQUEST = /* GraphQL */ `
  mutation Request($input: RequestMonthlyReportInput!) { requestMonthlyReport(input: $input) { id scope name year month version state requested } }
`;

let database: TestDatabase;
let api: RunningProcess;
let scratch: string;
const ids: Record<string, string> = {};
const numbers: string[] = [];
let head: StaffClient;

async function download(client: StaffClient, id: string, format: 'pdf' | 'xlsx', prefix = '') {
  return fetch(`${api.url}${prefix}/monthly-reports/${id}/${format}`, { headers: { authorization: `Bearer ${client.token}` } });
}

/** Polls the list until the version is READY (the runner takes it at once; bounded). */
async function whenReady(client: StaffClient, id: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const list = await client.call(REPORTS, { year: 2026 });
    const report = list.data?.monthlyReports.find((item: { id: string }) => item.id === id);
    if (report?.state === 'READY') return report;
    if (report?.state === 'FAILED') throw new Error(`report ${id} failed:\n${api.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`report ${id} not ready after 20 s:\n${api.output()}`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await setupTenants(database);
  scratch = await mkdtemp(path.join(tmpdir(), 'aduan-monthly-'));
  const db = database.open();
  try {
    const bkad = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: BKAD } });
    const type = await db.prisma.caseType.findFirstOrThrow({ where: { tenantId: bkad.id, slaPolicyId: { not: null } } });
    Object.assign(ids, { bkad: bkad.id, province: bkad.provinceId });
    for (const received of ['2026-10-02T02:00:00Z', '2026-10-09T02:00:00Z']) {
      const written = await writeCaseWithHistory(db.prisma, {
        tenantId: bkad.id,
        caseTypeId: type.id,
        received,
        prefix: 'TMON',
        steps: [{ at: received.replace('T02', 'T06'), transition: 'TAKE_FOR_VERIFICATION', status: 'IN_VERIFICATION' }],
      });
      numbers.push(written.registrationNumber);
    }
  } finally {
    await db.close();
  }
  api = await startApi({ ...database.env, EVIDENCE_DIR: path.join(scratch, 'evidence'), FIGURES_INTERVAL_SECONDS: '1', REPORTS_INTERVAL_SECONDS: '3600' });
  head = await staffClient(api.url, BKAD, 'pimpinan');
}, 180_000);

afterAll(async () => {
  await api?.stop();
  await database?.drop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('monthly reports through the API', () => {
  let reportId = '';

  it("makes BKAD's October report on its head's request, as a PDF and a spreadsheet with the month's cases", async () => {
    // The figures pass runs in the API: wait until it has the two cases.
    let requested: { id: string; version: number; state: string } | null = null;
    for (let attempt = 0; attempt < 50 && !requested; attempt++) {
      const response = await head.call(REQUEST, { input: { agencyId: ids.bkad, year: 2026, month: 10 } });
      expect(response.errors).toBeUndefined();
      const made = response.data!.requestMonthlyReport;
      const ready = await whenReady(head, made.id);
      if (ready.caseCount === 2) requested = made;
      else await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(requested, 'a report with both cases').not.toBeNull();
    reportId = requested!.id;
    const pdf = await download(head, reportId, 'pdf', `/t/${BKAD}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Oktober 2026');
    for (const number of numbers) expect(text).toContain(number);
    const xlsx = await download(head, reportId, 'xlsx');
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(workbook.getWorksheet('Kasus')!.actualRowCount).toBe(1 + 2);
  });

  it('lets the secretariat see its agencies’ and its province’s reports, and ask for the province’s', async () => {
    const secretariat = await staffClient(api.url, null, 'sekretariat@kalimantan-barat.test');
    const asked = await secretariat.call(REQUEST, { input: { provinceId: ids.province, year: 2026, month: 10 } });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestMonthlyReport).toMatchObject({ scope: 'PROVINCE', version: 1, requested: true });
    await whenReady(secretariat, asked.data!.requestMonthlyReport.id);
    const list = (await secretariat.call(REPORTS, { year: 2026 })).data!.monthlyReports as { id: string; scope: string }[];
    expect(list.some((report) => report.id === reportId)).toBe(true);
    expect(list.some((report) => report.scope === 'PROVINCE')).toBe(true);
    expect((await download(secretariat, reportId, 'pdf')).status).toBe(200);
  });

  it('shows nothing to a verifier, to another agency’s head, or to another province’s secretariat', async () => {
    const verifier = await staffClient(api.url, BKAD, 'verifikator');
    expect((await verifier.call(REPORTS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await download(verifier, reportId, 'pdf')).status).toBe(404);
    const otherHead = await staffClient(api.url, KALBAR, 'pimpinan');
    expect(((await otherHead.call(REPORTS)).data!.monthlyReports as { id: string }[]).some((report) => report.id === reportId)).toBe(false);
    expect((await download(otherHead, reportId, 'xlsx')).status).toBe(404);
    const refused = await otherHead.call(REQUEST, { input: { agencyId: ids.bkad, year: 2026, month: 10 } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // A head cannot ask for the province's report either.
    expect((await head.call(REQUEST, { input: { provinceId: ids.province, year: 2026, month: 10 } })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const south = await staffClient(api.url, null, 'sekretariat@kalimantan-selatan.test');
    const theirs = (await south.call(REPORTS)).data!.monthlyReports as { id: string; scope: string }[];
    expect(theirs.some((report) => report.id === reportId || report.scope === 'PROVINCE')).toBe(false);
    expect((await download(south, reportId, 'pdf')).status).toBe(404);
    const anonymous = await fetch(`${api.url}/monthly-reports/${reportId}/pdf`);
    expect(anonymous.status).toBe(401);
  });

  it('refuses a month that has not ended, a month that does not exist, and a request naming both scopes', async () => {
    const reasonOf = async (input: Record<string, unknown>) => (await head.call(REQUEST, { input })).errors?.[0]?.extensions;
    expect(await reasonOf({ agencyId: ids.bkad, year: 2999, month: 1 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MONTH_NOT_ENDED' });
    expect(await reasonOf({ agencyId: ids.bkad, year: 2026, month: 13 })).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATE' });
    expect(await reasonOf({ agencyId: ids.bkad, provinceId: ids.province, year: 2026, month: 10 })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('records each request and download in the audit log, by whom, for the agency head to read', async () => {
    const log = await head.call(`{ auditLog(first: 50) { entries { action actorName details } } }`);
    expect(log.errors).toBeUndefined();
    const entries = (log.data!.auditLog.entries as { action: string; actorName: string; details: string }[]).filter((entry) =>
      entry.action.startsWith('MONTHLY_REPORT_'),
    );
    // Only the head asked for BKAD's report; the head and the secretariat downloaded it.
    const requests = entries.filter((entry) => entry.action === 'MONTHLY_REPORT_REQUESTED');
    expect(requests.length).toBeGreaterThan(0);
    const headName = requests[0]!.actorName;
    expect(requests.every((entry) => entry.actorName === headName)).toBe(true);
    const downloads = entries.filter((entry) => entry.action === 'MONTHLY_REPORT_DOWNLOADED');
    expect(
      downloads
        .filter((entry) => entry.actorName === headName)
        .map((entry) => JSON.parse(entry.details).format)
        .sort(),
    ).toEqual(['pdf', 'xlsx']);
    expect(downloads.filter((entry) => entry.actorName !== headName).map((entry) => JSON.parse(entry.details).format)).toEqual(['pdf']);
  });
});
