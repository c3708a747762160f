/**
 * Benchmark: filing a report with one small attachment on PostgreSQL, the whole way a
 * reporter's browser does it: ask for an upload link, PUT a small photo, submit the
 * report (Inspektorat Kalbar's 3W complaint, identified, so the identity is encrypted).
 * Throughput and p50/p99 of the whole submission at 1, 10 and 50 concurrent reporters,
 * with the time of each step, and the CPU each party spent per submission (the API
 * process, the database's connections, this load generator), to show where it goes.
 *
 *   DATABASE_URL=postgresql://aduan:aduan@127.0.0.1:5432/aduan pnpm bench submit-report [--duration 10]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { png } from '@aduan/api/evidence/test-files.ts';
import { createBenchDatabase, machine, writeResults, type Child, startBenchApi } from './support.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } }, allowPositionals: true });
const durationMs = Number(values.duration) * 1000;
const PHOTO = png();
const SUBMIT = `mutation($input: SubmitReportInput!) { submitReport(input: $input) { registrationNumber trackingCode } }`;
const UPLOAD = `mutation($input: CreateEvidenceUploadInput!) { createEvidenceUpload(input: $input) { evidenceId uploadPath } }`;

async function post(url: string, query: string, variables: unknown) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 300));
  return body.data;
}

interface Sample {
  total: number;
  link: number;
  upload: number;
  submit: number;
}

async function fileOne(apiUrl: string, worker: number): Promise<Sample> {
  const graphqlUrl = `${apiUrl}/t/inspektorat-kalbar/graphql`;
  const started = performance.now();
  const link = (await post(graphqlUrl, UPLOAD, { input: { caseTypeKey: 'complaint', fileName: 'foto.png' } })).createEvidenceUpload;
  const linked = performance.now();
  const put = await fetch(`${apiUrl}${link.uploadPath}`, { method: 'PUT', body: new Uint8Array(PHOTO) });
  if (put.status !== 201) throw new Error(`upload answered ${put.status}`);
  await put.arrayBuffer();
  const uploaded = performance.now();
  await post(graphqlUrl, SUBMIT, {
    input: {
      caseTypeKey: 'complaint',
      identityMode: 'IDENTIFIED',
      reporter: { name: `Pelapor Uji ${worker}`, phone: '081234567890' },
      evidenceIds: [link.evidenceId],
      answers: [
        { field: 'title', value: 'Pungutan di loket pelayanan' },
        { field: 'what', value: 'Petugas meminta uang tambahan di luar tarif resmi.' },
        { field: 'where', value: 'Loket 3, Kantor Pelayanan Terpadu' },
        { field: 'when', value: '2026-03-02' },
      ],
    },
  });
  const done = performance.now();
  return { total: done - started, link: linked - started, upload: uploaded - linked, submit: done - uploaded };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
}

/** CPU seconds, from /proc (Linux); null elsewhere. */
const CLOCK_TICKS = 100;
function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0; // gone
  }
}
/** A process and its descendants (the API runs under tsx, which starts node as a child). */
function processTreeCpuSeconds(rootPid: number): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parentOf.set(Number(entry), Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === rootPid || (parentOf.has(pid) && pid > 1 && inTree(parentOf.get(pid)!));
  let total = 0;
  for (const pid of parentOf.keys()) if (inTree(pid)) total += processCpuSeconds(pid);
  return total;
}

function machineCpuSeconds(): { busy: number; idle: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number) as number[];
  return { busy: (user! + nice! + system! + irq! + softirq! + steal!) / CLOCK_TICKS, idle: (idle! + iowait!) / CLOCK_TICKS };
}

interface CpuMeter {
  stop(submissions: number): Promise<{ apiMs: number; databaseMs: number; loadGeneratorMs: number; otherMs: number; machineIdlePercent: number } | null>;
}

/** What the API process, the benchmark database's connections and this process spend while a level runs. */
async function startCpuMeter(apiPid: number, databaseUrl: string): Promise<CpuMeter> {
  if (!existsSync('/proc/stat')) return { stop: async () => null };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const backends = async () =>
    (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')).rows.map(
      (row) => row.pid,
    );
  const before = {
    api: processTreeCpuSeconds(apiPid),
    self: process.cpuUsage(),
    machine: machineCpuSeconds(),
    db: new Map((await backends()).map((pid) => [pid, processCpuSeconds(pid)])),
  };
  return {
    async stop(submissions) {
      const api = processTreeCpuSeconds(apiPid) - before.api;
      const self = process.cpuUsage(before.self);
      const loadGenerator = (self.user + self.system) / 1e6;
      const machine = machineCpuSeconds();
      let database = 0;
      for (const pid of await backends()) database += processCpuSeconds(pid) - (before.db.get(pid) ?? 0);
      await client.end();
      const busy = machine.busy - before.machine.busy;
      const idle = machine.idle - before.machine.idle;
      const perSubmission = (seconds: number) => Number(((seconds * 1000) / Math.max(submissions, 1)).toFixed(2));
      return {
        apiMs: perSubmission(api),
        databaseMs: perSubmission(database),
        loadGeneratorMs: perSubmission(loadGenerator),
        // Everything else the machine ran meanwhile: PostgreSQL's background processes, the kernel, other programs.
        otherMs: perSubmission(Math.max(0, busy - api - database - loadGenerator)),
        machineIdlePercent: Number(((100 * idle) / Math.max(busy + idle, 1e-9)).toFixed(1)),
      };
    },
  };
}

async function runLevel(apiUrl: string, concurrency: number, meter?: CpuMeter) {
  const samples: Sample[] = [];
  let errors = 0;
  const deadline = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        try {
          samples.push(await fileOne(apiUrl, worker));
        } catch (error) {
          errors += 1;
          if (errors === 1) console.error(`submit-report: ${(error as Error).message}`);
        }
      }
    }),
  );
  const cpu = meter ? await meter.stop(samples.length) : null;
  const sortedBy = (key: keyof Sample) => samples.map((sample) => sample[key]).sort((a, b) => a - b);
  const total = sortedBy('total');
  return {
    concurrency,
    submissions: samples.length,
    errors,
    perSecond: Number((samples.length / (durationMs / 1000)).toFixed(1)),
    p50Ms: percentile(total, 50),
    p99Ms: percentile(total, 99),
    stepsP50Ms: { uploadLink: percentile(sortedBy('link'), 50), upload: percentile(sortedBy('upload'), 50), submit: percentile(sortedBy('submit'), 50) },
    cpuMsPerSubmission: cpu,
  };
}

const benchDb = await createBenchDatabase('submit-report', 'aduan_bench_submit');
const children: Child[] = [];
try {
  const api = await startBenchApi(benchDb.url, { RATE_LIMIT_SCALE: '100000', DATABASE_POOL_SIZE: '20' });
  children.push(api);
  const loadAverageBefore = os.loadavg().map((value) => Number(value.toFixed(2)));
  console.log('submit-report: warming up');
  durationMs > 0 && (await runLevel(api.url, 4));
  const rows: Awaited<ReturnType<typeof runLevel>>[] = [];
  for (const concurrency of [1, 10, 50]) {
    console.log(`submit-report: ${concurrency} concurrent reporters, ${durationMs / 1000} s`);
    rows.push(await runLevel(api.url, concurrency, await startCpuMeter(api.process.pid!, benchDb.url)));
  }
  const result = {
    benchmark: 'submit-report',
    date: new Date().toISOString(),
    machine: machine(),
    loadAverageBefore,
    durationSeconds: durationMs / 1000,
    rows,
  };
  const cpuCell = (row: (typeof rows)[number]) => {
    const cpu = row.cpuMsPerSubmission;
    return cpu ? `${cpu.apiMs} / ${cpu.databaseMs} / ${cpu.loadGeneratorMs} / ${cpu.otherMs} | ${cpu.machineIdlePercent}` : 'n/a | n/a';
  };
  const markdown = [
    `# Benchmark: filing a report with one attachment (${result.date.slice(0, 10)})`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GiB, Node ${result.machine.node}; PostgreSQL, the API and the load generator share the machine. One submission = upload link + PUT of a ${PHOTO.length}-byte PNG (content check, SHA-256, local disk) + submitReport (validation, registration number under a row lock, identity encryption, evidence attach, first event), as a browser does it. ${durationMs / 1000} s per level after a warm-up.`,
    '',
    `Load average of the machine before the run (other programs share it): ${loadAverageBefore.join(', ')}.`,
    '',
    '| concurrent reporters | submissions/s | p50 ms | p99 ms | errors | p50 per step: link / upload / submit (ms) | CPU ms per submission: API / database / load generator / other | machine idle % |',
    '|---:|---:|---:|---:|---:|---|---|---:|',
    ...rows.map(
      (row) =>
        `| ${row.concurrency} | ${row.perSecond} | ${row.p50Ms} | ${row.p99Ms} | ${row.errors} | ${row.stepsP50Ms.uploadLink} / ${row.stepsP50Ms.upload} / ${row.stepsP50Ms.submit} | ${cpuCell(row)} |`,
    ),
    '',
    "CPU per submission: the API process (all its threads), the benchmark database's connections, this load generator, and the rest of the machine meanwhile (PostgreSQL's WAL writer and checkpointer, the kernel, other programs). With 2 cores, 200 submissions/s leaves 10 ms of CPU per submission for all of them together.",
    '',
    'Target: 200 submissions/s with p99 under 150 ms at 10 concurrent reporters.',
    '',
  ].join('\n');
  await writeResults('submit-report', result, markdown);
  console.log(markdown);
} finally {
  for (const child of children.reverse()) await child.stop();
  await benchDb.drop();
}
