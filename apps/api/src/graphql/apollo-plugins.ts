import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { statementsSoFar } from '../database/sql-statement-counter';
import { isOutage, isUnexpected } from './errors/format-error';
import type { GraphQLContext } from './graphql-context';

/**
 * Logs, with the request id, every error that our code did not raise on purpose (its stack stays in the log).
 * A database outage fails every field of a request: it is logged once per request, with how many fields it failed.
 */
export function unexpectedErrorLogging(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const log = (contextValue?.req as unknown as { log?: Logger } | undefined)?.log;
          const outages = errors.filter((error) => isOutage(error));
          if (outages.length > 0) {
            const first = outages[0];
            log?.error(
              { err: first.originalError ?? first, operationName, failedFields: outages.length },
              'database unavailable: answered SERVICE_UNAVAILABLE',
            );
          }
          for (const error of errors) {
            if (isUnexpected(error, error)) {
              log?.error(
                { err: error.originalError ?? error, path: error.path, operationName },
                'GraphQL operation failed',
              );
            }
          }
        },
      };
    },
  };
}

/** Outside production, tells clients (tests, benchmarks) how many SQL statements their request ran. */
export function sqlStatementCountHeader(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('x-sql-statements', String(statementsSoFar()));
        },
      };
    },
  };
}

/**
 * While the database is down, the whole response says so with HTTP 503 (and Retry-After), whatever part of the
 * operation failed; load balancers and clients then retry instead of reporting a bug.
 */
export function serviceUnavailableStatus(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, response }) {
          if (errors?.some((error) => isOutage(error))) {
            response.http.status = 503;
            response.http.headers.set('retry-after', '5');
          }
        },
      };
    },
  };
}
