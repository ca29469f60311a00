/**
 * Memory and soak: the API under a steady mix of reads and writes for 5 minutes (threads listed and read, replies and
 * threads posted). Prints RSS at idle and every 30 s under load; passes when RSS grew by at most 10% from the end of
 * the warm-up (the first fifth) to the end, and no request failed.
 *
 * Run from the repo root: `npm run bench:soak`. Environment:
 *   BENCH_DATABASE_URL   a PostgreSQL server (a fresh database is created and dropped); unset: an embedded one.
 *   SOAK_SECONDS         the duration (default 300; e.g. 30 to try it).
 *   SOAK_WORKERS         concurrent clients (default 8).
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./soak.run') as typeof import('./soak.run')).main());
