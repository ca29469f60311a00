/**
 * Annotations page benchmark (issue 15, item 4): the page of 50 annotations of a document version as the reader
 * shows it — author, organisation, reply and endorsement counts, anchor state — through the GraphQL API and through
 * its raw-SQL floor (one statement through `pg` in a bare `node:http` server), on the same data, with their ratio
 * beside the goal (API ÷ floor throughput ≥ 0.5). Figures only, no assertions on timing.
 *
 * Run from the repo root:
 *   npm run bench:annotations
 * Environment:
 *   BENCH_DATABASE_URL   a PostgreSQL server to use (a fresh database majlis_bench_<random> is created on it and
 *                        dropped at the end); unset: an embedded PostgreSQL is started under tmp/ and removed.
 *   BENCH_ANNOTATIONS    annotations to bulk-load on the version (default 5000); BENCH_REPLIES (default 50000).
 *   BENCH_DURATION       seconds per measured run (default 10); BENCH_CPU_PROFILE=<dir> writes CPU profiles.
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./annotations.run') as typeof import('./annotations.run')).main());
