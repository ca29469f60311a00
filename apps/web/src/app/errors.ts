import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';

/** Every error code the API answers with; each has a message in errors.json of every locale (`errors.<CODE>`). */
export const API_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'RATE_LIMITED',
  'RESYNC_REQUIRED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NETWORK',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface DescribedError {
  readonly code: ApiErrorCode;
  /** The API's own (English) message, shown as a detail under the translated one. */
  readonly detail?: string;
  readonly fields?: Record<string, string>;
  readonly retryAfterSeconds?: number;
  /**
   * Why the API refused (`extensions.reason`: stable, per area, listed in the README), translated by `reasonMessageId`
   * when the client knows it; the code's message otherwise.
   */
  readonly reason?: string;
}

/** The message id of a refusal's reason (`reasons.<REASON>` in reasons.json of every locale). */
export const reasonMessageId = (reason: string): string => `reasons.${reason}`;

/** One code for whatever Apollo hands us: the first GraphQL error's code, or NETWORK. */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const raw = String(first?.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    const code = (API_ERROR_CODES as readonly string[]).includes(raw) ? (raw as ApiErrorCode) : 'INTERNAL_SERVER_ERROR';
    return {
      code,
      detail: first?.message,
      fields: first?.extensions?.['fields'] as Record<string, string> | undefined,
      retryAfterSeconds: first?.extensions?.['retryAfterSeconds'] as number | undefined,
      reason: typeof first?.extensions?.['reason'] === 'string' ? first.extensions['reason'] : undefined,
    };
  }
  if (ServerError.is(error) || ServerParseError.is(error)) return { code: 'NETWORK', detail: error.message };
  if (error instanceof TypeError) return { code: 'NETWORK', detail: error.message };
  return { code: 'INTERNAL_SERVER_ERROR', detail: error instanceof Error ? error.message : undefined };
}

export function errorCodeOf(error: unknown): ApiErrorCode {
  return describeError(error).code;
}
