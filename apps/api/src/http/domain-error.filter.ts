import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorCode } from '@majlis/kernel';

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DEADLINE_PASSED: 409,
  RATE_LIMITED: 429,
};

/**
 * Domain errors on the REST routes (exports, health) answer the same code and message as in GraphQL, with
 * the matching HTTP status. In GraphQL the error is handed back to Apollo, whose formatError maps it.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    if (host.getType() !== 'http') return error;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ error: { code: error.code, message: error.message, ...error.details } });
    return undefined;
  }
}
