import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { UnauthenticatedError } from '@majlis/kernel';
import type { AuthenticatedActor, AuthenticationService } from '@majlis/identity';
import { LIVE_CLOSE_CODES } from './close-codes';
import { DirectSubscription, LiveSocketWriter, LiveWrites } from './live-delivery';
import { parseOnce, subscribeSharingResults, validateOnce } from './live-execution';

/** The longest operation a live socket accepts (the reader's subscription is about 200 characters). */
const MAX_OPERATION_LENGTH = 2000;

/** The longest a timer can wait in Node (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One authenticated live-updates socket: its actor, kept current while it lives (memberships, suspension), and
 * its end when the access token expires or the session is revoked (closed with LIVE_CLOSE_CODES.SESSION_ENDED).
 */
export class LiveConnection {
  private readonly expiry: NodeJS.Timeout;
  private readonly check: NodeJS.Timeout;

  constructor(
    public actor: AuthenticatedActor,
    expiresAt: Date,
    private readonly socket: WebSocket,
    private readonly authentication: AuthenticationService,
    sessionCheckSeconds: number,
  ) {
    this.expiry = setTimeout(
      () => this.end('Your access token has expired. Refresh your session and reconnect.'),
      Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS),
    );
    this.check = setInterval(() => void this.recheck(), sessionCheckSeconds * 1000);
    this.expiry.unref();
    this.check.unref();
  }

  /** The session as every request checks it (AuthenticationService.resolveActor): ended → the socket closes. */
  private async recheck(): Promise<void> {
    try {
      this.actor = await this.authentication.resolveActor({ sub: this.actor.userId, sid: this.actor.sessionId });
    } catch (error) {
      if (error instanceof UnauthenticatedError) this.end(error.message);
    }
  }

  end(reason: string): void {
    this.dispose();
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(LIVE_CLOSE_CODES.SESSION_ENDED, reason);
  }

  dispose(): void {
    clearTimeout(this.expiry);
    clearInterval(this.check);
  }
}

export interface LiveSocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  live?: LiveConnection;
  /** The socket's batched writes of live messages (live-delivery.ts), made with its first live subscription. */
  writer?: LiveSocketWriter;
}

/**
 * graphql-ws on `/graphql`: the access token comes in `connectionParams.accessToken` and is checked as every
 * request's is (signature, expiry, then the live user and session). Without a valid one the socket closes at once
 * with SESSION_ENDED, so that the client refreshes and reconnects; errors are formatted as over HTTP.
 */
export function liveSocketOptions(
  authentication: AuthenticationService,
  sessionCheckSeconds: number,
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  writeIntervalMs = 0,
): Partial<ServerOptions<Record<string, unknown>, LiveSocketExtra>> {
  const logger = new Logger('LiveSocket');
  const writes = new LiveWrites(writeIntervalMs);
  return {
    connectionInitWaitTimeout: 10_000,
    // Each event's result is executed once per operation for all of the instance's subscribers (live-execution.ts).
    subscribe: subscribeSharingResults,
    // Subscribers sending the same operation share its parsed and validated document.
    parse: parseOnce,
    validate: validateOnce as ServerOptions['validate'],
    onConnect: async (ctx: Context<Record<string, unknown>, LiveSocketExtra>) => {
      const params = ctx.connectionParams ?? {};
      try {
        const { actor, expiresAt } = await authentication.authenticateAccessToken(params['accessToken']);
        ctx.extra.live = new LiveConnection(actor, expiresAt, ctx.extra.socket, authentication, sessionCheckSeconds);
        return true;
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) logger.error({ err: error }, 'live socket authentication failed');
        ctx.extra.socket.close(
          LIVE_CLOSE_CODES.SESSION_ENDED,
          error instanceof UnauthenticatedError ? error.message : 'Authentication failed.',
        );
        return false;
      }
    },
    onClose: (ctx: Context<Record<string, unknown>, LiveSocketExtra>) => ctx.extra.live?.dispose(),
    // The socket's operations are tiny (one subscription to ids); anything large is refused before parsing.
    onSubscribe: (_ctx, _id, payload) =>
      payload.query.length > MAX_OPERATION_LENGTH
        ? [
            new GraphQLError(`A live operation is at most ${MAX_OPERATION_LENGTH} characters long.`, {
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          ]
        : undefined,
    // A live subscription shared per event writes its messages itself, batched per socket (live-delivery.ts).
    onOperation: (ctx: Context<Record<string, unknown>, LiveSocketExtra>, id, _payload, _args, result) => {
      if (result instanceof DirectSubscription)
        result.attach((ctx.extra.writer ??= writes.writer(ctx.extra.socket)), id, format);
      return undefined;
    },
    // A stream that fails (e.g. RESYNC_REQUIRED when its catch-up cannot be replayed) sends its error with its code.
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => format(error.toJSON(), error)),
    onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
      result.errors?.length
        ? { ...result, errors: result.errors.map((error) => format(error.toJSON(), error)) }
        : undefined,
  };
}
