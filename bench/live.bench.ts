/**
 * Live updates under load: BENCH_SUBSCRIBERS (1,000) WebSocket subscribers spread over two API instances on one
 * database, all following one document, while annotations are created at BENCH_EVENTS_PER_SECOND (50) for
 * BENCH_SECONDS (30), alternately through each instance; one in five is an ORGANIZATION annotation that only FMO's
 * members and moderators may read. Prints the delivery latency (the event's commit-time timestamp to its arrival at
 * the subscriber) p50/p99, events lost, events delivered to someone not allowed, memory per connection and CPU
 * measured in each instance's process, CPU per delivery and the load average. As in production, each API instance
 * runs in a process of its own (live.instance.ts), with its own event loop, pool and LISTEN connection; the
 * subscribers (live.load.ts) and the writers (live.produce.ts) are clients, each in a process of its own too. This
 * process only creates the database, starts the others and prints the figures.
 * Exits 0 when nothing is lost and nothing is delivered to someone not allowed.
 *
 * Run from the repo root: `npm run bench:live`.
 * Environment: BENCH_DATABASE_URL (a PostgreSQL server; a fresh database is created and dropped; unset: an
 * embedded PostgreSQL under tmp/), BENCH_SUBSCRIBERS, BENCH_EVENTS_PER_SECOND, BENCH_SECONDS, BENCH_LOG_LEVEL,
 * LIVE_WRITE_INTERVAL_MS (passed to the instances), BENCH_CPU_PROFILE=<dir> (a CPU profile of each API instance, live-delivery-A/B, while events are produced and delivered).
 */
import { runWithAliases } from './bench-support';

runWithAliases(() => (require('./live.run') as typeof import('./live.run')).main());
