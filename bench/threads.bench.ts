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
 * Run with the app's path aliases: see runWithAliases in bench-support.ts.
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./threads.run') as typeof import('./threads.run')).main());
