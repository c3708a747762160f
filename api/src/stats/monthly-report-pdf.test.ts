import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { PDFDocument } from '@cantoo/pdf-lib';
import { PDFParse } from 'pdf-parse';
import pdfmake from 'pdfmake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMonthlyReportPdf } from './monthly-report-pdf.ts';
import { buildMonthlyReport } from './monthly-report.fixture.ts';

async function readText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

/** A server that counts requests: any request is a URL the renderer should not have fetched. */
let server: Server;
let hits = 0;
let baseUrl = '';
beforeAll(async () => {
  server = createServer((_request, response) => {
    hits += 1;
    response.end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('renderMonthlyReportPdf', () => {
  it('writes the title, scope, month, generation, totals, figures and the cases, in Indonesian and the time zone', async () => {
    const pdf = await renderMonthlyReportPdf(buildMonthlyReport({}, 3));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await readText(pdf);
    expect(text).toContain('Laporan Bulanan Pengelolaan Pengaduan');
    expect(text).toContain('Dinas Kependudukan dan Pencatatan Sipil Kota Pontianak');
    expect(text).toContain('Oktober 2026');
    // generatedAt 01:30 UTC is 08.30 in Asia/Pontianak (UTC+7).
    expect(text).toMatch(/Dibuat 1 November 2026 (pukul )?08\.30/);
    expect(text).toContain('versi 2');
    expect(text).toMatch(/Aduan diterima\s+1\.234/);
    expect(text).toMatch(/Lewat tenggat di akhir bulan\s+17/);
    expect(text).toContain('812 dari 950 (85,5 %)');
    // Resolution: median 7 / p90 14 working days, 9,5 calendar days, p90 unknown, 987 cases.
    expect(text).toMatch(/Penyelesaian\s+7\s+14\s+9,5\s+–\s+987/);
    expect(text).toContain('Pelayanan Administrasi Kependudukan dan Pencatatan Sipil');
    expect(text).toContain('ADU-2026-10-00002');
    // Received 09:00 in Pontianak on 2 October (02:00 UTC).
    expect(text).toMatch(/02\/10\/2026,?\s+09\.01/);
    // The charts' text is in the document too (their labels are text, not pictures).
    expect(text).toContain('Aduan masuk per hari');
    // An agency's report does not repeat its own name on every case row.
    expect(text).not.toContain('Instansi');
  });

  it('renders a month without cases', async () => {
    const none = { cases: 0, medianWorkingDays: null, p90WorkingDays: null, medianDays: null, p90Days: null };
    const content = buildMonthlyReport(
      { byCaseType: [], byCategory: [], byChannel: [], byStatus: [], dailyIntake: [], firstResponse: none, resolution: none },
      0,
    );
    const text = await readText(await renderMonthlyReportPdf(content));
    expect(text).toContain('Tidak ada aduan pada bulan ini.');
    expect(text).toMatch(/Tanggapan pertama\s+–\s+–\s+–\s+–\s+0/);
  });

  it('keeps a case whose texts are very long, cutting them instead of losing the row', async () => {
    const content = buildMonthlyReport({}, 3);
    const second = content.cases[1];
    if (!second) throw new Error('fixture without cases');
    second.followUp = Array.from({ length: 400 }, (_, index) => `${(index % 28) + 1}/10 ditindaklanjuti`).join('; ');
    second.caseType = 'Jenis '.repeat(200);
    const text = await readText(await renderMonthlyReportPdf(content));
    for (const number of ['ADU-2026-10-00001', 'ADU-2026-10-00002', 'ADU-2026-10-00003']) expect(text).toContain(number);
    expect(text).toMatch(/\(selengkapnya\s+di\s+berkas\s+XLSX\)/);
  });

  it('repeats the case table header on every page of the list', async () => {
    const pdf = await renderMonthlyReportPdf(buildMonthlyReport({}, 120));
    const text = await readText(pdf);
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    const headers = text.match(/No\. registrasi/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(4);
    expect(headers).toBeGreaterThanOrEqual(3);
    expect(text).toContain('ADU-2026-10-00120');
  });

  it('adds the per-agency table and the agency column for a province', async () => {
    const text = await readText(
      await renderMonthlyReportPdf(
        buildMonthlyReport(
          {
            scope: { kind: 'province', name: 'Provinsi Kalimantan Barat', provinceName: null },
            perAgency: [
              {
                name: 'Dinas Pekerjaan Umum',
                received: 41,
                resolved: 30,
                answeredWithinStandard: 9,
                answeredWithStandard: 12,
                overdueAtMonthEnd: 3,
                escalated: 2,
              },
            ],
          },
          2,
        ),
      ),
    );
    expect(text).toContain('Per instansi');
    expect(text).toMatch(/Dinas Pekerjaan Umum\s+41\s+30\s+9 dari 12 \(75 %\)\s+3\s+2/);
    expect(text).toContain('Instansi');
  });

  it('prints text that looks like a URL or a path as text, and fetches and reads nothing', async () => {
    const url = `${baseUrl}/logo.png`;
    const content = buildMonthlyReport({ scope: { kind: 'agency', name: url, provinceName: '/etc/passwd' } }, 2);
    content.byCaseType = [{ key: 'x', label: `${baseUrl}/type`, received: 1, resolved: 1 }];
    const first = content.cases[0];
    if (!first) throw new Error('fixture without cases');
    first.agency = 'file:///etc/passwd';
    first.followUp = '../../../../etc/shadow';
    const text = await readText(await renderMonthlyReportPdf(content));
    expect(text).toContain(url);
    expect(text).toContain('/etc/passwd');
    expect(text).toContain('../../../../etc/shadow');
    expect(hits).toBe(0);
  });

  it('leaves pdfmake refusing every URL and every file but its own fonts', async () => {
    await renderMonthlyReportPdf(buildMonthlyReport({}, 1));
    const picture = (src: string) => pdfmake.createPdf({ content: [{ image: 'picture' }], images: { picture: src } }).getBuffer();
    await expect(picture(`${baseUrl}/picture.png`)).rejects.toThrow(/denied/);
    expect(hits).toBe(0);
    await expect(picture('/etc/hostname')).rejects.toThrow(/denied|not allowed|access/i);
    const fonts = { ...pdfmake.fonts };
    pdfmake.addFonts({ Other: { normal: '/etc/hostname' } });
    try {
      const text = pdfmake.createPdf({ content: 'x', defaultStyle: { font: 'Other' } }).getBuffer();
      await expect(text).rejects.toThrow(/denied|not allowed|access/i);
    } finally {
      pdfmake.setFonts(fonts);
    }
  });

  it('renders 10,000 case rows within a 256 MB heap (time printed)', { timeout: 300_000 }, async () => {
    // In a worker whose heap is capped: laid out as one document, 10,000 rows need about 1 GB.
    const moduleUrl = (name: string) => new URL(name, import.meta.url).href;
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      (async () => {
        const { renderMonthlyReportPdf } = await import(workerData.pdf);
        const { buildMonthlyReport } = await import(workerData.fixture);
        const started = performance.now();
        const pdf = await renderMonthlyReportPdf(buildMonthlyReport({}, 10000));
        const seconds = (performance.now() - started) / 1000;
        parentPort.postMessage({ pdf, seconds, heapMb: process.memoryUsage().heapUsed / 1e6 });
      })().catch((error) => parentPort.postMessage({ error: String(error) }));
      `,
      {
        eval: true,
        workerData: { pdf: moduleUrl('./monthly-report-pdf.ts'), fixture: moduleUrl('./monthly-report.fixture.ts') },
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      },
    );
    const result = await new Promise<{ pdf?: Uint8Array; seconds?: number; heapMb?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result.error).toBeUndefined();
    const pdf = Buffer.from(result.pdf ?? new Uint8Array());
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    console.info(
      `monthly report PDF, 10,000 case rows: ${result.seconds?.toFixed(1)} s, ${pages} pages, ${(pdf.length / 1e6).toFixed(1)} MB, in a worker with a 256 MB heap`,
    );
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    try {
      const last = (await parser.getText({ last: 1 })).text;
      expect(last).toContain('ADU-2026-10-10000');
      expect(last).toContain(`halaman ${pages}`);
    } finally {
      await parser.destroy();
    }
  });
});
