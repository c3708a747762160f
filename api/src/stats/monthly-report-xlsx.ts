/**
 * The monthly report as a spreadsheet (issue 15), with exceljs (ADR 0033): sheet "Ringkasan"
 * (totals, time figures, breakdowns, per agency) and sheet "Kasus" (one row per case).
 *
 * Dates are real Excel dates holding the wall-clock time in the report's time zone (a
 * spreadsheet date has no zone). Text from tenant configuration and cases (labels, follow-up
 * notes) could start like a formula (`=`, `+`, `-`, `@`: OWASP "CSV injection"): it is written as
 * a string cell only, never as a formula, and in the Text number format ("@"), with which Excel
 * and LibreOffice keep what is in the cell as text even when a user edits it and presses Enter.
 * docs/monthly-report-files.md.
 */
import ExcelJS from 'exceljs';
import type { CountRow, MonthlyReportContent } from './monthly-report-content.ts';
import { CASE_COLUMNS, formatReportMonth, formatWithinStandard, listFigureRows, NONE_TEXT, REPORT_TITLE, toWallClock } from './monthly-report-format.ts';

const DATE_FORMAT = 'dd/mm/yyyy hh:mm';
/** Excel refuses a cell holding more characters than this. */
export const MAX_CELL_CHARS = 32_767;
/** Excel's "Text" number format. */
const TEXT_FORMAT = '@';

type CellValue = string | number | Date | null;

/**
 * Numbers and dates as such; text as a string value (exceljs writes it as a shared string, never
 * `<f>`) in the Text format, so that a spreadsheet never evaluates it.
 */
function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (value === null) {
    cell.value = NONE_TEXT;
    cell.numFmt = TEXT_FORMAT;
    return;
  }
  if (value instanceof Date) {
    cell.value = value;
    cell.numFmt = DATE_FORMAT;
    return;
  }
  if (typeof value === 'string') {
    cell.value = value.length > MAX_CELL_CHARS ? `${value.slice(0, MAX_CELL_CHARS - 1)}…` : value;
    cell.numFmt = TEXT_FORMAT;
    return;
  }
  cell.value = value;
}

function addRow(sheet: ExcelJS.Worksheet, values: CellValue[], bold = false): ExcelJS.Row {
  const row = sheet.addRow([]);
  values.forEach((value, index) => {
    setCell(row.getCell(index + 1), value);
  });
  if (bold) row.font = { bold: true };
  return row;
}

export async function renderMonthlyReportXlsx(content: MonthlyReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aduan';
  workbook.created = content.generatedAt;
  workbook.modified = content.generatedAt;
  workbook.title = `${REPORT_TITLE} ${content.scope.name} ${formatReportMonth(content)}`;

  writeSummary(workbook.addWorksheet('Ringkasan'), content);
  writeCases(workbook.addWorksheet('Kasus', { views: [{ state: 'frozen', ySplit: 1 }] }), content);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeSummary(sheet: ExcelJS.Worksheet, content: MonthlyReportContent): void {
  sheet.columns = [{ width: 48 }, { width: 18 }, { width: 18 }, { width: 20 }, { width: 20 }, { width: 16 }, { width: 14 }];
  addRow(sheet, [REPORT_TITLE], true);
  addRow(sheet, [content.scope.name], true);
  if (content.scope.kind === 'agency' && content.scope.provinceName) addRow(sheet, [content.scope.provinceName]);
  addRow(sheet, [formatReportMonth(content)]);
  addRow(sheet, ['Dibuat', toWallClock(content.generatedAt, content.timeZone), content.timeZone]);
  addRow(sheet, ['Versi', content.version]);
  sheet.addRow([]);

  const totals = content.totals;
  addRow(sheet, ['Ringkasan', 'Jumlah'], true);
  const totalRows: [string, number][] = [
    ['Aduan diterima', totals.received],
    ['Aduan selesai', totals.resolved],
    ['Dialihkan ke instansi lain', totals.transferred],
    ['Ditolak', totals.rejected],
    ['Masih terbuka di akhir bulan', totals.openAtMonthEnd],
    ['Lewat tenggat di akhir bulan', totals.overdueAtMonthEnd],
    ['Dieskalasi', totals.escalated],
    ['Dijawab sesuai standar pelayanan', totals.answeredWithinStandard],
    ['Dijawab, jenis aduan dengan standar pelayanan', totals.answeredWithStandard],
  ];
  for (const [label, value] of totalRows) addRow(sheet, [label, value]);
  sheet.addRow([]);

  addRow(sheet, ['Waktu', 'Median (hari kerja)', 'P90 (hari kerja)', 'Median (hari kalender)', 'P90 (hari kalender)', 'Jumlah kasus'], true);
  for (const { label, figure } of listFigureRows(content)) {
    addRow(sheet, [label, figure.medianWorkingDays, figure.p90WorkingDays, figure.medianDays, figure.p90Days, figure.cases]);
  }

  const breakdown = (title: string, rows: CountRow[]) => {
    sheet.addRow([]);
    addRow(sheet, [title, 'Diterima', 'Selesai'], true);
    for (const row of rows) addRow(sheet, [row.label, row.received, row.resolved]);
  };
  breakdown('Menurut jenis aduan', content.byCaseType);
  breakdown('Menurut kategori', content.byCategory);
  breakdown('Menurut kanal', content.byChannel);

  sheet.addRow([]);
  addRow(sheet, ['Menurut status di akhir bulan', 'Jumlah'], true);
  for (const row of content.byStatus) addRow(sheet, [row.label, row.count]);

  if (content.perAgency) {
    sheet.addRow([]);
    addRow(
      sheet,
      ['Per instansi', 'Diterima', 'Selesai', 'Dijawab sesuai standar', 'Dijawab, dengan standar', 'Lewat tenggat di akhir bulan', 'Dieskalasi'],
      true,
    );
    for (const row of content.perAgency) {
      addRow(sheet, [row.name, row.received, row.resolved, row.answeredWithinStandard, row.answeredWithStandard, row.overdueAtMonthEnd, row.escalated]);
    }
  }
}

function writeCases(sheet: ExcelJS.Worksheet, content: MonthlyReportContent): void {
  const widths = [22, 36, 32, 22, 16, 17, 18, 17, 17, 10, 10, 60];
  sheet.columns = CASE_COLUMNS.map((_, index) => ({ width: widths[index] ?? 16 }));
  addRow(sheet, [...CASE_COLUMNS], true);
  const wall = (date: Date | null) => (date ? toWallClock(date, content.timeZone) : null);
  for (const item of content.cases) {
    addRow(sheet, [
      item.registrationNumber,
      item.agency,
      item.caseType,
      item.category,
      item.channel,
      wall(item.receivedAt),
      item.status,
      wall(item.firstResponseAt),
      wall(item.resolvedAt),
      item.resolveWorkingDays,
      formatWithinStandard(item.withinStandard),
      item.followUp,
    ]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + content.cases.length, column: CASE_COLUMNS.length } };
}
