/**
 * Search benchmark (issue 12): `search` through the GraphQL API over 1,000,000 comments, 100,000 annotations and the
 * sample circular, beside the same statement sent straight to PostgreSQL and a bare full-text query (the floor),
 * with the query plans (EXPLAIN ANALYZE). Figures only, no assertions on timing.
 *
 * Run from the repo root:
 *   npm run bench:search
 * Environment:
 *   BENCH_DATABASE_URL   a PostgreSQL server to use (a fresh database majlis_bench_<random> is created on it and
 *                        dropped at the end, unless BENCH_KEEP_DATABASE); unset: an embedded PostgreSQL is started
 *                        under tmp/ and removed.
 *   BENCH_SCALE          a fraction of the full size (default 1; 0.1 loads 100,000 comments and 10,000 annotations).
 *   BENCH_COMMENTS       comments to bulk-load (default 1000000 × BENCH_SCALE); BENCH_ANNOTATIONS (100000 × scale).
 *   BENCH_KEEP_DATABASE  a database name (needs BENCH_DATABASE_URL): created and loaded by the first run, kept at the
 *                        end, and reused as it is by later runs (pending migrations applied, no reload): the full
 *                        size loads once (~13 min), then each run takes seconds. Drop it by hand when done.
 *   BENCH_RUNS           measured requests per query (default 40).
 *   BENCH_WARMUP         unmeasured API requests per query before them (default 10; the API's JIT warms up).
 *   BENCH_CPU_PROFILE    a directory: a V8 CPU profile of the measured API requests of each query.
 * It prints the plans, then a table: each goal beside the API's p50/p95, the statements' p95 straight to
 * PostgreSQL, planning + execution times, the floor's p95 and the API/floor ratio.
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./search.run') as typeof import('./search.run')).main());
