/**
 * The live benchmark's subscribers, in a child process of their own so that a thousand WebSocket clients do not
 * share an event loop with the API instances they measure. Jobs arrive over IPC (see startLoader):
 * - `connect`: opens the subscribers (graphql-ws), alternately on each instance, each subscribed to the document;
 * - `warm`: waits until every subscriber received a given annotation (so all subscriptions are live);
 * - `finish`: compares what each subscriber received with what was produced, and answers the figures.
 */
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Person {
  readonly role: string;
  readonly token: string;
  /** Whether this person may read the ORGANIZATION annotations of the benchmark (FMO's members, moderators). */
  readonly readsInternal: boolean;
}

export type LiveJob =
  | { kind: 'connect'; urls: string[]; people: Person[]; subscribers: number; documentId: string; after: string }
  | { kind: 'warm'; annotationId: string; timeoutMs: number }
  | { kind: 'finish'; produced: { id: string; internal: boolean }[]; drainMs: number };

export interface LiveResult {
  connected?: number;
  /** Connections opened on each URL, in the order of `urls`. */
  connectedPerUrl?: number[];
  failed?: number;
  warm?: number;
  deliveries?: number;
  expected?: number;
  lost?: number;
  notAllowed?: number;
  duplicates?: number;
  latencies?: { p50: number; p90: number; p99: number; max: number };
  errors?: number;
  /**
   * This (subscribers') process's CPU in microseconds from the warm-up to the last delivery (or the drain's end),
   * over `seconds` of wall time: a client process near a full core delays what it receives and times.
   */
  clientCpu?: { user: number; system: number; seconds: number };
}

interface Subscriber {
  readonly person: Person;
  readonly client: Client;
  readonly received: Map<string, number>;
  errors: number;
}

const subscribers: Subscriber[] = [];
/** When the measured part began (after the warm-up): this process's CPU from then on is reported by `finish`. */
let measuredFrom = { cpu: process.cpuUsage(), at: Date.now() };
const latencies: number[] = [];
let duplicates = 0;

const LIVE_EVENTS = `subscription($documentId: ID!, $after: String) {
  liveEvents(documentId: $documentId, after: $after) { seq type subjectId createdAt } }`;

async function connect(job: Extract<LiveJob, { kind: 'connect' }>): Promise<LiveResult> {
  let connected = 0;
  let failed = 0;
  const connectedPerUrl = job.urls.map(() => 0);
  const opened: Promise<void>[] = [];
  for (let index = 0; index < job.subscribers; index++) {
    const person = job.people[index % job.people.length];
    const url = job.urls[index % job.urls.length];
    opened.push(
      new Promise<void>((resolve) => {
        const subscriber: Subscriber = {
          person,
          received: new Map(),
          errors: 0,
          client: createClient({
            url,
            webSocketImpl: WebSocket,
            connectionParams: { accessToken: person.token },
            lazy: false,
            retryAttempts: 0,
            onNonLazyError: () => {
              failed++;
              resolve();
            },
            on: {
              connected: () => {
                connected++;
                connectedPerUrl[index % job.urls.length]++;
                resolve();
              },
            },
          }),
        };
        subscriber.client.subscribe<{
          liveEvents: { seq: string; type: string; subjectId: string; createdAt: string };
        }>(
          { query: LIVE_EVENTS, variables: { documentId: job.documentId, after: job.after } },
          {
            next: ({ data, errors }) => {
              if (errors) subscriber.errors++;
              if (!data) return;
              const event = data.liveEvents;
              if (event.type !== 'ANNOTATION_CREATED') return;
              if (subscriber.received.has(event.subjectId)) duplicates++;
              const now = Date.now();
              subscriber.received.set(event.subjectId, now);
              latencies.push(now - Date.parse(event.createdAt));
            },
            error: () => subscriber.errors++,
            complete: () => undefined,
          },
        );
        subscribers.push(subscriber);
      }),
    );
    // Opening a thousand sockets at once is a thundering herd no real client makes: a few per millisecond.
    if (index % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(opened);
  return { connected, failed, connectedPerUrl };
}

async function warm(job: Extract<LiveJob, { kind: 'warm' }>): Promise<LiveResult> {
  const deadline = Date.now() + job.timeoutMs;
  const count = () => subscribers.filter((s) => s.received.has(job.annotationId)).length;
  while (count() < subscribers.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  latencies.length = 0;
  measuredFrom = { cpu: process.cpuUsage(), at: Date.now() };
  return { warm: count() };
}

async function finish(job: Extract<LiveJob, { kind: 'finish' }>): Promise<LiveResult> {
  const deadline = Date.now() + job.drainMs;
  let expected = 0;
  const pending = () => {
    let missing = 0;
    for (const subscriber of subscribers)
      for (const event of job.produced)
        if ((!event.internal || subscriber.person.readsInternal) && !subscriber.received.has(event.id)) missing++;
    return missing;
  };
  while (pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const cpu = process.cpuUsage(measuredFrom.cpu);
  const clientCpu = { user: cpu.user, system: cpu.system, seconds: (Date.now() - measuredFrom.at) / 1000 };
  let lost = 0;
  let notAllowed = 0;
  let deliveries = 0;
  for (const subscriber of subscribers) {
    for (const event of job.produced) {
      const allowed = !event.internal || subscriber.person.readsInternal;
      const received = subscriber.received.has(event.id);
      if (allowed) expected++;
      if (received) deliveries++;
      if (allowed && !received) lost++;
      if (!allowed && received) notAllowed++;
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  const errors = subscribers.reduce((sum, s) => sum + s.errors, 0);
  await Promise.all(subscribers.map((s) => s.client.dispose()));
  return {
    deliveries,
    expected,
    lost,
    notAllowed,
    duplicates,
    errors,
    clientCpu,
    latencies: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length ? sorted[sorted.length - 1] : NaN },
  };
}

process.on('message', (job: LiveJob) => {
  const run = job.kind === 'connect' ? connect(job) : job.kind === 'warm' ? warm(job) : finish(job);
  run.then(
    (result) => process.send?.({ ok: true, result }),
    (error: unknown) => process.send?.({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
