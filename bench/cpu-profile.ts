/**
 * BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of this process during one measured run (after the warm-up), written as
 * <dir>/<label>.cpuprofile for Chrome DevTools or any .cpuprofile reader. Without it, the work just runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env['BENCH_CPU_PROFILE'];
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label.replace(/[^A-Za-z0-9-]+/g, '-')}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}
