/**
 * Preloaded into the API processes of the live benchmark (`node --import`):
 * - on SIGUSR2, after a full garbage collection (with --expose-gc), writes
 *   process.memoryUsage() to BENCH_MEMORY_FILE, so the benchmark reads the heap as well as the RSS;
 * - with BENCH_PROFILE_FILE, the first SIGWINCH starts V8's CPU profiler and the second
 *   writes the profile there (`--profile`: only the event phases are profiled, not connecting).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    (globalThis as { gc?: () => void }).gc?.();
    writeFileSync(file, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
  });
}

const profileFile = process.env.BENCH_PROFILE_FILE;
if (profileFile) {
  let session: Session | null = null;
  process.on('SIGWINCH', () => {
    void (async () => {
      if (!session) {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 500 });
        await session.post('Profiler.start');
        return;
      }
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      session.disconnect();
    })();
  });
}
