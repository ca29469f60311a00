import { HttpException } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import {
  CommonReason,
  DomainError,
  DomainErrorCode,
  databaseUnavailability,
  isDatabaseUnavailable,
} from '@majlis/kernel';

/** Codes that a client may see as they are: they come from GraphQL itself or from our own mapping. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const HTTP_STATUS_CODES: Record<number, DomainErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
};

export const SERVICE_UNAVAILABLE_MESSAGE =
  'The service is temporarily unavailable: its database cannot be reached. Please try again in a moment.';
export const SERVICE_BUSY_MESSAGE =
  'The service is too busy to handle this request right now. Please try again in a moment.';

/**
 * What a client is told when the database cannot serve its request (SERVICE_UNAVAILABLE, over GraphQL and HTTP
 * alike), with its reason: DATABASE_UNREACHABLE, or SERVICE_BUSY when the database answers but no connection came
 * free in time (an overload, not an outage). Null for any other error.
 */
export function unavailableAnswer(error: unknown): { message: string; reason: string } | null {
  const why = databaseUnavailability(error);
  if (why === 'BUSY') return { message: SERVICE_BUSY_MESSAGE, reason: CommonReason.SERVICE_BUSY };
  if (why === 'UNREACHABLE') return { message: SERVICE_UNAVAILABLE_MESSAGE, reason: CommonReason.DATABASE_UNREACHABLE };
  return null;
}

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. The error was logged; please try again later.';

export interface FormatErrorOptions {
  /**
   * Production: no "Did you mean …?" hints. graphql-armor's blockFieldSuggestion covers field names only; enum
   * values, arguments, input fields and types are suggested by graphql-js's own validation and coercion messages.
   */
  readonly hideSuggestions?: boolean;
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * The one place where errors become what a client sees: domain errors keep their code, message and safe details;
 * GraphQL's own errors (syntax, validation, limits) keep theirs; anything else is an INTERNAL_SERVER_ERROR with a
 * generic message: no stack, no SQL, no internals.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: FormatErrorOptions = {},
): GraphQLFormattedError {
  const result = mapError(formatted, error);
  return options.hideSuggestions ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
}

function mapError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = originalOf(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  const unavailable = unavailableAnswer(original);
  if (unavailable) {
    return {
      ...base,
      message: unavailable.message,
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: unavailable.reason },
    };
  }
  if (original instanceof HttpException && HTTP_STATUS_CODES[original.getStatus()]) {
    return { ...base, message: original.message, extensions: { code: HTTP_STATUS_CODES[original.getStatus()] } };
  }
  const code = formatted.extensions?.['code'];
  if (typeof code === 'string' && CLIENT_CODES.has(code) && formatted.path === undefined) {
    return { ...base, extensions: { code } };
  }
  return { ...base, message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** An error that our code did not raise on purpose, while executing an operation: worth logging in full. */
export function isUnexpected(error: unknown, formatted: Pick<GraphQLFormattedError, 'path'>): boolean {
  const original = originalOf(error);
  return (
    formatted.path !== undefined &&
    !(original instanceof DomainError) &&
    !(original instanceof HttpException) &&
    !isDatabaseUnavailable(original)
  );
}

/** The database could not be reached while serving this error's field (or the whole request). */
export function isOutage(error: unknown): boolean {
  return isDatabaseUnavailable(originalOf(error));
}

/** What was thrown: a resolver's error, or a domain error raised before execution (the input check), unwrapped. */
function originalOf(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  return unwrapped instanceof GraphQLError && unwrapped.originalError instanceof DomainError
    ? unwrapped.originalError
    : unwrapped;
}
