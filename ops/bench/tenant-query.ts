/**
 * Benchmark: the `tenant` query with everything a portal page needs, over HTTP on
 * PostgreSQL, at 10 and 50 concurrent clients, beside a bare Apollo Server answering
 * `{ hello }` in the same run; plus the bytes a first visit to a portal page transfers.
 *
 *   DATABASE_URL=postgresql://aduan:aduan@127.0.0.1:5432/aduan pnpm bench tenant-query [--duration 10]
 *
 * It creates (and afterwards drops) a database `aduan_bench` next to the one named.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  createBenchDatabase,
  freePort,
  machine,
  REPO_ROOT,
  runLoad,
  startChild,
  TSX_CLI,
  writeResults,
  type Child,
  type LoadResult,
  startBenchApi,
} from './support.ts';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '10' } }, allowPositionals: true });
const duration = Number(values.duration);
/** Bytes on the wire (gzip, as remix-serve compresses) for a URL. */
function transferBytes(url: string): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } }, (response) => {
        let bytes = 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          chunks.push(chunk);
        });
        response.on('end', () => {
          const headerBytes = Object.entries(response.headers).reduce((sum, [name, value]) => sum + name.length + String(value).length + 4, 0);
          resolve({
            status: response.statusCode!,
            bytes: bytes + headerBytes,
            body: response.headers['content-encoding'] ? '' : Buffer.concat(chunks).toString('utf8'),
          });
        });
      })
      .on('error', reject);
  });
}

async function firstVisitBytes(webUrl: string, pagePath: string) {
  const page = await transferBytes(`${webUrl}${pagePath}`);
  const plain = await (await fetch(`${webUrl}${pagePath}`)).text();
  const assets = [...plain.matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"/g)]
    .map((match) => match[1]!)
    .filter((href) => href.startsWith('/') && !href.startsWith('//'));
  let total = page.bytes;
  const files = [{ path: pagePath, bytes: page.bytes }];
  for (const asset of new Set(assets)) {
    const { bytes } = await transferBytes(`${webUrl}${asset}`);
    files.push({ path: asset, bytes });
    total += bytes;
  }
  return { page: pagePath, totalBytes: total, files, scripts: assets.filter((asset) => asset.endsWith('.js')).length };
}

const benchDb = await createBenchDatabase('tenant-query', 'aduan_bench');
const children: Child[] = [];
try {
  const api = await startBenchApi(benchDb.url);
  children.push(api);
  const barePort = await freePort();
  const bare = await startChild(
    process.execPath,
    [TSX_CLI, 'bench/bare-apollo.ts'],
    path.join(REPO_ROOT, 'ops'),
    { PORT: String(barePort), NODE_ENV: 'production' },
    barePort,
    '/healthz',
  );
  children.push(bare);

  const portalQuery = await readFile(path.join(REPO_ROOT, 'web', 'app', 'graphql', 'tenant-portal.graphql'), 'utf8');
  const tenantBody = JSON.stringify({ query: portalQuery, operationName: 'TenantPortal' });
  const tenantUrl = `${api.url}/t/inspektorat-kalbar/graphql`;
  const check = await fetch(tenantUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: tenantBody });
  const checkBody = await check.text();
  if (!check.ok || checkBody.includes('"errors"')) throw new Error(`the portal query failed: ${checkBody.slice(0, 300)}`);
  const helloBody = JSON.stringify({ query: '{ hello }' });

  console.log('tenant-query: warming up');
  await runLoad(tenantUrl, tenantBody, 10, 2);
  await runLoad(`${bare.url}/graphql`, helloBody, 10, 2);

  const rows: { connections: number; bare: LoadResult; tenant: LoadResult; ratio: number }[] = [];
  for (const connections of [10, 50]) {
    console.log(`tenant-query: ${connections} connections, ${duration} s each`);
    const bareResult = await runLoad(`${bare.url}/graphql`, helloBody, connections, duration);
    const tenantResult = await runLoad(tenantUrl, tenantBody, connections, duration);
    rows.push({
      connections,
      bare: bareResult,
      tenant: tenantResult,
      ratio: Number((tenantResult.requestsPerSecond / bareResult.requestsPerSecond).toFixed(2)),
    });
  }

  let pageBytes: Awaited<ReturnType<typeof firstVisitBytes>>[] = [];
  try {
    const webPort = await freePort();
    const web = await startChild(
      process.execPath,
      // The web's production server through tsx's command line, as `pnpm start` runs it.
      [path.join(REPO_ROOT, 'web', 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/main.ts', './build/server/index.js'],
      path.join(REPO_ROOT, 'web'),
      { PORT: String(webPort), API_URL: api.url, NODE_ENV: 'production' },
      webPort,
      '/',
    );
    children.push(web);
    pageBytes = [
      await firstVisitBytes(web.url, '/'),
      await firstVisitBytes(web.url, '/t/inspektorat-kalbar/'),
      await firstVisitBytes(web.url, '/t/inspektorat-bontang/'),
    ];
  } catch (error) {
    console.error(`tenant-query: page bytes not measured (${(error as Error).message}); run \`pnpm build\` first`);
  }

  const responseBytes = Buffer.byteLength(checkBody);
  const result = { benchmark: 'tenant-query', date: new Date().toISOString(), machine: machine(), durationSeconds: duration, responseBytes, rows, pageBytes };
  const markdown = [
    `# Benchmark: the portal's \`tenant\` query (${result.date.slice(0, 10)})`,
    '',
    `Machine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memoryGb} GiB, Node ${result.machine.node}. PostgreSQL on the same machine; load generator (autocannon) in the same machine too. ${duration} s per measurement after a warm-up. The API logs every request (pino, level info), as in production.`,
    '',
    `Query: \`web/app/graphql/tenant-portal.graphql\` for inspektorat-kalbar (the largest configuration): ${responseBytes} bytes of JSON per response.`,
    '',
    '| clients | bare Apollo `{ hello }` req/s | p50 / p99 ms | `tenant` req/s | p50 / p99 ms | ratio (target ≥ 0.5) |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.connections} | ${row.bare.requestsPerSecond} | ${row.bare.p50Ms} / ${row.bare.p99Ms} | ${row.tenant.requestsPerSecond} | ${row.tenant.p50Ms} / ${row.tenant.p99Ms} | ${row.ratio} |`,
    ),
    '',
    ...(pageBytes.length
      ? [
          '## First visit: bytes on the wire (gzip, headers included)',
          '',
          '| page | total bytes | files | scripts |',
          '|---|---:|---:|---:|',
          ...pageBytes.map((page) => `| \`${page.page}\` | ${page.totalBytes} | ${page.files.length} | ${page.scripts} |`),
          '',
        ]
      : []),
  ].join('\n');
  await writeResults('tenant-query', result, markdown);
  console.log(markdown);
} finally {
  for (const child of children.reverse()) await child.stop();
  await benchDb.drop();
}
