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
 * The first middleware: reads the server clock once, when the request's headers have arrived. A submission is
 * judged by this instant, not by when its transaction starts after waiting for a database connection.
 */
export function stampReceivedAt(clock: Clock) {
  return (request: Request & ReceivedAtStamp, _response: Response, next: NextFunction): void => {
    request.receivedAt = clock.now();
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
