/**
 * Renders monthly reports' PDFs and spreadsheets in a worker thread, off the API's event loop:
 * 10,000 cases take seconds of CPU (docs/monthly-report-files.md), during which the API keeps
 * answering. The worker's heap is capped, so a runaway report ends the worker, not the API; the
 * report's lease then lets a later turn try again (monthly-report.service.ts). One worker serves
 * a whole turn: loading the renderers costs seconds, paid once per turn, not per report.
 */
import { Worker } from 'node:worker_threads';
import type { MonthlyReportContent } from './monthly-report-content.ts';

/** The worker's old-generation heap: a 10,000-case report peaks near 340 MB. */
const WORKER_HEAP_MB = 768;

// Plain JavaScript run by the worker: it imports the renderers (TypeScript, as the API runs them)
// once, then answers each { id, content } with { id, pdf, xlsx } or { id, error }.
const WORKER_SOURCE = `
  const { parentPort, workerData } = require('node:worker_threads');
  const renderers = Promise.all([import(workerData.pdf), import(workerData.xlsx)]);
  parentPort.on('message', async ({ id, content }) => {
    try {
      const [{ renderMonthlyReportPdf }, { renderMonthlyReportXlsx }] = await renderers;
      const pdf = await renderMonthlyReportPdf(content);
      const xlsx = await renderMonthlyReportXlsx(content);
      parentPort.postMessage({ id, pdf, xlsx });
    } catch (error) {
      parentPort.postMessage({ id, error: error instanceof Error ? error.stack || error.message : String(error) });
    }
  });
`;

export interface ReportRenderer {
  render(content: MonthlyReportContent): Promise<{ pdf: Buffer; xlsx: Buffer }>;
  close(): Promise<void>;
}

type Answer = { id: number; pdf?: Uint8Array; xlsx?: Uint8Array; error?: string };

export function createReportRenderer(): ReportRenderer {
  const moduleUrl = (name: string) => new URL(name, import.meta.url).href;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pdf: moduleUrl('./monthly-report-pdf.ts'), xlsx: moduleUrl('./monthly-report-xlsx.ts') },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  const waiting = new Map<number, { resolve(answer: Answer): void; reject(error: Error): void }>();
  let next = 0;
  let dead: Error | null = null;
  const failAll = (error: Error) => {
    dead = error;
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  worker.on('message', (answer: Answer) => {
    waiting.get(answer.id)?.resolve(answer);
    waiting.delete(answer.id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the report worker exited with ${code}`)));
  return {
    async render(content) {
      if (dead) throw dead;
      const id = next++;
      const answer = await new Promise<Answer>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, content });
      });
      if (answer.error || !answer.pdf || !answer.xlsx) throw new Error(`the report worker failed: ${answer.error ?? 'no files'}`);
      return { pdf: Buffer.from(answer.pdf), xlsx: Buffer.from(answer.xlsx) };
    },
    async close() {
      await worker.terminate();
    },
  };
}
