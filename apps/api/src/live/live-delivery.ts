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

/** The sockets with messages waiting, written once the current turn of the event loop is over. */
const waiting = new Set<LiveSocketWriter>();
let flushScheduled = false;

function flushWaiting(): void {
  flushScheduled = false;
  const writers = [...waiting];
  waiting.clear();
  for (const writer of writers) writer.flush();
}

/**
 * A live socket's outgoing `next` messages, written together: every message queued during one turn of the event
 * loop (all the events whose readers were decided in it) leaves in one write (the socket is corked around them,
 * so the frames go out in one system call), instead of one write per message. Under load, when events queue up,
 * the batches grow by themselves; when idle, a message leaves at the end of the turn it was produced in.
 */
export class LiveSocketWriter {
  private queued: { subscription: DirectSubscription; text: string }[] = [];

  constructor(private readonly socket: WebSocket) {}

  push(subscription: DirectSubscription, text: string): void {
    if (!subscription.open) return;
    this.queued.push({ subscription, text });
    waiting.add(this);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushWaiting);
    }
  }

  /** Writes what is queued now (also before graphql-ws sends a subscription's `error` or `complete`, to keep order). */
  flush(): void {
    if (this.queued.length === 0) return;
    const queued = this.queued;
    this.queued = [];
    waiting.delete(this);
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
