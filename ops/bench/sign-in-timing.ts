import { parseArgs } from 'node:util';
import { openDatabase } from '@aduan/api/db.ts';
import { createStaffUser } from '@aduan/api/auth/staff-auth.service.ts';
import { createBenchDatabase, machine, writeResults, type Child, startBenchApi } from './support.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '40' } }, allowPositionals: true });
const rounds = Number(values.rounds);
const PASSWORD = 'kata-sandi-bench-1';
const LOGIN = 'mutation L($input: StaffCredentialsInput!) { loginStaff(input: $input) { token } }';

const benchDb = await createBenchDatabase('sign-in-timing', 'aduan_bench_signin');
const children: Child[] = [];
try {
  const db = openDatabase({ databaseUrl: benchDb.url, pgliteDataDir: 'unused', poolSize: 2 });
  const tenant = await db.prisma.tenant.findUniqueOrThrow({ where: { slug: 'inspektorat-kalbar' } });
  for (const local of ['pemilik', 'dikunci']) {
    await createStaffUser(db.prisma, { tenantId: tenant.id, email: `${local}@bench.test`, name: local, password: PASSWORD, roles: ['VERIFIER'] });
  }
  await db.close();

  const api = await startBenchApi(benchDb.url, { LOG_LEVEL: 'warn', RATE_LIMIT_SCALE: '1' });
  children.push(api);
  const endpoint = `${api.url}/t/inspektorat-kalbar/graphql`;

  const attempt = async (email: string, password: string, address: string) => {
    const started = process.hrtime.bigint();
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, code: body.errors?.[0]?.extensions?.code ?? 'OK' };
  };

  // Close the pair of `dikunci` and one address: from then on its attempts are refused unseen.
  for (let index = 0; index < 5; index++) await attempt('dikunci@bench.test', 'salah-salah', '198.51.100.200');
  const kinds = {
    unknown: (round: number) => attempt(`tidak-ada-${round}@bench.test`, PASSWORD, '198.51.100.201'),
    wrongPassword: (round: number) => attempt('pemilik@bench.test', `salah-${round}`, `198.51.100.${(round % 4) + 10}`),
    refusedByGuard: () => attempt('dikunci@bench.test', PASSWORD, '198.51.100.200'),
    rightPassword: () => attempt('pemilik@bench.test', PASSWORD, '198.51.100.202'),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, []]));
  const codes: Record<string, Set<string>> = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, new Set()]));
  for (let warm = 0; warm < 5; warm++) for (const run of Object.values(kinds)) await run(1000 + warm);
  for (let round = 0; round < rounds; round++) {
    for (const [kind, run] of Object.entries(kinds)) {
      const { ms, code } = await run(round);
      times[kind]!.push(ms);
      codes[kind]!.add(code);
    }
  }
  const quantile = (list: number[], q: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))]!;
  const summary = Object.fromEntries(
    Object.entries(times).map(([kind, list]) => [
      kind,
      { medianMs: Number(quantile(list, 0.5).toFixed(1)), p90Ms: Number(quantile(list, 0.9).toFixed(1)), codes: [...codes[kind]!] },
    ]),
  );
  console.table(summary);
  const host = machine();
  const rows = Object.entries(summary)
    .map(([kind, row]) => `| ${kind} | ${row.codes.join(', ')} | ${row.medianMs} | ${row.p90Ms} |`)
    .join('\n');
  await writeResults(
    'sign-in-timing',
    { date: new Date().toISOString(), machine: host, rounds, summary },
    `# Benchmark: how long each staff sign-in answer takes (${new Date().toISOString().slice(0, 10)})

Machine: ${host.cpus} cores (${host.cpuModel}), ${host.memoryGb} GiB, Node ${host.node}. PostgreSQL on the same machine, API with NODE_ENV=production,
RATE_LIMIT_SCALE=1. ${rounds} interleaved rounds over HTTP after 5 warm-up rounds (ADR 0016).

| attempt | answer code | median ms | p90 ms |
|---|---|---:|---:|
${rows}

Unknown email, wrong password and an attempt the guard refuses should be alike: each runs one
argon2id verification (19 MiB, 2 passes) and no database write. A right password also writes
the session.
`,
  );
} finally {
  for (const child of children) await child.stop();
  await benchDb.drop();
}
