/** `pnpm bench [name]`: runs one benchmark, or all of them. Results land in ops/bench/results/. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TSX_CLI } from './support.ts';

const BENCHMARKS = ['tenant-query', 'submit-report', 'inbox', 'sla-sweep', 'live', 'sign-in-timing', 'figures'];
const [name, ...rest] = process.argv.slice(2);
const selected = name && !name.startsWith('-') ? [name] : BENCHMARKS;
for (const benchmark of selected) {
  if (!BENCHMARKS.includes(benchmark)) {
    console.error(`unknown benchmark "${benchmark}"; one of: ${BENCHMARKS.join(', ')}`);
    process.exit(2);
  }
  const run = spawnSync(
    process.execPath,
    [TSX_CLI, path.join(import.meta.dirname, `${benchmark}.ts`), ...(name === benchmark ? rest : process.argv.slice(2))],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
}
