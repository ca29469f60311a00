import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import type { Clock } from '@majlis/kernel';

/** What the edge stamps on every request, before any queueing (body parsing, guards, the database pool). */
export interface ReceivedAtStamp {
  /** The server clock's reading once the request's headers arrived: deadlines judge this instant. */
  receivedAt?: Date;
  /** The same moment on the monotonic clock, to bound how long the body may take (immune to clock changes). */
  receivedAtMonotonicMs?: number;
}

/**
 * How far back a trusted proxy's `X-Request-Start` may reach. A proxy queues a request for seconds in a rush, not
 * minutes: an older value comes from a misconfigured proxy (one that passes a client's header through, or whose
 * clock is wrong), and the API's own stamp is used instead.
 */
export const PROXY_ARRIVAL_MAX_AGE_MS = 60_000;

/**
 * When a proxy in front of the API received the request, from its `X-Request-Start` header: `t=` then seconds with
 * a fraction (nginx's `$msec`), or whole microseconds or milliseconds (HAProxy, Heroku). Undefined when the header is
 * absent, unreadable or older than `maxAgeMs` before `now`; a time after `now` (the proxy's clock ahead) is read as
 * `now`, so a request is never judged later than the API itself received it.
 */
export function proxyArrivalTime(header: string | undefined, now: Date, maxAgeMs = PROXY_ARRIVAL_MAX_AGE_MS) {
  const match = /^\s*(?:t=)?(\d{1,16})(?:\.(\d{1,9}))?\s*$/.exec(header ?? '');
  if (!match) return undefined;
  const [, whole, fraction] = match as unknown as [string, string, string | undefined];
  const milliseconds =
    fraction !== undefined || whole.length <= 10
      ? Number(`${whole}.${fraction ?? '0'}`) * 1000 // seconds
      : whole.length <= 13
        ? Number(whole) // milliseconds
        : Number(whole) / 1000; // microseconds
  const age = now.getTime() - milliseconds;
  if (age > maxAgeMs) return undefined;
  return age < 0 ? now : new Date(Math.round(milliseconds));
}

/**
 * The first middleware: reads the server clock once, when the request's headers have arrived. A submission is
 * judged by this instant, not by when its transaction starts after waiting for a database connection. Behind a
 * trusted proxy (TRUST_PROXY), the proxy's own arrival time (`X-Request-Start`, see proxyArrivalTime) counts
 * instead, so time spent in the proxy's queue is not held against the sender either; the proxy must set that header
 * itself, replacing any the client sent.
 */
export function stampReceivedAt(clock: Clock, { trustProxy = false }: { trustProxy?: boolean } = {}) {
  return (request: Request & ReceivedAtStamp, _response: Response, next: NextFunction): void => {
    const now = clock.now();
    request.receivedAt = (trustProxy && proxyArrivalTime(request.headers['x-request-start'] as string, now)) || now;
    request.receivedAtMonotonicMs = performance.now();
    next();
  };
}

/**
 * After the body parsers: a request whose body arrived more than `limitMs` after its headers is refused (408,
 * REQUEST_TIMEOUT), so a client cannot open a request before a deadline, trickle its body for minutes and claim the
 * early time. Honest clients send a body of a few kilobytes within milliseconds.
 */
export function bodyArrivedInTime(limitMs: number) {
  return (request: Request & ReceivedAtStamp, response: Response, next: NextFunction): void => {
    const started = request.receivedAtMonotonicMs;
    if (started === undefined || performance.now() - started <= limitMs) return next();
    response
      .status(408)
      .set('connection', 'close')
      .json({
        errors: [
          {
            message: `The request's body arrived more than ${limitMs} ms after its headers: send it again at once.`,
            extensions: { code: 'REQUEST_TIMEOUT' },
          },
        ],
      });
  };
}

/** When the server received this request (the edge's stamp), or undefined outside an HTTP request. */
export function receivedAtOf(request: ReceivedAtStamp | undefined): Date | undefined {
  return request?.receivedAt;
}
