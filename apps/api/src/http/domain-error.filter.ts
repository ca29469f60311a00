import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { DomainError, DomainErrorCode } from '@majlis/kernel';
import { unavailableAnswer } from '../graphql/errors/format-error';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
  RESYNC_REQUIRED: 410,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Errors on the REST routes (exports, personal data, health) answer the same code and message as in GraphQL:
 * domain errors with their HTTP status, a database outage with 503 SERVICE_UNAVAILABLE (logged once), anything
 * else as Nest does (HttpExceptions as they are, the rest a logged 500; BaseExceptionFilter finds the HTTP adapter
 * through its injected HttpAdapterHost). In GraphQL the error is handed back to
 * Apollo, whose formatError maps it.
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('HTTP');

  override catch(error: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') {
      // GraphQL: hand the error back to Apollo as it was thrown (formatError maps it).
      if (error instanceof DomainError) return error;
      throw error;
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof DomainError) {
      response
        .status(HTTP_STATUS[error.code])
        .json({ error: { code: error.code, message: error.message, ...error.details } });
      return undefined;
    }
    const unavailable = unavailableAnswer(error);
    if (unavailable) {
      this.logger.error({ err: error }, `database unavailable (${unavailable.reason}): answered SERVICE_UNAVAILABLE`);
      response
        .status(503)
        .setHeader('retry-after', '5')
        .json({ error: { code: 'SERVICE_UNAVAILABLE', ...unavailable } });
      return undefined;
    }
    return super.catch(error, host);
  }
}
