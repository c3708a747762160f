/**
 * The monthly report as a PDF (issue 15), in Bahasa Indonesia, with pdfmake (ADR 0033).
 *
 * pdfmake can fetch fonts and images from URLs and read them from local paths. Nothing in a
 * report needs either, and report text comes from tenant configuration and case data, so this
 * module refuses both: a URL access policy that answers no to everything, a local access policy
 * that lets it read pdfmake's four bundled Roboto files and nothing else, no images dictionary,
 * and SVG `<image>` elements refused. Text that looks like a URL or a path is
 * printed as text. docs/monthly-report-files.md.
 *
 * pdfmake lays a whole document out in memory before writing it (about 1 GB for 10,000 case
 * rows in one table). So the summary and each slice of CASE_ROWS_PER_PART case rows are laid out
 * as documents of their own, one after the other, and joined with pdf-lib: memory stays bounded
 * by one slice, whatever the month's size.
 */
import { PDFDocument } from '@cantoo/pdf-lib';
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import pdfmake, { type Content, type TableCell } from 'pdfmake';
import { barChart, columnChart } from './charts.ts';
import type { CountRow, MonthlyReportContent, MonthlyReportCaseRow } from './monthly-report-content.ts';
import {
  CASE_COLUMNS,
  formatCount,
  formatDateTime,
  formatDays,
  formatLongDateTime,
  formatReportMonth,
  formatShare,
  formatWithinStandard,
  listFigureRows,
  listTotalRows,
  NONE_TEXT,
  REPORT_TITLE,
} from './monthly-report-format.ts';

/**
 * pdfmake's bundled Roboto, by the absolute paths its own `fonts/Roboto.js` gives. Not its
 * virtual file system: the charts' text goes through svg-to-pdfkit, which hands pdfkit the
 * font's name to open as a file (so a virtual name would be looked for in the working directory
 * and the charts would fall back to Helvetica). These four files are the only ones the local
 * access policy lets pdfmake read.
 */
const FONT_FILES: Record<'normal' | 'bold' | 'italics' | 'bolditalics', string> = createRequire(import.meta.url)('pdfmake/fonts/Roboto.js').Roboto;
const READABLE_FILES = new Set(Object.values(FONT_FILES));

let configured = false;

/** Done once per process: the policies and fonts are settings of pdfmake's one shared instance. */
function configurePdfmake(): void {
  if (configured) return;
  for (const file of READABLE_FILES) {
    if (!isAbsolute(file) || !file.endsWith('.ttf')) throw new Error('pdfmake bundled font path is not a font file');
  }
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => READABLE_FILES.has(path));
  pdfmake.setFonts({ Roboto: { ...FONT_FILES } });
  configured = true;
}

type TDocumentDefinitions = Parameters<typeof pdfmake.createPdf>[0];

/** Case rows laid out per pdfmake document (each part's memory is about proportional to it). */
export const CASE_ROWS_PER_PART = 1000;

export async function renderMonthlyReportPdf(content: MonthlyReportContent): Promise<Buffer> {
  configurePdfmake();
  const monthText = formatReportMonth(content);
  const merged = await PDFDocument.create();
  merged.setTitle(`${REPORT_TITLE} ${content.scope.name} ${monthText}`);
  merged.setLanguage('id-ID');
  merged.setCreator('Aduan');
  merged.setProducer('Aduan');
  merged.setCreationDate(content.generatedAt);
  merged.setModificationDate(content.generatedAt);

  const append = async (body: Content[]) => {
    const firstPage = merged.getPageCount() + 1;
    const part = await pdfmake.createPdf(buildDocument(content, body, firstPage)).getBuffer();
    const source = await PDFDocument.load(part);
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  };

  await append(buildSummary(content));
  if (content.cases.length === 0) {
    await append([
      { text: 'Daftar aduan', style: 'heading' },
      { text: 'Tidak ada aduan pada bulan ini.', style: 'note' },
    ]);
  }
  for (let start = 0; start < content.cases.length; start += CASE_ROWS_PER_PART) {
    const rows = content.cases.slice(start, start + CASE_ROWS_PER_PART);
    await append([
      ...(start === 0 ? [{ text: `Daftar aduan (${formatCount(content.cases.length)})`, style: 'heading' } as Content] : []),
      caseTable(content, rows),
    ]);
  }
  return Buffer.from(await merged.save());
}

const CONTENT_WIDTH = 841.89 - 2 * 36; // A4 landscape minus margins, in points

/** One part of the report: `firstPage` numbers its pages on from the parts before it. */
function buildDocument(content: MonthlyReportContent, body: Content[], firstPage: number): TDocumentDefinitions {
  const monthText = formatReportMonth(content);
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 36, 36, 40],
    language: 'id',
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 16, bold: true },
      scope: { fontSize: 13, bold: true, margin: [0, 4, 0, 0] },
      month: { fontSize: 12, margin: [0, 2, 0, 0] },
      subtle: { fontSize: 9, color: '#4b5563' },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      note: { fontSize: 8, color: '#4b5563', margin: [0, 3, 0, 0] },
      tableHeader: { bold: true, fillColor: '#e5e7eb' },
    },
    footer: (currentPage: number) => ({
      text: `${REPORT_TITLE} · ${content.scope.name} · ${monthText} · halaman ${firstPage + currentPage - 1}`,
      fontSize: 7,
      color: '#4b5563',
      margin: [36, 12, 36, 0],
    }),
    content: body,
  };
}

function buildSummary(content: MonthlyReportContent): Content[] {
  const monthText = formatReportMonth(content);
  const scopeText = content.scope.kind === 'province' ? `${content.scope.name} (seluruh instansi)` : content.scope.name;
  const province = content.scope.kind === 'agency' && content.scope.provinceName ? content.scope.provinceName : null;

  return [
    { text: REPORT_TITLE, style: 'title' },
    { text: scopeText, style: 'scope' },
    ...(province ? [{ text: province, style: 'subtle' }] : []),
    { text: monthText, style: 'month' },
    {
      text: `Dibuat ${formatLongDateTime(content.generatedAt, content.timeZone)} (${content.timeZone}) · versi ${content.version}`,
      style: 'subtle',
      margin: [0, 2, 0, 12],
    },
    { text: 'Ringkasan', style: 'heading' },
    table(
      ['Uraian', 'Jumlah'],
      listTotalRows(content).map((row) => [row.label, { text: row.value, alignment: 'right' }]),
      ['*', 'auto'],
    ),
    { text: 'Waktu tanggapan dan penyelesaian', style: 'heading' },
    table(
      ['', 'Median (hari kerja)', 'P90 (hari kerja)', 'Median (hari kalender)', 'P90 (hari kalender)', 'Jumlah kasus'],
      listFigureRows(content).map(({ label, figure }) => [
        label,
        right(formatDays(figure.medianWorkingDays)),
        right(formatDays(figure.p90WorkingDays)),
        right(formatDays(figure.medianDays)),
        right(formatDays(figure.p90Days)),
        right(formatCount(figure.cases)),
      ]),
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
    ),
    {
      text: `Median dan P90 (persentil ke-90) dihitung dari kasus yang diukur; ${NONE_TEXT} berarti tidak ada kasus untuk diukur.`,
      style: 'note',
    },
    chartBlock(
      'Aduan masuk per hari',
      columnChart({
        title: `Aduan masuk per hari, ${monthText}`,
        labels: content.dailyIntake.map((day) => String(day.day)),
        series: [{ name: 'Diterima', values: content.dailyIntake.map((day) => day.received) }],
        locale: 'id',
        width: 760,
        height: 220,
      }),
      CONTENT_WIDTH,
    ),
    ...breakdown('Menurut jenis aduan', content.byCaseType),
    ...(content.byCaseType.length > 0
      ? [
          chartBlock(
            null,
            barChart({
              title: 'Aduan diterima menurut jenis aduan',
              labels: content.byCaseType.map((row) => row.label),
              series: [{ name: 'Diterima', values: content.byCaseType.map((row) => row.received) }],
              locale: 'id',
              width: 600,
            }),
            600,
          ),
        ]
      : []),
    ...breakdown('Menurut kategori', content.byCategory),
    ...breakdown('Menurut kanal', content.byChannel),
    { text: 'Menurut status di akhir bulan', style: 'heading' },
    table(
      ['Status', 'Jumlah'],
      content.byStatus.map((row) => [row.label, right(formatCount(row.count))]),
      ['*', 'auto'],
    ),
    ...perAgency(content),
  ];
}

/**
 * A chart at `width` points, its height from the SVG's viewBox (the SVG's own width is "100%",
 * which pdfmake would read as 100), kept on one page with its heading.
 */
function chartBlock(heading: string | null, svg: string, width: number): Content {
  const viewBox = svg.match(/viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/);
  if (!viewBox) throw new Error('a chart without a viewBox');
  const height = (width * Number(viewBox[2])) / Number(viewBox[1]);
  const chart = { svg, width, height, margin: [0, 4, 0, 0], options: { imageCallback: refuseSvgImage } } as Content;
  return { stack: heading ? [{ text: heading, style: 'heading' }, chart] : [chart], unbreakable: true };
}

/** svg-to-pdfkit opens an `<image>` by path or URL; charts have none, so one is an error. */
function refuseSvgImage(link: string): never {
  throw new Error(`refused an image in a report chart (${link.length} characters)`);
}

function right(text: string): TableCell {
  return { text, alignment: 'right' };
}

function table(headers: string[], rows: TableCell[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [headers.map((header) => ({ text: header, style: 'tableHeader' })), ...rows],
    },
    layout: 'lightHorizontalLines',
  };
}

function breakdown(title: string, rows: CountRow[]): Content[] {
  if (rows.length === 0) return [];
  return [
    { text: title, style: 'heading' },
    table(
      ['', 'Diterima', 'Selesai'],
      rows.map((row) => [row.label, right(formatCount(row.received)), right(formatCount(row.resolved))]),
      ['*', 'auto', 'auto'],
    ),
  ];
}

function perAgency(content: MonthlyReportContent): Content[] {
  if (!content.perAgency) return [];
  return [
    { text: 'Per instansi', style: 'heading' },
    table(
      ['Instansi', 'Diterima', 'Selesai', 'Dijawab sesuai standar', 'Lewat tenggat di akhir bulan', 'Dieskalasi'],
      content.perAgency.map((row) => [
        row.name,
        right(formatCount(row.received)),
        right(formatCount(row.resolved)),
        right(formatShare(row.answeredWithinStandard, row.answeredWithStandard)),
        right(formatCount(row.overdueAtMonthEnd)),
        right(formatCount(row.escalated)),
      ]),
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
    ),
  ];
}

/**
 * The longest texts a case row shows. pdfmake drops a row that is kept whole (`dontBreakRows`)
 * but is taller than a page, without an error: capped like this, a row stays under half a page.
 */
const MAX_LABEL_CHARS = 200;
const MAX_FOLLOW_UP_CHARS = 1200;
export const FOLLOW_UP_CUT_NOTE = ' … (selengkapnya di berkas XLSX)';

function cut(text: string, max: number, note = '…'): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}${note}`;
}

function caseTable(content: MonthlyReportContent, rows: MonthlyReportCaseRow[]): Content {
  // An agency's report names one agency: its column would repeat it on every row.
  const withAgency = content.scope.kind === 'province';
  const dateOrNone = (date: Date | null) => (date ? formatDateTime(date, content.timeZone) : NONE_TEXT);
  const label = (text: string | null) => (text === null ? NONE_TEXT : cut(text, MAX_LABEL_CHARS));
  const row = (item: MonthlyReportCaseRow): TableCell[] => [
    label(item.registrationNumber),
    ...(withAgency ? [label(item.agency)] : []),
    label(item.caseType),
    label(item.category),
    label(item.channel),
    formatDateTime(item.receivedAt, content.timeZone),
    label(item.status),
    dateOrNone(item.firstResponseAt),
    dateOrNone(item.resolvedAt),
    { text: formatDays(item.resolveWorkingDays), alignment: 'right' },
    formatWithinStandard(item.withinStandard),
    cut(item.followUp, MAX_FOLLOW_UP_CHARS, FOLLOW_UP_CUT_NOTE),
  ];
  const headers = CASE_COLUMNS.filter((header) => withAgency || header !== 'Instansi');
  return {
    fontSize: 7,
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [84, ...(withAgency ? [80] : []), 80, 60, 45, 62, 55, 62, 62, 36, 34, '*'],
      body: [headers.map((header) => ({ text: header, style: 'tableHeader' })), ...rows.map(row)],
    },
    layout: {
      hLineWidth: (index: number) => (index === 1 ? 1 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#9ca3af',
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
  };
}
