/**
 * Search benchmark (issue 12): `search` through the GraphQL API over 1,000,000 comments, 100,000 annotations and the
 * sample circular, beside the same statement sent straight to PostgreSQL and a bare full-text query (the floor),
 * with the query plans (EXPLAIN ANALYZE). Figures only, no assertions on timing.
 *
 * Run from the repo root:
 *   npm run bench:search
 * Environment:
 *   BENCH_DATABASE_URL   a PostgreSQL server to use (a fresh database majlis_bench_<random> is created on it and
 *                        dropped at the end); unset: an embedded PostgreSQL is started under tmp/ and removed.
 *   BENCH_COMMENTS       comments to bulk-load (default 1000000); BENCH_ANNOTATIONS (default 100000).
 *   BENCH_RUNS           measured requests per query (default 40).
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./search.run') as typeof import('./search.run')).main());
