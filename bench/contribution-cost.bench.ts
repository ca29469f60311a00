/**
 * What one contribution request costs the API, robust to a loaded machine: Node CPU (process.cpuUsage of the API's
 * process, the clients being in a process of their own) and SQL statements (every query the API sends to
 * PostgreSQL, BEGIN and COMMIT included) per save, per submission that makes a new receipt and per repeated
 * submission (the same receipt back). Rounds after a warm-up round; a small client concurrency, so that the figures
 * are the work itself, not queueing.
 *
 * Run from the repo root:
 *   node -r @swc-node/register bench/contribution-cost.bench.ts
 * Environment:
 *   BENCH_DATABASE_URL   as in bench/deadline.bench.ts (unset: an embedded PostgreSQL)
 *   BENCH_ORGANIZATIONS  companies (default 40)
 *   BENCH_ROUNDS         measured rounds after the warm-up (default 5)
 *   BENCH_CONCURRENCY    client concurrency (default 4)
 *   BENCH_CPU_PROFILE    a directory: a V8 CPU profile of the API per kind of request (see cpu-profile.ts)
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./contribution-cost.run') as typeof import('./contribution-cost.run')).main());
