import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS } from './monthly-report-format.ts';
import { buildMonthlyReport } from './monthly-report.fixture.ts';
import { renderMonthlyReportXlsx } from './monthly-report-xlsx.ts';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Column A's label → column B's value, on the summary sheet. */
function summaryValues(summary: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const values = new Map<string, ExcelJS.CellValue>();
  summary.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && !values.has(label)) values.set(label, row.getCell(2).value);
  });
  return values;
}

describe('renderMonthlyReportXlsx', () => {
  it('writes the summary sheet: scope, month, totals as numbers, figures, breakdowns', async () => {
    const workbook = await readBack(await renderMonthlyReportXlsx(buildMonthlyReport({}, 3)));
    expect(workbook.worksheets.map((each) => each.name)).toEqual(['Ringkasan', 'Kasus']);
    const summary = sheet(workbook, 'Ringkasan');
    const values = summaryValues(summary);
    expect(values.has('Dinas Kependudukan dan Pencatatan Sipil Kota Pontianak')).toBe(true);
    expect(values.has('Oktober 2026')).toBe(true);
    expect(values.get('Aduan diterima')).toBe(1234);
    expect(values.get('Dijawab sesuai standar pelayanan')).toBe(812);
    expect(values.get('Penyelesaian')).toBe(7);
    expect(values.get('Infrastruktur')).toBe(434);
    expect(values.get('Versi')).toBe(2);
    // generatedAt 01:30 UTC is 08:30 on a clock in Pontianak.
    expect((values.get('Dibuat') as Date).toISOString()).toBe('2026-11-01T08:30:00.000Z');
    const resolution = summary.getRows(1, summary.rowCount)?.find((row) => row.getCell(1).value === 'Penyelesaian');
    expect(resolution?.getCell(5).value).toBe('–');
    expect(values.has('Per instansi')).toBe(false);
  });

  it('writes one row per case with Indonesian headers, wall-clock dates, Ya/Tidak/–, frozen header and filter', async () => {
    const content = buildMonthlyReport({}, 8);
    const cases = sheet(await readBack(await renderMonthlyReportXlsx(content)), 'Kasus');
    expect(cases.rowCount).toBe(1 + 8);
    expect((cases.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([...CASE_COLUMNS]);
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(cases.autoFilter).toBe('A1:L9');

    const second = cases.getRow(3);
    expect(second.getCell(1).value).toBe('ADU-2026-10-00002');
    // Received 02:01 UTC = 09:01 in Asia/Pontianak, stored as that wall-clock time.
    const received = second.getCell(6);
    expect(received.value).toBeInstanceOf(Date);
    expect((received.value as Date).toISOString()).toBe('2026-10-02T09:01:00.000Z');
    expect(received.numFmt).toBe('dd/mm/yyyy hh:mm');

    const standard = (index: number) => cases.getRow(index + 2).getCell(11).value;
    expect(content.cases.map((row) => row.withinStandard)).toEqual([null, null, null, true, null, null, null, false]);
    expect([standard(0), standard(3), standard(7)]).toEqual(['–', 'Ya', 'Tidak']);
    expect(cases.getRow(5).getCell(10).value).toBe(3);
    expect(cases.getRow(2).getCell(4).value).toBe('–');
  });

  it('writes a month without cases as a header row alone', async () => {
    const cases = sheet(await readBack(await renderMonthlyReportXlsx(buildMonthlyReport({}, 0))), 'Kasus');
    expect(cases.rowCount).toBe(1);
    expect(cases.getRow(1).getCell(1).value).toBe('No. registrasi');
  });

  it('cuts a text longer than an Excel cell holds', async () => {
    const content = buildMonthlyReport({}, 1);
    const row = content.cases[0];
    if (!row) throw new Error('fixture without cases');
    row.followUp = 'x'.repeat(40_000);
    const cell = sheet(await readBack(await renderMonthlyReportXlsx(content)), 'Kasus')
      .getRow(2)
      .getCell(12);
    expect(String(cell.value)).toHaveLength(32_767);
    expect(String(cell.value).endsWith('x…')).toBe(true);
  });

  it('stores text that starts like a formula as text, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://example.test/x","klik")', '+1+2', '-2+3', '@SUM(A1:A2)', '=1+1'];
    const content = buildMonthlyReport({ byCaseType: [{ key: 'x', label: '=2*3', received: 1, resolved: 0 }] }, 1);
    const row = content.cases[0];
    if (!row) throw new Error('fixture without cases');
    Object.assign(row, {
      followUp: hostile[0],
      category: hostile[1],
      channel: hostile[2],
      caseType: hostile[3],
      agency: hostile[4],
    });
    const workbook = await readBack(await renderMonthlyReportXlsx(content));
    const cells = [1, 2, 3, 4, 5].map((column) =>
      sheet(workbook, 'Kasus')
        .getRow(2)
        .getCell([12, 4, 5, 3, 2][column - 1] ?? 1),
    );
    cells.push(
      sheet(workbook, 'Ringkasan')
        .getRows(1, sheet(workbook, 'Ringkasan').rowCount)
        ?.map((each) => each.getCell(1))
        .find((cell) => cell.value === '=2*3') as ExcelJS.Cell,
    );
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // Text format: a spreadsheet keeps what is typed into the cell as text, also after an edit.
      expect(cell.numFmt).toBe('@');
    }
    expect(cells.map((cell) => cell.value)).toEqual([...hostile, '=2*3']);
  });

  it('writes 10,000 case rows (time printed)', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const buffer = await renderMonthlyReportXlsx(buildMonthlyReport({}, 10_000));
    const seconds = (performance.now() - started) / 1000;
    console.info(`monthly report XLSX, 10,000 case rows: ${seconds.toFixed(1)} s, ${(buffer.length / 1e6).toFixed(1)} MB`);
    const cases = sheet(await readBack(buffer), 'Kasus');
    expect(cases.rowCount).toBe(10_001);
    expect(cases.getRow(10_001).getCell(1).value).toBe('ADU-2026-10-10000');
  });
});
