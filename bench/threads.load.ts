/**
 * The load generator, in a child process of its own so that it does not share an event loop with the servers
 * under test. It receives one LoadJob at a time over IPC, runs autocannon for `seconds`, and answers with a
 * LoadResult (the parent sends the warm-up and the measured run as two jobs).
 */
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface LoadJob {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  /** A fixed body… */
  readonly body?: string;
  /** …or one made per request, replying to the threads in turn. */
  readonly reply?: {
    readonly threadIds: readonly string[];
    readonly shape: 'graphql' | 'floor';
    readonly mutation?: string;
  };
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly total: number;
  readonly latency: { readonly p50: number; readonly p97_5: number; readonly p99: number; readonly average: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** 2xx responses whose body carries GraphQL `errors`. */
  readonly bodyErrors: number;
  readonly errorSamples: string[];
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

let replies = 0;

async function run(job: LoadJob): Promise<LoadResult> {
  let bodyErrors = 0;
  const errorSamples: string[] = [];
  const request: Record<string, unknown> = {
    method: job.method,
    path: job.path,
    headers: job.headers,
    ...(job.body !== undefined ? { body: job.body } : {}),
    // The same check on both sides: a 2xx whose body reports errors is a failure too.
    onResponse: (status: number, body: string) => {
      if (status < 200 || status >= 300 || body.includes('"errors"')) {
        if (status >= 200 && status < 300) bodyErrors += 1;
        if (errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 300)}`);
      }
    },
  };
  const reply = job.reply;
  if (reply) {
    request['setupRequest'] = (req: Record<string, unknown>) => {
      const n = replies++;
      const threadId = reply.threadIds[n % reply.threadIds.length];
      const text = `Benchmark reply ${n}: we support the amendment to this article, with one reservation on its timeline.`;
      const body =
        reply.shape === 'graphql'
          ? JSON.stringify({
              query: reply.mutation,
              variables: { input: { subjectType: 'THREAD', subjectId: threadId, body: text } },
            })
          : JSON.stringify({ threadId, body: text });
      return { ...req, body };
    };
  }
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.seconds,
    requests: [request],
  });
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latency: {
      p50: result.latency.p50,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      average: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bodyErrors,
    errorSamples,
  };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: String((error as Error)?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
