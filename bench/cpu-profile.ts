/**
 * BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of this process during one measured run (after the warm-up), written as
 * <dir>/<label>.cpuprofile for Chrome DevTools or any .cpuprofile reader. Without it, the work just runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

export async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const stop = await startProfile(label);
  try {
    return await work();
  } finally {
    await stop();
  }
}

/** Starts profiling this process (under BENCH_CPU_PROFILE); the answer stops it and writes the profile. */
export async function startProfile(label: string): Promise<() => Promise<void>> {
  const dir = process.env['BENCH_CPU_PROFILE'];
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label.replace(/[^A-Za-z0-9-]+/g, '-')}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
