/**
 * Threads benchmark: "list the threads of a space with counts and unread state" and "post a reply", through the
 * GraphQL API and through the most direct equivalent (raw SQL through `pg` in a bare `node:http` server), on the
 * same data (500 threads, ≥ 100 000 comments), side by side with their ratio. Figures only, no assertions on timing.
 *
 * Run from the repo root:
 *   node -r @swc-node/register bench/threads.bench.ts
 * Environment:
 *   BENCH_DATABASE_URL  a PostgreSQL server to use (a fresh database majlis_bench_<random> is created on it and
 *                       dropped at the end); unset: an embedded PostgreSQL is started under tmp/ and removed.
 *   BENCH_COMMENTS      comments to bulk-load (default 100000); BENCH_DURATION seconds per measured run (default 10).
 *
 * The app's `@majlis/*` path aliases resolve only when @swc-node/register reads tsconfig.base.json, which it does
 * when SWC_NODE_PROJECT points at it: without it this file re-runs itself with that variable set.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

if (!process.env['SWC_NODE_PROJECT']) {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, SWC_NODE_PROJECT: resolve(__dirname, '..', 'tsconfig.base.json') },
  });
  // Ctrl-C reaches the child too (same process group): let it clean up, and wait for it.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  (require('./threads.run') as typeof import('./threads.run'))
    .main()
    .then((code) => process.exit(code));
}
