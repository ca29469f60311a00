/**
 * Live updates under load: BENCH_SUBSCRIBERS (1,000) WebSocket subscribers spread over two API instances on one
 * database, all following one document, while annotations are created at BENCH_EVENTS_PER_SECOND (50) for
 * BENCH_SECONDS (30), alternately through each instance; one in five is an ORGANIZATION annotation that only FMO's
 * members and moderators may read. Prints the delivery latency (the event's commit-time timestamp to its arrival at
 * the subscriber) p50/p99, events lost, events delivered to someone not allowed, memory per connection, the server
 * process's CPU per delivery and the load average. The subscribers (live.load.ts) and the writers (live.produce.ts)
 * are clients, each in a process of its own; this process holds only the two API instances.
 * Exits 0 when nothing is lost and nothing is delivered to someone not allowed.
 *
 * Run from the repo root: `npm run bench:live`.
 * Environment: BENCH_DATABASE_URL (a PostgreSQL server; a fresh database is created and dropped; unset: an
 * embedded PostgreSQL under tmp/), BENCH_SUBSCRIBERS, BENCH_EVENTS_PER_SECOND, BENCH_SECONDS, BENCH_LOG_LEVEL,
 * BENCH_CPU_PROFILE=<dir> (a CPU profile of the API instances while events are produced and delivered).
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./live.run') as typeof import('./live.run')).main());
