import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

let destination: pino.DestinationStream | undefined;

/**
 * The one destination of every log line of the process, and of the start banner: stdout, written asynchronously.
 * nestjs-pino makes two pino instances (one for requests, one for the framework's own lines), each with a stream of
 * its own unless given one, and two streams on one file descriptor interleave out of order; one shared stream keeps
 * every line in the order it was written (the banner below the framework's start-up lines). Flushed at exit by pino.
 */
export function logDestination(): pino.DestinationStream {
  return (destination ??= pino.destination({ dest: 1, sync: false }));
}

/**
 * Structured JSON logs (pino): one line per request with its id (taken from `x-request-id` when well-formed,
 * else generated, and echoed back), never an authorization header, cookie or password.
 */
export function loggerOptions(level: string): Params {
  return {
    pinoHttp: [
      {
        level,
        genReqId: (request: IncomingMessage, response: ServerResponse) => {
          const given = request.headers['x-request-id'];
          const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
          response.setHeader('x-request-id', id);
          return id;
        },
        redact: {
          paths: [
            'req.headers.authorization',
            'req.headers.cookie',
            'res.headers["set-cookie"]',
            '*.password',
            '*.refreshToken',
            '*.token',
          ],
          censor: '[redacted]',
        },
        autoLogging: { ignore: (request: IncomingMessage) => request.url?.startsWith('/health') ?? false },
        serializers: {
          req: (request: { id: string; method: string; url: string }) => ({
            id: request.id,
            method: request.method,
            url: request.url,
          }),
        },
      },
      logDestination(),
    ],
  };
}
