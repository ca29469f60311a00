import type { Duplex } from 'node:stream';
import { ExecutionArgs, ExecutionResult, GraphQLError, GraphQLFormattedError, execute } from 'graphql';
import type { WebSocket } from 'ws';
import type { DomainEvent } from '@majlis/kernel';
import type { LiveStream } from './live-stream';

/** How an error of a result is sent (the API's formatError, as over HTTP). */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * The `payload` of graphql-ws's `next` message for an event and an operation, as JSON text: executed and serialised
 * once per event and share key (see live-execution.ts `shareKey`: the operation and the variables used below the
 * subscription field; nothing in the result depends on the subscriber), for all of the instance's subscribers.
 * Exactly what graphql-ws would send (its `onNext` formats errors, see live-socket.ts).
 */
const serialised = new WeakMap<DomainEvent, Map<string, string | Promise<string>>>();

function payloadOf(
  event: DomainEvent,
  key: string,
  args: ExecutionArgs,
  format: FormatError,
): string | Promise<string> {
  let byKey = serialised.get(event);
  if (!byKey) serialised.set(event, (byKey = new Map()));
  let text = byKey.get(key);
  if (text === undefined) {
    const result = execute({ ...args, rootValue: event });
    text = isPromise(result) ? result.then((done) => payloadText(done, format)) : payloadText(result, format);
    byKey.set(key, text);
  }
  return text;
}

function payloadText(result: ExecutionResult, format: FormatError): string {
  const { errors, ...rest } = result;
  return JSON.stringify(
    errors?.length ? { ...rest, errors: errors.map((error: GraphQLError) => format(error.toJSON(), error)) } : rest,
  );
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/**
 * When an instance's live sockets are written: all those with messages waiting, together, at most once every
 * `intervalMs`. A message produced after a quiet spell leaves at the end of its turn of the event loop; under a
 * stream of events each socket gets one write per interval carrying every message of that interval (and one write per
 * turn when messages queue up faster), instead of one write, and one system call, per message: the writes' system
 * time is most of a delivery's cost. A message waits at most `intervalMs` for it.
 */
export class LiveWrites {
  private readonly waiting = new Set<LiveSocketWriter>();
  private scheduled = false;
  private lastFlush = -Infinity;

  constructor(private readonly intervalMs: number) {}

  /** A writer for a socket of this instance. */
  writer(socket: WebSocket): LiveSocketWriter {
    return new LiveSocketWriter(socket, this);
  }

  schedule(writer: LiveSocketWriter): void {
    this.waiting.add(writer);
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.lastFlush + this.intervalMs - performance.now();
    if (wait <= 0) setImmediate(() => this.flush());
    else setTimeout(() => this.flush(), wait);
  }

  forget(writer: LiveSocketWriter): void {
    this.waiting.delete(writer);
  }

  private flush(): void {
    this.scheduled = false;
    this.lastFlush = performance.now();
    const writers = [...this.waiting];
    this.waiting.clear();
    for (const writer of writers) writer.flush();
  }
}

/**
 * A live socket's outgoing `next` messages, written together (see LiveWrites): the socket is corked around them, so
 * that their frames go out in one system call.
 */
export class LiveSocketWriter {
  private queued: { subscription: DirectSubscription; text: string }[] = [];

  constructor(
    private readonly socket: WebSocket,
    private readonly writes: LiveWrites,
  ) {}

  push(subscription: DirectSubscription, text: string): void {
    if (!subscription.open) return;
    this.queued.push({ subscription, text });
    if (this.queued.length === 1) this.writes.schedule(this);
  }

  /** Writes what is queued now (also before graphql-ws sends a subscription's `error` or `complete`, to keep order). */
  flush(): void {
    if (this.queued.length === 0) return;
    const queued = this.queued;
    this.queued = [];
    this.writes.forget(this);
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    // ws writes each frame (header, then payload) to its net.Socket, itself corked and uncorked per frame: an outer
    // cork keeps them all in the socket's buffer until this uncork, which writes them in one writev.
    const raw = (socket as unknown as { _socket?: Duplex })._socket;
    raw?.cork();
    try {
      for (const { subscription, text } of queued) if (subscription.open) socket.send(text);
    } finally {
      raw?.uncork();
    }
  }
}

/**
 * A live subscription whose result is the same for every subscriber of an event (a share key, see
 * live-execution.ts), delivered without graphql-ws's per-message path: once graphql-ws has set it up (parsed,
 * validated, authorised, its resolver run: the LiveStream of what this subscriber may receive, checked at delivery),
 * `attach` (from its `onOperation` hook) diverts the stream's events to the socket's writer. Each event's `next`
 * message is then the shared payload (`payloadOf`) with this subscription's id spliced in: the protocol is exactly
 * graphql-ws's (`{"id","type":"next","payload"}`), and its own `error`/`complete` follow when the stream ends.
 *
 * For graphql-ws it is an async iterator that yields nothing and ends when the stream ends (or throws why the stream
 * failed, e.g. RESYNC_REQUIRED); `return` (the client's `complete`, the socket's close) ends the stream. Never
 * attached (another transport), it maps the stream's events to results as graphql-js would.
 */
export class DirectSubscription implements AsyncIterableIterator<ExecutionResult> {
  /** False once the subscription ended: nothing more is written for it. */
  open = true;
  private ended: Promise<void> | null = null;
  private mapped: AsyncIterableIterator<ExecutionResult> | null = null;

  constructor(
    private readonly stream: LiveStream,
    private readonly args: ExecutionArgs,
    private readonly key: string,
    private readonly mapEvents: () => AsyncIterableIterator<ExecutionResult>,
  ) {}

  attach(writer: LiveSocketWriter, id: string, format: FormatError): void {
    if (this.ended || this.mapped || !this.open) return;
    const prefix = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
    let pending: Promise<void> | null = null; // an asynchronous execution (none today) keeps the order behind it
    this.ended = this.stream
      .divert((event) => {
        const text = payloadOf(event, this.key, this.args, format);
        if (typeof text === 'string' && pending === null) writer.push(this, `${prefix}${text}}`);
        else
          pending = (pending ?? Promise.resolve())
            .then(() => text)
            .then(
              (done) => writer.push(this, `${prefix}${done}}`),
              (error: unknown) => this.stream.fail(error),
            );
      })
      .finally(() => writer.flush());
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.ended) return (this.mapped ??= this.mapEvents()).next();
    try {
      await this.ended;
    } finally {
      this.open = false;
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.open = false;
    if (this.mapped) return this.mapped.return!();
    await this.stream.return();
    return { value: undefined, done: true };
  }

  async throw(error?: unknown): Promise<IteratorResult<ExecutionResult>> {
    this.open = false;
    if (this.mapped) return this.mapped.throw!(error);
    return this.stream.throw(error) as Promise<never>;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
