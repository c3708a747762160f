/**
 * Preloaded into the API processes of the live benchmark (`node --import`): on SIGUSR2, after
 * a full garbage collection (with --expose-gc), writes process.memoryUsage() to
 * BENCH_MEMORY_FILE, so the benchmark reads the heap as well as the RSS.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
  });
}
