/**
 * Deadline load check: 200 representatives submit their organisation's contribution in the last seconds before a
 * consultation's deadline (and just after it) while 200 members keep editing the same drafts. Prints how many
 * submissions were accepted, refused with DEADLINE_PASSED, or failed otherwise (must be 0), then verifies in the
 * database that every accepted submission is stored exactly once, before the deadline, with a receipt that verifies.
 * Ends with "N passed, M failed"; exits 0 only when every check holds.
 *
 * Run from the repo root:
 *   node -r @swc-node/register bench/deadline.bench.ts
 * Environment:
 *   BENCH_DATABASE_URL     a PostgreSQL server to use (a fresh database majlis_bench_<random> is created on it and
 *                          dropped at the end); unset: an embedded PostgreSQL is started under tmp/ and removed.
 *   BENCH_ORGANIZATIONS    companies, hence representatives and editors (default 200).
 *   BENCH_LEAD_SECONDS     from the end of the setup to the deadline (default 6).
 *   BENCH_EDITOR_PAUSE_MS  mean pause of an editor between two saves (default 150).
 *   BENCH_POOL_SIZE        the API's database pool (default 10, the app's default).
 *   BENCH_LOG_LEVEL        the API's log level (default silent; `error` shows the stack of unexpected errors).
 *
 * Run with the app's path aliases: see runWithAliases in bench-support.ts.
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./deadline.run') as typeof import('./deadline.run')).main());
